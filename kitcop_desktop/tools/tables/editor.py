"""« Tables »: the workshop's tables (name, topic or question, host, seats) and who sits where
in each round (#24).

Tables are added by hand (Ctrl+N), from a pasted list or from a template (world café,
pro-action café, sous-groupes); their cells are edited in place (the host: a participant's
name, or a guest's). « Répartir automatiquement » seats the people present for every round of
the déroulé (storage/tables_seating.assign_automatically, domain/seating.plan_rounds). Every change
is one undo step (ctx.push); the page refreshes on the hub's « tables », « agenda » and
« workshop » notifications.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import table_templates
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.storage import (
    attendance,
    participants,
    tables,
    tables_room,
    tables_seating,
)
from kitcop_desktop.tools.tables.harvest_view import HarvestView
from kitcop_desktop.tools.tables.preparation import Preparation
from kitcop_desktop.tools.tables.room_state import room_state
from kitcop_desktop.tools.tables.seating_commands import SeatingCommands
from kitcop_desktop.tools.tables.seating_view import SeatingView
from kitcop_desktop.ui import live_keys
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout

AREA = "tables"
COLUMNS = (
    tr_later("Table"),
    tr_later("Sujet ou question"),
    tr_later("Porteur·se"),
    tr_later("Places"),
)
COL_NAME, COL_TOPIC, COL_HOST, COL_CAPACITY = range(4)
TABLE_ID = Qt.ItemDataRole.UserRole


class TablesEditor(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self.table_count = 0  # « Par équipes… » offers as many teams at most
        self._rows_shared: int | None = None
        self._run_reached: int | None = None  # the run's séquence when last followed
        # Its parts: the tables made in one gesture and the keys (preparation.py), who sits
        # where (seating_commands.py).
        self.preparation = Preparation(self)
        self.seating_commands = SeatingCommands(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        head = QHBoxLayout()
        title = QLabel(tr("Tables"))
        title.setObjectName("PageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("PageSubtitle")
        self.summary.setWordWrap(True)
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.summary, 1)
        layout.addLayout(head)

        bar = FlowLayout()  # beside the room window the buttons take a second line, uncut
        self.add_button = self._button(tr("Ajouter une table"), "new", "Nouvelle table (Ctrl+N)")
        self.paste_button = self._button(
            tr("Coller une liste…"), "paste", tr("Une table par ligne : « Table 1 : sujet »")
        )
        self.template_button = self._button(
            tr("Modèles"),
            "template",
            tr("World café, pro-action café, sous-groupes (Ctrl+Z annule)"),
        )
        self.template_menu = QMenu(self)
        for template in table_templates.TEMPLATES:
            action = self.template_menu.addAction(template.title)
            action.triggered.connect(
                lambda _c=False, k=template.key: self.preparation.add_template(k)
            )
        self.template_button.setMenu(self.template_menu)
        self.delete_button = self._button(
            tr("Supprimer"), "delete", tr("Supprimer la table (Ctrl+Z)")
        )
        self.assign_button = self._button(
            tr("Répartir automatiquement"),
            "shuffle",
            tr(
                "Asseoir les personnes présentes à chaque tour : porteur·ses à leur table, tables "
                "équilibrées, catégories et structures mélangées, de nouvelles rencontres à chaque "
                "tour (Ctrl+Z annule)"
            ),
        )
        self.assign_button.setObjectName("Primary")
        self.teams_button = self._button(
            tr("Par équipes…"),
            "teams",
            tr(
                "World café\u00a0: des équipes mélangées qui restent ensemble et changent de table "
                "à chaque tour (Ctrl+Z annule)"
            ),
        )
        self.boards_button = self._button(
            tr("Un speedboat par table"),
            "boards",
            tr(
                "Les sous-groupes du speedboat : un tableau par table, que la « Vue combinée » "
                "de Tableaux réunit (Ctrl+Z annule)"
            ),
        )
        for button in (
            self.add_button,
            self.paste_button,
            self.template_button,
            self.delete_button,
            self.assign_button,
            self.teams_button,
            self.boards_button,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TOPIC, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_HOST, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CAPACITY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(
            tr(
                "Double-cliquez (ou F2) pour modifier. Porteur·se : le nom d'une personne de la "
                "liste, ou celui d'un·e invité·e."
            )
        )
        self.table.itemChanged.connect(self._on_item_changed)
        self.seating = SeatingView()
        self.seating.move_requested.connect(self.seating_commands.move_person)
        self.room = room_state(ctx)  # the rotation map's round and page (the room view's)
        self.seating.round_shown.connect(self.room.pick)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.seating)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        self.splitter = splitter
        # « Récolte » (harvest_view.py): what each table produced, round by round.
        self.harvest = HarvestView(ctx)
        self.pages = QTabWidget()
        self.pages.addTab(splitter, tr("Tables et placement"))
        self.pages.addTab(self.harvest, icon("note"), tr("Récolte"))
        layout.addWidget(self.pages, 1)
        self.pages.currentChanged.connect(self._page_shown)

        self.add_button.clicked.connect(self.new_item)
        self.paste_button.clicked.connect(self.preparation.paste_list)
        self.delete_button.clicked.connect(self.delete_selected)
        self.assign_button.clicked.connect(self.seating_commands.assign)
        self.teams_button.clicked.connect(self.seating_commands.ask_teams)
        self.boards_button.clicked.connect(self.preparation.boards_for_tables)
        self.preparation.install_keys()
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _button(self, text: str, icon_name: str, tip: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setToolTip(tip)
        return button

    # --- showing -----------------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in (
            AREA,
            "agenda",
            "workshop",
            "participants",
        ):
            if self.table.state() == QAbstractItemView.State.EditingState:
                # A cell typed and stored: its editor is still closing; the rows are made
                # again once it has (made again under it, the next cell's typing was lost).
                QTimer.singleShot(0, self, self.reload)
            else:
                self.reload()
        if workshop_id == self.ctx.workshop_id and area in ("run", "agenda"):
            self._follow_run()

    def _page_shown(self, _index: int) -> None:
        """« Récolte » chosen: the cursor in its line, ready to type (Tab: the next table)."""
        if self.pages.currentWidget() is self.harvest:
            self.harvest.entry.line.setFocus()

    def _follow_run(self) -> bool:
        """The run reached a round's séquence: its tab comes forward here too, and « Récolte »
        takes that round's harvest (once, when the run gets there: Alt+← still goes back to
        type a previous round's). True while the run is on a séquence of the tables."""
        with self.ctx.store.read() as session:
            shown, running = tables_room.round_to_show(
                session, self.ctx.workshop_id, self.room.picked
            )
            shown_id = shown.id if shown is not None else None
            number = shown.number if shown is not None else None
        if running is not None and shown_id is not None:
            self.seating.show_round(shown_id)
            if running != self._run_reached and number is not None:
                self.harvest.set_round(number)
        self._run_reached = running
        return running is not None

    def _keyboard_in_run(self) -> None:
        """The run brought the page forward and took the cursor out of the harvest line
        (live_keys.park_focus), which left the keyboard nowhere: it goes to the round shown,
        its first table's people on « Tables et placement » (Alt+→ seats a latecomer), the
        list of tables on « Récolte » (↑↓ the table, Tab the line). The clicker's keys act as
        before (the live layer takes them first)."""
        if not self.isVisible() or not self._follow_run():
            return
        focus = QApplication.focusWidget()
        if focus is not None and focus.isVisible() and not focus.isAncestorOf(self):
            return  # the facilitator's cursor somewhere: it stays
        if self.pages.currentWidget() is self.harvest:
            self.harvest.table_list.setFocus()
        else:
            self.seating.focus_round()

    def reload(self) -> None:
        keep = self.selected_id()
        column = max(0, self.table.currentColumn())  # typing row after row: the cell stays
        with self.ctx.store.read() as session:
            rows = tables.list_tables(session, self.ctx.workshop_id)
            rounds = tables_seating.list_rounds(session, self.ctx.workshop_id)
            names = {p.id: p.name for p in participants.list_for(session, self.ctx.workshop_id)}
            here = len(tables_seating.who_is_here(session, self.ctx.workshop_id))
            # Nobody ticked yet: everyone registered is seated, and the page says so.
            taken = attendance.attendance(session, self.ctx.workshop_id).taken
            rotations = len(tables_seating.rotations(session, self.ctx.workshop_id))
            data = [
                (t.id, t.name, t.topic, t.host_name, t.capacity, t.host_participant_id)
                for t in rows
            ]
        self._loading = True
        try:
            self.table.setRowCount(len(data))
            for r, (tid, name, topic, host, capacity, _) in enumerate(data):
                for c, value in enumerate(
                    (name, topic, host, "" if capacity is None else capacity)
                ):
                    item = QTableWidgetItem(str(value))
                    item.setData(TABLE_ID, tid)
                    if c == COL_CAPACITY:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                        item.setToolTip(tr("Places, porteur·se compris·e ; vide : sans limite"))
                    self.table.setItem(r, c, item)
            self.table.resizeRowsToContents()
        finally:
            self._loading = False
        if data:
            ids = [d[0] for d in data]
            self.table.setCurrentCell(ids.index(keep) if keep in ids else 0, column)
        hosts = {d[0]: (d[5], d[3]) for d in data}
        self._share_height(len(data))
        self.seating.show_rounds(rounds, [(d[0], d[1], d[2]) for d in data], names, hosts)
        self.room.pick(self.seating.current_round())
        round_count = max(1, rotations)
        people = (
            tr_n("{n} personne présente", "{n} personnes présentes", here)
            if taken
            else tr_n("{n} personne inscrite", "{n} personnes inscrites", here)
        )
        self.summary.setText(
            tr_n("{n} table", "{n} tables", len(data)).format(n=len(data))
            + " · "
            + people.format(n=here)
            + " · "
            + tr_n("{n} tour", "{n} tours", round_count).format(n=round_count)
            + " ("
            + (
                tr("séquences «\u00a0Rotation\u00a0» du déroulé")
                if rotations
                else tr("aucune rotation dans le déroulé")
            )
            + ")"
        )
        for button in (self.delete_button, self.assign_button, self.boards_button):
            button.setEnabled(bool(data))
        self.teams_button.setEnabled(len(data) >= 2)
        self.table_count = len(data)

    def _share_height(self, rows: int) -> None:
        """The list of tables as tall as its rows (at most 40 %), who sits where the rest."""
        if rows == self._rows_shared:
            return
        self._rows_shared = rows
        total = sum(self.splitter.sizes()) or 600
        wanted = self.table.horizontalHeader().height() + 2 * self.table.frameWidth() + 8
        wanted += sum(self.table.rowHeight(r) for r in range(rows)) or 60
        top = min(wanted, int(total * 0.4))
        self.splitter.setSizes([top, total - top])

    def selected_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), COL_NAME)
        return item.data(TABLE_ID) if item is not None else None

    def select(self, table_id: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL_NAME)
            if item is not None and item.data(TABLE_ID) == table_id:
                self.table.selectRow(row)
                return

    # --- commands ----------------------------------------------------------------------------
    def new_item(self) -> None:
        """Ctrl+N: a table at the end, its name ready to type; on « Récolte », the cursor in
        the harvest line (a new line, never a new table by surprise)."""
        if self.pages.currentWidget() is self.harvest:
            self.harvest.entry.line.setFocus()
            return
        wid = self.ctx.workshop_id
        created = self.ctx.push(
            tr("Ajouter une table"),
            area=AREA,
            do=lambda s: tables.add_table(s, wid).id,
            undo=lambda s, tid: tables.delete_table(s, tid),
            redo=lambda s, tid: tables.add_table(s, wid),
        )
        if created is not None:
            self.select(created)
            self.table.setFocus()
            item = self.table.item(self.table.currentRow(), COL_NAME)
            if item is not None:
                self.table.editItem(item)

    def delete_selected(self) -> None:
        tid = self.selected_id()
        if tid is None:
            return
        self.ctx.push(
            tr("Supprimer la table"),
            area=AREA,
            do=lambda s: tables.delete_table(s, tid),
            undo=lambda s, snapshot: tables.restore_table(s, snapshot),
            redo=lambda s, _snapshot: tables.delete_table(s, tid),
        )

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        tid = item.data(TABLE_ID)
        text = item.text()
        column = item.column()
        if column == COL_HOST:
            done = self.ctx.push(
                tr("Changer de porteur·se"),
                area=AREA,
                do=lambda s: tables.set_host(s, tid, text),
                undo=lambda s, previous: tables.update_table(s, tid, **previous),
            )
        else:
            field = {COL_NAME: "name", COL_TOPIC: "topic", COL_CAPACITY: "capacity"}[column]
            label = {"name": tr("le nom"), "topic": tr("le sujet"), "capacity": tr("les places")}[
                field
            ]
            done = self.ctx.push_update(
                tr("Modifier {label} de la table").format(label=label),
                AREA,
                tables.update_table,
                tid,
                **{field: text},
            )
        if done is None:
            self.reload()  # refused: the stored value comes back (the status line says why)

    # --- the live run and the room screen (ui/live_keys, ui/resume) ----------------------------
    def handle_live_action(self, action: str) -> bool:
        """The clicker on the rotation map: PageDown its next page (then the round's
        countdown), PageUp the previous one; False on the last / first page, so the déroulé's
        run moves to the next / previous séquence. A harvest shown on the room (« Montrer en
        salle ») is turned the same way, table after table."""
        steps = {live_keys.NEXT: 1, live_keys.PREVIOUS: -1}
        if action not in steps:
            return False
        step = steps[action]
        if self.room.harvest is not None:
            # A table's harvest on the room: its pages, then the next (previous) table's; past
            # the last, the map comes back and the run moves on.
            turned = self.room.forward() if step > 0 else self.room.back()
            if turned or self.harvest.show_next_table(step):
                return True
            self.room.show_harvest(None, 0)
            return False
        return self.room.forward() if step > 0 else self.room.back()

    def print_part(self) -> str:
        """Ctrl+P: the restitution's page per table (topic, host, who came by, the harvest)."""
        return "tables"

    def view_state(self) -> str:
        """« round:page » of the rotation map, what a restart shows again."""
        return self.room.view_state()

    def restore_view(self, view: str) -> None:
        self.room.restore(view)
        self._follow_run()

    def activated(self) -> None:
        self._follow_run()
        # Ctrl+8 back on « Récolte »: the cursor in its line (when the run opens the tool
        # itself, live_keys.park_focus takes it out again, so the clicker's B and Space act,
        # and the keyboard then goes to the round: _keyboard_in_run).
        self._page_shown(self.pages.currentIndex())
        QTimer.singleShot(0, self, self._keyboard_in_run)
