"""Write extractions as YAML (safe dumping, Unicode unescaped), JSON or JSON Lines."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import yaml

from claimx.store.records import Flow, FlowSpan

_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Plain scalars a YAML 1.2 reader would take for a number, boolean or null.
_YAML12_SPECIAL = re.compile(
    r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
        |0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
        |true|True|TRUE|false|False|FALSE|null|Null|NULL|~|)$""",
    re.VERBOSE,
)


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Safe dumper that quotes strings YAML 1.2 would read as other types."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _YAML12_SPECIAL.match(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


DUMP_OPTIONS: dict[str, Any] = {
    "allow_unicode": True,
    "sort_keys": False,
    "explicit_start": True,
    "width": 2**31 - 1,
    "default_flow_style": False,
}
_STR = "tag:yaml.org,2002:str"


def to_yaml(documents: Iterable[dict[str, Any]]) -> str:
    """A YAML stream, one `---` document per extraction.

    The same text as `yaml.dump_all(documents, Dumper=_Dumper, **DUMP_OPTIONS)` with spans
    attributions and lists in flow style (`one_line`), made twice as fast by feeding PyYAML's
    safe emitter the events of our plain data directly (no representer and serializer
    graphs; claimx output has no shared objects to alias).
    """
    stream = io.StringIO()
    dumper = _Dumper(stream, **DUMP_OPTIONS)
    try:
        dumper.emit(yaml.StreamStartEvent())
        for document in documents:
            dumper.emit(yaml.DocumentStartEvent(explicit=True))
            for event in _events(dumper, document):
                dumper.emit(event)
            dumper.emit(yaml.DocumentEndEvent(explicit=False))
        dumper.emit(yaml.StreamEndEvent())
    finally:
        dumper.dispose()
    return stream.getvalue()


def one_line(value: Any) -> bool:
    """Whether a mapping or list is written in flow style, on one line: the mappings the
    records mark so (`Flow`: spans, attributions, figures, chips, the pipeline), and lists
    of strings (ids, roles) or of spans (an actor's mentions)."""
    if isinstance(value, dict):
        return isinstance(value, Flow)
    return bool(value) and all(isinstance(item, (str, FlowSpan)) for item in value)


def _events(dumper: Any, value: Any) -> Iterator[yaml.Event]:
    if isinstance(value, dict):
        yield yaml.MappingStartEvent(None, None, True, flow_style=one_line(value))
        for key, item in value.items():
            yield from _events(dumper, key)
            yield from _events(dumper, item)
        yield yaml.MappingEndEvent()
    elif isinstance(value, (list, tuple)):
        yield yaml.SequenceStartEvent(None, None, True, flow_style=one_line(value))
        for item in value:
            yield from _events(dumper, item)
        yield yaml.SequenceEndEvent()
    elif isinstance(value, str):
        if _YAML12_SPECIAL.match(value):
            yield yaml.ScalarEvent(None, None, (False, True), value, style="'")
        else:
            plain = dumper.resolve(yaml.ScalarNode, value, (True, False)) == _STR
            yield yaml.ScalarEvent(None, None, (plain, True), value)
    elif value is None or isinstance(value, (bool, int, float)):
        node = dumper.represent_data(value)  # null, true, 12, 1.5, .inf as PyYAML writes them
        yield yaml.ScalarEvent(None, None, (True, False), node.value)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as claimx YAML")


def to_json(document: dict[str, Any] | list[dict[str, Any]]) -> str:
    """Pretty JSON, Unicode unescaped."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(document: dict[str, Any]) -> str:
    """One JSON object on one line."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def load_yaml_documents(text: str) -> list[Any]:
    """Read a YAML stream written by `to_yaml` (safe loading)."""
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [d for d in yaml.load_all(text, Loader=loader) if d is not None]


def load_untrusted_documents(text: str) -> list[Any]:
    """`load_untrusted_yaml` for a stream of documents (a claims file from anywhere)."""
    loader = _refuse_aliases(text)
    return [d for d in yaml.load_all(text, Loader=loader) if d is not None]


def load_untrusted_yaml(text: str) -> Any:
    """Safe-load one YAML document from a file claimx did not write (front matter, a file
    found in an output folder), refusing aliases: a few hundred bytes of nested aliases
    ("billion laughs") would expand to gigabytes. Raise yaml.YAMLError."""
    return yaml.load(text, Loader=_refuse_aliases(text))


def _refuse_aliases(text: str) -> type[yaml.SafeLoader]:
    """The safe loader for `text`, after making sure it holds no alias (yaml.YAMLError).
    Without an anchor (`&`) no alias can resolve: the scan is needed only then."""
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if "&" not in text:
        return loader
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError("YAML aliases are not accepted here")
    return loader
