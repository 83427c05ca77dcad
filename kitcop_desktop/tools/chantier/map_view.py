"""The cartographie des acteurs on screen (kit Brique 1-2): the map, its legend, and beside it
who has been met and who is missing from the workshops.

Keys on the map: Inser or Ctrl+N add an actor, F2 or Entrée edit the selected one, Suppr
delete it, the arrows move it (Maj: finely), Tab / Maj+Tab go from actor to actor, I switches
its influence mark, L links it by hand to participants, interviews or pilots. Every gesture (a drag included, whatever it carried) is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.stakeholder_map import (
    CATEGORIES,
    CATEGORY_COLOURS,
    INFLUENCE_COLOUR,
    INFLUENCE_LABEL,
    INFLUENCE_MARK,
    ZONES,
    Encounter,
)
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.storage import stakeholder_map
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.storage.stakeholder_map import ActorRow
from kitcop_desktop.tools.chantier.map_scene import ActorItem, MapScene
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.row_list import Row, RowList

AREA = "stakeholders"
STEP = 0.04
FINE_STEP = 0.01
KEY_HELP = tr_later(
    "Glisser\u00a0: placer · Inser\u00a0: ajouter · F2\u00a0: modifier · Suppr\u00a0: retirer · "
    "flèches\u00a0: déplacer · Tab\u00a0: acteur suivant · I\u00a0: influence · L\u00a0: lier à "
    "des personnes rencontrées"
)


class ActorDialog(QDialog):
    """Name, structure, category, influence (and, for a new actor, its zone)."""

    def __init__(self, parent: QWidget, title: str, row: ActorRow | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QLineEdit(row.name if row else "")
        self.name.setPlaceholderText(tr("Ex.\u00a0: CAPEB Rhône, Claire Dubois…"))
        self.structure = QLineEdit(row.structure if row else "")
        self.structure.setPlaceholderText(tr("Sa structure, si le nom est celui d'une personne"))
        self.category = QComboBox()
        for code, label in CATEGORIES.items():
            self.category.addItem(label, code)
        if row is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(row.category)))
        self.influential = QCheckBox(f"{INFLUENCE_MARK} {tr(INFLUENCE_LABEL)}")
        self.influential.setChecked(bool(row and row.influential))
        form = QFormLayout(self)
        form.addRow(tr("Nom\u00a0:"), self.name)
        form.addRow(tr("Structure\u00a0:"), self.structure)
        form.addRow(tr("Catégorie\u00a0:"), self.category)
        form.addRow("", self.influential)
        self.zone: QComboBox | None = None
        if row is None:
            self.zone = QComboBox()
            for index, zone in enumerate(ZONES):
                self.zone.addItem(zone, index)
            self.zone.setCurrentIndex(len(ZONES) - 1)
            form.addRow(tr("Zone\u00a0:"), self.zone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "structure": self.structure.text(),
            "category": self.category.currentData(),
            "influential": self.influential.isChecked(),
        }


class MapView(QGraphicsView):
    """The map, fitted to its room, driven by the keys the module's docstring lists."""

    key_action = Signal(str)  # add, edit, delete, influence
    nudge = Signal(float, float)

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor("white"))
        self.setMinimumSize(320, 260)
        self.setAccessibleName(tr("Carte des acteurs"))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        scene = self.scene()
        if isinstance(scene, MapScene):
            scene.set_scale(self.transform().m11())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = Qt.Key(event.key())
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        step = FINE_STEP if mods & Qt.KeyboardModifier.ShiftModifier else STEP
        arrows = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if key == Qt.Key.Key_Insert or (ctrl and key == Qt.Key.Key_N):
            self.key_action.emit("add")
        elif key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_action.emit("edit")
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.key_action.emit("delete")
        elif key == Qt.Key.Key_I and not ctrl:
            self.key_action.emit("influence")
        elif key == Qt.Key.Key_L and not ctrl:
            self.key_action.emit("link")
        elif key in arrows and not ctrl:
            self.nudge.emit(*arrows[key])
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.key_action.emit("previous" if key == Qt.Key.Key_Backtab else "next")
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, _next: bool) -> bool:  # noqa: N802 - Qt API
        return False  # Tab goes from actor to actor (Ctrl+Tab leaves the map)


