"""The list model every tool's list of stored rows goes through (ui/widgets/row_list.py):
Qt's model checker watches each refill, and the facilitator's row stays chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.row_list import KEY_ROLE, Row, RowList, RowsModel
from tests.model_tester import assert_model_sound, model_tester


def rows(*keys: int, suffix: str = "") -> list[Row]:
    return [Row(f"Fiche {k}{suffix}", key=k) for k in keys]


def test_refills_are_sound_for_qt_s_model_checker(qtbot, qtlog):
    model = RowsModel()
    tester = model_tester(model)
    for step in (
        rows(1, 2, 3),
        rows(1, 2, 3, 4),  # added at the end
        rows(0, 1, 2, 3, 4),  # at the top
        rows(0, 2, 4),  # two removed
        rows(0, 2, 4, suffix=" (modifiée)"),  # words changed
        rows(4, 2, 0),  # reordered: reset
        rows(4, 7, 8, 2, 9),  # inserted in runs
        [Row("a"), Row("b")],  # no keys, twice None: reset
        [],
        rows(5),
    ):
        model.set_rows(step)
        assert [model.text(i) for i in range(model.rowCount())] == [r.text for r in step]
    assert tester is not None
    assert_model_sound(qtlog)


def test_the_look_is_the_theme_s(qtbot, qtlog):
    model = RowsModel()
    model_tester(model)
    model.set_rows([Row("Karim", key=3, foreground=theme.INK_LEFT, bold=True, tooltip="parti")])
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == theme.INK_LEFT
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "parti"
    assert index.data(KEY_ROLE) == 3
    assert_model_sound(qtlog)


def test_the_chosen_row_stays_chosen_across_a_refill(qtbot):
    view = RowList()
    qtbot.addWidget(view)
    moved: list[object] = []
    view.current_moved.connect(moved.append)
    view.set_rows(rows(1, 2, 3))
    view.setCurrentRow(1)
    assert moved == [2]
    view.set_rows(rows(0, 1, 2, 3, suffix="!"))  # one added above, every row's words changed
    assert view.current_key() == 2 and view.currentRow() == 2
    assert moved == [2]  # the facilitator's row did not change: no signal
    view.set_rows(rows(0, 1, 3))  # the chosen one deleted elsewhere
    assert view.current_key() != 2
    assert view.select_key(3) and view.row_text(view.currentRow()) == "Fiche 3"
    assert not view.select_key(42)
