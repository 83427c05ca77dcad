"""What a facilitator sees cut on a narrow window: a button whose words do not fit, a field
squeezed too small to type in. Shared by the layout tests of the tools."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)


def cut_widgets(root: QWidget) -> list[str]:
    """Every visible button, label or combo box of `root` narrower than its text needs."""
    found = []
    for kind in (QAbstractButton, QComboBox, QLabel):
        for w in root.findChildren(kind):
            if not w.isVisibleTo(root) or w.width() <= 0:
                continue
            if isinstance(w, QLabel) and (w.wordWrap() or not w.text() or w.pixmap()):
                continue  # a wrapping label takes more lines, it is never cut
            if isinstance(w, QAbstractButton) and not w.text():
                continue  # no words to cut: an icon, or a tab bar's scroll arrow
            # A combo box may shorten a long entry down to its own minimum: the one its code
            # chose (setMinimumWidth), else the one Qt works out.
            need = w.sizeHint().width()
            if isinstance(w, QComboBox):
                need = w.minimumWidth() or w.minimumSizeHint().width()
            if w.width() < need - 1:
                label = w.currentText() if isinstance(w, QComboBox) else w.text()
                found.append(f"{type(w).__name__} « {label} » {w.width()} < {need}")
    return found


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
