"""The fiche action form on a narrow window (one screen: the room screen takes the right of the
laptop, the tool gets 630 px): its fields were 150 px wide and « non noté » read « non r »."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from kitcop_desktop.tools.actions.spec import SPEC
from tests.layout_checks import cut_widgets


@pytest.mark.parametrize("width", [630, 824, 1720])
def test_every_field_and_rating_of_the_fiche_fits(app_look, ctx, qtbot, width):
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.new_item()

    def imposed() -> bool:  # the main window gives it this width, whatever it would like
        editor.resize(width, 640)
        return editor.width() == width

    qtbot.waitUntil(imposed, timeout=2000)
    sheet = editor.form_scroll.widget()
    assert sheet.width() <= editor.form_scroll.viewport().width()  # nothing off to the right
    assert cut_widgets(sheet) == []
    for key, field in editor.fields.items():
        if isinstance(field, QPlainTextEdit) or key in ("challenge", "target"):
            assert field.width() >= 260, (key, field.width())
    for key in ("impact", "feasibility"):
        label = editor.fields[key].label
        right = label.mapTo(sheet, label.rect().topRight()).x()
        assert right <= editor.form_scroll.viewport().width(), key  # « non noté » in sight
