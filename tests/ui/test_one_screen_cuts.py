"""One screen at 1024×768 (the tool gets about 630 px beside the room window): what was cut.

The fishbowl set-up ran off the right edge (« Durée : 35 … », « Term… » for « Terminer le
bocal ») and its chairs read « Cha… » for « Chaise vide »; the déroulé's « Préparer » table cut
its column titles; the Impression status said « 1 page(s) ».
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import agenda, participants
from kitcop_desktop.tools.agenda import model as m
from kitcop_desktop.tools.agenda.spec import SPEC as AGENDA
from kitcop_desktop.tools.fishbowl.spec import SPEC as FISHBOWL
from tests.layout_checks import cut_widgets
from tests.ui.test_polish_fit_and_plurals import impose


def _inside(widget, viewport) -> bool:
    """The widget's whole width is within the viewport's (not clipped at its right edge; the
    panel may scroll down)."""
    left = widget.mapTo(viewport, widget.rect().topLeft()).x()
    return left >= 0 and left + widget.width() <= viewport.width()


@pytest.mark.parametrize("size", [(630, 620), (800, 620)])
def test_the_fishbowl_set_up_shows_every_word_beside_the_room_window(app_look, ctx, qtbot, size):
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Claire\nThomas\nNadia\nPaul\nJeanne\n")
    ctx.extras["clock"] = FakeClock()
    editor = FISHBOWL.make_editor(ctx)
    host = impose(qtbot, editor, *size)  # noqa: F841 - kept alive
    panel = editor.bowl
    panel.new_item()
    panel.setup_button.setChecked(True)
    qtbot.waitUntil(lambda: panel.setup.isVisible() and bool(panel.centre.cards))
    scroll = panel.scroll_area
    # Nothing off the right edge, once laid out (the bowl may scroll down, never sideways).
    qtbot.waitUntil(lambda: not scroll.horizontalScrollBar().isVisible(), timeout=2000)
    assert panel.body.width() <= scroll.viewport().width()
    for widget in (panel.chairs, panel.timebox, panel.finish_button, panel.play):
        assert _inside(widget, scroll.viewport()), widget
    assert cut_widgets(panel) == []
    cards = panel.centre.cards
    # Two rows of chairs beside the room window: each as tall as its lines need, none over
    # another (once laid out).
    qtbot.waitUntil(
        lambda: all(c.height() >= c.minimumSizeHint().height() for c in cards), timeout=2000
    )
    for card in cards:  # « Chaise vide », never « Cha… »
        name = card.name
        assert name.text() == "Chaise vide"
        assert name.width() >= QFontMetrics(name.font()).horizontalAdvance(name.text())
        assert _inside(card, scroll.viewport())
        assert card.time.text() == "Libre"  # whole: « Libre pour qui veut parler » was cut


@pytest.mark.parametrize("width", [630, 800, 1700])
def test_the_deroule_table_shows_its_column_titles_whole(app_look, ctx, qtbot, width):
    """Beside the room window the « Préparer » table cut « Objectif – intention » to « ject »
    and « Matériel / config salle » to « onsign… », and its buttons (« Duplique… »)."""
    with ctx.store.write() as s:
        agenda.apply_template(s, ctx.workshop_id, "modele_1")
    editor = AGENDA.make_editor(ctx)
    host = impose(qtbot, editor, width, 620)  # noqa: F841 - kept alive
    editor.tabs.setCurrentWidget(editor.prepare)
    table = editor.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(m.COL_TITLE) > 0)
    metrics = header.fontMetrics()
    shown = [c for c in range(editor.model.columnCount()) if not table.isColumnHidden(c)]
    assert {m.COL_TIME, m.COL_MINUTES, m.COL_TITLE, m.COL_INSTRUCTIONS} <= set(shown)
    for column in shown:
        title = editor.model.headerData(column, Qt.Orientation.Horizontal)
        widest = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
        assert header.sectionSize(column) >= widest + 8, title
    assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width() + 1
    if len(shown) < 6:  # what the table leaves out stays beside it, in the séquence's detail
        assert editor.detail.isVisible()
    assert cut_widgets(editor.prepare) == []
