"""The live-control layer: the keys that drive a workshop in front of the room, declared once.

`LIVE_KEYS` is the only place these keys are written. It drives:
- the routing: `LiveKeyFilter` (installed on the application by the main window) takes these
  keys before the focused widget sees them, so Space never presses a focused button and B is
  never eaten by a list's type-ahead search while the layer is on;
- the F1 map (`keymap.py` builds its « En salle » section from `LIVE_KEYS`);
- the README's « En salle » table (tests/ui/test_live_keys.py checks it lists the same keys).

The layer is on while the open workshop has a run (the déroulé is running or paused), while
the déroulé's « Animer » view is on screen, or while the room screen is up. Then:
- keys whose scope is ANYWHERE (the clicker's PageDown / PageUp, F5, Échap) act whatever has
  focus, in the control window and in the room window;
- keys whose scope is NOT_TYPING (Space, B, « . », +, −, *) act unless a text field has focus,
  where the character is typed instead;
- → and ← (some clickers send them) act unless the focus is in a widget they move in;
- during a run a live key is always taken, even when nobody had a use for it: no key ever
  activates a focused button or navigates away;
- except where a widget declared it uses the key itself (`claim(widget, TOGGLE)`): Space in
  the attendance list ticks the chosen person.

How an action is routed (`MainWindow.live_action`): the shell's own actions (room screen, blank,
Échap) go to the shell; the run's actions go first to the tool on screen, which declares what it
accepts through `handle_live_action(action) -> bool` (older tools: `handle_room_key(event)`, so a
speaking round keeps PageDown for « personne suivante »), then to the tool that owns the run (the
editor whose `live_state()` is "running" or "paused": the déroulé).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from kitcop_desktop.i18n import tr_later

Key = Qt.Key
Mod = Qt.KeyboardModifier

# --- actions ----------------------------------------------------------------------------------
NEXT = "next"  # séquence suivante (or the tool's next page: personne suivante, zone suivante)
PREVIOUS = "previous"
TOGGLE = "toggle"  # start / pause the countdown
PLUS_ONE = "plus_one"
MINUS_ONE = "minus_one"
PLUS_FIVE = "plus_five"
BLANK = "blank"  # the room screen goes black, and back
ROOM = "room"  # show / hide the room screen
LEAVE = "leave"  # the room screen leaves fullscreen, or its window closes

# Offered to the tool on screen, then to the run. The others belong to the shell.
RUN_ACTIONS = (NEXT, PREVIOUS, TOGGLE, PLUS_ONE, MINUS_ONE, PLUS_FIVE)
SHELL_ACTIONS = (BLANK, ROOM, LEAVE)


class Scope(Enum):
    ANYWHERE = "anywhere"  # whatever has focus: the clicker's keys
    NOT_TYPING = "not_typing"  # unless a text field has focus (then the character is typed)
    # Unless the focus is in a widget that moves with arrows (a list, a table, a combo, a tab
    # bar, a board, a text field): the arrows some clickers send.
    NOT_MOVING = "not_moving"


@dataclass(frozen=True)
class LiveKey:
    action: str
    # (key, modifiers that must be held). Shift is ignored unless named: « + » needs Shift on
    # many layouts. A key held with Ctrl, Alt or Meta is never a live key.
    keys: tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...]
    label: str  # how F1 and the README write the keys
    what: str  # what it does, in French
    scope: Scope


def _k(*keys: Qt.Key) -> tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...]:
    return tuple((k, Mod.NoModifier) for k in keys)


LIVE_KEYS: tuple[LiveKey, ...] = (
    LiveKey(
        NEXT,
        _k(Key.Key_PageDown),
        tr_later("Page suivante"),
        tr_later(
            "Page suivante des consignes, puis séquence suivante (dans un tour de parole : personne suivante ; dans un tableau : zone suivante, puis séquence suivante)"
        ),
        Scope.ANYWHERE,
    ),
    LiveKey(
        PREVIOUS,
        _k(Key.Key_PageUp),
        tr_later("Page précédente"),
        tr_later(
            "Page précédente des consignes, puis séquence précédente (ou la page précédente de l'outil affiché)"
        ),
        Scope.ANYWHERE,
    ),
    LiveKey(
        NEXT,
        _k(Key.Key_Right),
        "→",
        tr_later(
            "Séquence suivante, comme Page suivante (sauf dans une liste, un tableau ou un champ)"
        ),
        Scope.NOT_MOVING,
    ),
    LiveKey(
        PREVIOUS,
        _k(Key.Key_Left),
        "←",
        tr_later(
            "Séquence précédente, comme Page précédente (sauf dans une liste, un tableau ou un champ)"
        ),
        Scope.NOT_MOVING,
    ),
    LiveKey(
        ROOM,
        _k(Key.Key_F5) + ((Key.Key_F5, Mod.ShiftModifier),),
        tr_later(tr_later("F5 ou Maj+F5")),
        tr_later("Afficher / masquer l'écran de salle"),
        Scope.ANYWHERE,
    ),
    LiveKey(
        LEAVE,
        _k(Key.Key_Escape),
        tr_later("Échap"),
        tr_later("Écran de salle : quitter le plein écran ; en fenêtre, la fermer"),
        Scope.ANYWHERE,
    ),
    LiveKey(
        TOGGLE,
        _k(Key.Key_Space),
        tr_later("Espace"),
        tr_later("Démarrer / mettre en pause le minuteur"),
        Scope.NOT_TYPING,
    ),
    LiveKey(
        BLANK,
        _k(Key.Key_B, Key.Key_Period),
        tr_later(tr_later("B ou .")),
        tr_later("Écran de salle noir (encore une fois pour revenir)"),
        Scope.NOT_TYPING,
    ),
    LiveKey(
        PLUS_FIVE,
        _k(Key.Key_Asterisk) + ((Key.Key_Plus, Mod.ShiftModifier | Mod.KeypadModifier),),
        "*",
        tr_later("Cinq minutes de plus (aussi Maj + « + » du pavé numérique)"),
        Scope.NOT_TYPING,
    ),
    LiveKey(
        PLUS_ONE,
        _k(Key.Key_Plus, Key.Key_Equal),
        "+",
        tr_later("Une minute de plus"),
        Scope.NOT_TYPING,
    ),
    LiveKey(MINUS_ONE, _k(Key.Key_Minus), "−", tr_later("Une minute de moins"), Scope.NOT_TYPING),
)

BY_ACTION = {live.action: live for live in reversed(LIVE_KEYS)}  # an action's first entry
_BLOCKING = Mod.ControlModifier | Mod.AltModifier | Mod.MetaModifier


def live_key_for(event: QKeyEvent) -> LiveKey | None:
    """The live key an event is, or None. The most specific declaration wins (Maj++ on the
    keypad is +5 before + is +1)."""
    mods = event.modifiers()
    if mods & _BLOCKING:
        return None
    best: tuple[int, LiveKey] | None = None
    for live in LIVE_KEYS:
        for key, needed in live.keys:
            if event.key() == key and (mods & needed) == needed:
                weight = bin(needed.value).count("1")
                if best is None or weight > best[0]:
                    best = (weight, live)
    return best[1] if best else None


def action_for(event: QKeyEvent) -> str | None:
    live = live_key_for(event)
    return live.action if live else None


def shortcuts_of(action: str) -> list[str]:
    """An action's keys as QKeySequence strings (the F5 menu action takes them)."""
    from PySide6.QtCore import QKeyCombination
    from PySide6.QtGui import QKeySequence

    return [
        QKeySequence(QKeyCombination(mods, key)).toString()
        for live in LIVE_KEYS
        if live.action == action
        for key, mods in live.keys
    ]


