"""The fiche action's form as a page: fields as tall as what they hold, a page that follows the
caret as a field grows under it, labels above their fields on a narrow window.

The page follows the caret through its scrollbar, so the thumb always says where the content
is (issue #22 item 4), and a page the user scrolled away (wheel, arrow, drag) stays there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QScrollArea

from kitcop_desktop.ui import theme
from kitcop_desktop.ui.long_text import LongText

MAX_FIELD_HEIGHT = 280  # past it a field scrolls inside itself
NARROW = 520  # a page narrower than this puts each label above its field


def section_label(text: str) -> QLabel:
    label = QLabel(text.upper())
    theme.style(label, theme.FORM_SECTION)
    return label


class GrowingText(LongText):
    """A LongText as tall as its content (within bounds): no line hidden behind a scrollbar.

    Its height follows its document's line count (documentSizeChanged), never its own resize
    event: setting a height from inside a resize, in a QScrollArea whose width depends on its
    own scrollbar, made the form's layout and its scrollbar chase each other.
    """

    grown = Signal()

    def __init__(self, commit, placeholder: str, minimum: int) -> None:
        super().__init__(commit, placeholder, minimum)
        self._minimum = minimum
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())

    def _fit(self) -> None:
        lines = max(1.0, self.document().documentLayout().documentSize().height())
        margins = self.contentsMargins()
        needed = (
            lines * self.fontMetrics().lineSpacing()
            + 2 * self.document().documentMargin()
            + margins.top()
            + margins.bottom()
            + 4
        )
        height = max(self._minimum, min(int(needed), MAX_FIELD_HEIGHT))
        if height != self.height():
            self.setFixedHeight(height)
            self.grown.emit()


class FormPage(QScrollArea):
    """The scroll area around the form; `busy()` says the program is filling the fields."""

    def __init__(self, form: QFormLayout, busy) -> None:
        super().__init__()
        self.form = form
        self._busy = busy
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._followed: QPlainTextEdit | None = None  # the field whose caret the page follows
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._range_changed)
        # The user scrolls (wheel, arrow, drag): the page stays where they put it.
        bar.actionTriggered.connect(self._stop_following)
        bar.sliderPressed.connect(self._stop_following)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        narrow = event.size().width() < NARROW
        policy = QFormLayout.RowWrapPolicy
        wanted = policy.WrapAllRows if narrow else policy.DontWrapRows
        if self.form.rowWrapPolicy() != wanted:
            self.form.setRowWrapPolicy(wanted)
        super().resizeEvent(event)

    def follow(self, field: QPlainTextEdit) -> None:
        if not field.hasFocus() or self._busy():
            return  # a field filled by the program does not move the page
        self._followed = field
        # Now, and again once the page has grown around the field (rangeChanged).
        QTimer.singleShot(0, self, lambda: self._scroll_to_caret(field))

    def _stop_following(self, *_args) -> None:
        self._followed = None

    def _range_changed(self, _low: int, _high: int) -> None:
        if self._followed is not None:
            self._scroll_to_caret(self._followed)

    def _scroll_to_caret(self, field: QPlainTextEdit) -> None:
        if self._followed is not field:
            return  # the user scrolled away since
        if not field.hasFocus():
            self._followed = None
            return
        caret = field.cursorRect()
        inner = self.widget()
        if inner is None:
            return
        centre = field.viewport().mapTo(inner, caret.center())
        self.ensureVisible(centre.x(), centre.y(), 20, caret.height() + 12)
