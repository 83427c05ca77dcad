"""« Préparer »: the déroulé's five-column table, its toolbar, its conflicts, the detail.

Every edit is one undoable command (ctx.push); the table reloads on the hub's « agenda ».
Keyboard: Alt+↑/↓ move, Suppr delete, Ctrl+D duplicate (the table), Ctrl+N add (the shell).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import agenda_templates as kit
from kitcop_desktop.domain.french import minutes_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import agenda, agenda_templates
from kitcop_desktop.tools.agenda import model as m
from kitcop_desktop.tools.agenda.detail import SequenceDetail
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.changes import Area
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout

AREA = Area.AGENDA


class AgendaTable(QTableView):
    """The table, with the keyboard moves of the déroulé."""

    def __init__(self, editor: PrepareView) -> None:
        super().__init__()
        self.editor = editor

    def _title_width(self, col: int) -> int:
        """The column's title on its widest line, with the header's padding."""
        title = self.model().headerData(col, Qt.Orientation.Horizontal) or ""
        metrics = self.horizontalHeader().fontMetrics()
        return max(metrics.horizontalAdvance(line) for line in title.split("\n")) + 16

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Share the width so that every column shown is whole, its title never cut.

        Beside the room window (one screen) the table is too narrow for six columns: the
        objective and the materials leave it (the séquence's detail beside it shows them)."""
        super().resizeEvent(event)
        width = self.viewport().width()
        # Room enough for « 📌 09:00 – 09:20 » on one line when the table is wide.
        one_line = self.fontMetrics().horizontalAdvance(f"{m.PIN} 09:00 – 09:20") + 18
        minutes = max(58, self._title_width(m.COL_MINUTES))  # « Durée », « Duration »
        fixed = {m.COL_TIME: one_line if width > 900 else 96, m.COL_MINUTES: minutes}
        title = max(92, int(width * 0.16))
        rest = width - sum(fixed.values()) - title
        shares = {m.COL_INTENTION: 0.26, m.COL_INSTRUCTIONS: 0.44, m.COL_MATERIALS: 0.30}
        narrow = any(int(rest * share) < self._title_width(c) for c, share in shares.items())
        if narrow:
            shares = {m.COL_INSTRUCTIONS: 1.0}
        for col in (m.COL_INTENTION, m.COL_MATERIALS):
            self.setColumnHidden(col, narrow)
        rest = max(self._title_width(m.COL_INSTRUCTIONS), rest)
        for col, w in fixed.items():
            self.setColumnWidth(col, w)
        self.setColumnWidth(m.COL_TITLE, title)
        for col, share in shares.items():
            self.setColumnWidth(col, int(rest * share))
        # Wrapped cells change height with their width: measure again once laid out.
        QTimer.singleShot(0, self, self.resizeRowsToContents)  # not after it is gone

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if alt and key == Qt.Key.Key_Up:
            self.editor.move_selected(-1)
        elif alt and key == Qt.Key.Key_Down:
            self.editor.move_selected(+1)
        elif key == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.editor.delete_selected()
        elif ctrl and key == Qt.Key.Key_D:
            self.editor.duplicate_selected()
        else:
            super().keyPressEvent(event)


