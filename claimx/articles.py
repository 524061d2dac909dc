"""Read articles: bytes to text with a known encoding, and where they came from."""

from __future__ import annotations

import codecs
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from claimx.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Article:
    """One article to analyse: its text and what is known about it."""

    text: str
    source: str = "-"
    sha256: str = ""
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None  # the outlet, from front matter or a JSON field
    lang: str | None = None  # None: the pipeline's language

    @classmethod
    def from_text(cls, text: str, source: str = "-", lang: str | None = None) -> Article:
        """An article from a str; lone surrogates (no character of any encoding: a bad
        decoding upstream) become U+FFFD, one for one, so that offsets stay true."""
        text = clean_text(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(text=text, source=source, sha256=digest, lang=lang)


_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` with lone surrogates and NUL characters replaced, one character for one
    (U+FFFD and a space): neither can be written as UTF-8 YAML or read by the tokenizer."""
    if "\x00" in text:
        text = text.replace("\x00", " ")
    return _SURROGATES.sub("\ufffd", text)


def decode(data: bytes, name: str = "-") -> str:
    """Decode article bytes, in this order: a byte-order mark; UTF-16 without one (every
    other byte zero); strict UTF-8; a Western legacy encoding, detected among
    `LEGACY_ENCODINGS` only (unrestricted detection reads French Windows-1252 as Baltic);
    Windows-1252.

    Raise InputError for empty or binary input.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, encoding, name), name)
    if not data.strip():
        raise InputError(f"{name}: empty input, nothing to analyse")
    head = data[:8192]
    if b"\x00" in head:
        utf16 = _utf16_order(head)
        if utf16 is not None:
            return _checked(_strict(data, utf16, name), name)
        if head.count(0) > max(8, len(head) // 100):  # a stray NUL is not a binary file
            raise InputError(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode(_legacy_encoding(data), errors="replace")
    return _checked(text, name)


LEGACY_ENCODINGS = ["cp1252", "iso8859_15", "mac_roman", "cp850"]


def _legacy_encoding(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency of claimx
        return "cp1252"
    best = from_bytes(data[:65536], cp_isolation=LEGACY_ENCODINGS).best()
    # Windows-1252 is a superset of Latin-1's printable range: the safe default.
    return best.encoding if best is not None else "cp1252"


def _utf16_order(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the zero bytes sit at odd or even offsets."""
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 4:
        return None
    odd = sample[1::2].count(0) / (len(sample) / 2)
    even = sample[0::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: invalid {encoding} text ({err.reason})") from err


def _checked(text: str, name: str) -> str:
    text = clean_text(text)
    if not text.strip():
        raise InputError(f"{name}: empty input, nothing to analyse")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise InputError(f"{name}: binary file, not text")
    return text


def read_bytes(path: str) -> bytes:
    """A file's bytes; InputError when it is missing, a folder, unreadable or too large."""
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a folder (use `claimx batch` for folders)")
    try:
        with file.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from err
    return _within_limit(data, path)


def read_article(path: str) -> Article:
    """Read an article from a file path, or from standard input for "-"."""
    if path == "-":
        data = _within_limit(sys.stdin.buffer.read(MAX_BYTES + 1), path)
    else:
        data = read_bytes(path)
    text = decode(data, path)
    return Article(text=text, source=path, sha256=hashlib.sha256(data).hexdigest())


def _within_limit(data: bytes, path: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB, not analysed")
    return data
