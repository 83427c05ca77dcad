"""The kit's round prompts and bowl question are never cut on the room screen (#13 « done
when », seen on the projector at 1024×768 during Modèle 1).

While Amina spoke at the brise-glace, the room read « … (2 min d'échanges). Nous sommes en
2030. … »: the question everyone was answering was gone, and at the déclusion « Souhaitez-vous
rester impliqué·e dans le chantier ? » too. The speaker's name took 1/9 of the height and left
the prompt one line. Now the name steps down first, then the paragraphs close up, and the
whole prompt stays, at the body size at least, with the countdown still a quarter of the
screen. Above the bowl's four chairs, « Quels obstacles avons-nous réussi à dépasser ? » was
cut the same way: the chairs' rows now take one name's height each.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.domain.agenda_templates import MODEL_1, MODEL_KISS
from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.fishbowl import DEFAULT_QUESTION
from kitcop_desktop.storage import participants, rounds
from kitcop_desktop.storage.agenda_links import ROUND_KIND_OF_SEQUENCE
from kitcop_desktop.tools.fishbowl.spec import SPEC

KIT_ROUNDS = [
    (ROUND_KIND_OF_SEQUENCE.get(s.kind, "icebreaker"), s.title, s.instructions)
    for template in (MODEL_1, MODEL_KISS)
    for s in template.sequences
    if s.tool_key == "rounds" and s.instructions
]


def _page_down() -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)


def _words(text: str) -> list[str]:
    return text.replace("\u00a0", " ").split()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (1280, 720), (640, 480)])
@pytest.mark.parametrize(("kind", "title", "prompt"), KIT_ROUNDS, ids=[r[1] for r in KIT_ROUNDS])
def test_the_kits_round_prompt_is_whole_while_someone_speaks(ctx, qtbot, size, kind, title, prompt):
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Amina Benali\nBruno Caron\nChloé Dupuis\n")
        rounds.create_round(s, ctx.workshop_id, kind, title=title, prompt=prompt)
    ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(editor)
    qtbot.addWidget(room)
    editor.tabs.setCurrentWidget(editor.rounds)
    room.resize(*size)
    room.show()
    qtbot.waitExposed(room)
    assert editor.handle_room_key(_page_down())  # Amina has the floor
    qtbot.wait(20)
    view = room.round
    assert view.speaker.text() == "Amina Benali"

    shown = view.prompt.text()
    assert "…" not in shown, shown
    assert _words(shown) == _words(prompt)  # every word, none cut
    height = size[1]
    assert view.prompt.font().pixelSize() >= height // 20
    assert view.speaker.font().pixelSize() >= height // 20
    assert view.prompt.heightForWidth(view.prompt.width()) <= view.prompt.height() + 2
    assert view.countdown.height() >= height / 4
    # Nothing overlaps: prompt, name, next speaker and countdown are stacked inside the screen.
    widgets = [view.kicker, view.prompt, view.speaker, view.upcoming, view.countdown]
    bottoms = [w.geometry().bottom() for w in widgets]
    tops = [w.geometry().top() for w in widgets]
    assert all(b <= t for b, t in zip(bottoms, tops[1:], strict=False)), (tops, bottoms)
    assert bottoms[-1] <= view.height()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (1280, 720), (640, 480)])
def test_the_kits_bowl_question_is_whole_with_four_people_at_the_centre(ctx, qtbot, size):
    """Same at « Projection 2030 »: the bowl's question above the four chairs."""
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Amina Benali\nBruno Caron\nChloé Dupuis\n")
        participants.paste(s, ctx.workshop_id, "David Esposito\nÉlise Fournier\n")
    ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(editor)
    qtbot.addWidget(room)
    room.resize(*size)
    room.show()
    qtbot.waitExposed(room)
    panel = editor.bowl
    panel.new_item()
    circle = panel.centre.circle
    for name in ("Amina Benali", "Bruno Caron", "Chloé Dupuis"):
        row = next(
            circle.model().index(r, 0)
            for r in range(circle.count())
            if circle.row_text(r).startswith(name)
        )
        circle.activated.emit(row)
    qtbot.wait(20)
    view = room.bowl
    shown = view.question.text()
    assert "…" not in shown, shown
    assert _words(shown) == _words(DEFAULT_QUESTION)
    assert view.question.font().pixelSize() >= size[1] // 20
    assert view.question.heightForWidth(view.question.width()) <= view.question.height() + 2
    assert view.countdown.height() >= size[1] / 4
