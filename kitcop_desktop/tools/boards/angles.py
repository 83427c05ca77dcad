"""The angle of a post-it on the chemin de la rétrospective: sans angle, actions or ressentis.

Three buttons side by side rather than a drop-down list: every choice is in sight, the current
one is pressed, and no list ever opens over it for a slip of the mouse to pick its neighbour.
While typing, Alt+A (actions), Alt+R (ressentis) and Alt+0 (sans angle) choose without leaving
the card field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import theme

# (stored key, label, key that chooses it while typing)
CHOICES = (
    ("", "Sans angle", "Alt+0"),
    ("actions", "Actions", "Alt+A"),
    ("feelings", "Ressentis", "Alt+R"),
)
KEYS = {
    Qt.Key.Key_0: "",
    Qt.Key.Key_A: "actions",
    Qt.Key.Key_R: "feelings",
}


def angle_for_key(event) -> str | None:
    """The angle an Alt+key chooses (see KEYS), or None for any other key."""
    if event.modifiers() != Qt.KeyboardModifier.AltModifier:
        return None
    return KEYS.get(event.key())


class AngleChooser(QWidget):
    """Segmented buttons; the API of the list it replaces (currentData, findData…)."""

    changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        last = len(CHOICES) - 1
        for index, (key, label, shortcut) in enumerate(CHOICES):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the card field
            button.setToolTip(
                tr("Angle du post-it : {lower} ({shortcut})").format(
                    lower=label.lower(), shortcut=shortcut
                )
            )
            button.setProperty("angle", key)
            left = "6px" if index == 0 else "0"
            right = "6px" if index == last else "0"
            theme.style(button, theme.segment_toggle(left, right))
            # Wide enough for its label in bold (the pressed one), never cut.
            bold = QFont(button.font())
            bold.setBold(True)
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(label) + 24)
            self.group.addButton(button, index)
            self.buttons.append(button)
            row.addWidget(button)
        self.buttons[0].setChecked(True)
        self.group.idClicked.connect(lambda index: self.changed.emit(CHOICES[index][0]))

    # -- the list's API, so callers need not know it is buttons ---------------------------------
    def currentData(self) -> str:  # noqa: N802 - mirrors QComboBox
        return CHOICES[max(0, self.group.checkedId())][0]

    def currentIndex(self) -> int:  # noqa: N802
        return max(0, self.group.checkedId())

    def findData(self, key: str) -> int:  # noqa: N802
        return next((i for i, choice in enumerate(CHOICES) if choice[0] == key), -1)

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        if 0 <= index < len(CHOICES) and index != self.group.checkedId():
            self.buttons[index].setChecked(True)
            self.changed.emit(CHOICES[index][0])

    def set_angle(self, key: str) -> None:
        self.setCurrentIndex(self.findData(key))

    def label(self) -> str:
        return CHOICES[self.currentIndex()][1]
