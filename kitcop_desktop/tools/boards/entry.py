"""Quick entry, for transcribing a wall of post-its: type, Enter, type, Enter…

Enter adds to the current zone and keeps the cursor here; Tab / Shift+Tab go to the next /
previous zone; on a chemin, Alt+A / Alt+R / Alt+0 choose the angle (actions, ressentis, sans
angle); pasting several lines adds one card per line. A card already on the board is
flagged « déjà présent » with a choice: merge (count it twice) or add it anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.board_kinds import KINDS, next_zone
from kitcop_desktop.domain.french import quoted
from kitcop_desktop.domain.palette import ZONE_COLOURS
from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.boards.angles import AngleChooser, angle_for_key
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout


class CardLine(QLineEdit):
    """A line edit that hands Tab and multi-line pastes to the entry instead of eating them;
    on a chemin, Alt+A / Alt+R / Alt+0 choose the angle (before the menus' Alt shortcuts)."""

    zone_step = Signal(int)
    lines_pasted = Signal(str)
    down_to_board = Signal()  # ↓: from the post-it line down onto the board
    angle_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.angle_keys = False  # only the chemin de la rétrospective has angles

    def event(self, event) -> bool:
        if (
            event.type() == event.Type.ShortcutOverride
            and self.angle_keys
            and angle_for_key(event) is not None
        ):
            event.accept()  # ours, not the « &Aide » menu's
            return True
        if event.type() == event.Type.KeyPress and event.key() in (
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            step = (
                -1
                if event.key() == Qt.Key.Key_Backtab
                or (event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                else 1
            )
            self.zone_step.emit(step)
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        angle = angle_for_key(event) if self.angle_keys else None
        if angle is not None:
            self.angle_chosen.emit(angle)
            return
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down_to_board.emit()  # a line has nothing below it: the board is
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if "\n" in text.strip():
                self.lines_pasted.emit(text)
                return
        super().keyPressEvent(event)


class QuickEntry(QWidget):
    """The strip above the board: zone buttons, the card field, an optional author."""

    submitted = Signal(str, str, str, bool)  # zone, text, author, add even if déjà présent
    pasted = Signal(str, str, str)  # zone, text with several lines, author
    merge_asked = Signal(int, str)  # existing card id, author
    zone_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind = "speedboat"
        self.zone = "levers"
        self._pending: tuple[str, str, str] | None = None
        self._pending_card = 0
        self._counts: dict[str, int] = {}
        self._editable = True
        self.compact = False
        self.split = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        # The zone buttons wrap onto a second line rather than overlap (a chemin has seven).
        self.zone_row = FlowLayout(spacing=6)
        self.zone_buttons = QButtonGroup(self)
        self.zone_buttons.setExclusive(True)
        self.zone_buttons.idClicked.connect(self._zone_clicked)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(self.zone_row, 1)
        # The editor puts what acts on the selection here, on the zones' line.
        self.extra_row = QHBoxLayout()
        self.extra_row.setContentsMargins(0, 0, 0, 0)
        top.addLayout(self.extra_row)
        layout.addLayout(top)
        line_row = QHBoxLayout()
        self.line = CardLine()
        self.line.setObjectName("CardLine")
        self.line.setClearButtonEnabled(True)
        self.line.setMaxLength(2000)
        self.line.returnPressed.connect(self._submit)
        self.line.zone_step.connect(self.step_zone)
        self.line.lines_pasted.connect(
            lambda text: self.pasted.emit(self.zone, text, self.author())
        )
        self.author_line = QLineEdit()
        self.author_line.setPlaceholderText(tr("Auteur (facultatif)"))
        self.author_line.setMaximumWidth(260)
        self.author_line.setToolTip(
            tr("Auteur ou sous-groupe, facultatif ; reste rempli pour les post-it suivants")
        )
        self.add_button = QPushButton(tr("Ajouter"))
        self.add_button.setObjectName("Primary")
        self.add_button.setToolTip(tr("Ajouter le post-it (Entrée)"))
        self.add_button.clicked.connect(self._submit)
        # The chemin de la rétrospective is read from two angles (the kit: concret / ressentis).
        self.angle_box = AngleChooser()
        self.line.angle_chosen.connect(self.angle_box.set_angle)
        self.angle_box.changed.connect(lambda _a: self._show_placeholder())
        self.line.setMinimumWidth(220)  # what is typed stays in sight, whatever the window
        line_row.addWidget(self.line, 1)
        line_row.addWidget(self.angle_box)
        line_row.addWidget(self.author_line)
        line_row.addWidget(self.add_button)
        layout.addLayout(line_row)
        self._line_row = line_row
        # On a narrow window the angle and the author go under the field (set_narrow).
        self._under_row = QHBoxLayout()
        layout.addLayout(self._under_row)
        self.narrow = False
        # « déjà présent »: a bar under the field, not a dialog, so typing never stops.
        self.duplicate_bar = QFrame()
        self.duplicate_bar.setObjectName("DuplicateBar")
        theme.style(self.duplicate_bar, theme.DUPLICATE_BAR)
        bar = QHBoxLayout(self.duplicate_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.duplicate_label = QLabel()
        self.duplicate_label.setWordWrap(True)
        self.merge_button = QPushButton(tr("Fusionner (compter ×2)"))
        self.merge_button.clicked.connect(self._merge)
        self.add_anyway_button = QPushButton(tr("Ajouter quand même"))
        self.add_anyway_button.clicked.connect(self._add_anyway)
        bar.addWidget(self.duplicate_label, 1)
        bar.addWidget(self.merge_button)
        bar.addWidget(self.add_anyway_button)
        self.duplicate_bar.hide()
        layout.addWidget(self.duplicate_bar)
        self.set_kind("speedboat")

    # -- zones --------------------------------------------------------------------------------
    def set_kind(self, kind: str, counts: dict[str, int] | None = None) -> None:
        if kind != self.kind or not self.zone_buttons.buttons():
            for button in self.zone_buttons.buttons():
                self.zone_buttons.removeButton(button)
            while self.zone_row.count():
                taken = self.zone_row.takeAt(0)
                widget = taken.widget() if taken is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
            self.kind = kind
            for index, zone in enumerate(KINDS[kind].zones):
                button = QPushButton(zone.label)
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setProperty("zone", zone.key)
                button.setToolTip(
                    tr("{hint} — Tab pour passer à la zone suivante").format(hint=zone.hint)
                )
                c = ZONE_COLOURS[zone.key]
                theme.style(button, theme.zone_toggle(c))
                self.zone_buttons.addButton(button, index)
                self.zone_row.addWidget(button)
            self.angle_box.setVisible(kind == "retro_path")
            self.line.angle_keys = kind == "retro_path"
            self.set_zone(KINDS[kind].zones[0].key)
        if counts is not None:
            self._counts = counts
        self._label_buttons()

    def set_split(self, split: bool) -> None:
        """A chemin split by angle: the angle is part of each card, « Sans angle » is a leftover.

        Switching the board to split moves the choice off « Sans angle » so that typed cards
        land in a lane; the facilitator can still choose it.
        """
        if split == self.split:
            return
        self.split = split
        if split and self.kind == "retro_path" and not self.angle_box.currentData():
            self.angle_box.setCurrentIndex(self.angle_box.findData("actions"))

    def set_editable(self, editable: bool) -> None:
        """The combined view is read-only: no typing; the selection actions stay usable."""
        if editable == self._editable:
            return
        self._editable = editable
        for widget in (self.line, self.author_line, self.add_button, self.angle_box):
            widget.setEnabled(editable)
        for button in self.zone_buttons.buttons():
            button.setEnabled(editable)
        if editable:
            self.set_zone(self.zone)  # its placeholder names the zone again
        else:
            self.line.setPlaceholderText(tr("Vue combinée : lecture seule"))

    def set_compact(self, compact: bool) -> None:
        """On a narrow window the zone buttons drop their counts (the board shows them)."""
        if compact != self.compact:
            self.compact = compact
            self._label_buttons()

    def set_narrow(self, narrow: bool) -> None:
        """Beside the room screen on one screen: the field and « Ajouter » keep the line, the
        angle and the author take the next one."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        for widget in (self.angle_box, self.author_line):
            (self._line_row if narrow else self._under_row).removeWidget(widget)
        if narrow:
            self._under_row.addWidget(self.angle_box)
            self._under_row.addWidget(self.author_line, 1)
        else:
            self._line_row.insertWidget(1, self.angle_box)
            self._line_row.insertWidget(2, self.author_line)

    def _label_buttons(self) -> None:
        for button in self.zone_buttons.buttons():
            key = button.property("zone")
            label = KINDS[self.kind].zone(key).label
            if key in self._counts and not self.compact:
                label = f"{label} · {self._counts[key]}"
            if button.text() != label or not button.minimumWidth():
                button.setText(label)
                # Wide enough for the bold face of the checked button, no wider.
                bold = QFont(button.font())
                bold.setBold(True)
                button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(label) + 26)

    def set_zone(self, zone: str) -> None:
        keys = KINDS[self.kind].zone_keys
        if zone not in keys:
            return
        self.zone = zone
        self.zone_buttons.button(keys.index(zone)).setChecked(True)
        self._show_placeholder()
        self._clear_duplicate()
        self.zone_changed.emit(zone)

    def _show_placeholder(self) -> None:
        if not self._editable:
            return
        label = KINDS[self.kind].zone(self.zone).label
        if self.kind == "retro_path":
            self.line.setPlaceholderText(
                tr(
                    "Post-it dans « {label} », angle « {value} » : Entrée ajoute, Tab change de zone, Alt+A / Alt+R / Alt+0 l'angle"
                ).format(label=label, value=self.angle_box.label())
            )
        else:
            self.line.setPlaceholderText(
                tr("Post-it dans « {label} » : Entrée ajoute, Tab change de zone").format(
                    label=label
                )
            )

    def step_zone(self, step: int) -> None:
        self.set_zone(next_zone(self.kind, self.zone, step))

    def _zone_clicked(self, index: int) -> None:
        self.set_zone(KINDS[self.kind].zone_keys[index])
        self.line.setFocus()

    def author(self) -> str:
        return self.author_line.text()

    def angle(self) -> str:
        """ "" , "actions" or "feelings" (only the chemin de la rétrospective has angles)."""
        return self.angle_box.currentData() if self.kind == "retro_path" else ""

    # -- submitting ---------------------------------------------------------------------------
    def _submit(self) -> None:
        text = self.line.text()
        if self._pending is not None and not text.strip():
            self._add_anyway()  # Enter again on the emptied field: the facilitator means it
            return
        self._clear_duplicate()  # typed on: the warned text is left out
        self.submitted.emit(self.zone, text, self.author(), False)

    def card_added(self) -> None:
        """The editor stored the card: clear the field, keep the cursor for the next one."""
        self.line.clear()
        self._clear_duplicate()
        self.line.setFocus()

    def duplicate_settled(self) -> None:
        """The warned card was merged or added: the bar goes, what is typed since stays."""
        self._clear_duplicate()
        self.line.setFocus()

    def show_duplicate(
        self, zone: str, text: str, author: str, existing_id: int, where: str
    ) -> None:
        """Say the card is « déjà présent »; the field is emptied for the next card (the text
        waits in the bar: Enter on the empty field adds it anyway, or « Fusionner »)."""
        self._pending = (zone, text, author)
        self._pending_card = existing_id
        self.duplicate_label.setText(
            tr(
                "{text} est déjà présent ({where}). Entrée sur le champ vide pour l'ajouter quand même, ou tapez le post-it suivant."
            ).format(text=quoted(text[:80] + ("…" if len(text) > 80 else "")), where=where)
        )
        self.duplicate_bar.show()
        self.line.clear()

    def _clear_duplicate(self) -> None:
        self._pending = None
        self.duplicate_bar.hide()

    def _merge(self) -> None:
        if self._pending is not None:
            self.merge_asked.emit(self._pending_card, self._pending[2])

    def _add_anyway(self) -> None:
        if self._pending is not None:
            zone, text, author = self._pending
            self._pending = None
            self.submitted.emit(zone, text, author, True)
