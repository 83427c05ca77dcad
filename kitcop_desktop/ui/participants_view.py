"""The attendance list editor: table, add, paste from a spreadsheet, reorder, remove, and
taking attendance in the room: one key per person (Espace ticks and goes to the next person,
without ever editing the name), « Tout le monde est là », « Inverser », keyboard only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.french import plural
from kitcop_desktop.domain.participants import CATEGORY_LABELS
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import participants as ops
from kitcop_desktop.ui import live_keys, theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.participants_attendance import AttendanceBar
from kitcop_desktop.ui.participants_model import COLUMNS, ParticipantsModel
from kitcop_desktop.ui.tool_spec import ToolContext


class CategoryDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802
        box = QComboBox(parent)
        for key, label in CATEGORY_LABELS.items():
            box.addItem(label, key)
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PasteDialog(QDialog):
    """Paste rows from a spreadsheet: name, structure, category, e-mail (tab-separated)."""

    def __init__(self, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Coller une liste de participant·es"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        hint = QLabel(
            tr(
                "Une personne par ligne. Depuis un tableur, les colonnes sont lues dans l'ordre :\n"
                "nom, structure, catégorie (public, privé, para-public), e-mail."
            )
        )
        hint.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText(tr("Claire Dubois\tDDETS Rhône\tpublic"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Ajouter"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class ParticipantsView(QWidget):
    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = ParticipantsModel(ctx)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Typing never starts editing a name (Espace ticks presence): F2 or a double-click do.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.installEventFilter(self)
        self.table.setItemDelegateForColumn(COLUMNS.index("category"), CategoryDelegate(self))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in ("category", "present"):
            header.setSectionResizeMode(
                COLUMNS.index(column), QHeaderView.ResizeMode.ResizeToContents
            )

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("Nom de la personne, puis Entrée"))
        self.name_edit.setAccessibleName(tr("Ajouter un·e participant·e"))
        self.name_edit.returnPressed.connect(self.add_from_field)
        add = QPushButton(icon("new"), tr("Ajouter"))
        add.clicked.connect(self.add_from_field)
        paste = QPushButton(icon("paste"), tr("Coller depuis un tableur…"))
        paste.clicked.connect(self.paste_dialog)
        up = QPushButton(icon("up"), "")
        up.setToolTip(tr("Monter (Alt+Haut)"))
        up.clicked.connect(lambda: self.move_selected(-1))
        down = QPushButton(icon("down"), "")
        down.setToolTip(tr("Descendre (Alt+Bas)"))
        down.clicked.connect(lambda: self.move_selected(1))
        remove = QPushButton(icon("delete"), tr("Retirer"))
        remove.setObjectName("Danger")
        remove.setToolTip(tr("Retirer les personnes sélectionnées (Suppr) — annulable avec Ctrl+Z"))
        remove.clicked.connect(self.remove_selected)
        self.attendance = AttendanceBar(ctx, self.model, self.table)
        self.attendance.keys_on(self)
        self.count_label = self.attendance.count_label

        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(add)
        row.addWidget(paste)
        row.addSpacing(12)
        row.addWidget(up)
        row.addWidget(down)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(tr("Participant·es (liste d'émargement)"))
        theme.style(title, theme.HEADING)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count_label)
        layout.addLayout(head)
        layout.addLayout(row)
        layout.addWidget(self.attendance)
        layout.addWidget(self.table, 1)

        live_keys.claim(self.table, live_keys.TOGGLE)  # Space ticks, even during a run
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        QShortcut(QKeySequence("Alt+Up"), self.table, lambda: self.move_selected(-1))
        QShortcut(QKeySequence("Alt+Down"), self.table, lambda: self.move_selected(1))
        QShortcut(QKeySequence.StandardKey.Paste, self.table, self.paste_clipboard)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if (
            obj is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers()
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.attendance.toggle_selected()
            return True
        return super().eventFilter(obj, event)

    # --- actions ------------------------------------------------------------------------------
    def add_from_field(self) -> None:
        name = self.name_edit.text()
        wid = self._ctx.workshop_id
        result = self._ctx.push(
            tr("Ajouter un·e participant·e"),
            area="participants",
            do=lambda s: ops.as_data(ops.add(s, wid, name)),
            undo=lambda s, p: ops.remove(s, [p.id]),
            redo=lambda s, p: ops.restore(s, [p]),
        )
        if result is not None:
            self.name_edit.clear()

    def paste_text(self, text: str) -> None:
        """Add pasted rows as one undoable action; duplicates are skipped with a warning."""
        wid = self._ctx.workshop_id
        outcome = {}

        def do(session):
            ids, result = ops.paste(session, wid, text)
            outcome["result"] = result
            return [ops.as_data(p) for p in ops.list_for(session, wid) if p.id in set(ids)]

        rows = self._ctx.push(
            tr("Coller des participant·es"),
            area="participants",
            do=do,
            undo=lambda s, added: ops.remove(s, [p.id for p in added]),
            redo=lambda s, added: ops.restore(s, added),
        )
        if rows is None:
            return
        result = outcome["result"]
        parts = [plural(len(rows), tr("personne ajoutée"), tr("personnes ajoutées")) + "."]
        if result.duplicates:
            parts.append(
                tr("Déjà dans la liste, non ajouté·es : {names}").format(
                    names=", ".join(result.duplicates[:8])
                )
                + ("…" if len(result.duplicates) > 8 else ".")
            )
        parts.extend(result.warnings)
        self._ctx.show_message(" ".join(parts))

    def paste_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text.strip():
            self.paste_text(text)

    def paste_dialog(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.paste_text(dialog.text.toPlainText())

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.participant_id(r) for r in rows]

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self._ctx.show_message(tr("Sélectionnez d'abord les personnes à retirer."))
            return
        self._ctx.push(
            tr_n("Retirer {n} participant·e", "Retirer {n} participant·es", len(ids)).format(
                n=len(ids)
            ),
            area="participants",
            do=lambda s: ops.remove(s, ids),
            undo=lambda s, removed: ops.restore(s, removed),
            redo=lambda s, removed: ops.remove(s, [p.id for p in removed]),
        )

    def move_selected(self, delta: int) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        order = self.model.ids()
        i = order.index(ids[0])
        j = i + delta
        if not 0 <= j < len(order):
            return
        new_order = list(order)
        new_order[i], new_order[j] = new_order[j], new_order[i]
        wid = self._ctx.workshop_id
        done = self._ctx.push(
            tr("Déplacer un·e participant·e"),
            area="participants",
            do=lambda s: ops.reorder(s, wid, new_order),
            undo=lambda s, previous: ops.reorder(s, wid, previous),
            redo=lambda s, previous: ops.reorder(s, wid, new_order),
        )
        if done is not None:
            self.table.selectRow(j)
