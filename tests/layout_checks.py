"""What a facilitator sees cut on a narrow window: a button whose words do not fit, a field
squeezed too small to type in. Shared by the layout tests of the tools."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import Qt  # with its GUI helpers (mightBeRichText)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)


def cut_widgets(root: QWidget) -> list[str]:
    """Every visible button, label or combo box of `root` that cuts its text: narrower than its
    text needs, a wrapping label narrower than one of its words or shorter than its lines, or
    any of them cut off on the right by a column around it (unless that column scrolls
    sideways)."""
    found = []
    for kind in (QAbstractButton, QComboBox, QLabel):
        for w in root.findChildren(kind):
            if not w.isVisibleTo(root) or w.width() <= 0:
                continue
            if isinstance(w, QLabel) and (not w.text() or w.pixmap()):
                continue
            if isinstance(w, QAbstractButton) and not w.text():
                continue  # no words to cut: an icon, or a tab bar's scroll arrow
            label = w.currentText() if isinstance(w, QComboBox) else w.text()
            if isinstance(w, QLabel) and w.wordWrap():
                found += _wrapped_label_cut(w)  # a wrapping label takes more lines
            else:
                # A combo box may shorten a long entry down to its own minimum: the one its
                # code chose (setMinimumWidth), else the one Qt works out.
                need = w.sizeHint().width()
                if isinstance(w, QComboBox):
                    need = w.minimumWidth() or w.minimumSizeHint().width()
                if w.width() < need - 1:
                    found.append(f"{type(w).__name__} « {label} » {w.width()} < {need}")
            visible = _visible_width(w, root)
            if 0 < visible < w.width() - 2:
                found.append(
                    f"{type(w).__name__} « {label} » cut by its column: {visible} of {w.width()}"
                )
    return found


def _wrapped_label_cut(label: QLabel) -> list[str]:
    text = label.text()
    if Qt.mightBeRichText(text):
        return []  # its words are not its characters
    metrics = label.fontMetrics()
    margins = label.contentsMargins()
    room = label.width() - margins.left() - margins.right() - 2 * label.margin()
    widest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
    if room < widest - 1:
        return [f"QLabel « {text} »: a word of {widest} px in {room}"]
    need = label.heightForWidth(label.width())
    if label.height() < need - 2:
        return [f"QLabel « {text} »: lines of {need} px in {label.height()}"]
    return []


def _visible_width(widget: QWidget, root: QWidget) -> int:
    """How much of `widget`'s width its parents show, up to `root`; its whole width inside a
    column that scrolls sideways (its text can be brought into view)."""
    left = widget.mapTo(root, QPoint(0, 0)).x()
    right = left + widget.width()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.horizontalScrollBar().isVisible():
            return widget.width()
        start = 0 if parent is root else parent.mapTo(root, QPoint(0, 0)).x()
        left, right = max(left, start), min(right, start + parent.width())
        if parent is root:
            break
        parent = parent.parentWidget()
    return right - left


def narrow_fields(root: QWidget, at_least: int) -> list[str]:
    """Visible line fields narrower than `at_least` pixels: too small to see what one types."""
    return [
        f"« {w.placeholderText() or w.text()} » {w.width()} px"
        for w in root.findChildren(QLineEdit)
        if w.isVisibleTo(root)
        and 0 < w.width() < at_least
        and w.parent() is not None
        and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
        and w.maximumWidth() >= at_least
    ]
