"""claimx.text.fold: the same keys as its plain definition (NFKD, combining marks dropped,
spaces collapsed, case folded), for every character of the first planes."""

from __future__ import annotations

import re
import unicodedata

from claimx.text import fold


def plain(text: str) -> str:
    """fold as first written, character by character."""
    apostrophes: dict[str, str | int | None] = {"’": "'", "ʼ": "'", "`": "'", "‘": "'"}
    text = text.translate(str.maketrans(apostrophes))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().casefold()


def test_every_character_of_the_first_planes() -> None:
    for block in range(0, 0x30000, 0x400):
        text = "".join(map(chr, range(block, block + 0x400)))
        text = "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)
        assert fold(text) == plain(text), hex(block)


def test_names_and_spaces() -> None:
    for text in [
        "L’Élysée  ",
        " Ça\u00a0va\t\n",
        "ＡＢＣ ﬁ ẞ Å",
        "l`État ‘x’ ʼy",
        "\u034fa\u0301",
        "",
    ]:
        assert fold(text) == plain(text)
    assert fold("L’Élysée  ") == "l'elysee"