# --- a widget that uses a live key itself ---------------------------------------------------------
CLAIMS = "kitcop_live_claims"


def claim(widget: QWidget, *actions: str) -> None:
    """This widget, when it has focus, keeps these live keys for itself even during a run: the
    attendance list ticks the chosen person with Space while « Accueil café » runs."""
    widget.setProperty(CLAIMS, ",".join(actions))


def claims(widget: QWidget | None, action: str) -> bool:
    if widget is None:
        return False
    value = widget.property(CLAIMS)
    return bool(value) and action in str(value).split(",")


# --- what « a text field has focus » means -------------------------------------------------------
TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def is_text_field(widget: QWidget | None) -> bool:
    """A widget where a letter or a space is typed as text."""
    if widget is None:
        return False
    if isinstance(widget, TEXT_INPUTS):
        return not getattr(widget, "isReadOnly", lambda: False)()
    if isinstance(widget, QComboBox) and widget.isEditable():
        return True
    if isinstance(widget, QAbstractItemView):
        return widget.state() == QAbstractItemView.State.EditingState
    return False


def text_field_has_focus() -> bool:
    return is_text_field(QApplication.focusWidget())


def park_focus() -> None:
    """The run opened a tool: a text field that took the focus there (a board's post-it line)
    lets it go, so that the clicker's B, Space and « . » keep acting on the run. The
    facilitator clicks into the field (or presses Ctrl+N) to type."""
    widget = QApplication.focusWidget()
    if widget is not None and is_text_field(widget):
        widget.clearFocus()


