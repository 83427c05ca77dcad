"""The « Tours de parole » tab: météo, brise-glace, présentation croisée, déclusion.

Participants speak in order with a per-speaker countdown shown on the room screen. Keys while
the tool is active: PageDown / Right next speaker, PageUp / Left back, Space pause, L « plus
tard ». The word or phrase each person gives is typed in the capture field: Enter stores it and
gives the floor to the next person, in one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import speaking_round as rules
from kitcop_desktop.domain.french import of_name
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import rounds as ops
from kitcop_desktop.storage.rounds import EntryData, RoundData
from kitcop_desktop.tools.fishbowl.clock import clock_of
from kitcop_desktop.tools.fishbowl.focus import room_focus
from kitcop_desktop.tools.fishbowl.round_order import RoundOrder
from kitcop_desktop.tools.fishbowl.round_phones import RoundPhones
from kitcop_desktop.tools.fishbowl.round_table import RoundTable
from kitcop_desktop.tools.fishbowl.round_word import AREA, INVOLVED_CHOICES, WordCapture
from kitcop_desktop.ui import narrow_text, theme
from kitcop_desktop.ui.attendance import round_marking
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout
from kitcop_desktop.ui.widgets.number_field import NumberField
from kitcop_desktop.ui.widgets.room_text import room_pager


def load_rounds(store, workshop_id: int) -> list[RoundData]:
    with store.read() as s:
        return ops.list_rounds(s, workshop_id)


class RoundPanel(QWidget):
    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock_of(ctx)
        self.focus = room_focus(ctx)
        # Built again after the shell let the page go (#15): the round the room follows.
        self.round_id: int | None = self.focus.round_id
        self.data: RoundData | None = None
        self._loading = False
        self._shown_id: int | None = None
        self._word_entry: int | None = None
        self._waiting: list[str] = []  # who Démarrer takes from the attendance list

        self.picker = QComboBox()
        narrow_text.shortens_long_entries(self.picker, 8)
        self.picker.currentIndexChanged.connect(self._picked)
        new = QToolButton()
        new.setText(tr("Nouveau tour"))
        new.setIcon(icon("new"))
        new.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        new.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(new)
        for kind, label in rules.KINDS.items():
            action = QAction(label, menu)
            action.triggered.connect(lambda _c=False, k=kind: self.create_round(k))
            menu.addAction(action)
        new.setMenu(menu)
        self.delete_button = QPushButton(icon("delete"), tr("Supprimer"))
        self.delete_button.setObjectName("Danger")
        self.delete_button.clicked.connect(self.delete_current)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Tour :")))
        top.addWidget(self.picker, 1)
        self.setup_button = QPushButton(tr("Préparation"))
        self.setup_button.setCheckable(True)
        self.setup_button.setToolTip(
            tr("Montrer / cacher le titre, la consigne et le temps par personne")
        )
        top.addWidget(self.setup_button)
        top.addWidget(new)
        top.addWidget(self.delete_button)

        self.title = QLineEdit()
        Autosave(self.title, lambda: self._save("title", self.title.text()))
        # « 99999 » is refused out loud with the limit, never cut to « 999 » and stored.
        self.seconds = NumberField(
            rules.MIN_SPEAKER_SECONDS,
            rules.MAX_SPEAKER_SECONDS,
            tr("Le temps par personne ne peut pas dépasser 30 minutes."),
            tr("Le temps par personne doit être d'au moins {minimum} secondes."),
            suffix=" s par personne",
        )
        self.seconds.setSingleStep(15)
        self.seconds.refused.connect(ctx.show_message)
        self.seconds.editingFinished.connect(
            lambda: self._save("seconds_per_speaker", self.seconds.value())
        )
        self.prompt = QPlainTextEdit()
        self.prompt.setTabChangesFocus(True)  # Tab moves on, never types into the room's text
        self.prompt.setFixedHeight(52)
        self.prompt_autosave = Autosave(
            self.prompt, lambda: self._save("prompt", self.prompt.toPlainText())
        )
        setup = self.setup = QGroupBox(tr("Préparation"))
        self.setup_button.toggled.connect(setup.setVisible)
        form = QFormLayout(setup)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.seconds)
        form.addRow(tr("Titre :"), row)
        form.addRow(tr("Consigne :"), self.prompt)

        self.countdown = BigCountdown()
        self.countdown.setFixedSize(200, 84)
        self.speaker = QLabel()
        theme.style(self.speaker, theme.HEADING_LARGE)
        self.speaker.setWordWrap(True)
        self.upcoming = QLabel()
        theme.style(self.upcoming, theme.MUTED_TEXT)
        self.next_button = QPushButton(icon("next"), tr("Suivant"))
        self.next_button.setObjectName("Primary")
        self.next_button.setToolTip(tr("Personne suivante (Page suivante ou →)"))
        self.next_button.clicked.connect(self.next_speaker)
        back = QPushButton(icon("previous"), tr("Précédent"))
        back.setToolTip(tr("Revenir à la personne précédente (Page précédente ou ←)"))
        back.clicked.connect(self.previous_speaker)
        later = QPushButton(tr("Plus tard"))
        later.setToolTip(tr("Passer et revenir à la fin du tour (L) ; deux fois : passe son tour"))
        later.clicked.connect(self.skip)
        self.pause_button = QPushButton(icon("pause"), tr("Pause"))
        self.pause_button.setToolTip(tr("Mettre en pause le minuteur (Espace)"))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.finish_button = QPushButton(icon("stop"), tr("Terminer"))
        self.finish_button.clicked.connect(self.finish)
        buttons = FlowLayout(spacing=6)
        for b in (back, self.next_button, later, self.pause_button, self.finish_button):
            buttons.addWidget(b)
        # The word each person gives (round_word.py): its row, and its widgets shown here.
        capture = self.capture = WordCapture(ctx, self, self)
        self.word, self.involved = capture.word, capture.involved
        self.word_label, self.word_autosave = capture.word_label, capture.word_autosave
        info = QVBoxLayout()
        info.addWidget(self.speaker)
        info.addWidget(self.upcoming)
        info.addStretch(1)
        top_live = QHBoxLayout()
        top_live.addWidget(self.countdown)
        top_live.addLayout(info, 1)
        # Under the countdown, the whole width: on a narrow window (one screen, the room
        # screen beside) the buttons take a second line rather than lose their words.
        live = QVBoxLayout()
        live.addLayout(top_live)
        live.addLayout(buttons)
        live.addLayout(capture.row)

        self.table = RoundTable()
        self.table.word_edited.connect(lambda entry, text: capture.set_word(entry, text))
        self.order = RoundOrder(ctx, self)  # who speaks when (round_order.py)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(setup)
        self.phones = RoundPhones(ctx)  # « Ouvrir aux téléphones » and the phones' words (#19)
        body.addWidget(self.phones)
        body.addLayout(live)
        body.addWidget(self.table, 1)
        body.addLayout(self.order.row)
        self.empty = QLabel(
            tr(
                "Aucun tour de parole pour l'instant. « Nouveau tour » : météo, brise-glace, "
                "présentation croisée ou déclusion, dans l'ordre de la liste d'émargement."
            )
        )
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    # --- loading --------------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in (AREA, "participants"):
            self.reload()

    def reload(self) -> None:
        all_rounds = load_rounds(self.ctx.store, self.ctx.workshop_id)
        ids = [r.id for r in all_rounds]
        if self.round_id not in ids:
            self.round_id = ids[-1] if ids else None
        self._loading = True
        self.picker.clear()
        for r in all_rounds:
            self.picker.addItem(
                f"{r.kind_label} — {r.title}" if r.title != r.kind_label else r.title, r.id
            )
        if self.round_id is not None:
            self.picker.setCurrentIndex(ids.index(self.round_id))
        self._loading = False
        self.data = next((r for r in all_rounds if r.id == self.round_id), None)
        self.empty.setVisible(self.data is None)
        self.body.setVisible(self.data is not None)
        self.delete_button.setEnabled(self.data is not None)
        self.phones.show_round(self.round_id)
        self._show()

    def _picked(self, index: int) -> None:
        if not self._loading and index >= 0:
            self.round_id = self.picker.itemData(index)
            self.reload()
            self.focus.show("rounds", self.round_id)

    def current_entry(self) -> EntryData | None:
        if self.data is None:
            return None
        return next((e for e in self.data.entries if e.id == self.data.current_entry_id), None)

    def _show(self) -> None:
        data = self.data
        if data is None:
            self.countdown.set_countdown(None)
            self._waiting = []
            return
        self._loading = True
        if not self.title.hasFocus():
            self.title.setText(data.title)
        self.prompt_autosave.show(data.prompt)
        self.seconds.setValue(data.seconds_per_speaker)
        if self._shown_id != data.id:  # a new round opens on its setup until it starts
            self._shown_id = data.id
            self.setup_button.setChecked(data.state == "setup")
        self.setup.setVisible(self.setup_button.isChecked())
        self._loading = False
        current = self.current_entry()
        with self.ctx.store.read() as s:
            facts = ops.speaker_facts(ops.get(s, data.id))
            # A template's round made before the sign-in: Démarrer takes the attendance list.
            self._waiting = ops.waiting_from_attendance(s, data.id)
        cd = rules.SpeakerCountdown.from_facts(facts, self.clock) if current else None
        self.countdown.set_countdown(cd)
        self.pause_button.setText(tr("Reprendre") if cd and not cd.running else tr("Pause"))
        done, total = rules.progress(
            [rules.Entry(e.id, i, e.status) for i, e in enumerate(data.entries)]
        )
        if current is not None:
            self.speaker.setText(tr("À la parole : {name}").format(name=current.name))
        elif data.state == "finished":
            self.speaker.setText(tr("Tour terminé"))
        else:
            self.speaker.setText(tr("Pas encore commencé"))
        following = self._following()
        position = done + (1 if current is not None else 0)
        progress = tr("{position} sur {total}").format(position=position, total=total)
        self.upcoming.setText(
            tr("{progress} · Ensuite : {following}").format(progress=progress, following=following)
            if following
            else progress
        )
        if self._waiting:
            self.upcoming.setText(
                tr_n(
                    "{n} personne de la liste d'émargement · On commence par : {first}",
                    "{n} personnes de la liste d'émargement · On commence par : {first}",
                    len(self._waiting),
                ).format(n=len(self._waiting), first=self._waiting[0])
            )
        self.next_button.setText(
            tr("Démarrer") if data.state == "setup" and not current else tr("Suivant")
        )
        finished = data.state == "finished"
        self.next_button.setEnabled(not finished)
        self.pause_button.setEnabled(not finished)
        self.finish_button.setEnabled(not finished)
        self.word_label.setText(
            tr("Mot {of_name}\u00a0:").format(of_name=of_name(current.name))
            if current
            else tr("Mot\u00a0:")
        )
        self.word.setEnabled(current is not None)
        # The field belongs to one person: a new speaker always gets a fresh field, even when
        # the facilitator's cursor is still in it (PageDown from the field).
        current_id = current.id if current is not None else None
        if current_id != self._word_entry or not self.word.hasFocus():
            self.word_autosave.end_burst()  # another person's word: another undo step
            with self.word_autosave.loading():
                self.word.setText(current.word if current is not None else "")
        self._word_entry = current_id
        closing = data.kind == "closing"
        self.involved.setVisible(closing)
        if current is not None:
            values = [v for _, v in INVOLVED_CHOICES]
            self.involved.setCurrentIndex(values.index(current.stay_involved))
        self.table.show_round(data)

    def _following(self) -> str:
        data = self.data
        if data is None:
            return ""
        entries = [rules.Entry(e.id, i, e.status) for i, e in enumerate(data.entries)]
        nxt = rules.next_speaker(entries, data.current_entry_id)
        return next((e.name for e in data.entries if e.id == nxt), "")

    # --- commands -------------------------------------------------------------------------
    def _live(self, text: str, operation) -> None:
        round_id, now = self.round_id, self.clock.wall()
        if round_id is None:
            return
        # Whoever has just spoken is in the room: ticked present (ui/attendance.py).
        do, undo = round_marking(
            self.ctx,
            round_id,
            lambda s: operation(s, round_id, now),
            lambda s, snap: ops.restore_live(s, snap),
        )
        self.ctx.push(text, area=AREA, do=do, undo=undo)

    def create_round(self, kind: str) -> None:
        created = self.ctx.push(
            tr("Nouveau tour : {kind}").format(kind=rules.KINDS[kind]),
            area=AREA,
            do=lambda s: ops.create_round(s, self.ctx.workshop_id, kind).id,
            undo=lambda s, round_id: ops.delete_round(s, round_id),
        )
        if created is not None:
            self.round_id = created
            self.reload()
            self.focus.show("rounds", created)

    def new_item(self) -> None:
        """Ctrl+N: while someone has the floor, the cursor in the word field (the new thing to
        type is their word); otherwise a new météo (the most common round)."""
        if self.current_entry() is not None and self.word.isEnabled():
            self.word.setFocus()
            self.word.selectAll()
            return
        self.create_round("check_in")

    def delete_current(self) -> None:
        round_id = self.round_id
        if round_id is not None:
            self.ctx.push(
                tr("Supprimer le tour"),
                area=AREA,
                do=lambda s: ops.delete_round(s, round_id),
                undo=lambda s, data: ops.recreate_round(s, data),
            )

    def _save(self, field: str, value) -> None:
        round_id = self.round_id
        if self._loading or self.data is None or round_id is None:
            return
        if getattr(self.data, field) == value:
            return
        if (
            self.ctx.push_update(
                tr("Modifier le tour"),
                AREA,
                ops.update_round,
                round_id,
                **{field: value},
            )
            is None
        ):
            self._show()

    def next_speaker(self) -> None:
        self.capture.capture_word(quiet=True)
        self._live(tr("Personne suivante"), ops.next_speaker)

    def previous_speaker(self) -> None:
        self._live(tr("Personne précédente"), ops.previous_speaker)

    def skip(self) -> None:
        self._live(tr("Plus tard"), ops.skip)

    def toggle_pause(self) -> None:
        self._live(tr("Pause du tour"), ops.toggle_pause)

    def finish(self) -> None:
        self.capture.capture_word(quiet=True)
        self._live(tr("Terminer le tour"), ops.finish)

    # --- keys -----------------------------------------------------------------------------
    def handle_room_key(self, event) -> bool:
        if self.data is None:
            return False
        key = event.key()
        # The words shown on the room screen in pages (sixty phones' answers, #19): the
        # clicker turns them first, then goes on as below from their last (or first) page.
        words = room_pager(self.ctx, "rounds")
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right) and words.forward():
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left) and words.back():
            return True
        clicker = (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_PageUp, Qt.Key.Key_Left)
        if key in clicker and not self.data.entries and not self._waiting:
            return False  # nobody in the round (binômes, a cold start): the clicker is the run's
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            if self.data.state == "finished":
                return False  # everyone spoke: the clicker moves the running déroulé on
            self.next_speaker()
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            if self.data.state == "setup":
                return False  # nobody spoke yet: back to the previous séquence
            self.previous_speaker()
            return True
        if key == Qt.Key.Key_Space and self.current_entry() is not None:
            self.toggle_pause()
            return True
        if key == Qt.Key.Key_L and self.current_entry() is not None:
            self.skip()
            return True
        return False