class PrepareView(QWidget):
    # The table was reloaded (the editor refreshes its summary line).
    reloaded = Signal()

    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = m.AgendaModel(ctx, self)
        prep = QVBoxLayout(self)
        prep.setContentsMargins(0, 6, 0, 0)
        bar = FlowLayout()  # beside the room window the buttons take a second line, uncut
        self.template_button = self._tool_button(
            tr("Modèles"), "template", tr("Remplacer le déroulé par un modèle (Ctrl+Z annule)")
        )
        self.template_menu = QMenu(self)
        self.template_menu.aboutToShow.connect(self.fill_template_menu)
        self.template_button.setMenu(self.template_menu)
        self.add_button = self._tool_button(tr("Ajouter"), "new", tr("Nouvelle séquence (Ctrl+N)"))
        self.duplicate_button = self._tool_button(tr("Dupliquer"), "duplicate", "Ctrl+D")
        self.delete_button = self._tool_button(
            tr("Supprimer"), "delete", tr("Suppr (Ctrl+Z annule)")
        )
        self.up_button = self._tool_button("", "up", tr("Monter la séquence (Alt+↑)"))
        self.down_button = self._tool_button("", "down", tr("Descendre la séquence (Alt+↓)"))
        self.up_button.setAccessibleName(tr("Monter"))
        self.down_button.setAccessibleName(tr("Descendre"))
        self.save_template_button = self._tool_button(
            tr("Garder comme modèle…"), "save", tr("Enregistrer ce déroulé comme modèle personnel")
        )
        for button in (
            self.template_button,
            self.add_button,
            self.duplicate_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.save_template_button,
        ):
            bar.addWidget(button)
        prep.addLayout(bar)
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        theme.style(self.conflicts, theme.CONFLICTS)
        prep.addWidget(self.conflicts)
        self.table = AgendaTable(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMaximumSectionSize(150)
        self.detail = SequenceDetail(ctx)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 240])
        prep.addWidget(splitter, 1)

        self.add_button.clicked.connect(self.new_item)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.save_template_button.clicked.connect(self.save_as_template)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        ctx.hub.changed.connect(self._on_changed)
        # The séquence that last appeared by itself, and the one selected before it.
        self._arrival: tuple[int | None, int | None] = (None, None)
        self._after_reload()

    def _tool_button(self, text: str, icon_name: str, tip: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setToolTip(tip)
        return button

    # --- reloading ---------------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id != self.ctx.workshop_id or area not in (AREA, "workshop"):
            return
        keep, at = self.selected_id(), self.table.currentIndex().row()
        before = {r.id for r in self.model.rows}
        self.model.reload()
        self._after_reload(self._row_to_keep(keep, at, before))
        self.reloaded.emit()

    def _row_to_keep(self, keep: int | None, at: int, before: set[int]) -> int:
        """The row to select after a change, so an undo never sends the list back to row 1:
        a single séquence that came back (undo of a deletion, redo of an addition) is
        selected; the selected one if still there; a séquence that had just been added and is
        gone again (its undo) gives the selection back to the one chosen before it; anything
        else (a deletion, a template replaced) keeps the same row number."""
        rows = self.model.rows
        appeared = [r.id for r in rows if r.id not in before]
        if len(appeared) == 1 and before:
            self._arrival = (appeared[0], keep)
            return self.model.row_of(appeared[0])
        if self.model.row_of(keep) >= 0:
            return self.model.row_of(keep)
        arrived, came_from = self._arrival
        if keep is not None and keep == arrived and self.model.row_of(came_from) >= 0:
            return self.model.row_of(came_from)
        return min(at, len(rows) - 1) if rows else -1

    def show_current(self, sequence_id: int | None) -> None:
        """The séquence being run is highlighted in the table."""
        self.model.current_id = sequence_id
        self.model.layoutChanged.emit()

    def _after_reload(self, row: int = 0) -> None:
        """Show the conflicts and select `row` (the first one when it is not there)."""
        schedule = self.model.schedule
        rows = self.model.rows
        messages = [c.message for c in schedule.conflicts] if schedule else []
        self.conflicts.setText("⚠ " + "\n⚠ ".join(messages) if messages else "")
        self.conflicts.setVisible(bool(messages))
        if not 0 <= row < len(rows):
            row = 0 if rows else -1
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, m.COL_TITLE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_detail()
        has = bool(rows)
        for button in (self.duplicate_button, self.delete_button, self.up_button, self.down_button):
            button.setEnabled(has)

    def _show_detail(self) -> None:
        row = self.table.currentIndex().row()
        self.detail.set_row(self.model.rows[row] if 0 <= row < len(self.model.rows) else None)

    def selected_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row].id if 0 <= row < len(self.model.rows) else None

    def select(self, sequence_id: int) -> None:
        row = self.model.row_of(sequence_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, m.COL_TITLE))

    # --- editing commands ------------------------------------------------------------------
    def new_item(self) -> None:
        """Ctrl+N: a séquence after the selected one (at the end without selection)."""
        wid = self.ctx.workshop_id
        row = self.table.currentIndex().row()
        index = row + 1 if row >= 0 else None
        self.ctx.extras.get("agenda_show_prepare", lambda: None)()
        created = self.ctx.push(
            tr("Ajouter une séquence"),
            area=AREA,
            do=lambda s: agenda.add_sequence(s, wid, index=index).id,
            undo=lambda s, sid: agenda.delete_sequence(s, sid),
            redo=lambda s, sid: agenda.add_sequence(s, wid, index=index),
        )
        if created is not None:
            self.select(self.model.rows[-1].id if index is None else self.model.rows[index].id)
            self.detail.title.setFocus()
            self.detail.title.selectAll()

    def duplicate_selected(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        holder: dict = {}

        def do(s):
            holder["snapshot"] = None
            return agenda.duplicate_sequence(s, sid).id

        def redo(s, new_id):
            agenda.restore_sequence(s, holder["snapshot"])

        def undo(s, new_id):
            holder["snapshot"] = agenda.delete_sequence(s, new_id)

        new_id = self.ctx.push(tr("Dupliquer la séquence"), area=AREA, do=do, undo=undo, redo=redo)
        if new_id is not None:
            self.select(new_id)

    def delete_selected(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        self.ctx.push(
            tr("Supprimer la séquence"),
            area=AREA,
            do=lambda s: agenda.delete_sequence(s, sid),
            undo=lambda s, snapshot: agenda.restore_sequence(s, snapshot),
            redo=lambda s, snapshot: agenda.delete_sequence(s, sid),
        )

    def move_selected(self, step: int) -> None:
        sid = self.selected_id()
        row = self.model.row_of(sid)
        if sid is None or not 0 <= row + step < len(self.model.rows):
            return
        m.move(self.ctx, sid, row + step)
        self.select(sid)

    def apply_template(self, key: str) -> None:
        """Replace the déroulé with a template (undoable: the old one comes back)."""
        wid = self.ctx.workshop_id
        template = kit.by_key(key)
        name = template.title if template else tr("modèle personnel")

        def do(s):
            before = agenda.snapshot_agenda(s, wid)
            agenda.apply_template(s, wid, key)
            return before

        self.ctx.push(
            tr("Appliquer le modèle « {name} »").format(name=name),
            area=AREA,
            do=do,
            undo=lambda s, before: agenda.restore_agenda(s, wid, before),
            redo=lambda s, before: agenda.apply_template(s, wid, key),
        )

    def fill_template_menu(self) -> None:
        self.template_menu.clear()
        for template in kit.TEMPLATES:
            action = self.template_menu.addAction(
                f"{template.title} ({minutes_text(template.total_minutes)})"
            )
            action.setToolTip(template.description)
            action.triggered.connect(lambda _c=False, k=template.key: self.apply_template(k))
        with self.ctx.store.read() as session:
            personal = [(r.id, r.title) for r in agenda_templates.list_personal(session)]
        if personal:
            self.template_menu.addSeparator()
            for tid, title in personal:
                action = self.template_menu.addAction(
                    tr("Mon modèle : {title}").format(title=title)
                )
                key = f"{agenda_templates.PREFIX}{tid}"
                action.triggered.connect(lambda _c=False, k=key: self.apply_template(k))

    def save_as_template(self, title: str | None = None) -> bool:
        """Save this déroulé as a personal template (asks its name unless given)."""
        if not title:
            title, ok = QInputDialog.getText(
                self, tr("Enregistrer comme modèle"), tr("Nom du modèle :")
            )
            if not ok:
                return False
        wid = self.ctx.workshop_id
        done = self.ctx.push(
            tr("Enregistrer comme modèle"),
            area=AREA,
            do=lambda s: agenda_templates.save_as_template(s, wid, title).id,
            undo=lambda s, tid: agenda_templates.delete_personal(s, tid),
        )
        if done is not None:
            self.ctx.show_message(tr("Modèle enregistré : « {strip} »").format(strip=title.strip()))
        return done is not None

    def find_text(self, text: str) -> bool:
        needle = text.strip().lower()
        for row in self.model.rows:
            if needle in f"{row.title} {row.intention} {row.instructions}".lower():
                self.select(row.id)
                return True
        self.ctx.show_message(
            tr("Aucune séquence ne contient « {strip} ».").format(strip=text.strip())
        )
        return False