ARROW_WIDGETS = (QAbstractItemView, QComboBox, QAbstractSlider, QAbstractSpinBox, QTabBar)


def moves_with_arrows(widget: QWidget | None) -> bool:
    """A widget where → and ← move something: a text field, a list, a combo, a board…"""
    if widget is None:
        return False
    return is_text_field(widget) or isinstance(widget, ARROW_WIDGETS + (QGraphicsView,))


# --- the filter ---------------------------------------------------------------------------------
class LiveKeyFilter(QObject):
    """Takes the live keys before the focused widget, in the given windows, while `active()`.

    `active()` -> bool says whether the layer is on; `run_exists()` -> bool whether a run is
    going (then every live key is taken, used or not); `route(action, event)` -> bool acts.
    """

    def __init__(self, parent: QObject, windows, active, run_exists, route) -> None:
        super().__init__(parent)
        self._windows = windows  # callable: the top-level widgets the layer serves
        self._active = active
        self._run_exists = run_exists
        self._route = route

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        # The event travels from the receiver up to its window and is looked at on each step:
        # a step that is not taken here decides the same way (routing that returns False has
        # no effect), so each key acts at most once.
        if obj.window() not in self._windows():
            return False  # a dialog, a menu, a popup: their keys are theirs
        live = live_key_for(event)
        if live is None or not self._active():
            return False
        focus = QApplication.focusWidget()
        typing = is_text_field(focus) or is_text_field(obj)
        if live.scope is Scope.NOT_TYPING and typing:
            return False  # the letter is typed
        if claims(focus, live.action) or claims(obj, live.action):
            return False  # the focused widget said it uses this key (see claim)
        if live.scope is Scope.NOT_MOVING and (moves_with_arrows(focus) or moves_with_arrows(obj)):
            return False  # the arrow moves in the list, the table, the text
        if live.action == LEAVE and (_cell_being_edited(focus) or _cell_being_edited(obj)):
            return False  # Échap first cancels the cell being edited
        # A held clicker button moves one séquence, not ten.
        handled = event.isAutoRepeat() or bool(self._route(live.action, event))
        if handled or self._run_exists():
            event.accept()
            return True
        return False


def _cell_being_edited(widget: QWidget | None) -> bool:
    """The widget is a table's or list's cell editor (or the view while it edits)."""
    w = widget
    while w is not None:
        if isinstance(w, QAbstractItemView):
            return w.state() == QAbstractItemView.State.EditingState
        w = w.parentWidget()
    return False