def legend() -> QWidget:
    """The map's legend, one entry a line, at the top of the column beside the map (on a
    1024 × 768 screen the map keeps the height a line above it would take)."""
    box = QWidget()
    row = QVBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 6)
    row.setSpacing(2)
    for code, label in CATEGORIES.items():
        chip = QLabel(f"● {label}")
        theme.style(chip, theme.bold_words(CATEGORY_COLOURS[code]))
        chip.setWordWrap(True)
        row.addWidget(chip)
    mark = QLabel(f"{INFLUENCE_MARK} {tr(INFLUENCE_LABEL)}")
    theme.style(mark, theme.bold_words(INFLUENCE_COLOUR))
    mark.setWordWrap(True)
    row.addWidget(mark)
    said = tr("plein\u00a0: venu à un atelier · pointillés\u00a0: absent des ateliers")
    met = QLabel(said.replace(" · ", "\n"))
    met.setObjectName("PageSubtitle")
    met.setWordWrap(True)
    row.addWidget(met)
    for entry in box.findChildren(QLabel):
        # As tall as its lines at the column's width (ui/narrow_text.py sees to it).
        entry.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box


class StakeholderMapTab(QWidget):
    """The tab « Acteurs » of the chantier page."""

    print_requested = Signal()

    def __init__(self, ctx, chantier_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.chantier_id = chantier_id
        self.rows: list[ActorRow] = []
        self.met: dict[int, Encounter] = {}
        self.scene = MapScene(self)
        self.scene.moved.connect(self.move_actors)
        self.scene.selectionChanged.connect(self._show_selection)
        self.view = MapView(self.scene)
        self.view.key_action.connect(self._key_action)
        self.view.nudge.connect(self.nudge)

        self.add_button = QPushButton(icon("new"), tr("Ajouter un acteur…"))
        self.add_button.setToolTip(tr("Un acteur de plus sur la carte (Inser)"))
        self.add_button.clicked.connect(self.ask_add)
        self.edit_button = QPushButton(icon("edit"), tr("Modifier…"))
        self.edit_button.setToolTip(
            tr("Nom, structure, catégorie, influence de l'acteur choisi (F2)")
        )
        self.edit_button.clicked.connect(self.ask_edit)
        self.link_button = QPushButton(icon("link"), tr("Lier…"))
        self.link_button.setToolTip(
            tr(
                "Les participant·es, entretiens ou pilotes qui sont l'acteur choisi sous un autre "
                "nom (L)"
            )
        )
        self.link_button.clicked.connect(self.ask_link)
        self.delete_button = QPushButton(icon("delete"), tr("Retirer"))
        self.delete_button.setToolTip(tr("Retirer de la carte les acteurs choisis (Suppr)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.paste_button = QPushButton(icon("paste"), tr("Coller une liste"))
        self.paste_button.setToolTip(
            tr(
                "Des acteurs copiés d'un tableur, un par ligne\u00a0: nom, structure, catégorie "
                "(public, privé, para-public), influence (oui)"
            )
        )
        self.paste_button.clicked.connect(self.paste_clipboard)
        self.print_button = QPushButton(icon("pdf"), tr("Imprimer la carte (A3)…"))
        self.print_button.clicked.connect(self.print_requested.emit)
        bar = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.link_button,
            self.delete_button,
            self.paste_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        theme.style(self.summary, theme.BOLD)
        self.detail = QLabel(
            tr("Choisissez un acteur sur la carte pour voir où il a été rencontré.")
        )
        self.detail.setWordWrap(True)
        self.detail.setObjectName("PageSubtitle")
        self.missing_title = QLabel(tr("Absents des ateliers"))
        self.missing_title.setWordWrap(True)
        theme.style(self.missing_title, theme.BOLD)
        self.missing = RowList()
        self.missing.setToolTip(tr("Entrée\u00a0: le montrer sur la carte"))
        self.missing.activated.connect(lambda _index: self._focus_listed())
        self.off_title = QLabel(tr("Venus aux ateliers, pas sur la carte"))
        self.off_title.setWordWrap(True)
        theme.style(self.off_title, theme.BOLD)
        self.off_map = RowList()
        self.off_map.setToolTip(tr("Entrée ou double-clic\u00a0: l'ajouter à la carte"))
        self.off_map.activated.connect(lambda _index: self._add_listed())
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 0, 0, 0)
        column.addWidget(legend())
        column.addWidget(self.summary)
        column.addWidget(self.detail)
        column.addWidget(self.missing_title)
        column.addWidget(self.missing, 1)
        column.addWidget(self.off_title)
        column.addWidget(self.off_map, 1)
        side.setMinimumWidth(224)

        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        keys = QLabel(tr(KEY_HELP))
        keys.setObjectName("PageSubtitle")
        keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(keys)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.view)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste_clipboard)

    # ------------------------------------------------------------------------------- reading
    def reload(self) -> None:
        try:
            with self.ctx.store.read() as s:
                self.rows = stakeholder_map.rows(s, self.chantier_id)
                self.met = stakeholder_map.encounters(s, self.chantier_id)
                off = stakeholder_map.structures_off_the_map(s, self.chantier_id)
        except StoreError:
            return
        self.scene.show_actors(self.rows, self.met)
        came = [r for r in self.rows if self.met.get(r.id, Encounter()).workshops]
        self.summary.setText(
            tr_n("{n} acteur sur la carte", "{n} acteurs sur la carte", len(self.rows)).format(
                n=len(self.rows)
            )
            + " · "
            + tr_n("{n} venu aux ateliers", "{n} venus aux ateliers", len(came)).format(n=len(came))
            if self.rows
            else tr("Aucun acteur sur la carte\u00a0: Inser pour en ajouter un.")
        )
        # Rows changed in place: the one chosen stays chosen after an edit or an undo.
        self.missing.set_rows(
            [
                Row(row.label, key=row.id, tooltip=self.met.get(row.id, Encounter()).summary())
                for row in self.rows
                if not self.met.get(row.id, Encounter()).workshops
            ]
        )
        self.missing_title.setText(
            tr("Absents des ateliers ({value})").format(value=self.missing.count())
        )
        self.off_map.set_rows([Row(structure, key=structure) for structure in off])
        self.off_title.setText(
            tr("Venus aux ateliers, pas sur la carte ({count})").format(count=len(off))
        )
        self._show_selection()

    def row(self, actor_id: int) -> ActorRow | None:
        return next((r for r in self.rows if r.id == actor_id), None)

    def _show_selection(self) -> None:
        ids = self.scene.selected_ids()
        has = bool(ids)
        self.edit_button.setEnabled(len(ids) == 1)
        self.link_button.setEnabled(len(ids) == 1)
        self.delete_button.setEnabled(has)
        if len(ids) == 1 and (row := self.row(ids[0])) is not None:
            met = self.met.get(row.id, Encounter())
            linked = (
                "\n" + tr("Lié à\u00a0: {names}").format(names=", ".join(row.aliases))
                if row.aliases
                else ""
            )
            self.detail.setText(
                f"{row.label}\n{CATEGORIES.get(row.category, '')} · {ZONES[row.zone]}\n"
                f"{met.summary()}{linked}"
            )
        elif has:
            self.detail.setText(tr("{n} acteurs choisis").format(n=len(ids)))

    def _focus_listed(self) -> None:
        actor_id = self.missing.current_key()
        if actor_id is not None:
            self.scene.select_only(actor_id)
            self.view.setFocus()

    # ------------------------------------------------------------------------------- changes
    def add(self, values: dict, zone: int = len(ZONES) - 1) -> int | None:
        def do(s):
            return stakeholder_map.add(s, self.chantier_id, zone=zone, **values).id

        result = self.ctx.push(
            tr("Ajouter «\u00a0{name}\u00a0» à la carte").format(
                name=values.get("name", "").strip()[:40]
            ),
            area=AREA,
            do=do,
            undo=lambda s, actor_id: stakeholder_map.delete(s, actor_id),
        )
        return None if result is None else int(result)

    def ask_add(self, preset: dict | None = None) -> None:
        dialog = ActorDialog(self, tr("Ajouter un acteur"))
        if preset:
            dialog.name.setText(preset.get("name", ""))
            dialog.structure.setText(preset.get("structure", ""))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            zone = dialog.zone.currentData() if dialog.zone else len(ZONES) - 1
            actor_id = self.add(dialog.values(), zone)
            if actor_id is not None:
                self.reload()
                self.scene.select_only(actor_id)
                self.view.setFocus()

    def _add_listed(self) -> None:
        structure = self.off_map.current_key()
        if structure is not None:
            self.ask_add({"name": structure})

    def edit(self, actor_id: int, **fields) -> bool:
        row = self.row(actor_id)
        name = row.name if row else ""
        return (
            self.ctx.push_update(
                tr("Modifier «\u00a0{name}\u00a0»").format(name=name[:40]),
                AREA,
                stakeholder_map.update,
                actor_id,
                **fields,
            )
            is not None
        )

    def ask_edit(self) -> None:
        ids = self.scene.selected_ids()
        if len(ids) != 1 or (row := self.row(ids[0])) is None:
            return
        dialog = ActorDialog(self, "Modifier l'acteur", row)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            changed = {k: v for k, v in values.items() if getattr(row, k) != v}
            if changed:
                self.edit(row.id, **changed)

    def link(self, actor_id: int, names: list[str]) -> bool:
        """Link the actor by hand to these names (one undo step)."""
        row = self.row(actor_id)
        name = row.name if row else ""
        return (
            self.ctx.push(
                tr("Lier «\u00a0{name}\u00a0»").format(name=name[:40]),
                area=AREA,
                do=lambda s: stakeholder_map.set_aliases(s, actor_id, names),
                undo=lambda s, previous: stakeholder_map.update(s, actor_id, **previous),
            )
            is not None
        )

    def ask_link(self) -> None:
        from kitcop_desktop.tools.chantier.link_dialog import LinkDialog

        ids = self.scene.selected_ids()
        if len(ids) != 1 or (row := self.row(ids[0])) is None:
            return
        try:
            with self.ctx.store.read() as s:
                found = stakeholder_map.candidates(s, self.chantier_id)
        except StoreError as exc:
            self.ctx.show_message(str(exc))
            return
        dialog = LinkDialog(self, row, found)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            names = dialog.names()
            if [n.casefold() for n in names] != [a.casefold() for a in row.aliases]:
                self.link(row.id, names)

    def toggle_influence(self) -> None:
        ids = self.scene.selected_ids()
        if len(ids) == 1 and (row := self.row(ids[0])) is not None:
            self.edit(row.id, influential=not row.influential)

    def move_actors(self, moves: list) -> bool:
        """One undo step for what one gesture moved (a drag of several actors included)."""
        if not moves:
            return False
        first = self.row(moves[0][0])
        text = (
            tr("Déplacer «\u00a0{name}\u00a0»").format(name=first.name[:40])
            if len(moves) == 1 and first
            else tr("Déplacer {count} acteurs").format(count=len(moves))
        )

        def do(s):
            return [(aid, stakeholder_map.move(s, aid, x, y)) for aid, x, y in moves]

        def undo(s, previous):
            for aid, place in previous:
                stakeholder_map.update(s, aid, **place)

        if self.ctx.push(text, area=AREA, do=do, undo=undo) is None:
            self.reload()  # refused: the items go back where the store has them
            return False
        return True

    def nudge(self, dx: float, dy: float) -> None:
        moves = []
        for actor_id in self.scene.selected_ids():
            row = self.row(actor_id)
            if row is not None:
                moves.append((actor_id, row.x + dx, row.y + dy))
        if moves and self.move_actors(moves):
            self.reload()

    def delete_selected(self) -> None:
        ids = self.scene.selected_ids()
        if not ids:
            return
        first = self.row(ids[0])
        text = (
            tr("Retirer «\u00a0{name}\u00a0» de la carte").format(name=first.name[:40])
            if len(ids) == 1 and first
            else tr("Retirer {count} acteurs de la carte").format(count=len(ids))
        )

        def undo(s, snapshots):
            for snapshot in snapshots:
                stakeholder_map.recreate(s, snapshot)

        self.ctx.push(text, area=AREA, do=lambda s: stakeholder_map.delete_many(s, ids), undo=undo)

    def paste_text(self, text: str) -> int:
        def do(s):
            return stakeholder_map.paste(s, self.chantier_id, text)

        result = self.ctx.push(
            tr("Coller des acteurs"),
            area=AREA,
            do=do,
            undo=lambda s, pasted: stakeholder_map.delete_many(s, pasted.ids),
        )
        if result is None:
            return 0
        count = len(result.ids)
        message = tr_n("{n} acteur ajouté à la carte", "{n} acteurs ajoutés à la carte", count)
        message = message.format(n=count)
        if result.skipped:
            skipped = tr_n("{n} déjà présent", "{n} déjà présents", result.skipped)
            message += " (" + skipped.format(n=result.skipped) + ")"
        self.ctx.show_message(message + ".")
        return count

    def paste_clipboard(self) -> None:
        self.paste_text(QApplication.clipboard().text())

    def _key_action(self, action: str) -> None:
        if action == "add":
            self.ask_add()
        elif action == "edit":
            self.ask_edit()
        elif action == "delete":
            self.delete_selected()
        elif action == "influence":
            self.toggle_influence()
        elif action == "link":
            self.ask_link()
        elif action in ("next", "previous"):
            self._step_selection(1 if action == "next" else -1)

    def _step_selection(self, direction: int) -> None:
        if not self.rows:
            return
        ids = [r.id for r in self.rows]
        chosen = self.scene.selected_ids()
        at = ids.index(chosen[0]) if chosen and chosen[0] in ids else -direction
        self.scene.select_only(ids[(at + direction) % len(ids)])
        item: ActorItem | None = self.scene.items_by_id.get(ids[(at + direction) % len(ids)])
        if item is not None:
            self.view.ensureVisible(QRectF(item.sceneBoundingRect()), 20, 20)

    def new_item(self) -> None:
        self.ask_add()
