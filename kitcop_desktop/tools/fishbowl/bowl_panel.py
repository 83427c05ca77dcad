"""The « Bocal à poisson » tab: setup, the live centre, speaking time and the notes (the
note-taker's board, revealed to the room on purpose, and the facilitator's own note).

Every click is one undoable command around a storage operation, timed by the injected clock.
Keys while the tool is active (no text field focused): 1…9 mark who speaks on that chair,
0 stops the speaker, Space starts/pauses the timebox, + / − one minute more / less; in the
circle list, Enter seats the selected person and Suppr marks that they left the workshop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.domain.countdown import Countdown
from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.fishbowl.bowl_centre import CentreView
from kitcop_desktop.tools.fishbowl.bowl_commands import AREA, BowlCommands
from kitcop_desktop.tools.fishbowl.bowl_data import BowlData, list_bowls, load_bowl
from kitcop_desktop.tools.fishbowl.bowl_notes import NotesView
from kitcop_desktop.tools.fishbowl.bowl_stats import StatsView
from kitcop_desktop.tools.fishbowl.clock import clock_of
from kitcop_desktop.tools.fishbowl.focus import room_focus
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.drafts import draft_prefix
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown
from kitcop_desktop.ui.widgets.fit_scroll import FitScrollArea
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout
from kitcop_desktop.ui.widgets.number_field import NumberField

# The clicker turns the pages of revealed notes (partage des enjeux).
PAGE_KEYS: dict[int, int] = {
    Qt.Key.Key_PageDown: 1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_PageUp: -1,
    Qt.Key.Key_Left: -1,
}


class BowlPanel(QWidget):
    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock_of(ctx)
        self.focus = room_focus(ctx)
        # Built again after the shell let the page go (#15): the bowl the room follows.
        self.fishbowl_id: int | None = self.focus.fishbowl_id
        self.data: BowlData | None = None
        self.loading = False
        # What the clicks do (BowlCommands acts on this tab through its BowlScreen side).
        commands = self.commands = BowlCommands(ctx, self, self)
        self._shown_id: int | None = None
        self._shown_state = ""

        # --- which fishbowl ---
        self.picker = QComboBox()
        self.picker.currentIndexChanged.connect(self._picked)
        new = QPushButton(icon("new"), tr("Nouveau bocal"))
        new.clicked.connect(commands.new_item)
        self.delete_button = QPushButton(icon("delete"), tr("Supprimer"))
        self.delete_button.setObjectName("Danger")
        self.delete_button.clicked.connect(commands.delete_current)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Bocal :")))
        top.addWidget(self.picker, 1)
        self.setup_button = QPushButton(tr("Préparation"))
        self.setup_button.setCheckable(True)
        self.setup_button.setToolTip(
            tr("Montrer / cacher le titre, la question, les chaises, la durée")
        )
        top.addWidget(self.setup_button)
        top.addWidget(new)
        top.addWidget(self.delete_button)

        # --- setup ---
        self.title = QLineEdit()
        Autosave(self.title, lambda: commands.save_setup("title", self.title.text()))
        # Typing 99 chairs or 999 minutes is refused out loud, never cut to 9 or 99.
        self.chairs = NumberField(
            rules.MIN_CHAIRS,
            rules.MAX_CHAIRS,
            tr("Le bocal compte au plus {maximum} chaises au centre."),
            tr("Le bocal compte au moins {minimum} chaises au centre (une reste vide)."),
            suffix=" chaises",
        )
        self.chairs.refused.connect(ctx.show_message)
        self.chairs.editingFinished.connect(
            lambda: commands.save_setup("chairs", self.chairs.value())
        )
        self.timebox = NumberField(
            1,
            240,
            tr("Un bocal dure au plus {maximum} minutes."),
            tr("Un bocal dure au moins 1 minute."),
            suffix=" min",
        )
        self.timebox.refused.connect(ctx.show_message)
        self.timebox.editingFinished.connect(
            lambda: commands.save_setup("timebox_minutes", self.timebox.value())
        )
        self.question = QPlainTextEdit()
        self.question.setTabChangesFocus(True)  # Tab moves on, never types into the room's text
        self.question.setPlaceholderText(tr("La question montrée à la salle"))
        self.question.setFixedHeight(58)
        self.question_autosave = Autosave(
            self.question, lambda: commands.save_setup("question", self.question.toPlainText())
        )
        setup = self.setup = QGroupBox(tr("Préparation"))
        self.setup_button.toggled.connect(setup.setVisible)
        form = QFormLayout(setup)
        # Chairs and duration on a row of their own: beside the room window (630 px) the
        # title, « 4 chaises » and « 35 min » did not fit on one line.
        row = QHBoxLayout()
        row.addWidget(self.chairs)
        row.addSpacing(12)
        row.addWidget(QLabel(tr("Durée :")))
        row.addWidget(self.timebox)
        row.addStretch(1)
        form.addRow(tr("Titre :"), self.title)
        form.addRow(tr("Au centre :"), row)
        form.addRow(tr("Question :"), self.question)
        sync = QPushButton(
            icon("user"), tr("Ajouter au cercle les présent·es de la liste d'émargement")
        )
        sync.clicked.connect(commands.sync_members)
        form.addRow("", sync)

        # --- live controls ---
        self.countdown = BigCountdown()
        self.countdown.setFixedSize(220, 84)
        self.play = QPushButton(icon("play"), tr("Démarrer"))
        self.play.setToolTip(tr("Démarrer / mettre en pause le minuteur (Espace)"))
        self.play.clicked.connect(commands.toggle_timebox)
        more = QPushButton(icon("plus_minute"), tr("1 min"))
        more.setToolTip(tr("Une minute de plus (+)"))
        more.clicked.connect(lambda: commands.extend(60))
        less = QPushButton(icon("minus_minute"), tr("1 min"))
        less.setToolTip(tr("Une minute de moins (−)"))
        less.clicked.connect(lambda: commands.extend(-60))
        self.finish_button = QPushButton(icon("stop"), tr("Terminer le bocal"))
        self.finish_button.clicked.connect(commands.finish)
        self.show_stats = QCheckBox(tr("Temps de parole à l'écran"))
        self.show_stats.toggled.connect(lambda on: commands.set_shown(stats=on))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QVBoxLayout()
        line = FlowLayout()  # « Terminer le bocal » takes a second line rather than being cut
        self._timebox_buttons = (self.play, more, less)
        for b in (self.play, more, less, self.finish_button):
            line.addWidget(b)
        buttons.addLayout(line)
        line2 = QHBoxLayout()
        line2.addWidget(self.show_stats)
        line2.addStretch(1)
        buttons.addLayout(line2)
        buttons.addWidget(self.status)
        live = QHBoxLayout()
        live.addWidget(self.countdown)
        live.addLayout(buttons, 1)

        # --- centre, statistics, notes ---
        self.centre = CentreView()
        self.centre.seat_requested.connect(commands.seat)
        self.centre.speak_requested.connect(commands.speak)
        self.centre.leave_requested.connect(commands.leave)
        self.centre.depart_requested.connect(commands.leave_for_good)
        self.centre.return_requested.connect(commands.come_back)
        self.centre.latecomer_requested.connect(commands.add_latecomer)
        self.stats = StatsView()
        self.notes = NotesView(self.ctx.settings)
        self.notes.add_requested.connect(commands.add_note)
        self.notes.edit_requested.connect(commands.edit_note)
        self.notes.delete_requested.connect(commands.delete_note)
        self.notes.reveal_requested.connect(commands.reveal)
        self.notes.facilitator_note_changed.connect(commands.save_facilitator_note)
        self.side = QTabWidget()
        self.side.addTab(self.stats, icon("clock"), tr("Temps de parole"))
        # The note lists need more height than a 1024×768 screen leaves beside the chairs:
        # they scroll in their tab instead of making the whole bowl scroll.
        self.side.addTab(FitScrollArea(self.notes), icon("note"), tr("Notes"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.centre)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 500])  # half each: names in the statistics stay readable
        splitter.setChildrenCollapsible(False)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(setup)
        body.addLayout(live)
        body.addWidget(splitter, 1)
        self.empty = QLabel(
            tr(
                "Aucun bocal à poisson pour cet atelier. « Nouveau bocal » en prépare un avec la "
                "liste d'émargement, 4 chaises au centre et la question « Nous sommes en 2030 et… »."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        # Laid out from the room it has: when the window is too short (1024×768 with the setup
        # open), the bowl scrolls; its chairs and buttons are never squeezed onto one another.
        self.scroll_area = FitScrollArea(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll_area, 1)

        self.ticker = QTimer(self, interval=1000)
        self.ticker.timeout.connect(self._tick)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def new_item(self) -> None:
        """Ctrl+N (the shell's hook, through FishbowlEditor): a new fishbowl."""
        self.commands.new_item()

    # --- loading --------------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in (AREA, "participants", "workshop"):
            self.reload()

    def reload(self) -> None:
        bowls = list_bowls(self.ctx.store, self.ctx.workshop_id)
        ids = [b[0] for b in bowls]
        if self.fishbowl_id not in ids:
            self.fishbowl_id = ids[-1] if ids else None
        self.loading = True
        self.picker.clear()
        for bowl_id, title in bowls:
            self.picker.addItem(title, bowl_id)
        if self.fishbowl_id is not None:
            self.picker.setCurrentIndex(ids.index(self.fishbowl_id))
        self.loading = False
        self.data = load_bowl(self.ctx.store, self.fishbowl_id) if self.fishbowl_id else None
        prefix = draft_prefix(self.ctx.store, self.ctx.workshop_id)
        self.notes.keep_drafts(f"{prefix}/fishbowl/{self.fishbowl_id}" if self.data else None)
        self.empty.setVisible(self.data is None)
        self.scroll_area.setVisible(self.data is not None)
        self.delete_button.setEnabled(self.data is not None)
        self.refresh()
        if self.focus.tab == "bowl" and self.focus.fishbowl_id != self.fishbowl_id:
            self.focus.show("bowl", self.fishbowl_id)

    def _picked(self, index: int) -> None:
        if not self.loading and index >= 0:
            self.fishbowl_id = self.picker.itemData(index)
            self.reload()
            self.focus.show("bowl", self.fishbowl_id)

    def refresh(self) -> None:
        data = self.data
        if data is None:
            self.ticker.stop()
            self.countdown.set_countdown(None)
            return
        self.loading = True
        if not self.title.hasFocus():
            self.title.setText(data.title)
        self.question_autosave.show(data.question)
        if self._shown_id != data.id:  # a new fishbowl opens on its setup until it starts
            self._shown_id = data.id
            self.setup_button.setChecked(data.state == "setup")
        elif self._shown_state == "setup" and data.state == "running":
            self.setup_button.setChecked(False)  # it starts: the live bowl gets the room
        self._shown_state = data.state
        self.setup.setVisible(self.setup_button.isChecked())
        self.chairs.setValue(data.chairs)
        self.timebox.setValue(data.timebox_minutes)
        self.show_stats.setChecked(data.stats_shown)
        self.loading = False
        cd = Countdown.from_facts(data.timebox, self.clock)
        self.countdown.set_countdown(cd)
        self.play.setText(tr("Pause") if cd.running else tr("Démarrer"))
        self.play.setIcon(icon("pause" if cd.running else "play"))
        finished = data.state == "finished"
        self.finish_button.setEnabled(not finished)
        for button in self._timebox_buttons:  # Ctrl+Z reopens a finished bowl, not these
            button.setEnabled(not finished)
        self.centre.setEnabled(not finished)
        now = self.clock.wall()
        self.centre.show_bowl(data, now)
        self.stats.show_stats(data.stats(now))
        self.notes.show_notes(data.notes, data.facilitator_note)
        self.status.setText(self._status_text(data))
        if data.centre.speaker is not None and not finished:
            self.ticker.start()
        else:
            self.ticker.stop()

    def _status_text(self, data: BowlData) -> str:
        if data.state == "finished":
            return tr("Bocal terminé. Ctrl+Z le rouvre ; les notes restent modifiables.")
        if data.state == "setup":
            return tr("Asseyez quelqu'un au centre pour commencer (le minuteur démarre avec).")
        speaker = data.name(data.centre.speaker)
        return f"Parle : {speaker}" if speaker else "Personne ne parle."

    def _tick(self) -> None:
        if self.data is not None:
            now = self.clock.wall()
            self.centre.update_times(self.data, now)
            self.stats.show_stats(self.data.stats(now))

    # --- keys -----------------------------------------------------------------------------
    def handle_room_key(self, event: QKeyEvent) -> bool:
        if self.data is None:
            return False
        key, text = event.key(), event.text()
        if self.data.notes_revealed and key in PAGE_KEYS and self.focus.turn_notes(PAGE_KEYS[key]):
            return True  # past the last page, the clicker goes to the déroulé
        if self.data.state == "finished":
            return False
        if key == Qt.Key.Key_Space:
            self.commands.toggle_timebox()
            return True
        if text in ("+", "="):
            self.commands.extend(60)
            return True
        if text in ("-", "−"):
            self.commands.extend(-60)
            return True
        if text == "0":
            self.commands.stop_speaking()
            return True
        if len(text) == 1 and text in "123456789":
            who = self.data.centre.seated.get(int(text) - 1)
            if who is not None:
                self.commands.speak(who)
                return True
        return False
