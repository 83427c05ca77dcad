"""The tables tool as the shell loads it (#24)."""

from __future__ import annotations

from kitcop_desktop.ui.tool_spec import ToolSpec


def _make_editor(ctx):
    from kitcop_desktop.tools.tables.editor import TablesEditor

    return TablesEditor(ctx)


SPEC = ToolSpec(
    key="tables",
    title="Tables",
    icon="tables",
    order=8,
    make_editor=_make_editor,
    description="Les tables d'un world café, d'un pro-action café ou des sous-groupes, "
    "et qui s'assoit où à chaque tour.",
)
