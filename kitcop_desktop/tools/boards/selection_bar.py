"""The bar of actions on the selected cards and sous-thématiques (on the zones' line)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from kitcop_desktop.domain.palette import OKABE_ITO
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.ui import icons

if TYPE_CHECKING:
    from kitcop_desktop.tools.boards.selected_items import SelectedItems

COLOURS = [
    (tr_later("Couleur de la zone"), ""),
    (tr_later("Bleu"), OKABE_ITO["blue"]),
    (tr_later("Bleu ciel"), OKABE_ITO["sky"]),
    (tr_later("Vert"), OKABE_ITO["green"]),
    (tr_later("Jaune"), OKABE_ITO["yellow"]),
    (tr_later("Orange"), OKABE_ITO["orange"]),
    (tr_later("Vermillon"), OKABE_ITO["vermilion"]),
    (tr_later("Rose"), OKABE_ITO["purple"]),
]
HINT = tr_later(
    "Glissez un post-it sur un autre pour créer une sous-thématique · double-clic pour modifier "
    "· Suppr pour supprimer"
)


def _tool(text: str, icon: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setIcon(icons.icon(icon))
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    return button


class SelectionBar(QWidget):
    """Actions on the selected cards and clusters; a hint when nothing is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.label = QLabel("")
        self.label.setObjectName("PageSubtitle")
        self.group = _tool(tr("Regrouper"), "group", tr("Regrouper en sous-thématique"))
        self.dissolve = _tool(tr("Dissoudre"), "ungroup", tr("Dissoudre la sous-thématique"))
        self.merge = _tool(
            tr("Fusionner"),
            "merge",
            tr("Fusionner en un post-it (ils disent la même chose ; compté ×n)"),
        )
        self.colour = _tool(tr("Couleur"), "colour", tr("Couleur des post-it choisis"))
        self.colour.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.colour_menu = QMenu(self.colour)
        self.colour.setMenu(self.colour_menu)
        self.delete = _tool(tr("Supprimer"), "delete", tr("Supprimer (Suppr), annulable"))
        self.vote = _tool(tr("Envoyer au vote"), "voting", tr("Créer un vote par gommettes"))
        # Not `actions`: QWidget.actions() is Qt's list of the widget's QActions.
        self.to_actions = _tool(
            tr("Fiches actions"), "actions", tr("« On commence » → fiches actions")
        )
        row.addWidget(self.label)
        self.buttons = (
            self.group,
            self.merge,
            self.dissolve,
            self.colour,
            self.delete,
            self.vote,
            self.to_actions,
        )
        for b in self.buttons:
            row.addWidget(b)
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        """On a narrow window: icons only, and no hint (it would be cut)."""
        self.compact = compact
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        for b in self.buttons:
            b.setToolButtonStyle(style)

    def connect_to(self, selected: SelectedItems) -> None:
        # clicked(bool) would hand its « checked » False to a slot's first parameter (the new
        # sous-thématique's title became « False »): every slot is called without arguments.
        self.group.clicked.connect(lambda: selected.group())
        self.dissolve.clicked.connect(lambda: selected.dissolve())
        self.merge.clicked.connect(lambda: selected.merge())
        for label, value in COLOURS:
            self.colour_menu.addAction(tr(label), _recolour(selected, value))
        self.delete.clicked.connect(lambda: selected.delete())
        self.vote.clicked.connect(lambda: selected.send_to_vote())
        self.to_actions.clicked.connect(lambda: selected.start_to_actions())

    def show_selection(self, cards: int, clusters: int, editable: bool, kiss: bool) -> None:
        if cards or clusters:
            # Short: it shares the zones' line; the tooltip says it in full.
            n = cards + clusters
            self.label.setText(tr_n("{n} choisi :", "{n} choisis :", n).format(n=n))
            parts = []
            if cards:
                parts.append(tr_n("{n} post-it", "{n} post-it", cards).format(n=cards))
            if clusters:
                parts.append(
                    tr_n("{n} sous-thématique", "{n} sous-thématiques", clusters).format(n=clusters)
                )
            self.label.setToolTip(tr(" et ").join(parts))
        elif not editable:
            self.label.setText(tr("Vue combinée : lecture seule"))
        else:
            self.label.setText("")
        self.label.setMinimumWidth(self.label.sizeHint().width())  # never cut
        self.group.setEnabled(editable and cards > 0)
        self.dissolve.setEnabled(editable and clusters > 0)
        self.merge.setEnabled(editable and cards > 1)
        self.colour.setEnabled(editable and cards > 0)
        self.delete.setEnabled(editable and cards > 0)
        self.vote.setEnabled(cards > 0 or clusters > 0)
        self.to_actions.setVisible(kiss)
        self.to_actions.setEnabled(editable)


def _recolour(selected: SelectedItems, colour: str) -> Callable[[], None]:
    """The colour menu's entry: the chosen post-its take `colour` (never handed « checked »)."""

    def recolour() -> None:
        selected.recolour(colour)

    return recolour
