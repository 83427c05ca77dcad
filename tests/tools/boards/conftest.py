"""Fixtures of the boards tool: a filled speedboat and a real editor on it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_clusters as clusters


@pytest.fixture
def speedboat(store, workshop_id):
    """A speedboat with three leviers (two in a sous-thématique) and two freins."""
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat", "Table 1")
        ids = {}
        for zone, text in [
            ("levers", "Le label RGE"),
            ("levers", "Les CFA du BTP"),
            ("levers", "Des binômes artisan-apprenti"),
            ("brakes", "Formations trop longues"),
            ("brakes", "Manque d'attractivité des métiers"),
        ]:
            ids[text] = boards.add_card(s, board.id, zone, text, author="Table 1").id
        created = clusters.create_cluster(
            s, board.id, "levers", "Formation", [ids["Le label RGE"], ids["Les CFA du BTP"]]
        )
        return {"board_id": board.id, "cards": ids, "cluster_id": created["cluster_id"]}


@pytest.fixture
def editor(qtbot, ctx, speedboat):
    from kitcop_desktop.tools.boards.spec import SPEC

    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drag(view, start: QPointF, end: QPointF) -> None:
    """Press on `start`, move in steps, release on `end` (scene coordinates), like a hand."""
    viewport = view.viewport()
    a, b = view.mapFromScene(start), view.mapFromScene(end)

    def send(kind, pos: QPoint, buttons) -> None:
        event = QMouseEvent(
            kind,
            QPointF(pos),
            QPointF(viewport.mapToGlobal(pos)),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    left = Qt.MouseButton.LeftButton
    send(QMouseEvent.Type.MouseButtonPress, a, left)
    for i in range(1, 11):
        p = a + (b - a) * (i / 10)
        send(QMouseEvent.Type.MouseMove, p, left)
    send(QMouseEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)
