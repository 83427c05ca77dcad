"""Preparing a café on the tables page (#24): its tables from a template or a pasted list,
and the keys that prepare it without the mouse.

`Preparation` is a part the page (editor.TablesEditor) holds: « Modèles » (Alt+D, the cursor
then on the first topic, F2), « Coller une liste… » (Alt+L), « Répartir automatiquement »
(Alt+R), « Par équipes… » (Alt+E), Suppr on the list of tables, Ctrl+Tab between « Tables et
placement » and « Récolte ». Each gesture is one undo step (ctx.push).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QPushButton

from kitcop_desktop.domain import table_templates
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import tables, tables_boards, tables_cafe

if TYPE_CHECKING:
    from kitcop_desktop.tools.tables.editor import TablesEditor

AREA = "tables"
COL_NAME, COL_TOPIC = 0, 1
TABLE_ID = Qt.ItemDataRole.UserRole
# Preparing from the keyboard, anywhere on the page (F1 lists them): the buttons' keys. Not
# Alt+F, Alt+É, Alt+O, Alt+C, Alt+A (the menus), nor the harvest line's Alt+S/B/A/I/P/M.
KEY_PASTE, KEY_TEMPLATES, KEY_ASSIGN, KEY_TEAMS = "Alt+L", "Alt+D", "Alt+R", "Alt+E"


class Preparation:
    """The page's tables made in one gesture (a template, a pasted list) and its keys."""

    def __init__(self, page: TablesEditor) -> None:
        self.page = page
        self.ctx = page.ctx

    def install_keys(self) -> None:
        """Preparing without the mouse: the buttons' keys while the page shows (a disabled
        button's key does nothing, as the button), Suppr on the list of tables."""
        page = self.page
        for keys, button in (
            (KEY_PASTE, page.paste_button),
            (KEY_TEMPLATES, page.template_button),
            (KEY_ASSIGN, page.assign_button),
            (KEY_TEAMS, page.teams_button),
        ):
            # The whole window while this page shows (Ctrl+8 leaves the cursor on the shell's
            # tool list); a hidden page's keys never act.
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda b=button: self.press(b))
            button.setToolTip(f"{button.toolTip()} ({keys})")
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+Backtab", -1)):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda s=step: self.other_page(s))
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), page.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while a cell is typed
        delete.activated.connect(page.delete_selected)

    def other_page(self, step: int) -> None:
        """Ctrl+Tab: « Tables et placement » ↔ « Récolte » (there, the cursor in its line)."""
        pages = self.page.pages
        pages.setCurrentIndex((pages.currentIndex() + step) % pages.count())
        if pages.currentWidget() is not self.page.harvest:
            self.page.table.setFocus()

    @staticmethod
    def press(button: QPushButton) -> None:
        if not button.isEnabled():
            return
        if button.menu() is not None:
            button.showMenu()  # « Modèles »: ↓ and Entrée choose
        else:
            button.click()

    # --- tables in one gesture -----------------------------------------------------------------
    def add_many(self, text: str, make: Callable[[Any, int], list[int]]) -> list[int] | None:
        wid = self.ctx.workshop_id
        holder: dict[str, list[Any]] = {"gone": []}

        def undo(s: Any, ids: list[int]) -> None:
            holder["gone"] = tables.delete_tables(s, ids)

        made: list[int] | None = self.ctx.push(
            text,
            area=AREA,
            do=lambda s: make(s, wid),
            undo=undo,
            redo=lambda s, ids: tables.restore_tables(s, holder["gone"]),
        )
        return made

    def add_template(self, key: str) -> list[int] | None:
        """A template's tables; a café's also gets its rounds in the déroulé (its « Rotation »
        séquences opening the tables, missing ones added): one undo step."""
        template = table_templates.by_key(key)
        # « Pro-action café », not the menu's whole line: the toolbar's « Annuler … » stays short.
        name = template.title.split("\u00a0:")[0].split(" :")[0] if template else key
        if template is None or not template.rounds:
            made = self.add_many(
                tr("Ajouter les tables « {name} »").format(name=name),
                lambda s, wid: tables.add_from_template(s, wid, key),
            )
            self.to_first_topic(made or [])
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
        self.to_first_topic(list(done["tables"]))
        return list(done["tables"])

    def to_first_topic(self, made: list[int]) -> None:
        """The cursor on the first new table's topic, ready for F2 (then Entrée, →, ↓)."""
        if not made:
            return
        page = self.page
        page.pages.setCurrentIndex(0)
        for row in range(page.table.rowCount()):
            item = page.table.item(row, COL_NAME)
            if item is not None and item.data(TABLE_ID) == made[0]:
                page.table.setCurrentCell(row, COL_TOPIC)
                page.table.setFocus()
                return

    def add_pasted(self, text: str) -> list[int] | None:
        return self.add_many(
            tr("Coller une liste de tables"), lambda s, wid: tables.add_pasted(s, wid, text)
        )

    def paste_list(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.page,
            tr("Coller une liste de tables"),
            tr("Une table par ligne, « Nom : sujet » ou le sujet seul :"),
        )
        if ok:
            self.add_pasted(text)

    def boards_for_tables(self) -> list[int] | None:
        """The speedboat's sous-groupes: a board per table (those without one), merged as any
        sous-groupes' boards (« Vue combinée », a sous-groupe's .kitcop file imported)."""
        wid = self.ctx.workshop_id
        holder: dict[str, list[Any]] = {"gone": []}

        def undo(s: Any, ids: list[int]) -> None:
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
