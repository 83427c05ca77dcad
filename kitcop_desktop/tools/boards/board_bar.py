"""The strip at the top of the boards tool: which board, new board, zoom, search, room spotlight.

It only emits what the facilitator asked for; the editor does the work (and the undo).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import icons


def _button(text: str, icon: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setIcon(icons.icon(icon))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    return button


class BoardBar(QWidget):
    board_chosen = Signal(object)  # ("board", id) or ("combined", kind)
    new_board = Signal(str)  # kind
    rename = Signal()
    delete = Signal()
    zoom = Signal(float)  # factor; 0 = fit
    search_changed = Signal(str)
    spotlight_chosen = Signal(str)  # "" / "zone:<key>" / "cluster:<id>"
    split_toggled = Signal(bool)  # chemin: « Séparer actions / ressentis »

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        row = self._first_row = QHBoxLayout()
        row.setSpacing(6)
        self._second_row = QHBoxLayout()
        self._second_row.setSpacing(6)
        rows.addLayout(row)
        rows.addLayout(self._second_row)
        # What looks at the board (search, zoom, the room's spotlight): beside the board's own
        # buttons, or under them on a narrow window (set_narrow).
        self.view_tools = QWidget()
        tools = QHBoxLayout(self.view_tools)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.setSpacing(6)
        self.narrow = False
        self.chooser = QComboBox()
        self.chooser.setToolTip(tr("Tableau affiché (un par sous-groupe, ou la vue combinée)"))
        self.chooser.activated.connect(lambda i: self.board_chosen.emit(self.chooser.itemData(i)))
        self.new_button = _button(tr("Nouveau tableau"), "new", tr("Créer un tableau (Ctrl+N)"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_menu = QMenu(self.new_button)
        self.new_button.setMenu(self.new_menu)
        self._offered: tuple[str, ...] = ()
        self.set_kinds_offered(tuple(KINDS))
        self.rename_button = _button(
            tr("Renommer"), "edit", tr("Renommer le tableau ou son sous-groupe")
        )
        self.rename_button.clicked.connect(self.rename)
        self.delete_button = _button(
            tr("Supprimer"), "delete", tr("Supprimer le tableau (annulable)")
        )
        self.delete_button.clicked.connect(self.delete)
        # The chemin de la rétrospective read from two angles: each zone in two lanes.
        self.split_button = _button(
            tr("Séparer actions / ressentis"),
            "template",
            tr("Chaque zone du chemin en deux : Actions et Ressentis (annulable)"),
        )
        self.split_button.setCheckable(True)
        self.split_button.setVisible(False)
        self.split_button.clicked.connect(self.split_toggled)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Rechercher un post-it (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(240)
        self.search.textChanged.connect(self.search_changed)
        self.found = QLabel("")
        self.found.setObjectName("PageSubtitle")
        self.found.hide()
        self._compact = False
        self._empty = False
        zoom_out = _button("", "zoom_out", tr("Dézoomer (Ctrl+molette)"))
        zoom_out.clicked.connect(lambda: self.zoom.emit(1 / 1.25))
        zoom_in = _button("", "zoom_in", tr("Zoomer (Ctrl+molette)"))
        zoom_in.clicked.connect(lambda: self.zoom.emit(1.25))
        fit = _button(tr("Ajuster"), "fit", tr("Tout le tableau dans la fenêtre"))
        fit.clicked.connect(lambda: self.zoom.emit(0.0))
        self.spotlight = QComboBox()
        self.spotlight.setToolTip(
            tr("Ce que l'écran de salle met en avant (PageSuivante / PagePrécédente du boîtier)")
        )
        self.spotlight.activated.connect(
            lambda i: self.spotlight_chosen.emit(self.spotlight.itemData(i) or "")
        )
        in_row: tuple[QWidget, ...] = (
            self.chooser,
            self.new_button,
            self.rename_button,
            self.delete_button,
            self.split_button,
        )
        for widget in in_row:
            row.addWidget(widget)
        row.addStretch(1)
        in_tools: tuple[QWidget, ...] = (self.search, self.found, zoom_out, zoom_in, fit)
        for widget in in_tools:
            tools.addWidget(widget)
        self.room_label = QLabel(tr("Salle :"))
        tools.addWidget(self.room_label)
        tools.addWidget(self.spotlight)
        row.addWidget(self.view_tools)
        # A long board name is elided in the box, never pushing the bar past the window.
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(9)
        self.search.setMinimumWidth(120)
        self.spotlight.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # Set once: Qt keeps a combo box's first minimum size hint (set_compact sets widths).
        self.spotlight.setMinimumContentsLength(8)
        self._board_widgets: list[QWidget] = [
            self.chooser,
            self.rename_button,
            self.delete_button,
            self.search,
            self.found,
            zoom_out,
            zoom_in,
            fit,
            self.room_label,
            self.spotlight,
        ]
        self._labelled = [
            (self.new_button, "Nouveau tableau"),
            (self.rename_button, "Renommer"),
            (self.delete_button, "Supprimer"),
            (fit, "Ajuster"),
        ]  # the split toggle keeps its words: no icon says « actions / ressentis »

    def show_found(self, text: str) -> None:
        """« 3 trouvés » beside the search field; no room taken while nothing is searched."""
        self.found.setText(text)
        self.found.setVisible(bool(text) and not self._empty)

    def set_kinds_offered(self, kinds: tuple[str, ...]) -> None:
        """« Nouveau tableau » lists these kinds in this order (domain.board_kinds.kinds_offered)."""
        if kinds == self._offered:
            return
        self._offered = kinds
        self.new_menu.clear()
        for key in kinds:
            self.new_menu.addAction(KINDS[key].label, self._new_board_of(key))

    def _new_board_of(self, kind: str) -> Callable[[], None]:
        """« Nouveau tableau › {kind} » (never handed « checked »)."""

        def new_board() -> None:
            self.new_board.emit(kind)

        return new_board

    def set_compact(self, compact: bool) -> None:
        """On a narrow window, buttons keep only their icon (their tooltip says what they do)."""
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        for button, _text in self._labelled:
            button.setToolButtonStyle(style)
        self.room_label.setVisible(not compact)
        # Compact, the combo boxes are as wide as so many letters; longer names are elided.
        self.chooser.setMinimumWidth(0 if compact else 260)
        self.spotlight.setMinimumWidth(0 if compact else 200)
        # A 1024 px laptop: every widget of the bar must fit, none drawn over its neighbour.
        self.split_button.setText(
            tr("Actions / ressentis") if compact else tr("Séparer actions / ressentis")
        )
        self.search.setMinimumWidth(100 if compact else 120)
        self._compact = compact

    def set_narrow(self, narrow: bool) -> None:
        """Beside the room screen on one screen (a 630 px tool): search, zoom and the room's
        spotlight take a second line instead of squeezing the board's buttons."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        (self._first_row if narrow else self._second_row).removeWidget(self.view_tools)
        (self._second_row if narrow else self._first_row).addWidget(self.view_tools)
        self.search.setMaximumWidth(16777215 if narrow else 240)

    def set_boards(self, entries: list[tuple[object, str]], current: object) -> None:
        """entries: (data, label); current: the data of the board shown."""
        if (entries, current) == getattr(self, "_boards_shown", None):
            return  # every post-it typed reloads the board: nothing to redo here
        self._boards_shown = (list(entries), current)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for data, label in entries:
            self.chooser.addItem(label, data)
        index = max(0, next((i for i, (d, _l) in enumerate(entries) if d == current), 0))
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)

    def set_spotlights(self, entries: list[tuple[str, str]], current: str) -> None:
        if (entries, current) == getattr(self, "_spotlights_shown", None):
            return
        self._spotlights_shown = (list(entries), current)
        self.spotlight.blockSignals(True)
        self.spotlight.clear()
        for value, label in entries:
            self.spotlight.addItem(label, value)
        values = [v for v, _l in entries]
        self.spotlight.setCurrentIndex(values.index(current) if current in values else 0)
        self.spotlight.blockSignals(False)

    def set_empty(self, empty: bool) -> None:
        """No board yet: the editor shows one big button per kind instead of this bar."""
        self._empty = empty
        shown: dict[QWidget, bool] = {
            self.room_label: not empty and not self._compact,  # compact: no « Salle : »
            self.found: not empty and bool(self.found.text()),
        }
        for widget in [*self._board_widgets, self.new_button]:
            # Each widget set once, to what it ends as: a hide-then-show relaid the bar out
            # on every post-it typed.
            visible = shown.get(widget, not empty)
            if widget.isHidden() == visible:
                widget.setVisible(visible)

    def set_editable(self, editable: bool) -> None:
        """The combined view is read-only: no rename, no delete."""
        self.rename_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)

    def set_split(self, shown: bool, checked: bool) -> None:
        """The toggle exists on a chemin board only; checked when its zones are split."""
        self.split_button.setVisible(shown)
        self.split_button.setChecked(checked)
