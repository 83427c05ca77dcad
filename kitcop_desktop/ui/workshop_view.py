"""An open workshop in the control window: a sidebar of tools and the active tool's work area.

Undo stays where you are: every tool gets its own QUndoStack (in its own ToolContext), the
workshop page keeps the stack it was given, and the shell's QUndoGroup follows the tool on
screen. Ctrl+Z never undoes, from one tool, what was done in another; what crosses tools (a
vote creating fiches actions) is on the stack of the tool where the facilitator acted.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import memory, narrow_text, theme
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_page import (
    Activates,
    Deactivates,
    FocusesItems,
    FocusesKinds,
    HoldsInput,
    KeepsView,
    RunsLive,
    safely,
)
from kitcop_desktop.ui.tool_spec import ToolContext, ToolSpec
from kitcop_desktop.ui.workshop_page import WorkshopPage

log = logging.getLogger(__name__)

WORKSHOP_KEY = "workshop"
SIDEBAR_WIDTH = 196
SIDEBAR_MAX_WIDTH = 240
# Narrower than this (the control window beside the room window on one 1024 px screen), the
# sidebar shows its icons only; each keeps its name in the tooltip.
COMPACT_BELOW = 820
# A page let go gives its memory back once the tool shown instead has painted (ui/memory.py).
GIVE_BACK_MS = 300


class ToolFailed(QWidget):
    """Shown in place of a tool that failed to open: the rest of the app keeps working."""

    def __init__(self, title: str) -> None:
        super().__init__()
        label = QLabel(
            tr(
                "L'outil « {title} » n'a pas pu s'ouvrir. Vos données ne sont pas touchées ; "
                "le détail est dans le journal (kitcop.log)."
            ).format(title=title)
        )
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addStretch(1)


class WorkshopView(QWidget):
    tool_changed = Signal(str)
    back_requested = Signal()

    def __init__(
        self,
        ctx: ToolContext,
        specs: list[ToolSpec],
        parent=None,
        undo_group: QUndoGroup | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx  # the workshop page's; each tool gets its own copy (context())
        self.specs = {spec.key: spec for spec in specs}
        self.undo_group = undo_group
        self._contexts: dict[str, ToolContext] = {WORKSHOP_KEY: ctx}
        self._editors: dict[str, QWidget] = {}
        self._room_views: dict[str, QWidget | None] = {}
        # The views of the pages let go while hidden, given back when they are built again.
        self._views: dict[str, str] = {}
        # The page left last stays built: going back to it (the déroulé and one other tool,
        # in turn, as a workshop goes) is instant.
        self._left_last = ""
        self.current_key = WORKSHOP_KEY

        self.sidebar = QFrame()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        side = QVBoxLayout(self.sidebar)
        side.setContentsMargins(8, 10, 8, 10)
        side.setSpacing(2)
        back = QToolButton()
        back.setText(tr("  Tous les ateliers"))
        back.setIcon(icon("previous", theme.ON_NAVY))
        back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        back.setSizePolicy(
            back.sizePolicy().horizontalPolicy().Expanding, back.sizePolicy().verticalPolicy()
        )
        back.setToolTip(tr("Tous les ateliers (menu Fichier)"))
        back.clicked.connect(self.back_requested.emit)
        side.addWidget(back)
        self.back_button = back
        side.addSpacing(8)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        entries = [(WORKSHOP_KEY, tr("Atelier"), "workshop", 0)] + [
            (s.key, tr(s.title), s.icon, s.order) for s in sorted(specs, key=lambda s: s.order)
        ]
        for key, title, icon_name, order in entries:
            button = QToolButton()
            button.setText(f"  {title}".replace("&", "&&"))  # « Bocal & tours »: no mnemonic
            button.setIcon(icon(icon_name, theme.ON_NAVY))
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(
                button.sizePolicy().horizontalPolicy().Expanding,
                button.sizePolicy().verticalPolicy(),
            )
            button.setToolTip(tr("{title} (Ctrl+{order})").format(title=title, order=order))
            button.clicked.connect(lambda _c=False, k=key: self.enter(k))
            self.group.addButton(button)
            self.buttons[key] = button
            side.addWidget(button)
        side.addStretch(1)
        # As wide as its longest entry in the app's language (« Fishbowl & rounds » in
        # English is wider than « Bocal & tours »), bold when chosen; never narrower than
        # the French layout, never so wide the tools lose their room at 1024 px.
        # A longer language's entry takes two lines (ui/narrow_text), never less than its
        # longest word.
        sidebar_buttons = [back, *self.buttons.values()]
        widest = max(b.sizeHint().width() for b in sidebar_buttons)
        longest_word = max(narrow_text.words_width(b) for b in sidebar_buttons)
        self.sidebar_width = max(
            SIDEBAR_WIDTH, min(SIDEBAR_MAX_WIDTH, widest + 16 + 8), longest_word + 16 + 8
        )
        self.sidebar.setFixedWidth(self.sidebar_width)
        # Navigation is never in the Tab chain nor pressed by a typed key (Space in a text
        # that Tab left): it is reached by the mouse, Ctrl+0…7 and Fichier › Tous les ateliers.
        for button in [back, *self.buttons.values()]:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The view itself takes the focus a tool gives up, so a hidden tool's focus never
        # wanders to whatever widget comes next.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.stack = QStackedWidget()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.activate(WORKSHOP_KEY)

    def context(self, key: str) -> ToolContext:
        """The ToolContext of one tool: the workshop's, with the tool's own undo stack."""
        if key not in self._contexts:
            stack = QUndoStack(self)
            if self.undo_group is not None:
                self.undo_group.addStack(stack)
            self._contexts[key] = dataclasses.replace(self.ctx, undo_stack=stack)
        return self._contexts[key]

    def undo_stack(self, key: str) -> QUndoStack:
        return self.context(key).undo_stack

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.set_compact(self.width() < COMPACT_BELOW)
        super().resizeEvent(event)

    def set_compact(self, compact: bool) -> None:
        if compact == (self.sidebar.width() < self.sidebar_width):
            return
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        for button in [self.back_button, *self.buttons.values()]:
            button.setToolButtonStyle(style)
        self.sidebar.setFixedWidth(56 if compact else self.sidebar_width)

    def editor(self, key: str) -> QWidget:
        if key not in self._editors:
            if key == WORKSHOP_KEY:
                widget: QWidget = WorkshopPage(self.ctx)
            else:
                spec = self.specs[key]
                try:
                    widget = spec.make_editor(self.context(key))
                except Exception:
                    log.exception("tool %s failed to open", key)
                    widget = ToolFailed(tr(spec.title))
            view = self._views.pop(key, None)
            if view is not None and isinstance(widget, KeepsView):
                safely(widget.restore_view, view)  # built again: as it was left
            self._editors[key] = widget
            self.stack.addWidget(widget)
        return self._editors[key]

    # --- pages let go while hidden (#15) ---------------------------------------------------------
    def releasable(self, key: str) -> bool:
        """Whether the page of `key`, hidden, may be let go and built again when shown: its
        tool says it comes back as it was, no run of its goes on, and nothing entered on it
        lives only there (typing that no autosave stores, a ballot being filled in)."""
        widget = self._editors.get(key)
        if widget is None or key in (self.current_key, self._left_last):
            return False
        if key == WORKSHOP_KEY:
            pass  # the workshop's page: every field stores itself as typed
        elif not getattr(self.specs.get(key), "released_when_hidden", False):
            return False
        if isinstance(widget, RunsLive) and safely(widget.live_state) is not None:
            return False
        if isinstance(widget, HoldsInput) and safely(widget.holds_input) is not False:
            return False
        return not typed_only_here(widget)

    def release_hidden(self) -> list[str]:
        """Let go the hidden pages that come back as they were; returns their keys."""
        released = [key for key in list(self._editors) if self.releasable(key)]
        for key in released:
            widget = self._editors.pop(key)
            if isinstance(widget, KeepsView):
                view = safely(widget.view_state)
                if view is not None:
                    self._views[key] = view
            for autosave in widget.findChildren(Autosave):
                autosave.flush()  # hidden, it has stored already: never lose a keystroke
            self.stack.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        if released:
            QTimer.singleShot(GIVE_BACK_MS, self, memory.give_back)
        return released

    def room_view(self, key: str) -> QWidget | None:
        if key not in self._room_views:
            spec = self.specs.get(key)
            view = None
            if spec is not None and spec.make_room_view is not None:
                try:
                    view = spec.make_room_view(self.context(key))
                except Exception:
                    log.exception("room view of %s failed", key)
            self._room_views[key] = view
        return self._room_views[key]

    def current_editor(self) -> QWidget:
        return self.editor(self.current_key)

    def tool_keys(self) -> list[str]:
        """The workshop page's key, then every tool's, in sidebar order."""
        return list(self.buttons)

    def open_editor(self, key: str) -> QWidget | None:
        """A tool's editor if it was opened in this workshop (none is created here)."""
        return self._editors.get(key)

    def open_editors(self) -> list[QWidget]:
        """The tools already opened in this workshop (none is created here)."""
        return list(self._editors.values())

    def activate(self, key: str, ref_id: int | None = None) -> None:
        owner = next((s.key for s in self.specs.values() if key in s.item_kinds), None)
        if owner is not None:  # « rounds » lives in the fishbowl tool
            self.activate(owner)
            widget = self.editor(owner)
            if isinstance(widget, FocusesKinds):
                widget.focus_kind(key, ref_id)
            return
        if key != WORKSHOP_KEY and key not in self.specs:
            self.ctx.show_message(tr("Cet outil n'est pas disponible dans cette version."))
            return
        previous = self._editors.get(self.current_key)
        focus = QApplication.focusWidget()
        if previous is not None and focus is not None and previous.isAncestorOf(focus):
            self.setFocus()
        if key != self.current_key and isinstance(previous, Deactivates):
            previous.deactivated()
        if key != self.current_key:
            self._left_last = self.current_key
        self.current_key = key
        if self.undo_group is not None:  # Ctrl+Z and the toolbar follow the tool on screen
            self.undo_group.setActiveStack(self.undo_stack(key))
        widget = self.editor(key)
        self.stack.setCurrentWidget(widget)
        self.buttons[key].setChecked(True)
        if isinstance(widget, Activates):
            widget.activated()
        if ref_id is not None and isinstance(widget, FocusesItems):
            widget.focus_item(ref_id)
        self.tool_changed.emit(key)
        self.release_hidden()

    def enter(self, key: str) -> None:
        """The facilitator chose a tool (Ctrl+0…9, the side bar): it comes up with the keyboard
        on its main list, so ↓, Entrée, Suppr act at once. A tool that put the keyboard in
        itself (the boards' post-it line) keeps its choice; a tool without a list leaves it on
        the view, and Tab goes in."""
        self.activate(key)
        self.keyboard_in(key)

    def keyboard_in(self, key: str) -> None:
        """The keyboard on the main list of the tool `key` (shown), unless it is in it already."""
        widget = self._editors.get(key)
        focus = QApplication.focusWidget() or self.window().focusWidget()
        if widget is None or (focus is not None and widget.isAncestorOf(focus)):
            return
        target = main_list(widget)
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def close_tools(self) -> None:
        self._views.clear()
        for widget in self._editors.values():
            if isinstance(widget, Deactivates):
                try:
                    widget.deactivated()
                except Exception:
                    log.exception("deactivate failed")
        if self.undo_group is not None:  # the tools' histories go with the workshop
            for key, context in self._contexts.items():
                if key != WORKSHOP_KEY:
                    self.undo_group.removeStack(context.undo_stack)


def main_list(page: QWidget) -> QAbstractItemView | None:
    """The first list or table of `page` that Tab would reach, shown and usable."""
    widget: QWidget | None = page.nextInFocusChain()
    for _ in range(2000):  # the chain is the window's: bounded, and it comes back round
        if widget is None or widget is page:
            break
        if (
            isinstance(widget, QAbstractItemView)
            and page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


def typed_only_here(page: QWidget) -> bool:
    """A text field of `page` holds typing that nothing stores: typed by the user (Qt's
    « modified »: setText and setPlainText clear it), not empty, and no Autosave on it. A spin
    box's own line is left out: leaving it sets its number, which its tool stores or refuses."""
    for line in page.findChildren(QLineEdit):
        if (
            line.isModified()
            and line.text().strip()
            and not line.isReadOnly()
            and not isinstance(line.parent(), QAbstractSpinBox)
            and line.findChild(Autosave) is None
        ):
            return True
    texts: list[QPlainTextEdit | QTextEdit] = [
        *page.findChildren(QPlainTextEdit),
        *page.findChildren(QTextEdit),
    ]
    return any(
        text.document().isModified()
        and text.toPlainText().strip()
        and not text.isReadOnly()
        and text.findChild(Autosave) is None
        for text in texts
    )
