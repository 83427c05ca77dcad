"""No tooltip runs off the screen (issue #22 item 9): a post-it or a label whose text holds
a word longer than the screen (a pasted link) made a tip 2,800 px wide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import Qt as GuiQt  # QtGui's Qt holds mightBeRichText
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from kitcop_desktop.ui.main_window import MainWindow

LINK = "https://www.example.org/" + "cheminsansespacesnitirets" * 16


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(store, specs=[])  # it installs the tooltip filter on the application
    qtbot.addWidget(w)
    yield w
    w.close()
    QToolTip.hideText()


def _shown_tip(qtbot):
    def visible():
        return [
            x for x in QApplication.topLevelWidgets() if x.inherits("QTipLabel") and x.isVisible()
        ]

    qtbot.waitUntil(lambda: bool(visible()), timeout=2000)
    return visible()[0]


@pytest.mark.parametrize("text", [LINK, f"Lien du projet : {LINK}\nà relire", "x" * 400])
def test_a_long_word_tooltip_stays_on_the_screen(qtbot, window, text):
    label = QLabel("Survolez-moi")
    qtbot.addWidget(label)
    label.setToolTip(text)
    screen = label.screen().availableGeometry()
    label.resize(120, 30)
    label.move(screen.right() - 130, screen.top() + 200)  # near the right edge
    label.show()
    qtbot.waitExposed(label)
    point = QPoint(100, 10)
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, point, label.mapToGlobal(point)))
    tip = _shown_tip(qtbot)
    assert screen.contains(tip.geometry()), (tip.geometry(), screen)
    assert "cheminsansespaces" in tip.text() or "xxxx" in tip.text()  # the whole text is there
    QToolTip.hideText()


def test_a_post_it_with_a_pasted_link_shows_its_tip_on_the_screen(qtbot, window, ctx, store):
    from kitcop_desktop.storage import boards
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        board = boards.create_board(s, ctx.workshop_id, "speedboat", "Speedboat")
        boards.add_card(s, board.id, "levers", LINK)
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    screen = editor.screen().availableGeometry()
    editor.setGeometry(screen.adjusted(0, 0, 0, -40))
    editor.show()
    qtbot.waitExposed(editor)
    item = next(iter(editor.scene.cards.values()))
    viewport = editor.view.viewport()
    point = editor.view.mapFromScene(item.sceneBoundingRect().center())
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    tip = _shown_tip(qtbot)
    assert screen.contains(tip.geometry()), (tip.geometry(), screen)


@pytest.mark.parametrize(
    "text", ["<Nom> du référent & co", f"<b>{LINK}</b>", "Tom & Jerry <3 le chantier"]
)
def test_a_post_it_tip_shows_its_text_as_typed(qtbot, window, ctx, store, text):
    """A post-it typed with « < » or « & » is not read as a web page: its tip says it all."""
    from PySide6.QtGui import QTextDocument

    from kitcop_desktop.storage import boards
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        board = boards.create_board(s, ctx.workshop_id, "speedboat", "Speedboat")
        boards.add_card(s, board.id, "levers", text)
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    screen = editor.screen().availableGeometry()
    editor.setGeometry(screen.adjusted(0, 0, 0, -40))
    editor.show()
    qtbot.waitExposed(editor)
    item = next(iter(editor.scene.cards.values()))
    viewport = editor.view.viewport()
    point = editor.view.mapFromScene(item.sceneBoundingRect().center())
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    tip = _shown_tip(qtbot)
    doc = QTextDocument()
    if tip.textFormat() == Qt.TextFormat.PlainText or not GuiQt.mightBeRichText(tip.text()):
        doc.setPlainText(tip.text())
    else:
        doc.setHtml(tip.text())
    assert doc.toPlainText().replace("\u200b", "") == text
    assert screen.contains(tip.geometry()), (tip.geometry(), screen)
    QToolTip.hideText()
