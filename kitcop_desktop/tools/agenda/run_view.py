"""The facilitator's run view: the countdown, the controls, what comes next, the drift.

« En retard de 7 min, fin prévue 12 h 07 », and which séquences could absorb the delay,
measured against the plan the run follows (« Démarrer maintenant » moves it to the real start;
a répétition is measured from its own start). A warning when the déroulé ends after the
workshop's end. Every button has its key (shown in its tooltip); the keys themselves are
handled by the editor.

Once a second only the projection is recomputed (pure, from the plan read when the déroulé
changes): no store read, and a label's style is set only when its tone changes (#15: a
running countdown costs almost no CPU).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import schedule as sched
from kitcop_desktop.domain.agenda_projection import (
    Projection,
    local_minutes,
    plan_offset,
    project,
    shifted,
)
from kitcop_desktop.domain.french import minutes_text
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import agenda
from kitcop_desktop.tools.agenda.live import live_for
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown
from kitcop_desktop.ui.widgets.row_list import KEY_ROLE, Row, RowList

STATE_TEXT = {
    "not_started": tr_later("Pas encore commencé"),
    "running": tr_later("En cours"),
    "paused": tr_later("En pause"),
    "finished": tr_later("Atelier terminé"),
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
        self._tone = ""
        # The plan as last read from the store (the déroulé or the workshop changed).
        self._schedule: sched.Schedule | None = None
        self._inputs: list = []
        self._kinds: dict[int, str] = {}
        self._titles: list[tuple[int, str]] = []
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
        self.previous_button = self._button(tr("Précédente"), "previous", tr("PageUp ou ←"))
        self.toggle_button = self._button(tr("Démarrer"), "play", tr("Espace"))
        self.toggle_button.setObjectName("Primary")
        self.next_button = self._button(tr("Suivante"), "next", tr("PageDown ou →"))
        self.minus_button = self._button(tr("−1 min"), "minus_minute", "−")
        self.plus_button = self._button(tr("+1 min"), "plus_minute", "+")
        self.plus5_button = self._button(
            tr("+5 min"), "plus_minute", tr("* (ou Maj + sur le pavé numérique)")
        )
        self.sound_button = self._button(tr("Son"), "sound_on", tr("M"))
        self.sound_button.setCheckable(True)
        self.finish_button = self._button(tr("Terminer l'atelier"), "stop", "")
        self.restart_button = self._button(
            tr("Recommencer"), "undo", tr("Efface le suivi (Ctrl+Z)")
        )
        self.start_now_button = self._button(
            tr("Démarrer maintenant"),
            "clock",
            tr("décale tout le déroulé à l'heure qu'il est (Ctrl+Z)"),
        )
        self.rehearsal_button = self._button(
            tr("Répétition"), "template", tr("le passage n'est pas enregistré comme réalisé")
        )
        self.rehearsal_button.setCheckable(True)
        buttons.addWidget(self.previous_button, 0, 0)
        buttons.addWidget(self.toggle_button, 0, 1)
        buttons.addWidget(self.next_button, 0, 2)
        buttons.addWidget(self.minus_button, 1, 0)
        buttons.addWidget(self.plus_button, 1, 1)
        buttons.addWidget(self.plus5_button, 1, 2)
        buttons.addWidget(self.sound_button, 2, 0)
        buttons.addWidget(self.finish_button, 2, 1)
        buttons.addWidget(self.restart_button, 2, 2)
        buttons.addWidget(self.start_now_button, 3, 0, 1, 2)
        buttons.addWidget(self.rehearsal_button, 3, 2)
        left.addLayout(buttons)
        self.start_now_button.clicked.connect(self.live.start_now)
        self.rehearsal_button.clicked.connect(self.live.set_rehearsal)
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
        theme.style(self.drift, theme.drift_look("on_time"))
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        theme.style(self.warning, theme.coloured(theme.DRIFT_INK["late"]))
        self.absorbers = QLabel()
        self.absorbers.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sequences = RowList()
        self.sequences.setToolTip(tr("Double-cliquez pour aller à une séquence."))
        self.sequences.activated.connect(self._go_to_item)
        for title, widget in (
            (tr("Horaire"), self.drift),
            (None, self.warning),
            (None, self.absorbers),
            (tr("À suivre"), self.next_label),
            (tr("Déroulé"), self.sequences),
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
            self._schedule = None  # read the plan again
            self.reload()

    def _on_second(self, display: int, stage: str) -> None:
        # The projection moves once overrun or paused: recomputed each second from the plan
        # in memory (no store read, no style sheet unless the tone changes).
        self._update_projection()

    # --- showing -----------------------------------------------------------------------------
    def reload(self) -> None:
        self._load_plan()
        runner = self.live.runner
        state = runner.state()
        current = runner.current
        self.countdown.set_countdown(runner.countdown() if current else None)
        total = len(runner.sequences)
        if current is not None:
            index = runner.index(current.id) + 1
            rehearsal = tr(" — répétition") if runner.rehearsal else ""
            self.position.setText(
                tr("Séquence {index} sur {total} — {state}{rehearsal}").format(
                    index=index, total=total, state=tr(STATE_TEXT[state]), rehearsal=rehearsal
                )
            )
            self.current_title.setText(current.title)
            cd = runner.countdown()
            extra = cd.total_seconds // 60 - current.minutes if cd else 0
            text = tr("Prévu\u00a0: {minutes}").format(minutes=minutes_text(current.minutes))
            if extra:
                text += f" ({'+' if extra > 0 else '−'}{abs(extra)} min)"
            self.planned.setText(text)
        else:
            self.position.setText(tr(STATE_TEXT[state]))
            first = runner.sequences[0].title if runner.sequences else ""
            self.current_title.setText(
                tr("Merci !")
                if state == "finished"
                else (
                    tr("Prêt à démarrer : {first}").format(first=first)
                    if first
                    else tr("Le déroulé est vide.")
                )
            )
            self.planned.setText(self._before_start_hint(state))
        self.toggle_button.setText(tr("Pause") if runner.running else tr("Démarrer"))
        self.toggle_button.setEnabled(state != "finished" and total > 0)
        self.next_button.setEnabled(state != "finished" and total > 0)
        self.sound_button.setChecked(self.live.sound_on)
        self.sound_button.setText(tr("Son activé") if self.live.sound_on else tr("Son coupé"))
        self.sound_button.setIcon(icon("sound_on" if self.live.sound_on else "sound_off"))
        self.toggle_button.setIcon(icon("pause" if runner.running else "play", theme.WHITE))
        self.start_now_button.setVisible(state == "not_started" and total > 0)
        self.rehearsal_button.setChecked(runner.rehearsal)
        self._update_next()
        self._update_projection()

    def _update_next(self) -> None:
        runner = self.live.runner
        following = runner.next_sequence()
        if following is None:
            self.next_label.setText(tr("Rien : c'est la dernière séquence."))
            return
        with self.ctx.store.read() as session:
            seq = agenda.get(session, following.id)
            lines = agenda.material_lines(seq.materials)
            ticked = set(agenda.material_lines(seq.materials_ticked))
        text = f"{following.title} ({minutes_text(following.minutes)})"
        if lines:
            text += "\n" + "\n".join(("☑ " if x in ticked else "☐ ") + x for x in lines)
        self.next_label.setText(text)

    def _before_start_hint(self, state: str) -> str:
        """Before the run: the keys, and how late it is against the plan."""
        hint = tr("Espace pour démarrer, PageDown pour passer à la suivante.")
        if state != "not_started" or self._schedule is None:
            return hint
        now = int(local_minutes(self.live.clock.wall()))
        late = now - self._schedule.start
        if 5 <= late <= 180:
            hint = (
                tr(
                    "Prévu à {planned}, il est {now}\u00a0: «\u00a0Démarrer maintenant\u00a0» "
                    "décale tout le déroulé de {late}."
                ).format(
                    planned=sched.prose_text(self._schedule.start),
                    now=sched.prose_text(now),
                    late=minutes_text(late),
                )
                + "\n"
                + hint
            )
        return hint

    def _load_plan(self) -> sched.Schedule:
        """Read the plan (séquences, horaires, the workshop's date and end) from the store."""
        with self.ctx.store.read() as session:
            sequences = agenda.list_sequences(session, self.ctx.workshop_id)
            self._schedule = schedule = agenda.schedule_for(session, self.ctx.workshop_id)
            self._inputs = agenda.planned_inputs(sequences)
            self._kinds = {s.id: s.kind for s in sequences}
            self._titles = [(s.id, s.title) for s in sequences]
        return schedule

    def _set_text(self, label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def _update_projection(self) -> None:
        plan = self._schedule if self._schedule is not None else self._load_plan()
        runner = self.live.runner
        offset = plan_offset(runner, plan.start)
        inputs, schedule = shifted(self._inputs, plan, offset)
        now = local_minutes(self.live.clock.wall())
        self.projection = project(schedule, inputs, runner, now, self._kinds)
        p = self.projection
        tone = "late" if p.delay > 0 else ("early" if p.delay < 0 else "on_time")
        if tone != self._tone:
            self._tone = tone
            theme.style(self.drift, theme.drift_look(tone))
        planned = tr("(déroulé\u00a0: fin à {end})").format(end=sched.prose_text(p.planned_end))
        if offset:
            planned = tr(
                "(répétition\u00a0: horaire compté depuis son départ, {start}\u00a0; fin à {end})"
            ).format(start=sched.prose_text(schedule.start), end=sched.prose_text(p.planned_end))
        self._set_text(self.drift, f"{p.summary()}\n{planned}")
        self._set_text(self.warning, self._end_warning(schedule, p))
        if p.absorbers:
            text = tr("Pour rattraper\u00a0:") + "\n"
            text += "\n".join("• " + a.text() for a in p.absorbers)
            left = p.delay - sum(a.cut for a in p.absorbers)
            if left > 0:
                text += "\n" + tr("Il resterait {minutes} de retard.").format(
                    minutes=minutes_text(left)
                )
        elif p.delay > 0 and runner.started:
            text = tr("Aucune séquence ne peut absorber ce retard.")
        else:
            text = ""
        self._set_text(self.absorbers, text)
        self._fill_list(schedule, self._titles)

    def _end_warning(self, schedule: sched.Schedule, p: Projection) -> str:
        """⚠ when the déroulé, as planned or as it goes, ends after the workshop's end."""
        end = schedule.planned_end
        if end is None:
            return ""
        runner = self.live.runner
        if runner.started and not runner.finished and p.projected_end > end:
            return tr(
                "⚠ À ce rythme, le déroulé finit à {at}, {minutes} après la fin de l'atelier "
                "({end})."
            ).format(
                at=sched.prose_text(p.projected_end),
                minutes=minutes_text(p.projected_end - end),
                end=sched.prose_text(end),
            )
        if schedule.end > end:
            return tr(
                "⚠ Le déroulé finit à {at}, {minutes} après la fin de l'atelier ({end})."
            ).format(
                at=sched.prose_text(schedule.end),
                minutes=minutes_text(schedule.end - end),
                end=sched.prose_text(end),
            )
        return ""

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
        tip = tr("→ : heure de début projetée d'après l'avance ou le retard actuel")
        # Only the lines that show differently are redrawn (the ▶ moving on, a time).
        self.sequences.set_rows([Row(text, key=sid, tooltip=tip) for sid, text in lines])
        self.sequences.setCurrentRow(keep)
        self.sequences.blockSignals(False)

    def _go_to_item(self, index: QModelIndex) -> None:
        self.live.go_to(int(index.data(KEY_ROLE)))
