"""The import graph: packages import downwards, never sideways, and no module cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "claimx"
SIBLINGS = ("claimx.batch", "claimx.review", "claimx.story")
ABOVE_STORE = (*SIBLINGS, "claimx.cli", "claimx.api", "claimx.components", "claimx.evaluate")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The claimx modules a module imports, wherever the import statement is (a function
    included: an import moved into a function still makes the dependency)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name for name in found if name == "claimx" or name.startswith("claimx.")}


GRAPH = {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize("package", SIBLINGS)
def test_batch_review_and_story_never_import_each_other(package: str) -> None:
    others = [p for p in SIBLINGS if p != package]
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if within(module, package)
        for target in targets
        if any(within(target, other) for other in others)
    )
    assert not wrong


def test_the_store_imports_nothing_above_it() -> None:
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if within(module, "claimx.store")
        for target in targets
        if any(within(target, above) for above in ABOVE_STORE)
    )
    assert not wrong


def test_no_import_cycle_between_modules() -> None:
    """A package stands for its `__init__` (what importing it runs); a module importing its
    own package adds no edge, as Python has begun importing that package already."""
    graph = {
        module: {t for t in targets if t in GRAPH and t != module and not within(module, t)}
        for module, targets in GRAPH.items()
    }
    cycle = _find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None
