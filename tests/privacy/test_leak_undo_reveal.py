"""Leak 2 of issue #21: Ctrl+Z put private notes back on the projector. Seat someone, type a
note, reveal the notes, hide them again, type another note, Ctrl+Z twice: the room showed the
private note again. Undoing must never make anything more visible."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import participants
from kitcop_desktop.tools.fishbowl.spec import SPEC

FIRST = "SECRET : X bloque tout <ne pas le citer> & 🤫"
SECOND = "Former 2 000 artisans"


@pytest.fixture
def tool(ctx, qtbot):
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Claire Dubois\nThomas Girard\n")
    ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(editor)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    editor.bowl.new_item()
    return editor, room


def seat(panel, name):
    circle = panel.centre.circle
    row = next(r for r in range(circle.count()) if circle.row_text(r).startswith(name))
    circle.activated.emit(circle.model().index(row, 0))


def type_note(panel, heading, text):
    panel.notes.entries[heading].setText(text)
    panel.notes.entries[heading].returnPressed.emit()


def reveal_all(panel):
    panel.commands.confirm_reveal = lambda count: True  # « Montrer à la salle 1 note ? » Oui
    panel.notes.reveal_all.click()


def hide_all(panel):
    panel.notes.hide_all.click()


def on_projector(room) -> list[str]:
    """The note texts the room screen shows."""
    if room.bowl.middle.currentWidget() is not room.bowl.notes:
        return []
    return [text for _heading, texts in room.bowl.notes.pages() for text in texts]


def test_ctrl_z_never_puts_hidden_notes_back_on_the_projector(tool):
    editor, room = tool
    panel = editor.bowl
    stack = panel.ctx.undo_stack
    seat(panel, "Claire")
    type_note(panel, "levers", FIRST)
    reveal_all(panel)
    assert on_projector(room) == [FIRST]
    hide_all(panel)
    assert on_projector(room) == []
    type_note(panel, "actions", SECOND)
    stack.undo()
    stack.undo()
    assert on_projector(room) == []
    while stack.canUndo():  # nothing earlier in the history shows them either
        stack.undo()
        assert on_projector(room) == []
    while stack.canRedo():
        stack.redo()
        assert on_projector(room) == []
