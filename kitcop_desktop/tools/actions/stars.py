"""A 1–3 star rating (impact, faisabilité), clickable and keyboard-driven (0–3, ←, →).

Stars are drawn as ★ / ☆ with the number in words beside them, so colour is never the only cue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.ui import theme

LABELS = {
    0: tr_later("non noté"),
    1: tr_later("1 étoile"),
    2: tr_later("2 étoiles"),
    3: tr_later("3 étoiles"),
}


def stars_text(value: int) -> str:
    """« ★★☆ » for 2 out of 3; « — » when not rated."""
    return "★" * value + "☆" * (3 - value) if value else "—"


class StarRating(QWidget):
    rated = Signal(int)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.value = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.buttons: list[QToolButton] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for n in (1, 2, 3):
            button = QToolButton()
            button.setAutoRaise(True)
            theme.style(button, theme.STAR_BUTTON)
            button.setToolTip(
                tr("{what} : {label} (touche {n})").format(what=what, label=tr(LABELS[n]), n=n)
            )
            button.clicked.connect(lambda _c=False, v=n: self.choose(v))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.buttons.append(button)
            layout.addWidget(button)
        self.label = QLabel()
        self.label.setObjectName("PageSubtitle")
        layout.addSpacing(6)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.set_value(0)

    def set_value(self, value: int) -> None:
        self.value = int(value)
        for n, button in enumerate(self.buttons, start=1):
            button.setText("★" if n <= self.value else "☆")
        self.label.setText(tr(LABELS.get(self.value, "")))
        self.setAccessibleName(
            tr("{what} : {label}").format(what=self.what, label=LABELS.get(self.value, ""))
        )

    def choose(self, value: int) -> None:
        """Click a star; clicking the current one again clears the rating."""
        value = 0 if value == self.value else value
        self.rated.emit(value)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_3:
            self.rated.emit(key - Qt.Key.Key_0)
        elif key == Qt.Key.Key_Right and self.value < 3:
            self.rated.emit(self.value + 1)
        elif key == Qt.Key.Key_Left and self.value > 0:
            self.rated.emit(self.value - 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
