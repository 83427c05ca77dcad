"""The fiche action form scrolls as a page should (issue #22 item 4): the page follows the
caret while a field near the bottom grows, the scrollbar's thumb always says where the content
is, the down arrow scrolls, and a position chosen by dragging stays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kitcop_desktop.tools.actions.spec import SPEC

SENTENCE = "nous voulons un comite de suivi mensuel avec les entreprises et les CFA "


@pytest.fixture
def form(ctx, qtbot):
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(900, 560)  # a 1024×768 laptop, sidebar and toolbars taken off
    editor.show()
    editor.windowHandle().requestActivate()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.new_item()
    return editor


def _thumb_tells_the_truth(scroll) -> None:
    assert scroll.widget().y() == -scroll.verticalScrollBar().value()


def _caret_in_sight(scroll, field) -> bool:
    caret = field.cursorRect()
    top = field.viewport().mapTo(scroll.viewport(), caret.topLeft())
    bottom = field.viewport().mapTo(scroll.viewport(), caret.bottomLeft())
    return top.y() >= 0 and bottom.y() <= scroll.viewport().height()


def test_typing_at_the_bottom_keeps_the_caret_in_sight(form, qtbot):
    scroll = form.form_scroll
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # the user scrolls down to the last field and clicks in it
    field = form.fields["acceleration_needs"]
    QTest.mouseClick(field.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
    assert field.hasFocus()
    for n in range(14):
        QTest.keyClicks(field, f"phrase {n} : {SENTENCE}")
        QTest.keyClick(field, Qt.Key.Key_Return)
        if n % 4 == 3:
            qtbot.wait(450)  # a pause: the text is stored, the form reloads around it
        qtbot.waitUntil(lambda: _caret_in_sight(scroll, field), timeout=500)  # next loop turn
        _thumb_tells_the_truth(scroll)
    assert field.verticalScrollBar().maximum() == 0 or field.height() >= 270


def test_arrow_and_drag_move_the_page_and_it_stays_there(form, qtbot):
    scroll = form.form_scroll
    bar = scroll.verticalScrollBar()
    form.fields["description"].setPlainText(SENTENCE * 12)
    qtbot.wait(50)
    assert bar.maximum() > 0
    bar.setValue(0)
    QTest.keyClick(bar, Qt.Key.Key_Down)
    assert bar.value() > 0  # the down arrow scrolls
    _thumb_tells_the_truth(scroll)
    middle = bar.maximum() // 2
    bar.setSliderDown(True)
    bar.setSliderPosition(middle)  # dragged to the middle
    bar.setSliderDown(False)
    _thumb_tells_the_truth(scroll)
    field = form.fields["challenge"]
    field.setFocus()  # a field above the view: focus alone does not yank the page
    form.reload()  # what a stored edit does
    qtbot.wait(50)
    assert bar.value() == middle
    _thumb_tells_the_truth(scroll)


def test_scrolling_away_while_a_field_keeps_the_focus_is_not_undone(form, qtbot):
    scroll = form.form_scroll
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    field = form.fields["acceleration_needs"]
    QTest.mouseClick(field.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
    QTest.keyClicks(field, SENTENCE * 3)
    qtbot.waitUntil(lambda: _caret_in_sight(scroll, field), timeout=500)
    bar.triggerAction(bar.SliderAction.SliderToMinimum)  # the wheel, up to the défi
    assert bar.value() == 0
    form.fields["description"].setPlainText(SENTENCE * 9)  # the page grows meanwhile
    qtbot.wait(450)  # the typed text is stored, the form reloads
    assert bar.value() == 0 and field.hasFocus()
    _thumb_tells_the_truth(scroll)
