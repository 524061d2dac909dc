"""The data files of models/ read by libyaml's parser give what the pure-Python one gives."""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml

from claimx.resources import SAFE_LOADER, load_yaml, models_dir

FILES = sorted(p.name for p in models_dir().glob("*.yaml"))


def _typed(value: Any) -> Any:
    """The value with each scalar's type beside it (1 == 1.0 == True otherwise)."""
    if isinstance(value, dict):
        return {_typed(k): _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return ("nan", float)
    return (value, type(value))


@pytest.mark.parametrize("name", FILES)
def test_data_files_read_alike(name: str) -> None:
    text = (models_dir() / name).read_text(encoding="utf-8")
    fresh = load_yaml.__wrapped__(name)  # not the cached value, which its users may extend
    assert _typed(fresh) == _typed(yaml.load(text, Loader=yaml.SafeLoader))


def test_tricky_yaml_read_alike() -> None:
    text = (
        "a: 1\nb: 1.0\nc: yes\nd: ~\ne: 2026-12-07\nf: '007'\ng: « échec » \U0001f600\n"
        "h: [1e3, .5, -.inf, 0x1F, 0o17, '1_000', 1_000]\ni: !!str 12\nj: |\n  deux\n  lignes\n"
        'k: &x {l: [m, n]}\no: *x\np: "\\u2028\\t\\\\"\n'
    )
    assert _typed(yaml.load(text, Loader=SAFE_LOADER)) == _typed(
        yaml.load(text, Loader=yaml.SafeLoader)
    )


def test_the_loader_is_safe() -> None:
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load("!!python/object/apply:os.system ['true']", Loader=SAFE_LOADER)
