"""The revealed notes on the room screen, for the « partage des enjeux »: one heading at a time,
in pages that fit the screen at 1/20 of its height, turned with the clicker (PageDown / PageUp).
Nothing is ever cut: a page holds only the notes that fit whole. It is given only the notes
the room may see (BowlData.shared_notes); a note just revealed brings its page up."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.fishbowl.bowl_notes import HEADING_COLOURS
from kitcop_desktop.ui import theme

BODY = 1 / 20


class NotesPager(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes: list = []
        self.page = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_notes(self, notes, page: int, focus_id: int | None = None) -> int:
        """Show page `page` (clamped), or the page of note `focus_id` when given; returns the
        page actually shown."""
        self.notes = list(notes)
        if focus_id is not None:
            page = self.page_of(focus_id)
        self.page = max(0, min(page, len(self.pages()) - 1))
        self.update()
        return self.page

    def page_of(self, note_id: int) -> int:
        """The page that holds this note (0 when it is not shown)."""
        for index, (_heading, ids) in enumerate(self._paged()):
            if note_id in ids:
                return index
        return 0

    def _fonts(self):
        h = max(240, self.window().height())
        return theme.room_font(h, BODY, bold=True), theme.room_font(h, BODY)

    def _bullet_height(self, metrics: QFontMetricsF, text: str) -> float:
        rect = QRectF(0, 0, max(50.0, self.width() - metrics.height() * 1.2), 1e6)
        flags = int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(rect, flags, text).height() + metrics.height() * 0.35

    def _shortened(self, metrics: QFontMetricsF, text: str, room: float) -> str:
        """A note taller than a whole page keeps its first words and ends in « … » (the
        laptop and the printed restitution keep it whole)."""
        if self._bullet_height(metrics, text) <= room:
            return text
        words = text.split()
        low, high = 1, len(words)
        while low < high:  # the most words that still fit
            middle = (low + high + 1) // 2
            if self._bullet_height(metrics, " ".join(words[:middle]) + tr(" …")) <= room:
                low = middle
            else:
                high = middle - 1
        return " ".join(words[:low]) + tr(" …")

    def pages(self) -> list[tuple[str, list[str]]]:
        """(heading, notes) per page: each heading starts a page; long ones take several."""
        return [(heading, [text for _id, text in notes]) for heading, notes in self._layout()]

    def _paged(self) -> list[tuple[str, list[int]]]:
        return [
            (heading, [note_id for note_id, _text in notes]) for heading, notes in self._layout()
        ]

    def _layout(self) -> list[tuple[str, list[tuple[int, str]]]]:
        head_font, body_font = self._fonts()
        head_h = QFontMetricsF(head_font).height() * 1.6
        metrics = QFontMetricsF(body_font)
        room = max(1.0, self.height() - head_h)
        pages: list[tuple[str, list[tuple[int, str]]]] = []
        for heading in rules.NOTE_HEADINGS:
            current: list[tuple[int, str]] = []
            used = 0.0
            for note in (n for n in self.notes if n.heading == heading):
                text = self._shortened(metrics, note.text, room)
                needed = self._bullet_height(metrics, text)
                if current and used + needed > room:
                    pages.append((heading, current))
                    current, used = [], 0.0
                current.append((note.id, text))
                used += needed
            if current:
                pages.append((heading, current))
        return pages or [("", [])]

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(ROOM["background"]))
        head_font, body_font = self._fonts()
        pages = self.pages()
        heading, texts = pages[min(self.page, len(pages) - 1)]
        head_metrics = QFontMetricsF(head_font)
        if not heading:
            painter.setFont(body_font)
            painter.setPen(QColor(ROOM["muted"]))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Aucune note pour l'instant.")
            )
            painter.end()
            return
        colour = QColor(HEADING_COLOURS[heading])
        bar = head_metrics.height() * 0.25
        painter.fillRect(QRectF(0, 0, bar, head_metrics.height()), colour)
        painter.setFont(head_font)
        painter.setPen(QColor(ROOM["text"]))
        painter.drawText(
            QRectF(bar * 2, 0, self.width(), head_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            rules.NOTE_HEADINGS[heading],
        )
        if len(pages) > 1:
            painter.setPen(QColor(ROOM["muted"]))
            painter.drawText(
                QRectF(0, 0, self.width(), head_metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{self.page + 1} / {len(pages)}",
            )
        metrics = QFontMetricsF(body_font)
        painter.setFont(body_font)
        indent = metrics.height() * 1.2
        y = head_metrics.height() * 1.6
        for text in texts:
            height = self._bullet_height(metrics, text)
            painter.setPen(colour)
            painter.drawText(
                QRectF(0, y, indent, metrics.height()), Qt.AlignmentFlag.AlignLeft, "•"
            )
            painter.setPen(QColor(ROOM["text"]))
            painter.drawText(
                QRectF(indent, y, self.width() - indent, height),
                Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                text,
            )
            y += height
        painter.end()
