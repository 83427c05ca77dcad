"""The facilitator's run view: the countdown, the controls, what comes next, the drift.

« En retard de 7 min, fin prévue 12 h 07 », and which séquences could absorb the delay.
Every button has its key (shown in its tooltip); the keys themselves are handled by the editor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import schedule as sched
from kitcop_desktop.domain.agenda_projection import Projection, local_minutes, project
from kitcop_desktop.domain.french import minutes_text
from kitcop_desktop.storage import agenda
from kitcop_desktop.tools.agenda.live import live_for
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown

STATE_TEXT = {
    "not_started": "Pas encore commencé",
    "running": "En cours",
    "paused": "En pause",
    "finished": "Atelier terminé",
}


def _card() -> QFrame:
    frame = QFrame()
    frame.setObjectName("Card")
    return frame


class RunView(QWidget):
    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.live = live_for(ctx)
        self.projection: Projection | None = None
        self._lines: list = []
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        right = QVBoxLayout()
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        # --- the current séquence and its countdown --------------------------------------
        self.position = QLabel()
        self.position.setObjectName("PageSubtitle")
        self.current_title = QLabel()
        self.current_title.setObjectName("PageTitle")
        self.current_title.setWordWrap(True)
        self.countdown = BigCountdown()
        self.countdown.setMinimumHeight(160)
        self.planned = QLabel()
        self.planned.setObjectName("PageSubtitle")
        left.addWidget(self.position)
        left.addWidget(self.current_title)
        left.addWidget(self.countdown, 1)
        left.addWidget(self.planned)

        buttons = QGridLayout()
        self.previous_button = self._button("Précédente", "previous", "PageUp ou ←")
        self.toggle_button = self._button("Démarrer", "play", "Espace")
        self.toggle_button.setObjectName("Primary")
        self.next_button = self._button("Suivante", "next", "PageDown ou →")
        self.minus_button = self._button("−1 min", "minus_minute", "−")
        self.plus_button = self._button("+1 min", "plus_minute", "+")
        self.plus5_button = self._button(
            "+5 min", "plus_minute", "* (ou Maj + sur le pavé numérique)"
        )
        self.sound_button = self._button("Son", "sound_on", "M")
        self.sound_button.setCheckable(True)
        self.finish_button = self._button("Terminer l'atelier", "stop", "")
        self.restart_button = self._button("Recommencer", "undo", "Efface le suivi (Ctrl+Z)")
        buttons.addWidget(self.previous_button, 0, 0)
        buttons.addWidget(self.toggle_button, 0, 1)
        buttons.addWidget(self.next_button, 0, 2)
        buttons.addWidget(self.minus_button, 1, 0)
        buttons.addWidget(self.plus_button, 1, 1)
        buttons.addWidget(self.plus5_button, 1, 2)
        buttons.addWidget(self.sound_button, 2, 0)
        buttons.addWidget(self.finish_button, 2, 1)
        buttons.addWidget(self.restart_button, 2, 2)
        left.addLayout(buttons)
        self.previous_button.clicked.connect(self.live.previous)
        self.toggle_button.clicked.connect(self.live.toggle)
        self.next_button.clicked.connect(self.live.next)
        self.minus_button.clicked.connect(lambda: self.live.extend(-1))
        self.plus_button.clicked.connect(lambda: self.live.extend(1))
        self.plus5_button.clicked.connect(lambda: self.live.extend(5))
        self.sound_button.clicked.connect(self.live.set_sound_on)
        self.finish_button.clicked.connect(self.live.finish)
        self.restart_button.clicked.connect(self.live.restart)

        # --- the drift, the next séquence, the list ---------------------------------------
        self.drift = QLabel()
        self.drift.setWordWrap(True)
        self.drift.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.absorbers = QLabel()
        self.absorbers.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sequences = QListWidget()
        self.sequences.setToolTip("Double-cliquez pour aller à une séquence.")
        self.sequences.itemActivated.connect(self._go_to_item)
        for title, widget in (
            ("Horaire", self.drift),
            (None, self.absorbers),
            ("À suivre", self.next_label),
            ("Déroulé", self.sequences),
        ):
            if title:
                heading = QLabel(title)
                heading.setObjectName("PageSubtitle")
                right.addWidget(heading)
            right.addWidget(widget, 1 if widget is self.sequences else 0)

        self.live.changed.connect(self.reload)
        self.live.second.connect(self._on_second)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _button(self, text: str, icon_name: str, key: str) -> QPushButton:
        button = QPushButton(text)
        button.setIcon(icon(icon_name))
        button.setToolTip(f"{text} ({key})" if key else text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the run, not the button
        return button

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in ("agenda", "workshop"):
            self.reload()

    def _on_second(self, display: int, stage: str) -> None:
        # The projection moves once overrun or paused; recompute it each second (cheap).
        self._update_projection()

    # --- showing -----------------------------------------------------------------------------
    def reload(self) -> None:
        runner = self.live.runner
        state = runner.state()
        current = runner.current
        self.countdown.set_countdown(runner.countdown() if current else None)
        total = len(runner.sequences)
        if current is not None:
            index = runner.index(current.id) + 1
            self.position.setText(f"Séquence {index} sur {total} — {STATE_TEXT[state]}")
            self.current_title.setText(current.title)
            cd = runner.countdown()
            extra = cd.total_seconds // 60 - current.minutes if cd else 0
            text = f"Prévu : {minutes_text(current.minutes)}"
            if extra:
                text += f" ({'+' if extra > 0 else '−'}{abs(extra)} min)"
            self.planned.setText(text)
        else:
            self.position.setText(STATE_TEXT[state])
            first = runner.sequences[0].title if runner.sequences else ""
            self.current_title.setText(
                "Merci !"
                if state == "finished"
                else (f"Prêt à démarrer : {first}" if first else "Le déroulé est vide.")
            )
            self.planned.setText("Espace pour démarrer, PageDown pour passer à la suivante.")
        self.toggle_button.setText("Pause" if runner.running else "Démarrer")
        self.toggle_button.setEnabled(state != "finished" and total > 0)
        self.next_button.setEnabled(state != "finished" and total > 0)
        self.sound_button.setChecked(self.live.sound_on)
        self.sound_button.setText("Son activé" if self.live.sound_on else "Son coupé")
        self.sound_button.setIcon(icon("sound_on" if self.live.sound_on else "sound_off"))
        self.toggle_button.setIcon(icon("pause" if runner.running else "play", "#ffffff"))
        self._update_next()
        self._update_projection()

    def _update_next(self) -> None:
        runner = self.live.runner
        following = runner.next_sequence()
        if following is None:
            self.next_label.setText("Rien : c'est la dernière séquence.")
            return
        with self.ctx.store.read() as session:
            seq = agenda.get(session, following.id)
            lines = agenda.material_lines(seq.materials)
            ticked = set(agenda.material_lines(seq.materials_ticked))
        text = f"{following.title} ({minutes_text(following.minutes)})"
        if lines:
            text += "\n" + "\n".join(("☑ " if x in ticked else "☐ ") + x for x in lines)
        self.next_label.setText(text)

    def _update_projection(self) -> None:
        runner = self.live.runner
        with self.ctx.store.read() as session:
            sequences = agenda.list_sequences(session, self.ctx.workshop_id)
            schedule = agenda.schedule_for(session, self.ctx.workshop_id)
            inputs = agenda.planned_inputs(sequences)
            kinds = {s.id: s.kind for s in sequences}
            titles = [(s.id, s.title) for s in sequences]
        now = local_minutes(self.live.clock.wall())
        self.projection = project(schedule, inputs, runner, now, kinds)
        p = self.projection
        colour = "#b3261e" if p.delay > 0 else ("#1b7f3b" if p.delay < 0 else "#1d2330")
        self.drift.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {colour};")
        planned = f"(déroulé : fin à {sched.prose_text(p.planned_end)})"
        self.drift.setText(f"{p.summary()}\n{planned}")
        if p.absorbers:
            text = "Pour rattraper :\n" + "\n".join("• " + a.text() for a in p.absorbers)
            left = p.delay - sum(a.cut for a in p.absorbers)
            if left > 0:
                text += f"\nIl resterait {minutes_text(left)} de retard."
            self.absorbers.setText(text)
        elif p.delay > 0:
            self.absorbers.setText("Aucune séquence ne peut absorber ce retard.")
        else:
            self.absorbers.setText("")
        self._fill_list(schedule, titles)

    def _fill_list(self, schedule, sequences) -> None:
        runner = self.live.runner
        starts = self.projection.starts if self.projection else {}
        lines = []
        for sid, title in sequences:
            slot = schedule.slot(sid)
            facts = runner.facts_of(sid)
            mark = "▶ " if sid == runner.current_id else ("✓ " if facts.last_end else "   ")
            text = f"{mark}{sched.clock_text(slot.start)}  {title}"
            if sid in starts and starts[sid] != slot.start:
                text += f"  → {sched.clock_text(starts[sid])}"
            lines.append((sid, text))
        if lines == self._lines:
            return  # called every second: rebuild only when something shows differently
        self._lines = lines
        keep = self.sequences.currentRow()
        self.sequences.blockSignals(True)
        self.sequences.clear()
        for sid, text in lines:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            item.setToolTip("→ : heure de début projetée d'après l'avance ou le retard actuel")
            self.sequences.addItem(item)
        self.sequences.setCurrentRow(keep)
        self.sequences.blockSignals(False)

    def _go_to_item(self, item: QListWidgetItem) -> None:
        self.live.go_to(int(item.data(Qt.ItemDataRole.UserRole)))
