"""#13 item 12: a round among ex æquo keeps the clear winner first, on both screens, and
proposes rules that can separate them. Real store, real widgets, counts typed at the wall."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from kitcop_desktop.storage import voting
from kitcop_desktop.tools.voting.spec import SPEC

SIX = (
    "Covoiturage domicile-travail",
    "Pistes cyclables vers les gares",
    "Navettes du samedi",
    "Plan de mobilité inter-entreprises",
    "Ateliers de réparation de vélos",
    "Télétravail deux jours",
)


@pytest.fixture
def screens(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        voting.create_vote_from_texts(s, workshop_id, [(t, None) for t in SIX], "Mobilité 2030")
    editor = SPEC.make_editor(ctx)
    room = SPEC.make_room_view(ctx)
    for widget in (editor, room):
        qtbot.addWidget(widget)
        widget.resize(1024, 768)
    editor.show()
    return editor, room


def type_counts(editor, counts):
    editor.wall.focus_first()
    for digits in counts:
        field = next(f for f in editor.wall.fields if f.hasFocus())
        field.selectAll()
        QTest.keyClicks(field, digits)
        QTest.keyClick(field, Qt.Key.Key_Return)


def buttons(editor, text):
    return [
        b for b in editor.results.findChildren(QPushButton) if b.text() == text and not b.isHidden()
    ]


def test_tie_break_round_keeps_the_nine_dot_winner_first_on_both_screens(screens, qtbot):
    editor, room = screens
    assert (editor.state.winners_count, editor.setup.dots.value()) == (3, 3)
    type_counts(editor, ("9", "7", "3", "7", "7", "3"))
    assert editor.reveal()
    qtbot.wait(10)  # widgets added to a shown panel appear at the next event-loop turn
    # The 7/7/7 tie straddles the 3 actions kept; the 3/3 tie at the 5th place is not flagged.
    (again,) = buttons(editor, "Tour entre eux")
    tie_text = [w.text() for w in editor.results.findChildren(type(editor.results.summary))]
    assert any("2 places pour 3 propositions" in t for t in tie_text)
    assert not any("5e place" in t for t in tie_text)
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    # Round 2 proposes fewer gommettes than proposals, and says so everywhere.
    assert (editor.setup.dots.value(), editor.setup.per_item.value()) == (2, 1)
    assert "2 gommettes chacun·e" in editor.results.summary.text()
    assert "2 places pour 3 ex æquo" in editor.ctx.extras["messages"][-1]
    type_counts(editor, ("6", "4", "2"))
    assert editor.reveal()
    room.finish_reveal()
    assert editor.results.winners_label.text() == (
        "Actions retenues\u00a0: «\u00a0Covoiturage domicile-travail\u00a0»\u00a0; "
        "«\u00a0Pistes cyclables vers les gares\u00a0»\u00a0; "
        "«\u00a0Plan de mobilité inter-entreprises\u00a0»"
    )
    assert [(r.rank, r.count) for r in editor.results.ranking.rows[:4]] == [
        (1, 9),
        (2, 6),
        (3, 4),
        (4, 2),
    ]
    first = room.ranking_rows()[0]
    assert (first.text, first.rank, first.round_number) == ("Covoiturage domicile-travail", 1, 1)
    assert room.shows_counts() and not room.grab().isNull()
    assert buttons(editor, "Tour entre eux") == []  # nothing left at stake
    assert editor.results.cards_button.isEnabled()
