"""Pages of a PDF drawn as images in a scroll area (pypdfium2), for the in-app preview."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

# Enough to judge a document; the saved PDF always has every page.
MAX_PAGES = 40
PAGE_WIDTH_PX = 720


def render_pages(data: bytes, width_px: int = PAGE_WIDTH_PX, limit: int = MAX_PAGES):
    """(images of the first `limit` pages, total page count)."""
    document = pdfium.PdfDocument(data)
    try:
        total = len(document)
        images = []
        for index in range(min(total, limit)):
            page = document[index]
            scale = width_px / page.get_width()
            bitmap = page.render(scale=scale, rev_byteorder=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888
                if bitmap.n_channels == 3
                else QImage.Format.Format_RGBA8888,
            ).copy()  # own the pixels: the bitmap's buffer is freed with the page
            images.append(image)
            page.close()
        return images, total
    finally:
        document.close()


class PagePreview(QScrollArea):
    """A vertical strip of pages on a grey desk, each with a thin shadow-like border."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setStyleSheet("QScrollArea { background: #d9dde4; border: none; }")
        self._inner = QWidget()
        self._inner.setStyleSheet("background: #d9dde4;")
        self._layout = QVBoxLayout(self._inner)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._layout.setSpacing(14)
        self._layout.setContentsMargins(16, 16, 16, 16)
        self.setWidget(self._inner)
        self.pages: list[QLabel] = []
        self._data: bytes | None = None
        self._shown_width = 0
        # Re-render at the new width once the window has stopped moving.
        self._resize_timer = QTimer(self, singleShot=True, interval=200)
        self._resize_timer.timeout.connect(self._fit_to_width)

    def resizeEvent(self, event):  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._data is not None and abs(self.page_width() - self._shown_width) > 40:
            self._resize_timer.start()

    def _fit_to_width(self) -> None:
        if self._data is not None:
            bar = self.verticalScrollBar()
            ratio = bar.value() / max(1, bar.maximum())
            self.show_pdf(self._data, self.page_width())
            bar.setValue(int(ratio * bar.maximum()))

    def clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                # Hide now: deleteLater alone leaves old pages painted until the event loop
                # runs its deferred deletions.
                widget.hide()
                widget.deleteLater()
        self.pages = []

    def page_width(self) -> int:
        """Pages as wide as the view allows (no sideways scrolling), 360 to 900 pixels."""
        available = (
            self.viewport().width() - 2 * 16 - self.verticalScrollBar().sizeHint().width() - 12
        )
        return max(360, min(900, available))

    def show_pdf(self, data: bytes, width_px: int = PAGE_WIDTH_PX) -> int:
        """Replace the pages shown; returns the document's page count."""
        self.clear()
        self._data, self._shown_width = data, width_px
        images, total = render_pages(data, width_px)
        for number, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("QLabel { border: 1px solid #9aa3b2; background: white; }")
            label.setToolTip(f"Page {number} / {total}")
            label.setAccessibleName(f"Page {number} sur {total}")
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            label.show()
            self.pages.append(label)
        if total > len(images):
            more = QLabel(f"… et {total - len(images)} page(s) de plus dans le PDF enregistré.")
            more.setStyleSheet("color: #1f2a44; font-style: italic;")
            self._layout.addWidget(more, 0, Qt.AlignmentFlag.AlignHCenter)
        self.verticalScrollBar().setValue(0)
        return total

    def show_message(self, text: str) -> None:
        self.clear()
        self._data = None
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: #1f2a44; font-size: 12pt;")
        self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
