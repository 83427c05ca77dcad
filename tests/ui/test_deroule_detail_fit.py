"""The déroulé's detail on a 1366×768 laptop (#23 item 4): the séquence's name, duration and
« Heure fixée » stay in view whatever long text is being typed below them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QScrollArea

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def deroule(qtbot, store, workshop_id, tmp_path):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, load_tool_specs(), settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.open_workshop(workshop_id)
    window.show()
    qtbot.waitExposed(window)
    window.activate_tool("agenda")
    editor = window.current_editor()
    editor.select(editor.model.rows[2].id)
    yield window, editor
    window.room.close()


def whole_in_view(widget) -> bool:
    """Every pixel of the widget is on screen, not clipped by a scroll area."""
    seen = widget.visibleRegion().boundingRect()
    return widget.isVisible() and seen.height() == widget.height() and seen.width() > 0


def scroll_to(widget) -> None:
    """What Tab into a field does: its scroll area brings it into view."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None
    parent.ensureWidgetVisible(widget)


def test_heure_fixee_stays_in_view_while_typing_the_materials(deroule, qtbot):
    window, editor = deroule
    detail = editor.detail
    assert whole_in_view(detail.pin) and whole_in_view(detail.minutes)
    for field in (detail.instructions, detail.notes, detail.materials):
        field.setFocus()
        scroll_to(field)
        assert not field.visibleRegion().isEmpty()
        assert whole_in_view(detail.pin), "« Heure fixée » scrolled out of view"
        assert whole_in_view(detail.minutes) and whole_in_view(detail.title)
    # Typed there, the pin takes effect on the row beside it.
    detail.pin.setFocus()
    detail.pin.setText("10:30")
    detail.pin.editingFinished.emit()
    assert editor.model.rows[2].pinned
