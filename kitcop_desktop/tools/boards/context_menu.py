"""Right-click on a post-it or a sous-thématique: what can be done with it, in one menu.

The menu acts on the selection (a right-click on a post-it outside it chooses that post-it
alone, as a file manager does); each entry is the same undoable gesture as its button or key.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QMenu, QWidget

from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.boards.angles import CHOICES as ANGLE_CHOICES
from kitcop_desktop.tools.boards.items import CardItem, ClusterItem
from kitcop_desktop.tools.boards.selection_bar import COLOURS

if TYPE_CHECKING:
    from kitcop_desktop.tools.boards.board_data import BoardData
    from kitcop_desktop.tools.boards.card_gestures import CardGestures
    from kitcop_desktop.tools.boards.selected_items import SelectedItems


def is_menu_key(event: QKeyEvent) -> bool:
    """The keys that open the menu of what is chosen: the Menu key, Maj+F10."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Menu:
        return mods == Qt.KeyboardModifier.NoModifier
    return event.key() == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier


_KEY_MENU = {"sending": False, "closed": 0.0}  # the last menu opened by open_keyboard_menu


def open_keyboard_menu(view: QGraphicsView) -> None:
    """What the platform does for the Menu key on X11: a keyboard context-menu event on the
    board (BoardView opens the menu of the chosen post-its)."""
    if QApplication.activePopupWidget() is not None:
        return  # the platform's own menu for this press is open already
    where = QPoint(5, 5)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, where, view.viewport().mapToGlobal(where)
    )
    _KEY_MENU["sending"] = True
    try:
        QApplication.sendEvent(view.viewport(), event)
    finally:
        _KEY_MENU["sending"] = False
        _KEY_MENU["closed"] = time.monotonic()


def is_echo(event: QContextMenuEvent) -> bool:
    """A platform's own keyboard context-menu event for the press open_keyboard_menu has just
    answered (Windows sends one for Maj+F10 too): one menu per press, not two."""
    return (
        event.reason() == QContextMenuEvent.Reason.Keyboard
        and not _KEY_MENU["sending"]
        and time.monotonic() - _KEY_MENU["closed"] < 0.3
    )


def _with(slot: Callable[[str], Any], value: str) -> Callable[[], None]:
    """`slot(value)` for a menu entry (never handed « checked »)."""

    def call() -> None:
        slot(value)

    return call


def _add(
    menu: QMenu,
    text: str,
    slot: Callable[[], Any],
    *,
    enabled: bool = True,
    shortcut: str = "",
) -> QAction:
    action = menu.addAction(text, lambda: slot())  # never handed « checked »
    action.setEnabled(enabled)
    if shortcut:
        action.setShortcut(shortcut)  # shown, not bound: the board's keys do the work
    return action


def board_menu(
    selected: SelectedItems,
    gestures: CardGestures,
    data: BoardData,
    item: CardItem | ClusterItem,
    parent: QWidget,
) -> QMenu:
    """The menu for a right-click on `item` (a CardItem or a ClusterItem)."""
    if not item.isSelected():
        selected.scene.clearSelection()
        item.setSelected(True)
    editable = not data.combined
    cards = selected.cards()
    clusters = selected.clusters()
    menu = QMenu(parent)
    if isinstance(item, CardItem):
        card = item.card
        _add(menu, "Modifier", lambda: gestures.edit_card(card.id), enabled=editable, shortcut="F2")
        if data.kind == "retro_path":
            angles = menu.addMenu(tr("Angle"))
            angles.setEnabled(editable)
            for key, label, keys in ANGLE_CHOICES:
                action = angles.addAction(
                    tr("{label}\t{keys}").format(label=label, keys=keys),
                    _with(selected.set_angle, key),
                )
                action.setCheckable(True)
                action.setChecked(len(cards) == 1 and card.angle == key)
        colours = menu.addMenu(tr("Couleur"))
        colours.setEnabled(editable)
        for label, value in COLOURS:
            colours.addAction(label, _with(selected.recolour, value))
        if len(cards) > 1:
            _add(menu, tr("Regrouper en sous-thématique"), selected.group, enabled=editable)
            _add(menu, tr("Fusionner (ils disent la même chose)"), selected.merge)
    else:
        cluster = item.cluster
        _add(menu, "Renommer", lambda: gestures.edit_cluster(cluster.id), enabled=editable)
        folded = "Déplier" if cluster.collapsed else "Replier"
        _add(menu, folded, lambda: gestures.toggle_cluster(cluster.id), enabled=editable)
        _add(menu, tr("Dissoudre la sous-thématique"), selected.dissolve, enabled=editable)
    menu.addSeparator()
    _add(menu, tr("Envoyer au vote"), selected.send_to_vote)
    if data.kind == "kiss":
        starts = [c for c in cards if c.zone == "start"] + [
            k for k in clusters if k.zone == "start"
        ]
        done = all(getattr(x, "fiche", 0) for x in starts) if starts else False
        label = tr("« On commence » → fiche action") + (tr(" (déjà faite)") if done else "")
        _add(menu, label, selected.start_to_actions, enabled=editable and bool(starts) and not done)
    if isinstance(item, CardItem):
        menu.addSeparator()
        _add(menu, "Supprimer", selected.delete, enabled=editable, shortcut="Suppr")
    return menu
