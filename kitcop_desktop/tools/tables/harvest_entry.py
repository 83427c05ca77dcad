"""The harvest's typing strip: the line, the kit's angles, « Note privée », « Ajouter ».

Keys while typing in the line (the host never leaves it):
- Entrée stores the line at once; a paste of several lines stores one line each;
- Tab / Maj+Tab: next / previous table; Alt+→ / Alt+← (or Alt+Page suiv. / Alt+Page préc.):
  next / previous round;
- Alt+0 / Alt+S / Alt+B / Alt+A / Alt+I: the angle (note, sens, besoins, actions, idée retenue);
- Alt+P: « Note privée » (animateur·rice) on or off;
- Alt+M: « Montrer en salle », this table's harvest on the room screen (again: the map);
- ↓: down to the lines already typed (Suppr, F2, « Envoyer au tableau / au vote »).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import harvest as rules
from kitcop_desktop.domain.visibility import PROMISES, Visibility
from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout

ALT = Qt.KeyboardModifier.AltModifier
ANGLE_KEYS = {
    Qt.Key.Key_0: "",
    Qt.Key.Key_S: "purpose",
    Qt.Key.Key_B: "needs",
    Qt.Key.Key_A: "actions",
    Qt.Key.Key_I: "idea",
}
ROUND_KEYS = {
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_PageDown: 1,
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_PageUp: -1,
}


def _alt_key(event) -> tuple[str, object] | None:
    """What an Alt+key asks for: ("angle", key), ("round", ±1), ("private", None),
    ("room", None)."""
    if event.modifiers() != ALT:
        return None
    key = event.key()
    if key in ANGLE_KEYS:
        return "angle", ANGLE_KEYS[key]
    if key in ROUND_KEYS:
        return "round", ROUND_KEYS[key]
    if key == Qt.Key.Key_P:
        return "private", None
    if key == Qt.Key.Key_M:
        return "room", None
    return None


class HarvestLine(QLineEdit):
    """A line edit that hands Tab, Alt+keys, ↓ and multi-line pastes to the strip."""

    table_step = Signal(int)
    round_step = Signal(int)
    angle_chosen = Signal(str)
    private_toggled = Signal()
    room_toggled = Signal()
    lines_pasted = Signal(str)
    down_to_lines = Signal()

    def event(self, event) -> bool:
        if event.type() == event.Type.ShortcutOverride and _alt_key(event) is not None:
            event.accept()  # ours, not a menu's Alt shortcut
            return True
        if event.type() == event.Type.KeyPress and event.key() in (
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            back = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            self.table_step.emit(-1 if back else 1)
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        asked = _alt_key(event)
        if asked is not None:
            kind, value = asked
            if kind == "angle":
                self.angle_chosen.emit(str(value))
            elif kind == "round":
                self.round_step.emit(int(str(value)))
            elif kind == "room":
                self.room_toggled.emit()
            else:
                self.private_toggled.emit()
            return
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down_to_lines.emit()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if "\n" in text.strip():
                self.lines_pasted.emit(text)
                return
        super().keyPressEvent(event)


class HarvestEntry(QWidget):
    """The line, the angles (segmented buttons, every choice in sight), the private toggle."""

    private: QPushButton

    submitted = Signal(str)  # the text typed (the view reads angle and private)
    pasted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        self.line = HarvestLine()
        self.line.setObjectName("HarvestLine")
        self.line.setClearButtonEnabled(True)
        self.line.setMaxLength(rules.LINE_MAX)
        self.line.setMinimumWidth(220)
        self.line.returnPressed.connect(self._submit)
        self.line.lines_pasted.connect(self.pasted.emit)
        self.line.angle_chosen.connect(self.set_angle)
        self.line.private_toggled.connect(lambda: self.private.toggle())
        self.add_button = QPushButton(icon("new"), tr("Ajouter"))
        self.add_button.setObjectName("Primary")
        self.add_button.setToolTip(tr("Ajouter la ligne à la récolte (Entrée)"))
        self.add_button.clicked.connect(self._submit)
        row.addWidget(self.line, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        under = FlowLayout(spacing=6)  # beside the room window the angles wrap, never cut
        self.angles = QButtonGroup(self)
        self.angles.setExclusive(True)
        self.angle_buttons: dict[str, QPushButton] = {}
        for angle in rules.ANGLES:
            button = QPushButton(angle.label)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the line
            button.setToolTip(f"{angle.hint} ({angle.shortcut})")
            button.setProperty("angle", angle.key)
            theme.style(button, theme.chip_toggle(12, "3px 10px"))
            bold = QFont(button.font())
            bold.setBold(True)
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(angle.label) + 26)
            self.angles.addButton(button)
            self.angle_buttons[angle.key] = button
            under.addWidget(button)
        self.angle_buttons[""].setChecked(True)
        self.private = QPushButton(
            icon("visibility_facilitator", theme.FACILITATOR_INK), tr("Note privée")
        )
        self.private.setCheckable(True)
        self.private.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.private.setToolTip(
            tr("Alt+P : les lignes tapées ensuite restent pour vous. ")
            + PROMISES[Visibility.FACILITATOR]
        )
        theme.style(self.private, theme.PRIVATE_TOGGLE)
        # As wide as its bold words (checked), the icon and the padding: at 1024 px its last
        # letter was cut once ticked.
        bold = QFont(self.private.font())
        bold.setBold(True)
        self.private.setMinimumWidth(
            QFontMetrics(bold).horizontalAdvance(self.private.text())
            + self.private.iconSize().width()
            + 36
        )
        self.private.toggled.connect(lambda _on: self._show_placeholder())
        self.angles.buttonToggled.connect(lambda _b, _on: self._show_placeholder())
        under.addWidget(self.private)
        layout.addLayout(under)
        self._show_placeholder()

    def angle(self) -> str:
        checked = self.angles.checkedButton()
        return str(checked.property("angle")) if checked is not None else ""

    def set_angle(self, key: str) -> None:
        button = self.angle_buttons.get(key)
        if button is not None:
            button.setChecked(True)

    def is_private(self) -> bool:
        return self.private.isChecked()

    def _show_placeholder(self) -> None:
        label = rules.LABELS.get(self.angle(), "Note")
        if self.is_private():
            self.line.setPlaceholderText(
                tr("{label} privée (animateur·rice), puis Entrée").format(label=label)
            )
        else:
            self.line.setPlaceholderText(
                tr("{label}\u00a0: une ligne, puis Entrée").format(label=label)
            )

    def _submit(self) -> None:
        if self.line.text().strip():
            self.submitted.emit(self.line.text())  # the view clears it once stored
