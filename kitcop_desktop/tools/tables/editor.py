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
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
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
    tables_boards,
    tables_cafe,
    tables_room,
    tables_seating,
)
from kitcop_desktop.tools.tables.harvest_view import HarvestView
from kitcop_desktop.tools.tables.room_state import room_state
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
# Preparing from the keyboard, anywhere on the page (F1 lists them): the buttons' keys. Not
# Alt+F, Alt+É, Alt+O, Alt+C, Alt+A (the menus), nor the harvest line's Alt+S/B/A/I/P/M.
KEY_PASTE, KEY_TEMPLATES, KEY_ASSIGN, KEY_TEAMS = "Alt+L", "Alt+D", "Alt+R", "Alt+E"
NO_TEAMS = -1  # « Par équipes… »'s last choice: no teams, new people met at each round


class TablesEditor(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
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
            action.triggered.connect(lambda _c=False, k=template.key: self.add_template(k))
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
        self.seating.move_requested.connect(self.move_person)
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
        self.paste_button.clicked.connect(self.paste_list)
        self.delete_button.clicked.connect(self.delete_selected)
        self.assign_button.clicked.connect(self.assign)
        self.teams_button.clicked.connect(self.ask_teams)
        self.boards_button.clicked.connect(self.boards_for_tables)
        self._keys()
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _keys(self) -> None:
        """Preparing without the mouse: the buttons' keys while the page shows (a disabled
        button's key does nothing, as the button), Suppr on the list of tables."""
        for keys, button in (
            (KEY_PASTE, self.paste_button),
            (KEY_TEMPLATES, self.template_button),
            (KEY_ASSIGN, self.assign_button),
            (KEY_TEAMS, self.teams_button),
        ):
            # The whole window while this page shows (Ctrl+8 leaves the cursor on the shell's
            # tool list); a hidden page's keys never act.
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda b=button: self._press(b))
            button.setToolTip(f"{button.toolTip()} ({keys})")
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+Backtab", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda s=step: self._other_page(s))
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while a cell is typed
        delete.activated.connect(self.delete_selected)

    def _other_page(self, step: int) -> None:
        """Ctrl+Tab: « Tables et placement » ↔ « Récolte » (there, the cursor in its line)."""
        count = self.pages.count()
        self.pages.setCurrentIndex((self.pages.currentIndex() + step) % count)
        if self.pages.currentWidget() is not self.harvest:
            self.table.setFocus()

    def _press(self, button: QPushButton) -> None:
        if not button.isEnabled():
            return
        if button.menu() is not None:
            button.showMenu()  # « Modèles »: ↓ and Entrée choose
        else:
            button.click()

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

    def _follow_run(self) -> None:
        """The run reached a round's séquence: its tab comes forward here too."""
        with self.ctx.store.read() as session:
            shown, running = tables_room.round_to_show(
                session, self.ctx.workshop_id, self.room.picked
            )
            shown_id = shown.id if shown is not None else None
        if running is not None and shown_id is not None:
            self.seating.show_round(shown_id)

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
        rounds = max(1, rotations)
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
            + tr_n("{n} tour", "{n} tours", rounds).format(n=rounds)
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
        self._table_count = len(data)

    def _share_height(self, rows: int) -> None:
        """The list of tables as tall as its rows (at most 40 %), who sits where the rest."""
        if rows == getattr(self, "_rows_shared", None):
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
            if self.table.item(row, COL_NAME).data(TABLE_ID) == table_id:
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
            self.table.editItem(self.table.item(self.table.currentRow(), COL_NAME))

    def _add_many(self, text: str, make) -> list[int] | None:
        wid = self.ctx.workshop_id
        holder: dict[str, list] = {"gone": []}

        def undo(s, ids):
            holder["gone"] = tables.delete_tables(s, ids)

        return self.ctx.push(
            text,
            area=AREA,
            do=lambda s: make(s, wid),
            undo=undo,
            redo=lambda s, ids: tables.restore_tables(s, holder["gone"]),
        )

    def add_template(self, key: str) -> list[int] | None:
        """A template's tables; a café's also gets its rounds in the déroulé (its « Rotation »
        séquences opening the tables, missing ones added): one undo step."""
        template = table_templates.by_key(key)
        # « Pro-action café », not the menu's whole line: the toolbar's « Annuler … » stays short.
        name = template.title.split("\u00a0:")[0].split(" :")[0] if template else key
        if template is None or not template.rounds:
            made = self._add_many(
                tr("Ajouter les tables « {name} »").format(name=name),
                lambda s, wid: tables.add_from_template(s, wid, key),
            )
            self._to_first_topic(made or [])
            return made
        wid = self.ctx.workshop_id
        done = self.ctx.push(
            tr("Préparer « {name} »").format(name=name),
            area="agenda",  # the déroulé and this page both follow
            do=lambda s: tables_cafe.prepare_cafe(s, wid, key),
            undo=lambda s, snapshot: tables_cafe.undo_cafe(s, snapshot),
        )
        if done is None:
            return None
        table_count = len(done["tables"])
        rounds = tr_n("{n} tour", "{n} tours", len(template.rounds)).format(n=len(template.rounds))
        count = len(done["added"])
        added = (
            tr_n(" ({n} séquence ajoutée)", " ({n} séquences ajoutées)", count).format(n=count)
            if count
            else ""
        )
        # Short enough for the status line at 1024 px, beside « Enregistré ».
        self.ctx.show_message(
            tr_n(
                "{n} table et {rounds} dans le déroulé{added}\u00a0: tapez les sujets et les "
                "porteur·ses, puis «\u00a0Répartir automatiquement\u00a0».",
                "{n} tables et {rounds} dans le déroulé{added}\u00a0: tapez les sujets et les "
                "porteur·ses, puis «\u00a0Répartir automatiquement\u00a0».",
                table_count,
            ).format(n=table_count, rounds=rounds, added=added)
        )
        self._to_first_topic(list(done["tables"]))
        return list(done["tables"])

    def _to_first_topic(self, made: list[int]) -> None:
        """The cursor on the first new table's topic, ready for F2 (then Entrée, →, ↓)."""
        if not made:
            return
        self.pages.setCurrentIndex(0)
        for row in range(self.table.rowCount()):
            if self.table.item(row, COL_NAME).data(TABLE_ID) == made[0]:
                self.table.setCurrentCell(row, COL_TOPIC)
                self.table.setFocus()
                return

    def add_pasted(self, text: str) -> list[int] | None:
        return self._add_many(
            tr("Coller une liste de tables"), lambda s, wid: tables.add_pasted(s, wid, text)
        )

    def paste_list(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            tr("Coller une liste de tables"),
            tr("Une table par ligne, « Nom : sujet » ou le sujet seul :"),
        )
        if ok:
            self.add_pasted(text)

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

    def assign(self) -> bool:
        """« Répartir automatiquement »: everyone present seated at every round; the people
        placed by hand stay where they were put, the teams made with « Par équipes… » stay
        (the absent leave theirs, newcomers join the smallest), and the status line says so."""
        wid = self.ctx.workshop_id
        done = self.ctx.push(
            tr("Répartir automatiquement"),
            area=AREA,
            do=lambda s: tables_seating.assign_automatically(s, wid),
            undo=lambda s, before: tables_seating.restore_seating(s, wid, before),
            redo=lambda s, _before: tables_seating.assign_automatically(s, wid),
        )
        if done is None:
            return False
        with self.ctx.store.read() as session:
            kept = tables_seating.hand_placements(session, wid)
            teams = len(tables_seating.current_teams(session, wid))
        if teams:
            hands = (
                tr_n(
                    "\u00a0; {n} placement fait à la main, gardé",
                    "\u00a0; {n} placements faits à la main, gardés",
                    kept,
                ).format(n=kept)
                if kept
                else ""
            )
            self.ctx.show_message(
                tr(
                    "Personnes placées à chaque tour, les {teams}\u00a0équipes gardées{hands}\u00a0: chacune reste ensemble («\u00a0Par équipes…\u00a0» pour en changer)."
                ).format(teams=teams, hands=hands)
            )
            return True
        if kept:
            self.ctx.show_message(
                tr_n(
                    "Personnes placées à chaque tour\u00a0; {n} placement fait à la main gardé "
                    "tel quel.",
                    "Personnes placées à chaque tour\u00a0; {n} placements faits à la main gardés "
                    "tels quels.",
                    kept,
                ).format(n=kept)
            )
        else:
            self.ctx.show_message(tr("Personnes placées à chaque tour."))
        return True

    def ask_teams(self) -> None:
        """« Par équipes… »: how many teams (the teams now, else one a table), or none."""
        count = max(2, getattr(self, "_table_count", 2))
        with self.ctx.store.read() as session:
            now = len(tables_seating.current_teams(session, self.ctx.workshop_id))
        choices = [
            (n, tr_n("{n} équipe", "{n} équipes", n).format(n=n)) for n in range(count, 1, -1)
        ]
        choices.append((NO_TEAMS, tr("Sans équipes\u00a0: de nouvelles rencontres à chaque tour")))
        current = next((i for i, (n, _label) in enumerate(choices) if n == now), 0)
        chosen, ok = QInputDialog.getItem(
            self,
            tr("Répartir par équipes"),
            tr("Nombre d'équipes (chacune reste ensemble et change de table à chaque tour)\u00a0:"),
            [label for _n, label in choices],
            current,
            False,
        )
        if ok:
            teams = next(n for n, label in choices if label == chosen)
            if teams == NO_TEAMS:
                self.assign_without_teams()
            else:
                self.assign_teams(teams)

    def assign_teams(self, teams: int) -> bool:
        """« Par équipes… »: `teams` mixed teams, each staying together from table to table
        (the world café of seed 004), hosts at home, hand moves kept; one undo step."""
        wid = self.ctx.workshop_id
        done = self.ctx.push(
            tr("Répartir par équipes"),
            area=AREA,
            do=lambda s: tables_seating.assign_automatically(s, wid, teams=teams),
            undo=lambda s, before: tables_seating.restore_seating(s, wid, before),
            redo=lambda s, _before: tables_seating.assign_automatically(s, wid, teams=teams),
        )
        if done is None:
            return False
        self.ctx.show_message(
            tr_n(
                "{n} équipe placée\u00a0: elle reste ensemble et change de table à chaque tour.",
                "{n} équipes placées\u00a0: chacune reste ensemble et change de table à chaque "
                "tour.",
                teams,
            ).format(n=teams)
        )
        return True

    def assign_without_teams(self) -> bool:
        """« Sans équipes »: the teams forgotten, new people met at each round (hand moves
        kept); one undo step."""
        wid = self.ctx.workshop_id
        done = self.ctx.push(
            tr("Répartir sans équipes"),
            area=AREA,
            do=lambda s: tables_seating.assign_automatically(s, wid, teams=0),
            undo=lambda s, before: tables_seating.restore_seating(s, wid, before),
            redo=lambda s, _before: tables_seating.assign_automatically(s, wid, teams=0),
        )
        if done is None:
            return False
        self.ctx.show_message(tr("Sans équipes\u00a0: de nouvelles rencontres à chaque tour."))
        return True

    def boards_for_tables(self) -> list[int] | None:
        """The speedboat's sous-groupes: a board per table (those without one), merged as any
        sous-groupes' boards (« Vue combinée », a sous-groupe's .kitcop file imported)."""
        wid = self.ctx.workshop_id
        holder: dict[str, list] = {"gone": []}

        def undo(s, ids):
            holder["gone"] = tables_boards.remove_boards(s, ids)

        made = self.ctx.push(
            tr("Un speedboat par table"),
            area="boards",
            do=lambda s: tables_boards.boards_for_tables(s, wid),
            undo=undo,
            redo=lambda s, _ids: tables_boards.restore_boards(s, holder["gone"]),
        )
        if made is None:
            return None
        self.ctx.show_message(
            tr_n(
                "{n} tableau «\u00a0Speedboat\u00a0» créé, un par table\u00a0: la «\u00a0Vue "
                "combinée\u00a0» de Tableaux les réunit.",
                "{n} tableaux «\u00a0Speedboat\u00a0» créés, un par table\u00a0: la «\u00a0Vue "
                "combinée\u00a0» de Tableaux les réunit.",
                len(made),
            ).format(n=len(made))
        )
        return list(made)

    def move_person(self, round_id: int, participant_id: int, table_id: int) -> bool:
        """One person to another table for one round, by hand (dragged, Alt+→ / Alt+←,
        « Changer de table »): one undo step; « Répartir automatiquement » keeps it."""
        with self.ctx.store.read() as session:
            before = tables_seating.seat_of(session, round_id, participant_id)
            names = {t.id: t.name for t in tables.list_tables(session, self.ctx.workshop_id)}
        if before is not None and before["table_id"] == table_id:
            return False  # dropped where they already sit: nothing to undo
        done = self.ctx.push(
            f"Changer de table ({names.get(table_id, 'table')})",
            area=AREA,
            do=lambda s: tables_seating.move_person(s, round_id, participant_id, table_id),
            undo=lambda s, _previous: tables_seating.restore_seat(
                s, round_id, participant_id, before
            ),
        )
        if done is not None:
            self.seating.select(participant_id)
        return done is not None

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
        # itself, live_keys.park_focus takes it out again, so the clicker's B and Space act).
        self._page_shown(self.pages.currentIndex())
