"""The import direction of DESIGN.md: tools -> ui -> storage, printing -> domain.

domain/, storage/ and printing/ never import Qt; a tool never imports another tool;
only app.py knows the tools.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kitcop_desktop"
QT_MODULES = ("PySide6", "qtawesome", "qtpy", "shiboken6")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(str(node.args[0].value))
    return names


def modules_under(folder: str):
    yield from (PACKAGE / folder).rglob("*.py")


def test_lower_layers_never_import_qt():
    offenders = []
    for layer in ("domain", "storage", "printing"):
        for path in modules_under(layer):
            for name in imported_modules(path):
                if name.split(".")[0] in QT_MODULES:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_domain_imports_only_the_standard_library_and_itself():
    offenders = []
    for path in modules_under("domain"):
        for name in imported_modules(path):
            top = name.split(".")[0]
            if (
                top == "kitcop_desktop"
                and not name.startswith("kitcop_desktop.domain")
                and name != "kitcop_desktop.i18n"  # Qt-free, SQL-free: the words of every layer
                or top in ("sqlalchemy", "alembic", "reportlab", "PySide6")
            ):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_storage_and_printing_do_not_import_ui_or_tools():
    offenders = []
    for layer in ("domain", "storage", "printing", "ui"):
        for path in modules_under(layer):
            for name in imported_modules(path):
                bad = ["kitcop_desktop.tools", "kitcop_desktop.app"]
                if layer != "ui":
                    bad.append("kitcop_desktop.ui")
                if any(name == b or name.startswith(b + ".") for b in bad):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_tools_do_not_import_each_other():
    offenders = []
    tools = PACKAGE / "tools"
    for tool in (p for p in tools.iterdir() if p.is_dir() and not p.name.startswith("__")):
        for path in tool.rglob("*.py"):
            for name in imported_modules(path):
                if name.startswith("kitcop_desktop.tools.") and name.split(".")[2] != tool.name:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_every_tool_in_app_has_a_spec():
    from kitcop_desktop.app import TOOL_KEYS

    for key in TOOL_KEYS:
        assert (PACKAGE / "tools" / key / "spec.py").exists(), key


def test_phones_stay_below_the_shell():
    """#19: kitcop_desktop/phones (server, session, page data) sits beside storage/: it may use
    domain/, storage/, i18n and paths, never Qt, the shell or a tool; the shell (ui/phones.py)
    and the tools that open themselves to phones import it, never the other way round."""
    offenders = []
    for path in modules_under("phones"):
        for name in imported_modules(path):
            top = name.split(".")[0]
            inside = name.startswith("kitcop_desktop.")
            allowed = (
                name.startswith(("kitcop_desktop.phones", "kitcop_desktop.domain"))
                or name.startswith("kitcop_desktop.storage")
                or name in ("kitcop_desktop.i18n", "kitcop_desktop.paths")
            )
            if top in QT_MODULES or (inside and not allowed):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    for layer in ("domain", "storage", "printing"):
        for path in modules_under(layer):
            for name in imported_modules(path):
                if name == "kitcop_desktop.phones" or name.startswith("kitcop_desktop.phones."):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []
    assert any(modules_under("phones"))
