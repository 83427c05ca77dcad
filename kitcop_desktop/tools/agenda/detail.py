"""The selected séquence in full: every column, its tool link and its materials checklist.

The séquence's name, duration and « Heure fixée » stay at the top, always in view; the rest (its
type, tool, long texts and checklist) scrolls below them on a short laptop screen (1366×768).
The title and the long texts are stored as typed (ui/autosave.py), the others when left (or on
Enter), each as one undoable change; bad input puts the stored value back and the status line
says why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.agenda_templates import KIND_LABELS, TOOL_LABELS
from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import agenda, agenda_links
from kitcop_desktop.tools.agenda.model import Row, update_field
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.long_text import LongText
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.widgets.number_field import NumberField
from kitcop_desktop.ui.widgets.visibility_badge import form_label


def _narrow_form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # A narrow panel: each label above its field, nothing cut on the right.
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    return form


class SequenceDetail(QWidget):
    ticked = Signal()

    def __init__(self, ctx: ToolContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row: Row | None = None
        self._loading = False
        self.setMinimumWidth(220)
        panel = QVBoxLayout(self)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(0)
        top = QWidget()
        outer = QVBoxLayout(top)
        outer.setContentsMargins(9, 6, 9, 4)
        self.heading = QLabel(tr("Aucune séquence choisie"))
        self.heading.setObjectName("PageSubtitle")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        form = _narrow_form()
        outer.addLayout(form)
        panel.addWidget(top)
        # Below the times, what scrolls: the long texts grow with what they hold.
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        panel.addWidget(rule)
        panel.addWidget(self.scroll_area, 1)
        body = QWidget()
        self.scroll_area.setWidget(body)
        lower = QVBoxLayout(body)
        lower.setContentsMargins(9, 4, 9, 9)

        self.title = QLineEdit()
        self.title.setMaxLength(400)
        self.title_autosave = Autosave(self.title, lambda: self._store("title", self.title.text()))
        form.addRow(tr("Séquence"), self.title)

        self.minutes = NumberField(
            1, agenda.MAX_MINUTES, "Une séquence dure au plus {maximum} minutes.", suffix=" min"
        )
        self.minutes.refused.connect(ctx.show_message)
        self.minutes.setAccelerated(True)
        self.minutes.editingFinished.connect(
            lambda: self._store("duration_minutes", self.minutes.value())
        )
        form.addRow(tr("Durée"), self.minutes)

        self.pin = QLineEdit()
        self.pin.setPlaceholderText(tr("calculée (ex. 12:00)"))
        self.pin.setToolTip(tr("Laissez vide pour que l'heure suive la séquence précédente."))
        self.pin.editingFinished.connect(lambda: self._store("pinned_start", self.pin.text()))
        form.addRow(tr("Heure fixée"), self.pin)
        form = _narrow_form()
        lower.addLayout(form)

        self.kind = QComboBox()
        for key, label in KIND_LABELS.items():
            self.kind.addItem(label, key)
        self.kind.activated.connect(lambda _i: self._store("kind", self.kind.currentData()))
        form.addRow(tr("Type"), self.kind)

        self.tool = QComboBox()
        for key, label in TOOL_LABELS.items():
            self.tool.addItem(label, key)
        self.tool.setToolTip(tr("Lancer cette séquence ouvre cet outil."))
        for combo in (self.kind, self.tool):
            # Long labels must not widen the narrow panel past its edge.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.tool.activated.connect(lambda _i: self._store("tool_key", self.tool.currentData()))
        form.addRow(tr("Outil lié"), self.tool)

        self.tool_item = QComboBox()
        self.tool_item.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tool_item.setMinimumContentsLength(8)
        self.tool_item.setToolTip(
            tr("Le tableau, le vote, le bocal ou le tour de parole à ouvrir.")
        )
        self.tool_item.activated.connect(
            lambda _i: self._store("tool_ref", self.tool_item.currentData())
        )
        form.addRow(tr("Élément ouvert"), self.tool_item)

        self.intention = self._text_field(form, tr("Objectif – intention"), "intention", 70)
        self.instructions = self._text_field(
            form, tr("Consignes"), "instructions", 140, Visibility.ROOM
        )
        self.instructions.setToolTip(tr("Projetées sur l'écran de salle."))
        self.notes = self._text_field(
            form, tr("Notes pour l'animateur·rice"), "facilitator_notes", 90, Visibility.FACILITATOR
        )
        self.notes.setPlaceholderText(
            tr(
                "Points à dire, variantes… Jamais projetées, ni dans le programme des participant·es."
            )
        )
        self.materials = self._text_field(form, tr("Matériel / config salle"), "materials", 80)
        self.materials.setPlaceholderText(
            tr("Un élément par ligne : il devient une case à cocher.")
        )

        check_label = QLabel(tr("Préparation (cochez ce qui est prêt)"))
        check_label.setObjectName("PageSubtitle")
        check_label.setWordWrap(True)
        lower.addWidget(check_label)
        self.checklist = QListWidget()
        self.checklist.setMinimumHeight(80)
        self.checklist.itemChanged.connect(self._on_tick)
        lower.addWidget(self.checklist)
        lower.addStretch(1)
        self.set_row(None)

    def _text_field(
        self, form: QFormLayout, label: str, field: str, height: int, visibility=None
    ) -> LongText:
        # Stored after a short pause in typing and when left: a kill loses nothing typed.
        edit: LongText = LongText(
            lambda: self._store(field, edit.toPlainText()), height=height, grows=True
        )
        form.addRow(form_label(label, visibility) if visibility else label, edit)
        return edit

    # --- showing -----------------------------------------------------------------------------
    def set_row(self, row: Row | None) -> None:
        if self.row is not None and (row is None or row.id != self.row.id):
            self.title_autosave.flush()  # what was typed belongs to the séquence shown until now
            for edit in (self.intention, self.instructions, self.notes, self.materials):
                edit.flush()
        self.row = row
        self._loading = True
        try:
            enabled = row is not None
            for w in (
                self.title,
                self.minutes,
                self.pin,
                self.kind,
                self.tool,
                self.tool_item,
                self.intention,
                self.instructions,
                self.notes,
                self.materials,
                self.checklist,
            ):
                w.setEnabled(enabled)
            if row is None:
                self.heading.setText(
                    tr("Choisissez une séquence dans le tableau pour la détailler.")
                )
                self.title_autosave.show("")
                self.pin.clear()
                for w in (self.intention, self.instructions, self.notes, self.materials):
                    w.set_value("")
                self.checklist.clear()
                return
            self.heading.setText(tr("Séquence {title}").format(title=row.title))
            self.title_autosave.show(row.title)
            self.minutes.setValue(row.minutes)
            from kitcop_desktop.domain.schedule import clock_text

            self.pin.setText(clock_text(row.start) if row.pinned else "")
            self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
            self.tool.setCurrentIndex(max(0, self.tool.findData(row.tool_key)))
            self._fill_tool_items(row)
            for edit, value in (
                (self.intention, row.intention),
                (self.instructions, row.instructions),
                (self.notes, row.facilitator_notes),
                (self.materials, row.materials),
            ):
                edit.set_value(value)
            ticked = set(agenda.material_lines(row.ticked))
            lines = agenda.material_lines(row.materials)
            shown = [self.checklist.item(i).text() for i in range(self.checklist.count())]
            if shown != lines:
                # Rebuilt only when the lines change: a tick must not delete its own item.
                self.checklist.clear()
                for line in lines:
                    item = QListWidgetItem(line)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    self.checklist.addItem(item)
            for i, line in enumerate(lines):
                state = Qt.CheckState.Checked if line in ticked else Qt.CheckState.Unchecked
                if self.checklist.item(i).checkState() != state:
                    self.checklist.item(i).setCheckState(state)
            self.checklist.setVisible(self.checklist.count() > 0)
        finally:
            self._loading = False

    def _fill_tool_items(self, row: Row) -> None:
        with self.ctx.store.read() as session:
            choices = agenda_links.link_choices(session, self.ctx.workshop_id, row.tool_key)
        self.tool_item.clear()
        self.tool_item.addItem(tr("Au choix à l'ouverture"), None)
        for item_id, label in choices:
            self.tool_item.addItem(label, item_id)
        index = self.tool_item.findData(row.tool_ref) if row.tool_ref is not None else 0
        self.tool_item.setCurrentIndex(max(0, index))
        self.tool_item.setEnabled(bool(choices))

    # --- storing -----------------------------------------------------------------------------
    def _store(self, field: str, value) -> None:
        if self._loading or self.row is None:
            return
        if not update_field(self.ctx, self.row.id, field, value):
            self.set_row(self.row)  # refused: show the stored value again

    def _on_tick(self, item: QListWidgetItem) -> None:
        if self._loading or self.row is None:
            return
        sid, line = self.row.id, item.text()
        on = item.checkState() == Qt.CheckState.Checked
        self.ctx.push(
            tr("Cocher le matériel") if on else tr("Décocher le matériel"),
            area="agenda",
            do=lambda s: agenda.tick_material(s, sid, line, on),
            undo=lambda s, before: agenda.tick_material(s, sid, line, before),
        )
