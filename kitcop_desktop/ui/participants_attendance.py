"""Taking attendance in the room, above the attendance list: the count, what contradicts it,
« Tout le monde est là », « Inverser », and the rule « qui participe est présent·e ».

Every change of ticks is one undo step (storage/attendance.set_presence and its previous
values). The count says « 10 présent·es sur 12 inscrit·es »; a warning says when 36 gommettes
were counted for 0 people ticked, or when someone spoke, voted or sat in the bowl unticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.attendance import count_text, warnings
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import attendance as ops
from kitcop_desktop.ui import attendance as rule
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.participants_model import WATCHED_AREAS, ParticipantsModel


class AttendanceBar(QWidget):
    def __init__(self, ctx, model: ParticipantsModel, table: QTableView, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._model = model
        self._table = table
        self.count_label = QLabel()
        self.count_label.setObjectName("PageSubtitle")
        self.all_button = QPushButton(icon("check"), tr("Tout le monde est là"))
        self.all_button.setToolTip(tr("Cocher tout le monde présent·e (Alt+T ; Ctrl+Z annule)"))
        self.all_button.setAccessibleName(tr("Tout le monde est là (Alt+T)"))
        self.all_button.clicked.connect(self.everyone_here)
        self.invert_button = QPushButton(tr("Inverser"))
        self.invert_button.setToolTip(
            tr(
                "Présent·es et absent·es échangent leur case (Alt+I) : pratique quand presque "
                "tout le monde est là"
            )
        )
        self.invert_button.clicked.connect(self.invert)
        self.hint = QLabel(tr("Espace : coche, puis la suivante"))
        self.hint.setToolTip(
            tr(
                "Dans la liste, Espace coche ou décoche la personne choisie et passe à la "
                "suivante, sans toucher à son nom (F2 ou double-clic pour le corriger). "
                "Alt+T : tout le monde est là. Alt+I : inverser."
            )
        )
        self.hint.setObjectName("PageSubtitle")
        self.rule_box = QCheckBox(tr("Qui participe est présent·e"))
        self.rule_box.setToolTip(
            tr(
                "Cochée : qui parle dans un tour, vote ou s'assoit au centre du bocal est coché·e "
                "présent·e en même temps (Ctrl+Z annule les deux). Décochée : l'app demande avant "
                "de faire asseoir ou voter une personne absente."
            )
        )
        self.rule_box.toggled.connect(self._rule_toggled)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        theme.style(self.warning, theme.WARNING_TEXT)
        self.tick_button = QPushButton(tr("Cocher qui a participé"))
        self.tick_button.setToolTip(
            tr("Cocher présent·es celles et ceux qui ont parlé, voté ou siégé")
        )
        self.tick_button.clicked.connect(self.tick_who_took_part)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.invert_button)
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.rule_box)
        alert = QHBoxLayout()
        alert.setContentsMargins(0, 0, 0, 0)
        alert.addWidget(self.warning, 1)
        alert.addWidget(self.tick_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(alert)
        model.modelReset.connect(self.refresh)
        ctx.hub.changed.connect(self._on_changed)
        self._unticked: list[int] = []
        self.refresh()

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if (
            area in WATCHED_AREAS
            and area != "participants"
            and workshop_id == self._ctx.workshop_id
        ):
            self.refresh()  # dots counted, someone who spoke: the warnings may change

    def refresh(self) -> None:
        with self._ctx.store.read() as session:
            facts = ops.attendance(session, self._ctx.workshop_id)
        ticked = len(facts.ticked)
        self.count_label.setText(count_text(ticked, facts.registered))
        self._unticked = facts.unticked_participants
        found = warnings(
            ticked,
            facts.wall_dots,
            facts.wall_voters,
            [facts.names[i] for i in self._unticked],
        )
        self.warning.setText("\n".join(f"⚠ {w}" for w in found))
        self.warning.setVisible(bool(found))
        self.tick_button.setVisible(bool(self._unticked))
        for button in (self.all_button, self.invert_button):
            button.setEnabled(facts.registered > 0)
        self.rule_box.blockSignals(True)
        self.rule_box.setChecked(rule.rule_accepted(self._ctx))
        self.rule_box.blockSignals(False)

    def _rule_toggled(self, on: bool) -> None:
        rule.accept_rule(self._ctx, on)

    # --- ticks (each one undo step) -------------------------------------------------------------
    def _set(self, text: str, presence: dict[int, bool]) -> bool:
        current = self._model.presence()
        changed = {pid: on for pid, on in presence.items() if current.get(pid) != on}
        if not changed:
            return False
        return (
            self._ctx.push(
                text,
                area="participants",
                do=lambda s: ops.set_presence(s, changed),
                undo=lambda s, previous: ops.set_presence(s, previous),
            )
            is not None
        )

    def keys_on(self, page: QWidget) -> None:
        """Alt+T and Alt+I anywhere on `page` (the table, the buttons, the fields around)."""
        for keys, slot in (("Alt+T", self.everyone_here), ("Alt+I", self.invert)):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def everyone_here(self) -> None:
        if not self._set(tr("Tout le monde est là"), dict.fromkeys(self._model.ids(), True)):
            self._ctx.show_message(tr("Tout le monde est déjà coché présent·e."))

    def invert(self) -> None:
        self._set(
            tr("Inverser la présence"), {pid: not on for pid, on in self._model.presence().items()}
        )

    def tick_who_took_part(self) -> None:
        self._set(tr("Cocher qui a participé"), dict.fromkeys(self._unticked, True))

    def toggle_selected(self) -> None:
        """Espace: tick (or untick, when all are ticked) the selected people, then move on."""
        rows = sorted({i.row() for i in self._table.selectionModel().selectedRows()})
        if not rows:
            current = self._table.currentIndex()
            rows = [current.row()] if current.isValid() else []
        if not rows:
            return
        ids = [self._model.participant_id(r) for r in rows]
        presence = self._model.presence()
        on = not all(presence[i] for i in ids)
        names = self._model.names()
        if len(rows) == 1:
            text = (tr("{name} présent·e") if on else tr("{name} absent·e")).format(
                name=names[rows[0]]
            )
        else:
            text = tr("{count} personnes présentes") if on else tr("{count} personnes absentes")
            text = text.format(count=len(rows))
        self._set(text, dict.fromkeys(ids, on))
        if len(rows) == 1 and rows[0] + 1 < self._model.rowCount():
            self._table.selectRow(rows[0] + 1)  # one key per person: on to the next one
        else:
            self._table.selectRow(rows[-1])
