"""#18 « change-notification areas as an Enum, not free strings »: every area the code names,
when it notifies or when a view listens, is one of `Area`'s members; a misspelt one is refused
at once instead of leaving a view silently stale in front of the room."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kitcop_desktop.ui.changes import Area, ChangeHub

PACKAGE = Path(__file__).resolve().parents[2] / "kitcop_desktop"


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [s for e in node.elts for s in _strings(e)]
    return []


def _named_areas(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, name) of each area written as a string: `AREA = "…"`, `notify("…")`, `area="…"`,
    `area == "…"`, `area in ("…", …)`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "AREA" for t in node.targets
        ):
            found += [(node.lineno, s) for s in _strings(node.value)]
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "notify" and node.args:
                found += [(node.lineno, s) for s in _strings(node.args[0])]
            found += [
                (node.lineno, s)
                for k in node.keywords
                if k.arg == "area"
                for s in _strings(k.value)
            ]
        elif (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Name)
            and node.left.id == "area"
            and isinstance(node.ops[0], ast.Eq | ast.In | ast.NotEq)
        ):
            found += [(node.lineno, s) for c in node.comparators for s in _strings(c)]
    return found


def test_every_area_the_code_names_is_a_member():
    members = {a.value for a in Area}
    strays = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, name in _named_areas(tree):
            if name not in members:
                strays.append(f"{path.relative_to(PACKAGE)}:{line}: {name!r}")
    assert strays == []


def test_the_scan_sees_areas_where_the_code_writes_them():
    """The scan above would pass on nothing: it must find the areas of real code."""
    tree = ast.parse(
        'AREA = "boardz"\nhub.notify("votting", 1)\nif area in ("run", "agendaa"): pass\n'
    )
    assert [name for _line, name in _named_areas(tree)] == ["boardz", "votting", "run", "agendaa"]


def test_a_misspelt_area_is_refused_and_a_known_one_reaches_the_views(qtbot):
    hub = ChangeHub()
    heard: list[tuple[str, int]] = []
    hub.changed.connect(lambda area, workshop: heard.append((area, workshop)))
    with pytest.raises(ValueError):
        hub.notify("boardz", 3)
    hub.notify(Area.BOARDS, 3)
    hub.notify("voting", 3)
    assert heard == [("boards", 3), ("voting", 3)]
