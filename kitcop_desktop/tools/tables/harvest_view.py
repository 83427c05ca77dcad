"""« Récolte »: what each table produced, round by round, typed by the host or the facilitator
as fast as the boards' quick entry (#24).

On the left the tables (↑/↓, or Tab / Maj+Tab from the line), above them the rounds (Alt+← /
Alt+→ from the line, or a click); on the right the chosen table in the chosen round: its
topic, its host, who sits there, the lines already typed, and the line to type (harvest_entry:
Entrée stores each line at once, one undo step each). A line or a selection goes to a board
(« Envoyer au tableau » : a post-it in the zone chosen) or to a vote (« Envoyer au vote » : a
proposal of its current round, or a new vote); each send is one undo step and leaves out what
is already there. A private line (« Note privée », animateur·rice) never leaves the harvest.
« Montrer en salle » (Alt+M from the line) puts the chosen table's harvest of the chosen round
on the room screen, salle lines only, and follows the table and round chosen while it is on;
the clicker then turns its pages, then goes on to the next table (the editor's live keys).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import harvest as rules
from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import boards, participants, tables, tables_harvest, tables_seating
from kitcop_desktop.storage import voting as votes
from kitcop_desktop.tools.tables import harvest_said
from kitcop_desktop.tools.tables.harvest_entry import HarvestEntry
from kitcop_desktop.tools.tables.harvest_keys import HarvestListKeys
from kitcop_desktop.tools.tables.room_state import room_state
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.drafts import LineDraft, draft_prefix
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout
from kitcop_desktop.ui.widgets.row_list import Row, RowList

AREA = "tables"
LINE_ID = Qt.ItemDataRole.UserRole
PRIVATE_COLOUR = theme.FACILITATOR_INK
ROUND_LOOK = theme.chip_toggle(6, "4px 12px")


class HarvestView(QWidget):
    entry: HarvestEntry
    room_button: QPushButton

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_number = 1
        self.table_id: int | None = None
        self._rounds: list[tables_harvest.RoundChoice] = []
        self._lines: dict[int, tables_harvest.LineData] = {}
        self._angle_for: tuple[int, int] | None = None  # the round whose angle was set
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)

        self.round_row = FlowLayout(spacing=6)
        self.round_group = QButtonGroup(self)
        self.round_group.setExclusive(True)
        self.round_group.idClicked.connect(self.set_round)
        head = QHBoxLayout()
        rounds_label = QLabel(tr("Tour\u00a0:"))
        rounds_label.setToolTip(tr("Alt+← / Alt+→ depuis la ligne à taper"))
        head.addWidget(rounds_label)
        head.addLayout(self.round_row, 1)
        layout.addLayout(head)

        self.table_list = RowList()
        self.table_list.setAccessibleName(tr("Tables de la récolte"))
        self.table_list.setToolTip(tr("La table dont vous tapez la récolte (Tab depuis la ligne)"))
        self.table_list.current_moved.connect(self._table_picked)
        self.table_list.setMinimumWidth(150)
        self.table_list.setWordWrap(True)
        self.table_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        right = QWidget()
        panel = QVBoxLayout(right)
        panel.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("PageSubtitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        theme.style(self.title, theme.HARVEST_TITLE)
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.ideas = QLabel()
        self.ideas.setToolTip(
            tr("World café\u00a0: {IDEAS_PER_QUESTION} idées retenues par question").format(
                IDEAS_PER_QUESTION=rules.IDEAS_PER_QUESTION
            )
        )
        panel.addWidget(self.title)
        panel.addWidget(self.who)
        panel.addWidget(self.ideas)
        self.lines = QListWidget()
        self.lines.setAccessibleName(tr("Lignes de la récolte"))
        self.lines.setWordWrap(True)
        self.lines.setIconSize(QSize(14, 14))
        self.lines.setSpacing(2)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.lines.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.lines.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.lines.customContextMenuRequested.connect(self._context_menu)
        self.lines.itemChanged.connect(self._line_edited)
        self.lines.itemSelectionChanged.connect(self._update_buttons)
        self._keys = HarvestListKeys(self)
        self._keys.delete.connect(self.delete_selected)
        self._keys.up_to_line.connect(lambda: self.entry.line.setFocus())
        self.lines.installEventFilter(self._keys)
        panel.addWidget(self.lines, 1)

        self.entry = HarvestEntry()
        self.entry.submitted.connect(self.add_typed)
        self.entry.pasted.connect(self.add_pasted)
        self.entry.line.table_step.connect(self.step_table)
        self.entry.line.round_step.connect(self.step_round)
        self.entry.line.down_to_lines.connect(self._down_to_lines)
        self.entry.line.room_toggled.connect(lambda: self.room_button.toggle())
        self.entry.private.toggled.connect(lambda _on: self._update_ideas())
        panel.addWidget(self.entry)

        bar = FlowLayout(spacing=6)
        self.board_button = QPushButton(icon("boards"), tr("Envoyer au tableau"))
        self.board_button.setToolTip(
            tr(
                "Un post-it par ligne choisie, dans la zone choisie (Ctrl+Z annule ; ce qui y est "
                "déjà n'est pas ajouté deux fois)"
            )
        )
        self.board_menu = QMenu(self)
        self.board_menu.aboutToShow.connect(lambda: self._fill_board_menu(self.board_menu))
        self.board_button.setMenu(self.board_menu)
        self.vote_button = QPushButton(icon("voting"), tr("Envoyer au vote"))
        self.vote_button.setToolTip(
            tr(
                "Une proposition par ligne choisie, au tour en cours du vote (Ctrl+Z annule ; ce qui "
                "y est déjà n'est pas ajouté deux fois)"
            )
        )
        self.vote_menu = QMenu(self)
        self.vote_menu.aboutToShow.connect(lambda: self._fill_vote_menu(self.vote_menu))
        self.vote_button.setMenu(self.vote_menu)
        self.delete_button = QPushButton(icon("delete"), tr("Supprimer"))
        self.delete_button.setToolTip(tr("Supprimer les lignes choisies (Suppr ; Ctrl+Z annule)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.room_button = QPushButton(icon("room_screen"), tr("Montrer en salle"))
        self.room_button.setCheckable(True)
        self.room_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the line
        self.room_button.setToolTip(
            tr(
                "Alt+M\u00a0: la récolte de cette table, ce tour, sur l'écran de salle (les notes "
                "privées n'y vont jamais)\u00a0; la télécommande tourne ses pages puis passe à la table "
                "suivante. Encore\u00a0: la carte des tables."
            )
        )
        self.room = room_state(ctx)
        self.room_button.toggled.connect(self._show_on_room)
        self.room.changed.connect(self._follow_room)
        for button in (self.board_button, self.vote_button, self.delete_button, self.room_button):
            bar.addWidget(button)
        panel.addLayout(bar)

        self.empty = QLabel(
            tr(
                "Ajoutez d'abord les tables (onglet « Tables et placement ») : la récolte se tape "
                "table par table, tour par tour."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setObjectName("PageSubtitle")
        layout.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([200, 760])
        layout.addWidget(self.splitter, 1)

        self.draft = LineDraft(self.entry.line, ctx.settings)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    # --- showing -----------------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in (
            AREA,
            "agenda",
            "workshop",
            "participants",
        ):
            self.reload()

    def reload(self) -> None:
        wid = self.ctx.workshop_id
        with self.ctx.store.read() as session:
            rows = [(t.id, t.name, t.topic) for t in tables.list_tables(session, wid)]
            self._rounds = tables_harvest.round_choices(session, wid)
            self._show_rounds()
            counts = tables_harvest.counts(session, wid, self.round_number)
        self.table_list.blockSignals(True)
        # Changed in place (a count after each line typed): the table chosen stays chosen.
        self.table_list.set_rows(
            [
                Row(
                    f"{name} ({counts[table_id]})" if counts.get(table_id) else name,
                    key=table_id,
                    tooltip=f"{name} — {topic}" if topic else name,
                )
                for table_id, name, topic in rows
            ]
        )
        ids = [r[0] for r in rows]
        if self.table_id not in ids:
            self.table_id = ids[0] if ids else None
        if self.table_id is not None:
            self.table_list.select_key(self.table_id)
        self.table_list.blockSignals(False)
        self.empty.setVisible(not rows)
        self.splitter.setVisible(bool(rows))
        self._show_table()

    def _show_rounds(self) -> None:
        numbers = [r.number for r in self._rounds]
        if self.round_number not in numbers:
            self.round_number = numbers[0]
        for button in self.round_group.buttons():
            self.round_group.removeButton(button)
            button.hide()
            button.deleteLater()
        while self.round_row.count():
            self.round_row.takeAt(0)
        for choice in self._rounds:
            button = QPushButton(tr("Tour {number}").format(number=choice.number))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(choice.label)
            theme.style(button, ROUND_LOOK)
            button.setChecked(choice.number == self.round_number)
            self.round_group.addButton(button, choice.number)
            self.round_row.addWidget(button)

    def _show_table(self) -> None:
        """The chosen table in the chosen round: title, host, who sits there, the lines."""
        self.draft.set_key(self._draft_key())
        if self.room_button.isChecked():  # the room follows the table and round chosen
            self.room.show_harvest(self.table_id, self.round_number)
        if self.table_id is None:
            self._lines = {}
            self.lines.clear()
            self._update_buttons()
            return
        wid = self.ctx.workshop_id
        with self.ctx.store.read() as session:
            table = tables.get_table(session, self.table_id)
            name, topic, host = table.name, table.topic, table.host_name
            plan = next(
                (
                    r
                    for r in tables_seating.list_rounds(session, wid)
                    if r.number == self.round_number
                ),
                None,
            )
            names = {p.id: p.name for p in participants.list_for(session, wid)}
            seated = [
                names.get(p, "?") for p in (plan.seated.get(self.table_id, []) if plan else [])
            ]
            found = tables_harvest.lines(
                session, wid, table_id=self.table_id, round_number=self.round_number
            )
            self._ideas_count = tables_harvest.ideas_kept(session, self.table_id)
        choice = self._choice()
        self.title.setText(f"{name} — {topic}" if topic else name)
        said = [
            choice.label
            if choice
            else tr("Tour {round_number}").format(round_number=self.round_number)
        ]
        whole = lambda name: name.replace(" ", "\u00a0")  # noqa: E731 - a name never broken
        if host:
            said.append(tr("Porteur·se\u00a0: {host}").format(host=whole(host)))
        if seated:
            said.append(
                tr("Autour de la table\u00a0: {names}").format(names=", ".join(map(whole, seated)))
            )
        elif plan is None:
            said.append(tr("Personne n'est encore placé pour ce tour."))
        self.who.setText(" · ".join(said))
        self._lines = {line.id: line for line in found}
        keep = {line.id for line in self.selected_lines()}
        self.lines.blockSignals(True)
        self.lines.clear()
        for line in found:
            item = QListWidgetItem(line.text)
            item.setData(LINE_ID, line.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            tags = []
            if line.angle:
                tags.append(rules.LABELS.get(line.angle, line.angle))
            if line.private:
                tags.append(tr("privée, animateur·rice"))
                item.setIcon(icon("visibility_facilitator", PRIVATE_COLOUR))
                item.setForeground(Qt.GlobalColor.darkRed)
            item.setToolTip(f"{' · '.join(tags)}\n{line.text}" if tags else line.text)
            if line.angle:
                item.setText(f"[{rules.LABELS.get(line.angle, line.angle)}] {line.text}")
            self.lines.addItem(item)
            item.setSelected(line.id in keep)
        self.lines.blockSignals(False)
        # Each round starts on the angle its séquence asks for (pro-action café).
        if choice is not None and self._angle_for != (self.table_id, self.round_number):
            self._angle_for = (self.table_id, self.round_number)
            self.entry.set_angle(choice.angle)
        self._update_ideas()
        self._update_buttons()

    def _update_ideas(self) -> None:
        count = getattr(self, "_ideas_count", 0)
        if not count and self.entry.angle() != "idea":
            self.ideas.hide()
            return
        self.ideas.show()
        limit = rules.IDEAS_PER_QUESTION
        text = tr("Idées retenues pour cette table\u00a0: {count}/{limit}").format(
            count=count, limit=limit
        )
        if count > limit:
            text += tr(" (le world café en garde {limit} par question)").format(limit=limit)
        self.ideas.setText(text)
        theme.style(self.ideas, theme.bold_words(theme.FACILITATOR_INK) if count > limit else "")

    def _choice(self) -> tables_harvest.RoundChoice | None:
        return next((r for r in self._rounds if r.number == self.round_number), None)

    def _draft_key(self) -> str | None:
        if self.table_id is None:
            return None
        prefix = draft_prefix(self.ctx.store, self.ctx.workshop_id)
        return f"{prefix}/harvest/{self.table_id}/{self.round_number}"

    def _update_buttons(self) -> None:
        chosen = self.selected_lines()
        shareable = bool(chosen) and not any(line.private for line in chosen)
        self.board_button.setEnabled(shareable)
        self.vote_button.setEnabled(shareable)
        self.delete_button.setEnabled(bool(chosen))
        if chosen and not shareable:
            tip = tr("Une note privée (animateur·rice) ne quitte pas la récolte.")
        else:
            tip = ""
        for button in (self.board_button, self.vote_button):
            button.setStatusTip(tip)

    # --- the room screen ---------------------------------------------------------------------
    def _show_on_room(self, on: bool) -> None:
        self.room.show_harvest(self.table_id if on else None, self.round_number)
        if on:
            self.ctx.show_message(tr("Récolte de la table en salle (sans les notes privées)."))

    def _follow_room(self) -> None:
        """The room's harvest chosen elsewhere (the clicker's next table, a restart)."""
        shown = self.room.harvest
        self.room_button.blockSignals(True)
        self.room_button.setChecked(shown is not None)
        self.room_button.blockSignals(False)
        if shown is not None and shown != (self.table_id, self.round_number):
            self.choose(*shown)

    def show_next_table(self, step: int) -> bool:
        """The clicker, the harvest shown: the next (previous) table's harvest on the room;
        False past the last (first) table."""
        row = self.table_list.currentRow() + step
        if not 0 <= row < self.table_list.count():
            return False
        self.table_list.setCurrentRow(row)
        return True

    # --- choosing ----------------------------------------------------------------------------
    def _table_picked(self, table_id: int | None) -> None:
        if table_id is not None:
            self.table_id = table_id
            self._show_table()

    def set_round(self, number: int) -> None:
        if number in [r.number for r in self._rounds]:
            self.round_number = number
            self.reload()  # the tables' counts are this round's

    def step_round(self, step: int) -> None:
        numbers = [r.number for r in self._rounds]
        index = numbers.index(self.round_number) + step
        if 0 <= index < len(numbers):
            self.set_round(numbers[index])
            choice = self._choice()
            self.ctx.show_message(choice.label if choice is not None else "")

    def step_table(self, step: int) -> None:
        count = self.table_list.count()
        if count:
            row = (self.table_list.currentRow() + step) % count
            self.table_list.setCurrentRow(row)
            self.entry.line.setFocus()

    def choose(self, table_id: int, round_number: int) -> None:
        """Open a table in a round (tests, another view)."""
        self.table_id = table_id
        self.table_list.blockSignals(True)
        self.table_list.select_key(table_id)
        self.table_list.blockSignals(False)
        self.round_number = round_number
        self.set_round(round_number)

    def _down_to_lines(self) -> None:
        if self.lines.count():
            self.lines.setFocus()
            self.lines.setCurrentRow(0)

    def selected_lines(self) -> list[tables_harvest.LineData]:
        ids = [item.data(LINE_ID) for item in self.lines.selectedItems()]
        return [self._lines[i] for i in ids if i in self._lines]

    def shown_lines(self) -> list[str]:
        """The lines' texts as shown (tests)."""
        return [self.lines.item(i).text() for i in range(self.lines.count())]

    # --- commands ----------------------------------------------------------------------------
    def _add(self, label: str, make) -> list[int] | None:
        if self.table_id is None:
            self.ctx.show_message(tr("Ajoutez d'abord une table. Rien n'a été ajouté."))
            return None
        table, number = self.table_id, self.round_number
        angle, private = self.entry.angle(), self.entry.is_private()
        holder: dict[str, list] = {"gone": []}

        def undo(s, ids):
            holder["gone"] = tables_harvest.delete_lines(s, ids)

        return self.ctx.push(
            label,
            area=AREA,
            do=lambda s: make(s, table, number, angle, private),
            undo=undo,
            redo=lambda s, _ids: tables_harvest.restore_lines(s, holder["gone"]),
        )

    def add_typed(self, text: str) -> bool:
        """Entrée: the line is stored at once (one undo step) and the field emptied."""
        made = self._add(
            tr("Ajouter une ligne à la récolte"),
            lambda s, t, n, a, p: tables_harvest.add_lines(s, t, n, [text], angle=a, private=p),
        )
        if made is not None:
            self.entry.line.clear()
            self._select_ids(made)
        return made is not None

    def add_pasted(self, text: str) -> bool:
        made = self._add(
            tr("Coller des lignes dans la récolte"),
            lambda s, t, n, a, p: tables_harvest.add_pasted(s, t, n, text, angle=a, private=p),
        )
        if made is not None:
            self.ctx.show_message(
                tr_n("{n} ligne ajoutée.", "{n} lignes ajoutées.", len(made)).format(n=len(made))
            )
        return made is not None

    def _select_ids(self, ids: list[int]) -> None:
        for row in range(self.lines.count()):
            item = self.lines.item(row)
            if item.data(LINE_ID) in ids:
                self.lines.scrollToItem(item)

    def delete_selected(self) -> bool:
        ids = [line.id for line in self.selected_lines()]
        if not ids:
            return False
        done = self.ctx.push(
            tr("Supprimer des lignes de la récolte") if len(ids) > 1 else tr("Supprimer une ligne"),
            area=AREA,
            do=lambda s: tables_harvest.delete_lines(s, ids),
            undo=lambda s, gone: tables_harvest.restore_lines(s, gone),
            redo=lambda s, _gone: tables_harvest.delete_lines(s, ids),
        )
        return done is not None

    def _line_edited(self, item: QListWidgetItem) -> None:
        line = self._lines.get(item.data(LINE_ID))
        if line is None:
            return
        text = item.text()
        prefix = f"[{rules.LABELS.get(line.angle, line.angle)}] " if line.angle else ""
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        if text == line.text:
            return
        line_id = line.id
        done = self.ctx.push(
            tr("Modifier une ligne de la récolte"),
            area=AREA,
            do=lambda s: tables_harvest.update_line(s, line_id, text),
            undo=lambda s, previous: tables_harvest.update_line(s, line_id, previous),
        )
        if done is None:
            self._show_table()  # refused: the stored text comes back (the status line says why)

    # --- sending -----------------------------------------------------------------------------
    def _fill_board_menu(self, menu: QMenu) -> None:
        menu.clear()
        with self.ctx.store.read() as session:
            found = [
                (b.id, b.title, b.kind) for b in boards.list_boards(session, self.ctx.workshop_id)
            ]
        if not found:
            action = menu.addAction(tr("Aucun tableau dans cet atelier (outil « Tableaux »)"))
            action.setEnabled(False)
            return
        for board_id, title, kind in found:
            sub = menu.addMenu(title)
            for zone in KINDS[kind].zones:
                action = sub.addAction(zone.label)
                action.triggered.connect(
                    lambda _c=False, b=board_id, z=zone.key: self.send_to_board(b, z)
                )

    def _fill_vote_menu(self, menu: QMenu) -> None:
        menu.clear()
        with self.ctx.store.read() as session:
            found = [(v.id, v.title) for v in votes.list_for(session, self.ctx.workshop_id)]
        for vote_id, title in found:
            action = menu.addAction(title)
            action.triggered.connect(lambda _c=False, v=vote_id: self.send_to_vote(v))
        if found:
            menu.addSeparator()
        action = menu.addAction(icon("new"), tr("Nouveau vote « Propositions des tables »"))
        action.triggered.connect(lambda _c=False: self.send_to_vote(None))

    def _context_menu(self, pos) -> None:
        if not self.selected_lines():
            return
        menu = QMenu(self)
        if self.board_button.isEnabled():
            self._fill_board_menu(menu.addMenu(icon("boards"), tr("Envoyer au tableau")))
            self._fill_vote_menu(menu.addMenu(icon("voting"), tr("Envoyer au vote")))
        menu.addAction(icon("delete"), tr("Supprimer"), self.delete_selected)
        menu.exec(self.lines.viewport().mapToGlobal(pos))

    def send_to_board(self, board_id: int, zone: str) -> bool:
        ids = [line.id for line in self.selected_lines()]
        sent = self.ctx.push(
            tr("Envoyer la récolte au tableau"),
            area="boards",
            do=lambda s: tables_harvest.send_to_board(s, ids, board_id, zone),
            undo=lambda s, done: boards.delete_cards(s, done.made),
        )
        if sent is None:
            return False
        with self.ctx.store.read() as session:
            board = boards.get_board(session, board_id)
            where = next(z.label for z in KINDS[board.kind].zones if z.key == zone)
            title = board.title
        self.ctx.show_message(
            harvest_said.sent_to_board(len(sent.made), sent.skipped, title, where)
        )
        return True

    def send_to_vote(self, vote_id: int | None) -> bool:
        ids = [line.id for line in self.selected_lines()]
        sent = self.ctx.push(
            tr("Envoyer la récolte au vote"),
            area="voting",
            do=lambda s: tables_harvest.send_to_vote(s, ids, vote_id),
            undo=lambda s, done: tables_harvest.withdraw_from_vote(s, done),
        )
        if sent is None:
            return False
        self.ctx.show_message(harvest_said.sent_to_vote(len(sent.made), sent.skipped))
        return True
