"""The control window: welcome screen or an open workshop, menus, toolbar, status line, keys."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop import APP_NAME, __version__
from kitcop_desktop.i18n import tr, tr_in
from kitcop_desktop.storage import workshops
from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.ui import app_events, live_keys, resume
from kitcop_desktop.ui.changes import ChangeHub
from kitcop_desktop.ui.field_keys import FieldKeys
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.keymap import KeymapDialog
from kitcop_desktop.ui.live_control import LiveControl
from kitcop_desktop.ui.live_keys import text_field_has_focus
from kitcop_desktop.ui.narrow_text import NarrowText
from kitcop_desktop.ui.one_screen import CONTROL_MIN_WIDTH, OneScreenBanner
from kitcop_desktop.ui.room_screen import RoomScreen
from kitcop_desktop.ui.tool_page import (
    CreatesItems,
    HandlesFallbackKeys,
    HandlesRoomKeys,
    PreselectsPart,
    PrintsPart,
    Searches,
)
from kitcop_desktop.ui.tool_spec import ToolContext, ToolSpec
from kitcop_desktop.ui.tooltips import TooltipFilter
from kitcop_desktop.ui.undo_keys import UndoKeysFilter
from kitcop_desktop.ui.workshop_view import WORKSHOP_KEY, WorkshopView

if TYPE_CHECKING:
    from kitcop_desktop.ui.welcome import WelcomeScreen

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self, store: Store, specs: list[ToolSpec], settings=None, chantier_page=None
    ) -> None:
        """`chantier_page(ctx, chantier_id)`: the chantier's page (tools/chantier), given by
        app.py as the tools are; without it a chantier does not open."""
        super().__init__()
        self._chantier_page = chantier_page
        self.chantier_view: QWidget | None = None
        self.chantier_stack: QUndoStack | None = None
        self.store = store
        self.specs = sorted(specs, key=lambda s: s.order)
        self.settings = settings
        self.hub = ChangeHub(self)
        self.room = RoomScreen()
        self.room.key_pressed.connect(self.route_key)
        self.undo_group = QUndoGroup(self)
        self.library_stack = QUndoStack(self)
        self.undo_group.addStack(self.library_stack)
        self.workshop_view: WorkshopView | None = None
        self.workshop_stack: QUndoStack | None = None
        self.one_screen_banner = OneScreenBanner()
        self.live = LiveControl(self)  # the room screen, the live keys, resuming

        self.setWindowTitle(APP_NAME)
        self.resize(1200, 800)
        self.setMinimumSize(CONTROL_MIN_WIDTH, 560)
        self.setAcceptDrops(True)
        self.pages = QStackedWidget()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.one_screen_banner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        # The list of workshops is built when first shown: a start on the last workshop never
        # reads nor lays it out (bench/startup_bench.py).
        self._welcome: WelcomeScreen | None = None
        self.undo_group.setActiveStack(self.library_stack)

        self.saved_label = QLabel("")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.hub.saved.connect(self._on_saved)
        self.hub.changed.connect(self._on_changed)
        self._build_actions()
        self._undo_keys = UndoKeysFilter(self)  # Ctrl+Z / Ctrl+Y from a search field
        app_events.install(self._undo_keys, QEvent.Type.ShortcutOverride)
        self._tooltips = TooltipFilter(self)  # a very long word never runs off the screen
        app_events.install(self._tooltips, QEvent.Type.ToolTip)
        self._narrow_text = NarrowText(self)  # a column narrower than its words: more lines
        app_events.install(
            self._narrow_text,
            QEvent.Type.Resize,
            QEvent.Type.LayoutRequest,
        )
        self._field_keys = FieldKeys(self, self.live.run_exists)  # Entrée, Tab in a form
        app_events.install(self._field_keys, QEvent.Type.KeyPress)

    @property
    def welcome(self) -> WelcomeScreen:
        if self._welcome is None:
            from kitcop_desktop.ui.welcome import WelcomeScreen

            self._welcome = WelcomeScreen(self._context(0, self.library_stack))
            self._welcome.open_requested.connect(self.open_workshop)
            self._welcome.chantier_requested.connect(self.open_chantier)
            self._welcome.import_requested.connect(self.import_file)
            self.pages.addWidget(self._welcome)
        return self._welcome

    # --- context given to tools ---------------------------------------------------------------
    def _context(self, workshop_id: int, stack: QUndoStack) -> ToolContext:
        return ToolContext(
            store=self.store,
            hub=self.hub,
            undo_stack=stack,
            workshop_id=workshop_id,
            activate_tool=self.activate_tool,
            show_message=self.show_message,
            room=self.room,
            settings=self.settings,
        )

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_saved(self, text: str) -> None:
        self.saved_label.setText(f"✓ {text}" if text == tr("Enregistré") else text)
        QTimer.singleShot(
            4000, self.saved_label, lambda: self.saved_label.setText(tr("Enregistré"))
        )

    # --- actions, menus, toolbar ----------------------------------------------------------------
    def _action(
        self, text, shortcut=None, slot=None, icon_name=None, *, app_wide=False, checkable=False
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setToolTip(f"{text} ({QKeySequence(shortcuts[0]).toString()})")
        if app_wide:
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setCheckable(checkable)
        if slot:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.undo_action = self.undo_group.createUndoAction(self, tr_in("undo", "Annuler"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.undo_group.createRedoAction(self, tr("Rétablir"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(icon("redo"))
        self.room_action = self._action(
            tr("Écran de salle"),
            live_keys.shortcuts_of(live_keys.ROOM),
            self.toggle_room,
            "room_screen",
            app_wide=True,
            checkable=True,
        )
        self.room.visibility_changed.connect(self.room_action.setChecked)
        self.blank_action = self._action(tr("Écran noir"), None, self.toggle_blank, "blank")
        self.blank_action.setToolTip(tr("Noircir l'écran de salle (B ou .)"))
        self.help_action = self._action(
            tr("Raccourcis"), "F1", self.show_keymap, "help", app_wide=True
        )
        self.new_action = self._action(tr("Nouveau"), "Ctrl+N", self.new_item, "new")
        self.search_action = self._action(tr("Rechercher"), "Ctrl+F", self.search, "search")
        self.print_action = self._action(tr("Imprimer…"), "Ctrl+P", self.print_current, "printing")
        self.home_action = self._action(
            tr("Tous les ateliers"), None, self.show_welcome, "workshop"
        )
        self.import_action = self._action(
            tr("Importer un fichier .kitcop…"), "Ctrl+O", self.import_file, "import"
        )
        self.export_action = self._action(
            tr("Exporter l'atelier…"), "Ctrl+E", self.export_workshop, "export"
        )
        self.quit_action = self._action(tr("Quitter"), "Ctrl+Q", self.close)
        self.tool_actions = []
        keys = [WORKSHOP_KEY] + [s.key for s in self.specs]
        titles = [tr("Atelier")] + [tr(s.title).replace("&", "&&") for s in self.specs]
        orders = [0] + [s.order for s in self.specs]
        for key, title, order in zip(keys, titles, orders, strict=True):
            self.tool_actions.append(
                self._action(
                    title,
                    f"Ctrl+{order}",
                    lambda _c=False, k=key: self.enter_tool(k),
                    app_wide=True,
                )
            )

        menu = self.menuBar().addMenu(tr("&Fichier"))
        for a in (self.home_action, self.import_action, self.export_action, self.print_action):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        menu = self.menuBar().addMenu(tr("&Édition"))
        for a in (self.undo_action, self.redo_action, self.new_action, self.search_action):
            menu.addAction(a)
        menu = self.menuBar().addMenu(tr("&Outils"))
        for a in self.tool_actions:
            menu.addAction(a)
        menu = self.menuBar().addMenu(tr("É&cran de salle"))
        menu.addAction(self.room_action)
        menu.addAction(self.blank_action)
        menu = self.menuBar().addMenu(tr("&Aide"))
        menu.addAction(self.help_action)
        menu.addAction(self._action(tr("À propos"), None, self.about))

        bar = self.toolbar = QToolBar(tr("Actions"))
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (self.undo_action, self.redo_action):
            bar.addAction(a)
        bar.addSeparator()
        bar.addAction(self.room_action)
        bar.addAction(self.blank_action)
        bar.addSeparator()
        bar.addAction(self.print_action)
        bar.addAction(self.help_action)
        self.addToolBar(bar)
        self._update_workshop_actions()

    def _update_workshop_actions(self) -> None:
        open_ = self.workshop_view is not None and self.pages.currentWidget() is self.workshop_view
        for a in [self.export_action, self.print_action, self.search_action] + self.tool_actions:
            a.setEnabled(open_)

    # --- workshops ------------------------------------------------------------------------------
    def open_workshop(self, workshop_id: int) -> bool:
        try:
            with self.store.read() as session:
                workshop = workshops.get(session, workshop_id)
                title, problem = workshop.title, workshop.problem_statement
        except StoreError as exc:
            self.show_message(str(exc))
            return False
        self._close_workshop()
        self._close_chantier()
        self.workshop_stack = QUndoStack(self)
        self.undo_group.addStack(self.workshop_stack)
        self.undo_group.setActiveStack(self.workshop_stack)
        ctx = self._context(workshop_id, self.workshop_stack)
        self.workshop_view = WorkshopView(ctx, self.specs, undo_group=self.undo_group)
        self.workshop_view.tool_changed.connect(self._on_tool_changed)
        self.workshop_view.back_requested.connect(self.show_welcome)
        self.pages.addWidget(self.workshop_view)
        self.pages.setCurrentWidget(self.workshop_view)
        # The keyboard on the workshop page's list of people (Ctrl+V pastes a sign-in sheet),
        # not on whatever button came after the welcome list.
        self.workshop_view.setFocus()
        self.workshop_view.keyboard_in(self.workshop_view.current_key)
        self.room.title_card.set_workshop(title, problem)
        self.room.set_stage(None)
        self.setWindowTitle(f"{title} — {APP_NAME}")
        if self.settings is not None:
            self.settings.setValue("last_workshop", workshop_id)
        resume.save_many(self.settings, {"db": str(self.store.path), "workshop": workshop_id})
        self._update_workshop_actions()
        return True

    def _close_workshop(self) -> None:
        if self.workshop_view is None:
            return
        self.workshop_view.close_tools()
        self.room.set_footer(None)
        self.room.clear_stage()
        self.pages.removeWidget(self.workshop_view)
        self.workshop_view.deleteLater()
        self.workshop_view = None
        if self.workshop_stack is not None:
            self.undo_group.removeStack(self.workshop_stack)
            self.workshop_stack.deleteLater()
            self.workshop_stack = None

    # --- chantiers (#17) -----------------------------------------------------------------------
    def open_chantier(self, chantier_id: int) -> bool:
        """The chantier's page, with its own undo history."""
        if self._chantier_page is None:
            return False
        self._close_workshop()
        self._close_chantier()
        self.chantier_stack = QUndoStack(self)
        self.undo_group.addStack(self.chantier_stack)
        self.undo_group.setActiveStack(self.chantier_stack)
        try:
            view = self._chantier_page(self._context(0, self.chantier_stack), chantier_id)
        except StoreError as exc:
            self.show_message(str(exc))
            self.show_welcome()
            return False
        view.back_requested.connect(self.show_welcome)
        view.open_workshop.connect(self.open_workshop)
        self.chantier_view = view
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        view.setFocus()
        self._update_workshop_actions()
        return True

    def _close_chantier(self) -> None:
        if self.chantier_view is None:
            return
        self.pages.removeWidget(self.chantier_view)
        self.chantier_view.deleteLater()
        self.chantier_view = None
        if self.chantier_stack is not None:
            self.undo_group.removeStack(self.chantier_stack)
            self.chantier_stack.deleteLater()
            self.chantier_stack = None

    def show_welcome(self) -> None:
        self._close_workshop()
        self._close_chantier()
        self.pages.setCurrentWidget(self.welcome)
        self.undo_group.setActiveStack(self.library_stack)
        self.welcome.reload()
        # The keyboard on the list, its first workshop chosen: Entrée opens it (from the
        # « Nouvel atelier » button it took eight Tabs to reach).
        if self.welcome.model.rowCount():
            self.welcome.table.setFocus()
        self.room.title_card.set_workshop(APP_NAME, "")
        self.setWindowTitle(APP_NAME)
        self._update_workshop_actions()

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if (
            area == "workshop"
            and self.workshop_view
            and workshop_id == self.workshop_view.ctx.workshop_id
        ):
            with self.store.read() as session:
                w = workshops.get(session, workshop_id)
                title, problem = w.title, w.problem_statement
            self.room.title_card.set_workshop(title, problem)
            self.setWindowTitle(f"{title} — {APP_NAME}")

    # --- tools ----------------------------------------------------------------------------------
    def enter_tool(self, key: str) -> None:
        """Ctrl+0…9: the tool, with the keyboard on its main list (WorkshopView.enter)."""
        if self.workshop_view is not None:
            self.workshop_view.enter(key)

    def activate_tool(self, key: str, ref_id: int | None = None) -> None:
        if self.workshop_view is None:
            return
        self.workshop_view.activate(key, ref_id)

    def _on_tool_changed(self, key: str) -> None:
        view = self.workshop_view.room_view(key) if self.workshop_view else None
        self.room.set_stage(view)
        resume.save(self.settings, "tool", key)

    def current_editor(self) -> QWidget | None:
        if self.workshop_view is None or self.pages.currentWidget() is not self.workshop_view:
            return None
        return self.workshop_view.current_editor()

    def new_item(self) -> None:
        chantier = self.chantier_view
        if chantier is not None and self.pages.currentWidget() is chantier:
            if isinstance(chantier, CreatesItems):
                chantier.new_item()
            return
        if self._welcome is not None and self.pages.currentWidget() is self._welcome:
            self._welcome.new_workshop()
        elif isinstance(editor := self.current_editor(), CreatesItems):
            editor.new_item()
        else:
            self.show_message(tr("Rien à créer ici."))

    def search(self) -> None:
        editor = self.current_editor()
        if isinstance(editor, Searches):
            editor.search()
        else:
            self.show_message(tr("Pas de recherche dans cet outil."))

    def print_current(self) -> None:
        if self.workshop_view is None:
            return
        editor = self.current_editor()
        part = editor.print_part() if isinstance(editor, PrintsPart) else None
        self.activate_tool("printing")
        printing = self.current_editor()
        if part and isinstance(printing, PreselectsPart):
            printing.preselect_part(part)

    # --- room screen and keys (the live control: ui/live_control.py) ---------------------------
    def toggle_room(self) -> None:
        self.live.toggle_room()

    def toggle_blank(self) -> None:
        self.live.toggle_blank()

    def route_key(self, event: QKeyEvent) -> bool:
        """Keys that are not live keys (R, digits, L, M, arrows…): the active tool first, then a
        tool that keeps running behind it (the live déroulé)."""
        live = live_keys.live_key_for(event)
        if live is not None and self.live.layer_active():
            arrow_used_here = live.scope is live_keys.Scope.NOT_MOVING and (
                live_keys.moves_with_arrows(QApplication.focusWidget())
            )
            if not arrow_used_here:  # else → and ← stay the tool's own keys, if any
                return self.live.action(live.action, event)
        editor = self.current_editor()
        if isinstance(editor, HandlesRoomKeys):
            try:
                if editor.handle_room_key(event):
                    event.accept()
                    return True
            except Exception:
                log.exception("handle_room_key failed")
        if editor is not None and self.workshop_view is not None:
            for other in self.workshop_view.open_editors():
                if other is not editor and isinstance(other, HandlesFallbackKeys):
                    try:
                        if other.handle_fallback_key(event):
                            event.accept()
                            return True
                    except Exception:
                        log.exception("handle_fallback_key failed")
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        # Beside the room window on one small screen: the toolbar's icons only, all visible.
        narrow = self.width() < 900
        self.toolbar.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if narrow
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Reached only when no focused widget used the key (text fields keep their letters).
        if text_field_has_focus() or not self.route_key(event):
            super().keyPressEvent(event)

    def show_keymap(self) -> None:
        KeymapDialog(self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            tr("À propos"),
            f"<b>{APP_NAME}</b> {__version__}<br>"
            + tr(
                "Ateliers d'intelligence collective du kit COP "
                "Auvergne-Rhône-Alpes, hors ligne. Vos données restent sur cet ordinateur."
            ),
        )

    # --- exchange (.kitcop files) -----------------------------------------------------------------
    def _exchange(self):
        try:
            return importlib.import_module("kitcop_desktop.ui.exchange_dialogs")
        except ModuleNotFoundError:
            self.show_message(tr("L'import et l'export arrivent dans une prochaine version."))
            return None

    def import_file(self, path: str | None = None) -> None:
        module = self._exchange()
        if module is None:
            return
        current = self.workshop_view.ctx.workshop_id if self.workshop_view else None
        ctx = self.workshop_view.ctx if self.workshop_view else None
        new_id = module.import_dialog(self, self.store, self.hub, current, path, ctx=ctx)
        if self._welcome is not None:
            self._welcome.reload()
        if new_id:
            self.open_workshop(new_id)

    def export_workshop(self) -> None:
        module = self._exchange()
        if module is not None and self.workshop_view is not None:
            module.export_dialog(self, self.store, self.workshop_view.ctx.workshop_id)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if urls and urls[0].toLocalFile().lower().endswith((".kitcop", ".json", ".zip")):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if urls:
            self.import_file(urls[0].toLocalFile())

    def closeEvent(self, event) -> None:  # noqa: N802
        self.live.closing = True  # quitting mid-run: the room screen comes back on next start
        if self.workshop_view is not None:
            self.workshop_view.close_tools()
        self.room.close()
        if self.settings is not None:
            self.settings.setValue("main_geometry", self.live.one_screen.own_geometry())
        self.live.uninstall()
        app_events.remove(self._undo_keys)
        app_events.remove(self._tooltips)
        app_events.remove(self._narrow_text)
        app_events.remove(self._field_keys)
        super().closeEvent(event)
