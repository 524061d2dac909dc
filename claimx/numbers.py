"""Parse numbers as the press writes them: digits with separators, and number words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

_SPACES = "\u0020\u00a0\u202f\u2009"
_SPACE_RE = re.compile(f"[{_SPACES}]")


def parse_digits(text: str, lang: str = "fr") -> Decimal:
    """Parse a digit string with thousands separators and a decimal mark.

    French reads "1,5" as 1.5 and "1.500" as 1500; English reads "1,500" as
    1500 and "1.5" as 1.5. Spaces (plain, no-break, thin) always group thousands.

    >>> parse_digits("1 500,25")
    Decimal('1500.25')
    >>> parse_digits("1,500", "en")
    Decimal('1500')
    """
    s = _SPACE_RE.sub("", text.strip())
    decimal_mark, group_mark = (",", ".") if lang == "fr" else (".", ",")
    if decimal_mark in s and group_mark in s:
        # Both present: the last one is the decimal mark, whatever the language.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif group_mark in s:
        parts = s.split(group_mark)
        if all(len(p) == 3 for p in parts[1:]):
            s = "".join(parts)
        else:  # "2.50" in French, "2,5" in English: a decimal mark after all
            s = s.replace(group_mark, ".")
    elif decimal_mark in s:
        s = s.replace(decimal_mark, ".")
    try:
        return Decimal(s)
    except InvalidOperation as err:
        raise ValueError(f"not a number: {text!r}") from err


def parse_words(text: str, values: Mapping[str, int]) -> Decimal:
    """Parse French number words ("deux cent cinquante", "quatre-vingt-dix-neuf").

    >>> parse_words("vingt-cinq", {"vingt": 20, "cinq": 5})
    Decimal('25')
    """
    words = [w for w in re.split(r"[\s\-]+", text.lower().strip()) if w and w != "et"]
    if not words:
        raise ValueError(f"not a number: {text!r}")
    total = 0
    current = 0
    previous = ""
    for word in words:
        if word not in values:
            raise ValueError(f"not a number word: {word!r}")
        value = values[word]
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        elif value == 20 and previous == "quatre":
            current += 76  # "quatre-vingt": the 4 already counted becomes 80
        else:
            current += value
        previous = word
    return Decimal(total + current)


def to_json_number(value: Decimal) -> int | float:
    """An integral Decimal becomes an int, any other a float rounded to 6 places."""
    if value == value.to_integral_value():
        return int(value)
    return float(round(value, 6))
