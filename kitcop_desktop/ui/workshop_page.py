"""The workshop's own page: its frame (title, date, place, problématique…) and participants.

Every field is stored as it is typed (ui/autosave.py) and when it is left: there is no Save
button. Each change is one undoable command (a burst of typing in one field is one).
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.french import long_date
from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import workshops
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.long_text import LongText
from kitcop_desktop.ui.participants_view import ParticipantsView
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.widgets.visibility_badge import form_label

LEVEL_LABELS = {
    "information": tr_later("Information"),
    "consultation": tr_later("Consultation"),
    "co_construction": "Co-construction",
}
FIELD_NAMES = {
    "title": tr_later("le titre"),
    "date": tr_later("la date"),
    "start_time": tr_later("l'heure de début"),
    "end_time": tr_later("l'heure de fin"),
    "place": tr_later("le lieu"),
    "problem_statement": tr_later("la problématique"),
    "participation_level": tr_later("le degré de participation"),
    "facilitators": tr_later("l'équipe d'animation"),
    "notes": tr_later("les notes"),
}


class WorkshopPage(QWidget):
    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False

        self.heading = QLabel()
        self.heading.setObjectName("PageTitle")
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setObjectName("PageSubtitle")

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        Autosave(self.title_edit, lambda: self._save("title", self.title_edit.text()))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.no_date = QCheckBox(tr("date à préciser"))
        self.date_edit.editingFinished.connect(self._save_date)
        self.no_date.toggled.connect(self._save_date)
        self.start_edit = QTimeEdit()
        self.end_edit = QTimeEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        self.start_edit.editingFinished.connect(lambda: self._save_time("start_time"))
        self.end_edit.editingFinished.connect(lambda: self._save_time("end_time"))
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(200)
        Autosave(self.place_edit, lambda: self._save("place", self.place_edit.text()))
        self.problem_edit: LongText = LongText(
            lambda: self._save("problem_statement", self.problem_edit.toPlainText()),
            tr("Comment faire pour… alors que… ?"),
        )
        self.level_box = QComboBox()
        for key, label in LEVEL_LABELS.items():
            self.level_box.addItem(tr(label), key)
        self.level_box.activated.connect(
            lambda _i: self._save("participation_level", self.level_box.currentData())
        )
        self.facilitators_edit: LongText = LongText(
            lambda: self._save("facilitators", self.facilitators_edit.toPlainText()),
            tr("Qui anime, qui prend les notes…"),
            50,
        )
        self.notes_edit: LongText = LongText(
            lambda: self._save("notes", self.notes_edit.toPlainText()),
            tr("Notes privées de préparation (jamais sur l'écran de salle)"),
            60,
        )

        # The date and the hours on two rows: on one, « de 09:00 à 12:30 » ran off the right
        # edge of a 1024 px laptop.
        day = QHBoxLayout()
        day.addWidget(self.date_edit, 1)
        day.addWidget(self.no_date)
        hours = QHBoxLayout()
        hours.addWidget(QLabel(tr("de")))
        hours.addWidget(self.start_edit)
        hours.addWidget(QLabel(tr("à")))
        hours.addWidget(self.end_edit)
        hours.addStretch(1)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Titre"), self.title_edit)
        form.addRow(tr("Date"), day)
        form.addRow(tr("Horaires"), hours)
        form.addRow(tr("Lieu"), self.place_edit)
        form.addRow(form_label(tr("Problématique"), Visibility.ROOM), self.problem_edit)
        form.addRow(tr("Degré de participation"), self.level_box)
        form.addRow(tr("Animation"), self.facilitators_edit)
        form.addRow(form_label(tr("Notes"), Visibility.FACILITATOR), self.notes_edit)

        frame = QFrame()
        frame.setObjectName("Card")
        frame_layout = QVBoxLayout(frame)
        frame_layout.addLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(frame)

        self.participants = ParticipantsView(ctx)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(self.participants)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)  # the attendance list, ticked in the room, gets more
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(splitter, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    # --- where the typing was (ui/resume.py) ---------------------------------------------------
    def _typed_fields(self) -> dict[str, QWidget]:
        return {
            "title": self.title_edit,
            "place": self.place_edit,
            "problem_statement": self.problem_edit,
            "facilitators": self.facilitators_edit,
            "notes": self.notes_edit,
        }

    def field_spot(self, widget) -> tuple[None, str] | None:
        name = next((n for n, w in self._typed_fields().items() if w is widget), None)
        return None if name is None else (None, name)

    def restore_field(self, _item, name: str) -> QWidget | None:
        return self._typed_fields().get(name)

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area == "workshop" and workshop_id == self._ctx.workshop_id:
            self.reload()

    def reload(self) -> None:
        with self._ctx.store.read() as session:
            w = workshops.get(session, self._ctx.workshop_id)
            values = {key: getattr(w, key) for key in workshops.EDITABLE_FIELDS}
        self._loading = True
        try:
            self.heading.setText(values["title"])
            place = f" — {values['place']}" if values["place"] else ""
            self.subheading.setText(f"{long_date(values['date'])}{place}")
            if not self.title_edit.hasFocus():
                self.title_edit.setText(values["title"])
            self.no_date.setChecked(values["date"] is None)
            self.date_edit.setEnabled(values["date"] is not None)
            d = values["date"] or date.today()
            self.date_edit.setDate(QDate(d.year, d.month, d.day))
            for edit, key, default in (
                (self.start_edit, "start_time", time(9, 0)),
                (self.end_edit, "end_time", time(12, 30)),
            ):
                t = values[key] or default
                edit.setTime(QTime(t.hour, t.minute))
            if not self.place_edit.hasFocus():
                self.place_edit.setText(values["place"])
            self.problem_edit.set_value(values["problem_statement"])
            self.level_box.setCurrentIndex(
                max(0, self.level_box.findData(values["participation_level"]))
            )
            self.facilitators_edit.set_value(values["facilitators"])
            self.notes_edit.set_value(values["notes"])
        finally:
            self._loading = False

    # --- saving -------------------------------------------------------------------------------
    def _save(self, field: str, value) -> None:
        if self._loading:
            return
        wid = self._ctx.workshop_id
        with self._ctx.store.read() as session:
            if getattr(workshops.get(session, wid), field) == (
                value.strip() if isinstance(value, str) else value
            ):
                return
        result = self._ctx.push(
            tr("Modifier {what}").format(what=tr(FIELD_NAMES[field])),
            area="workshop",
            do=lambda s: workshops.update(s, wid, **{field: value}),
            undo=lambda s, previous: workshops.update(s, wid, **previous),
            redo=lambda s, previous: workshops.update(s, wid, **{field: value}),
        )
        if result is None:
            self.reload()  # bad input: show the stored value again

    def _save_date(self) -> None:
        if self._loading:
            return
        self.date_edit.setEnabled(not self.no_date.isChecked())
        value = None if self.no_date.isChecked() else self.date_edit.date().toPython()
        self._save("date", value)

    def _save_time(self, field: str) -> None:
        edit = self.start_edit if field == "start_time" else self.end_edit
        self._save(field, edit.time().toPython())
