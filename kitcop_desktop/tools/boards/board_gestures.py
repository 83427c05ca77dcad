"""What the facilitator does to a board as a whole: create one, rename it, delete it, split a
chemin's zones by angle.

BoardsEditor holds one BoardGestures; each gesture is one undoable command (commands.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import boards
from kitcop_desktop.tools.boards.commands import BoardCommands
from kitcop_desktop.tools.boards.open_board import OpenBoard
from kitcop_desktop.ui.tool_spec import ToolContext


class BoardGestures:
    def __init__(
        self, ctx: ToolContext, commands: BoardCommands, board: OpenBoard, parent: QWidget
    ) -> None:
        self.ctx = ctx
        self.commands = commands
        self.board = board
        self.parent = parent  # the renaming dialog opens over it

    def new_board(self, kind: str) -> int | None:
        """A board of this kind for the next sous-groupe (« Sous-groupe 3 »); its id."""
        with self.ctx.store.read() as s:
            count = len(boards.list_boards(s, self.ctx.workshop_id, kind))
        return self.commands.new_board(kind, KINDS[kind].label, f"Sous-groupe {count + 1}")

    def rename(self, title: str, subgroup: str) -> bool:
        data = self.board.data
        if data is None or data.board_id is None:
            return False
        return self.commands.update_board(
            data.board_id, tr("Renommer le tableau"), title=title, subgroup=subgroup
        )

    def ask_rename(self) -> None:
        data = self.board.data
        if data is None or data.board_id is None:
            return
        dialog = QDialog(self.parent)
        dialog.setWindowTitle(tr("Renommer le tableau"))
        form = QFormLayout(dialog)
        title, subgroup = QLineEdit(data.title), QLineEdit(data.subgroup)
        form.addRow(tr("Titre"), title)
        form.addRow(tr("Sous-groupe"), subgroup)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(tr("Annuler"))
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.rename(title.text(), subgroup.text())

    def delete(self) -> bool:
        data = self.board.data
        if data is None or data.board_id is None:
            return False
        done = self.commands.delete_board(data.board_id, data.title)
        if done:
            self.ctx.show_message(tr("Tableau supprimé (Ctrl+Z pour le retrouver)."))
        return done

    def set_split(self, split: bool) -> bool:
        """Chemin: each zone in two lanes, Actions and Ressentis (one undo step)."""
        data = self.board.data
        if data is None or data.board_id is None or data.kind != "retro_path":
            return False
        if split == data.split_by_angle:
            return False
        done = self.commands.set_split(data.board_id, split)
        if not done:
            self.board.reload()  # refused: the toggle shows the board's state again
        return done
