"""Pages of a PDF drawn as images in a scroll area (pypdfium2), for the in-app preview."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import theme

PAGE_WIDTH_PX = 720
# Pages drawn around the ones in view; the others are grey placeholders of the right size, so a
# 72-page restitution costs the memory of a few pages, not of all of them (#15: +66 MB).
MARGIN_PAGES = 1


def render_page(document, index: int, width_px: int) -> QImage:
    """One page of an open pypdfium2 document as an image `width_px` wide."""
    page = document[index]
    try:
        bitmap = page.render(scale=width_px / page.get_width(), rev_byteorder=True)
        return QImage(
            bitmap.buffer,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888
            if bitmap.n_channels == 3
            else QImage.Format.Format_RGBA8888,
        ).copy()  # own the pixels: the bitmap's buffer is freed with the page
    finally:
        page.close()


class PagePreview(QScrollArea):
    """A vertical strip of pages on a grey desk, each with a thin shadow-like border."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        theme.style(self, theme.PREVIEW_AREA)
        self._inner = QWidget()
        theme.style(self._inner, theme.PREVIEW_INNER)
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
        self.verticalScrollBar().valueChanged.connect(self.draw_visible)

    def hideEvent(self, event):  # noqa: N802 - Qt API
        """Impression left: its pages' pixels go (a few MB each); shown again, they are drawn
        again from the PDF kept, in a few ms."""
        super().hideEvent(event)
        for label in self.pages:
            if not label.pixmap().isNull():
                label.setPixmap(QPixmap())

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        self.draw_visible()

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
            widget = item.widget() if item is not None else None
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
        """Replace the pages shown; returns the document's page count.

        Every page gets its place at once (the scroll bar is true), but only the pages in
        view, and MARGIN_PAGES around them, are drawn; scrolling draws the others.
        """
        self.clear()
        self._data, self._shown_width = data, width_px
        document = pdfium.PdfDocument(data)
        try:
            sizes = [document.get_page_size(i) for i in range(len(document))]
        finally:
            document.close()
        total = len(sizes)
        for number, (w, h) in enumerate(sizes, start=1):
            label = QLabel()
            label.setFixedSize(width_px + 2, int(width_px * h / max(1.0, w)) + 2)
            label.setFrameShape(QFrame.Shape.Box)
            theme.style(label, theme.PREVIEW_PAGE)
            label.setToolTip(f"Page {number} / {total}")
            label.setAccessibleName(
                tr("Page {number} sur {total}").format(number=number, total=total)
            )
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            label.show()
            self.pages.append(label)
        self.verticalScrollBar().setValue(0)
        self._inner.adjustSize()
        self.draw_visible()
        return total

    def visible_range(self) -> range:
        """The indexes of the pages in view, with MARGIN_PAGES on each side."""
        top = self.verticalScrollBar().value()
        bottom = top + max(1, self.viewport().height())
        seen = [
            i
            for i, label in enumerate(self.pages)
            if label.y() < bottom and label.y() + label.height() > top
        ] or [0]
        return range(
            max(0, seen[0] - MARGIN_PAGES), min(len(self.pages), seen[-1] + 1 + MARGIN_PAGES)
        )

    def draw_visible(self) -> None:
        """Draw the pages in view; forget the pixels of the others."""
        if self._data is None or not self.pages:
            return
        wanted = self.visible_range()
        missing = [i for i in wanted if self.pages[i].pixmap().isNull()]
        if missing:  # the document is opened for the drawing only (a few ms), never kept open
            document = pdfium.PdfDocument(self._data)
            try:
                for index in missing:
                    image = render_page(document, index, self._shown_width)
                    self.pages[index].setPixmap(QPixmap.fromImage(image))
            finally:
                document.close()
        for index, label in enumerate(self.pages):
            if index not in wanted and not label.pixmap().isNull():
                label.setPixmap(QPixmap())

    def drawn(self) -> list[int]:
        """The indexes of the pages whose pixels are held now."""
        return [i for i, label in enumerate(self.pages) if not label.pixmap().isNull()]

    def show_message(self, text: str) -> None:
        self.clear()
        self._data = None
        label = QLabel(text)
        label.setWordWrap(True)
        theme.style(label, theme.NAVY_LARGE)
        self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
