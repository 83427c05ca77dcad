"""#13 item 11: the bowl in the real main window at 1200×752 and 1024×768. Chairs never cover
one another or their buttons, the focus never lands in « Retardataire » after seating someone
(so « 4 » gives chair 4 the floor), and the current speaker is never proposed to leave."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import participants
from kitcop_desktop.ui.main_window import MainWindow

PEOPLE = "Claire Dubois\nThomas Girard\nNadia Haddad\nLéa Fontaine\nKarim Benali\nSophie Martin\n"


def open_bowl(qtbot, store, workshop_id, size):
    with store.write() as s:
        participants.paste(s, workshop_id, PEOPLE)
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_workshop(workshop_id)
    window.activate_tool("fishbowl")
    panel = window.current_editor().bowl
    panel.new_item()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, panel


def circle_row(panel, name):
    circle = panel.centre.circle
    return next(
        circle.model().index(r, 0)
        for r in range(circle.count())
        if circle.row_text(r).startswith(name)
    )


def settle() -> None:
    """Let the layouts take in what changed (each pass may post the next request)."""
    for _ in range(6):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def rect_in(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def visible(widget) -> bool:
    return widget.isVisibleTo(widget.window())


@pytest.mark.parametrize("size", [(1200, 752), (1024, 768)])
@pytest.mark.parametrize("setup_shown", [True, False])
def test_chairs_never_cover_each_other_or_their_buttons(
    qtbot, store, workshop_id, size, setup_shown
):
    window, panel = open_bowl(qtbot, store, workshop_id, size)
    for name in ("Claire", "Thomas", "Nadia"):
        panel.centre.circle.activated.emit(circle_row(panel, name))
    panel.setup_button.setChecked(setup_shown)
    settle()
    centre = panel.centre
    ancestor = panel
    title = next(w for w in centre.findChildren(QLabel) if w.text() == "Au centre")
    blocks = [*centre.cards, centre.circle, centre.seat_button, centre.latecomer, title]
    rects = {id(w): rect_in(w, ancestor) for w in blocks if visible(w)}
    assert len(rects) == len(blocks)
    for a, b in itertools.combinations(blocks, 2):
        overlap = rects[id(a)].intersected(rects[id(b)])
        assert overlap.isEmpty(), f"{a.objectName() or a} covers {b.objectName() or b}"
    for card in centre.cards:
        assert card.height() >= card.minimumSizeHint().height()
        inner = [card.name, card.time] + [b for b in (card.speak, card.leave) if visible(b)]
        for widget in inner:
            assert rects[id(card)].contains(rect_in(widget, ancestor)), widget
            assert widget.height() >= widget.minimumSizeHint().height()
    assert centre.circle.height() >= centre.circle.minimumHeight()
    if not setup_shown:  # live, the whole bowl is on screen without scrolling
        assert panel.scroll_area.verticalScrollBar().maximum() == 0
    window.room.close()


def test_after_seating_the_focus_stays_in_the_circle_and_4_gives_chair_4_the_floor(
    qtbot, store, workshop_id
):
    window, panel = open_bowl(qtbot, store, workshop_id, (1200, 752))
    panel.commands.choose_leaver = lambda newcomer, options, proposed: proposed
    centre = panel.centre
    for name in ("Claire", "Thomas", "Nadia", "Léa"):
        centre.circle.setCurrentIndex(circle_row(panel, name))
        qtbot.mouseClick(centre.seat_button, Qt.MouseButton.LeftButton)
        focus = QApplication.focusWidget()
        assert not isinstance(focus, QLineEdit), "the focus went to a text field"
    assert focus is centre.circle
    assert panel.data.name(panel.data.centre.seated.get(3)) == "Léa Fontaine"
    QTest.keyClick(focus, Qt.Key.Key_4, Qt.KeyboardModifier.NoModifier)
    assert panel.status.text() == "Parle : Léa Fontaine"
    assert centre.latecomer.text() == ""
    window.room.close()


def test_the_current_speaker_is_never_proposed_to_leave_and_the_rule_is_said(ctx, qtbot, store):
    from kitcop_desktop.domain.clock import FakeClock
    from kitcop_desktop.tools.fishbowl.bowl_commands import leaver_question
    from kitcop_desktop.tools.fishbowl.spec import SPEC

    with store.write() as s:
        participants.paste(s, ctx.workshop_id, PEOPLE)
    clock = ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    panel = editor.bowl
    panel.new_item()
    for name in ("Claire", "Thomas", "Nadia"):  # Claire sits first…
        panel.centre.circle.activated.emit(circle_row(panel, name))
        clock.advance(20)
    panel.commands.speak(panel.data.centre.seated[0])  # …and is speaking when Léa comes in
    clock.advance(45)
    asked = []

    def choose(newcomer, options, proposed):
        asked.append((panel.data.name(proposed), panel.commands.leaver_labels(options)))
        return proposed

    panel.commands.choose_leaver = choose
    panel.centre.circle.activated.emit(circle_row(panel, "Léa"))
    assert asked == [
        (
            "Thomas Girard",
            [
                "Claire Dubois — parle en ce moment",
                "Thomas Girard — silencieux·se depuis 1\u00a0min\u00a025\u00a0s",
                "Nadia Haddad — silencieux·se depuis 1\u00a0min\u00a005\u00a0s",
            ],
        )
    ]
    assert "jamais la personne qui parle" in leaver_question("Léa Fontaine")
    assert panel.status.text() == "Parle : Claire Dubois"  # she kept her chair and the floor
