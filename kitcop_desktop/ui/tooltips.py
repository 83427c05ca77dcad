"""Tooltips that always fit on the screen.

Qt wraps a long tooltip at its spaces, but a word longer than the screen (a pasted link, a
post-it typed without spaces) kept the tip on one line, 2,800 px wide, off the screen's right
edge. This application-wide filter shows such tips itself: words cut into pieces the label may
wrap between, as rich text so Qt wraps it (its label then stays well inside the screen).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

PIECE = 24  # a longer word is given a break opportunity every PIECE characters
_LONG_WORD = re.compile(r"\S{" + str(PIECE + 1) + ",}")


def needs_wrapping(text: str) -> bool:
    return bool(text) and not Qt.mightBeRichText(text) and bool(_LONG_WORD.search(text))


def wrapped(text: str) -> str:
    """`text` as rich text whose long words may break (zero-width spaces), lines kept."""

    def cut(match: re.Match) -> str:
        word = match.group(0)
        return "\u200b".join(word[i : i + PIECE] for i in range(0, len(word), PIECE))

    body = html.escape(_LONG_WORD.sub(cut, text)).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


def as_typed(text: str) -> str:
    """A tooltip showing `text` exactly as typed: « <b> » or « & » in a post-it is not read
    as markup (Qt would render a plain tooltip holding a known tag as a web page)."""
    return wrapped(text) if text else ""


def _tooltip_at(widget: QWidget, event) -> str:
    """The tooltip Qt would show for this event: a board item's, else the widget's own."""
    view = widget.parent()
    if isinstance(view, QGraphicsView) and widget is view.viewport() and view.scene():
        for item in view.items(event.pos()):
            if item.toolTip():
                return item.toolTip()
    return widget.toolTip()


class TooltipFilter(QObject):
    """Installed on the application by the main window."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.ToolTip or not isinstance(watched, QWidget):
            return False
        text = _tooltip_at(watched, event)
        if not needs_wrapping(text):
            return False  # Qt's own tooltip: it wraps at spaces and stays on the screen
        QToolTip.showText(event.globalPos(), wrapped(text), watched)
        return True
