"""The countdown's frame (« Bientôt fini », « Dernière minute », « En pause ») is drawn whole.

Seen on the projector at 1024×768: the last minute's thick frame ran off the bottom of the
countdown, its lower edge cut by the screen's edge.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.countdown import Countdown
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown
from tests.tools.agenda.test_countdown_states import drive


def touches_the_edge(image: QImage, colour: QColor, border: int = 2) -> bool:
    """Is any pixel of the frame's colour within `border` pixels of the widget's edges?"""
    w, h = image.width(), image.height()
    target = (colour.red(), colour.green(), colour.blue())
    for y in range(h):
        edge_row = y < border or y >= h - border
        xs = range(w) if edge_row else [*range(border), *range(w - border, w)]
        for x in xs:
            c = image.pixelColor(x, y)
            if (
                max(abs(c.red() - target[0]), abs(c.green() - target[1]), abs(c.blue() - target[2]))
                < 40
            ):
                return True
    return False


@pytest.mark.parametrize("stage", ["warning", "last_minute"])
@pytest.mark.parametrize("size", [(944, 322), (944, 261), (1800, 453), (600, 120)])
def test_the_frame_stays_inside_the_countdown(qtbot, stage, size):
    clock = FakeClock()
    widget = BigCountdown()
    widget.set_room_style(True)
    qtbot.addWidget(widget)
    cd = Countdown(600, clock)
    cd.start()
    widget.set_countdown(cd)
    widget.resize(*size)
    drive(cd, clock, stage)
    widget.refresh()
    image = widget.grab().toImage()
    assert not touches_the_edge(image, QColor(ROOM[stage])), (stage, size)
