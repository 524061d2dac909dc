"""A fast reader for the YAML that claimx itself writes (`claimx.store.serialize.to_yaml`):
block mappings and indentless sequences, one scalar per line, plain or quoted. PyYAML builds
its objects in Python, about 15 ms for one news article's claims file; reading a folder
of thousands of them for a summary needs a tenth of that.

Anything outside that subset (a hand-edited file with a flow collection, an anchor, a
block scalar, a comment, a scalar YAML would resolve to a type other than a string, an
integer, a float, a boolean or null) raises `Unsupported`, and the caller reads the file
with PyYAML instead: the result is the same, only slower.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import yaml

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+(?:e[-+][0-9]+)?")
_RESOLVERS = yaml.SafeLoader.yaml_implicit_resolvers
_SPECIAL = frozenset("&*!|>%@`[{#")
_BREAKS = ("\x85", "\u2028", "\u2029")  # line breaks to YAML 1.1, not to str.split
_INDICATOR = re.compile(r"[,\[\]{}]")  # what ends a plain scalar in a flow collection
_BAD_KEY = re.compile(r"[,\[\]{}'\"]")


class Unsupported(ValueError):
    """A construct this reader does not handle; read the text with PyYAML."""


def load_documents(text: str, counted: frozenset[str] = frozenset()) -> list[Any]:
    """The documents of a YAML stream written by claimx, as PyYAML's safe loader gives.

    counted: keys whose list only matters by its length (an actor's `mentions` for a
    summary): their items are counted, not read, and the list holds None for each.
    """
    if any(mark in text for mark in _BREAKS):
        raise Unsupported("a line break other than \\n")
    documents: list[Any] = []
    lines: list[tuple[int, str]] = []
    started = False
    for raw in text.split("\n"):
        line = raw.removesuffix("\r")
        if "\r" in line:
            raise Unsupported("a carriage return inside a line")
        if line == "---" or line.startswith("--- "):
            if started:
                documents.append(_document(lines, counted))
            if line != "---":
                raise Unsupported("content after a document marker")
            lines, started = [], True
            continue
        if not line.strip():
            continue
        if line.startswith(("#", "%", "...")) or "\t" in line[: len(line) - len(line.lstrip())]:
            raise Unsupported("directive, comment or tab indentation")
        lines.append((len(line) - len(line.lstrip(" ")), line.lstrip(" ")))
    if started or lines:
        documents.append(_document(lines, counted))
    return [d for d in documents if d is not None]


def _document(lines: list[tuple[int, str]], counted: frozenset[str]) -> Any:
    if not lines:
        return None
    value, end = _block(lines, 0, lines[0][0], counted)
    if end != len(lines):
        raise Unsupported(f"unexpected indentation at line {end + 1} of a document")
    return value


def _block(
    lines: list[tuple[int, str]], i: int, indent: int, counted: frozenset[str]
) -> tuple[Any, int]:
    content = lines[i][1]
    if content == "-" or content.startswith("- "):
        return _sequence(lines, i, indent, counted)
    return _mapping(lines, i, indent, counted)


def _sequence(
    lines: list[tuple[int, str]], i: int, indent: int, counted: frozenset[str]
) -> tuple[list[Any], int]:
    items: list[Any] = []
    while i < len(lines) and lines[i][0] == indent:
        content = lines[i][1]
        if not (content == "-" or content.startswith("- ")):
            break
        rest = content[2:].lstrip(" ")
        if not rest:
            if i + 1 < len(lines) and lines[i + 1][0] > indent:
                value, i = _block(lines, i + 1, lines[i + 1][0], counted)
                items.append(value)
                continue
            items.append(None)
            i += 1
            continue
        inner = indent + len(content) - len(rest)
        if rest[0] not in "{['\"" and _key_line(rest):  # a mapping on the dash's line
            lines[i] = (inner, rest)
            value, i = _mapping(lines, i, inner, counted)
            items.append(value)
        elif rest == "-" or rest.startswith("- "):
            raise Unsupported("nested sequence on a dash line")
        else:
            items.append(_scalar(rest))
            i += 1
    return items, i


def _mapping(
    lines: list[tuple[int, str]], i: int, indent: int, counted: frozenset[str]
) -> tuple[dict[str, Any], int]:
    mapping: dict[str, Any] = {}
    while i < len(lines) and lines[i][0] == indent:
        content = lines[i][1]
        if content == "-" or content.startswith("- "):
            break
        key, value = _split(content)
        if key in mapping:
            raise Unsupported(f"repeated key {key!r}")
        i += 1
        if key in counted and value and value.startswith("[{"):  # a one-line list of spans
            mapping[key] = [None] * value.count("{start: ")
        elif value is None and key in counted:
            mapping[key], i = _count(lines, i, indent)
        elif value is None:
            follows = i < len(lines)
            if follows and lines[i][0] > indent:
                mapping[key], i = _block(lines, i, lines[i][0], counted)
            elif follows and lines[i][0] == indent and lines[i][1][:2] in ("- ", "-"):
                mapping[key], i = _sequence(lines, i, indent, counted)  # PyYAML's indentless lists
            else:
                mapping[key] = None
        else:
            mapping[key] = _scalar(value)
    if i < len(lines) and lines[i][0] > indent:
        raise Unsupported("a continuation line")
    return mapping, i


def _count(lines: list[tuple[int, str]], i: int, indent: int) -> tuple[list[None], int]:
    """Skip the list that starts at line i (indentless, or more indented); [None] * items."""
    items = 0
    inner = lines[i][0] if i < len(lines) and lines[i][0] > indent else indent
    while i < len(lines):
        spaces, content = lines[i]
        if spaces == inner and content[:1] == "-":
            items += 1
        elif spaces <= indent or spaces < inner:
            break
        i += 1
    return [None] * items, i


def _key_line(content: str) -> bool:
    return content.endswith(":") or ": " in content


def _split(content: str) -> tuple[str, str | None]:
    if content.endswith(":") and ": " not in content:
        key, value = content[:-1], None
    elif ": " in content:
        key, value = content.split(": ", 1)
        value = value.lstrip(" ")
    else:
        raise Unsupported("a line that is neither a key nor a list item")
    if not key or key[0] in "'\"?" or key[0] in _SPECIAL or not isinstance(_scalar(key), str):
        raise Unsupported(f"key {key!r}")
    return key, value


def _scalar(text: str) -> Any:
    if not text:
        return None
    first = text[0]
    if first == "'":
        if len(text) < 2 or not text.endswith("'") or "'" in text[1:-1].replace("''", ""):
            raise Unsupported("single-quoted scalar")
        return text[1:-1].replace("''", "'")
    if first == '"':
        body = text[1:-1]
        if len(text) < 2 or not text.endswith('"') or re.search(r"\\[^\"\\/bfnrtu]", body):
            raise Unsupported("double-quoted scalar with YAML-only escapes")
        try:
            value = json.loads(text)
        except ValueError:
            raise Unsupported("double-quoted scalar") from None
        if not isinstance(value, str):
            raise Unsupported("double-quoted scalar")
        return value
    if text == "[]":
        return []
    if text == "{}":
        return {}
    if first in "{[":
        return _flow(text)
    return _plain(text)


@lru_cache(maxsize=1 << 14)  # ids, kinds, numbers and names repeat across a folder
def _plain(text: str) -> Any:
    first = text[0]
    if first in _SPECIAL or " #" in text or text.endswith(":") or ": " in text:
        raise Unsupported(f"plain scalar {text!r}")
    for tag, pattern in _RESOLVERS.get(first, []):
        if pattern.match(text):
            return _resolved(tag, text)
    return text


def _flow(text: str) -> Any:
    """A flow collection on one line (`{start: 20, end: 29, text: Microsoft}`, `[a, b]`,
    nested ones) as Python data."""
    value, end = _flow_value(text, 0)
    if end != len(text):
        raise Unsupported("text after a flow collection")
    return value


def _flow_value(s: str, i: int) -> tuple[Any, int]:
    if i >= len(s):
        raise Unsupported("flow collection cut short")
    first = s[i]
    if first in "{[":
        closing = "}]"["{[".index(first)]
        mapping: dict[str, Any] = {}
        items: list[Any] = []
        i += 1
        if s.startswith(closing, i):
            return (mapping if first == "{" else items), i + 1
        while True:
            if first == "{":
                colon = s.find(": ", i)
                key = s[i:colon] if colon > i else ""
                if not key or _BAD_KEY.search(key) or key in mapping:
                    raise Unsupported("flow mapping key")
                mapping[key], i = _flow_value(s, colon + 2)
            else:
                item, i = _flow_value(s, i)
                items.append(item)
            if s.startswith(", ", i):
                i += 2
            elif s.startswith(closing, i):
                return (mapping if first == "{" else items), i + 1
            else:
                raise Unsupported("flow collection separator")
    if first in "'\"":
        end = _quoted_end(s, i)
        return _scalar(s[i : end + 1]), end + 1
    found = _INDICATOR.search(s, i)
    end = found.start() if found else len(s)
    raw = s[i:end]
    if not raw or raw != raw.strip():
        raise Unsupported("flow scalar")
    return _scalar(raw), end


def _quoted_end(text: str, start: int) -> int:
    """The index of the quote closing the scalar opened at `start`."""
    quote, i = text[start], start + 1
    while True:
        end = text.find(quote, i)
        if end < 0:
            raise Unsupported("unterminated quoted scalar")
        if quote == "'":
            if text.startswith("''", end):
                i = end + 2
                continue
            return end
        backslashes = len(text[i:end]) - len(text[i:end].rstrip("\\"))
        if backslashes % 2 == 0:
            return end
        i = end + 1


def _resolved(tag: str, text: str) -> Any:
    kind = tag.rsplit(":", 1)[-1]
    if kind == "null":
        return None
    if kind == "bool" and text in ("true", "false"):
        return text == "true"
    if kind == "int" and _INT.fullmatch(text):
        return int(text)
    if kind == "float" and _FLOAT.fullmatch(text):
        return float(text)
    raise Unsupported(f"{kind} scalar {text!r}")
