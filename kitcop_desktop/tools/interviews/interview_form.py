"""The interview's card (fiche): who, where, when, with which guide; the real name kept apart.

The text fields are stored as typed (ui/autosave.py), the others when changed: one undo step
per field and burst of typing. The real name is masked until
« Afficher » is pressed, and its field says it is never printed nor exported.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.interview_guides import PLANNED_MINUTES_MAX, PLANNED_MINUTES_MIN
from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import interviews
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.widgets.number_field import NumberField
from kitcop_desktop.ui.widgets.visibility_badge import form_label

NO_DATE = QDate(2000, 1, 1)
# The kit's « Aides pour mener un entretien », as a reminder next to the card.
TRAME_ADVICE = tr_later(
    "<b>Trame conseillée par le kit</b> : une courte introduction ; dire ce qui sera fait de la "
    "parole (anonymat, synthèse) ; laisser la personne poser ses questions ; les questions "
    "du guide ; un temps de parole libre ; une clôture qui (ré)explique les prochaines étapes. "
    "Pour enregistrer, demander l'accord en amont en précisant que les données seront "
    "anonymisées. À deux, c'est mieux : l'un·e pose les questions, l'autre note."
)
LINE_FIELDS = (
    (
        "profession",
        tr_later("Profession"),
        tr_later("ex. plaquiste, formatrice, conseiller emploi"),
    ),
    (
        "structure",
        tr_later("Structure"),
        tr_later("type de structure plutôt que son nom, si possible"),
    ),
    ("sector", tr_later("Secteur"), tr_later("ex. bâtiment, formation, industrie")),
    ("territory", tr_later("Territoire"), tr_later("ex. Métropole de Lyon, Nord-Isère")),
    ("place", tr_later("Lieu de l'entretien"), ""),
    ("interviewer", tr_later("Enquêteur·rice"), tr_later("qui pose les questions")),
    (
        "note_taker",
        tr_later("Preneur·se de notes"),
        tr_later("qui note (l'idéal : travailler en binôme)"),
    ),
)


class InterviewForm(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id: int | None = None
        self._values: dict = {}
        self.title = QLabel()
        self.title.setObjectName("PageTitle")
        self.guide_label = QLabel()
        self.guide_label.setObjectName("PageSubtitle")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A field that does not fit beside its label (a narrow column, a longer language)
        # goes under it rather than being cut.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(tr("non renseignée"))
        self.date.editingFinished.connect(self._date_done)
        form.addRow(tr("Date"), self.date)
        self.lines: dict[str, QLineEdit] = {}
        for field, label, placeholder in LINE_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(tr(placeholder) if placeholder else "")
            edit.setMaxLength(200)
            Autosave(edit, partial(self._line_done, field))
            self.lines[field] = edit
            form.addRow(tr(label), edit)
        # « 1800 » is refused out loud with the limit, never cut to « 18 » and stored.
        self.minutes = NumberField(
            PLANNED_MINUTES_MIN,
            PLANNED_MINUTES_MAX,
            tr("Un entretien dure au plus {maximum} minutes (le kit conseille 30 à 90)."),
            tr("Un entretien dure au moins {minimum} minutes."),
            suffix=" min",
        )
        self.minutes.refused.connect(ctx.show_message)
        self.minutes.setToolTip(tr("Le kit conseille 30 à 90 minutes, une heure idéalement."))
        self.minutes.editingFinished.connect(
            lambda: self._store("planned_minutes", self.minutes.value(), tr("Durée prévue"))
        )
        form.addRow(tr("Durée prévue"), self.minutes)
        self.consent = QCheckBox(tr("La personne accepte l'enregistrement"))
        self.consent.clicked.connect(
            lambda on: self._store("consent_to_record", on, "Accord d'enregistrement")
        )
        form.addRow(tr("Enregistrement"), self.consent)
        self.done = QCheckBox(tr("Entretien réalisé"))
        self.done.clicked.connect(lambda on: self._store("done", on, tr("Entretien réalisé")))
        form.addRow(tr("État"), self.done)

        self.real_name = QLineEdit()
        self.real_name.setEchoMode(QLineEdit.EchoMode.Password)
        self.real_name.setPlaceholderText(tr("facultatif — seulement dans votre version"))
        self.real_name.setToolTip(
            tr(
                "Gardé à part. N'apparaît ni à l'écran de salle, ni dans les restitutions : "
                "seulement dans le document de l'animateur·rice, et dans un export si vous le "
                "demandez."
            )
        )
        self.real_name.editingFinished.connect(self._real_name_done)
        self.show_name = QPushButton(tr("Afficher"))
        self.show_name.setCheckable(True)
        self.show_name.toggled.connect(self._toggle_name)
        name_row = QHBoxLayout()
        name_row.addWidget(self.real_name, 1)
        name_row.addWidget(self.show_name)
        form.addRow(form_label(tr("Nom réel"), Visibility.FACILITATOR), name_row)

        # Long lines of empty fields read badly on a wide screen: the card keeps a page width.
        page = QWidget()
        page.setMaximumWidth(900)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.title)
        page_layout.addWidget(self.guide_label)
        page_layout.addLayout(form)
        trame = QLabel(tr(TRAME_ADVICE))
        trame.setWordWrap(True)
        trame.setObjectName("PageSubtitle")
        theme.style(trame, theme.SPACED_ABOVE)
        page_layout.addWidget(trame)
        layout = QVBoxLayout(self)
        layout.addWidget(page)
        layout.addStretch(1)
        ctx.hub.changed.connect(self._on_changed)

    def load(self, interview_id: int | None) -> None:
        self.interview_id = interview_id
        self.setEnabled(interview_id is not None)
        if interview_id is None:
            self.title.setText(tr("Aucun entretien choisi"))
            return
        with self.ctx.store.read() as s:
            iv = interviews.get(s, interview_id)
            self._values = {c: getattr(iv, c) for c in interviews.EDITABLE_FIELDS}
            pseudonym, guide = iv.pseudonym, iv.guide_title
            has_guide = iv.guide_id is not None or bool(iv.answers)
            name = interviews.real_name(s, interview_id)
        self.title.setText(pseudonym)
        self.guide_label.setText(
            tr("Guide : {guide}").format(guide=guide)
            if has_guide
            else tr("Sans guide : notes libres seulement")
        )
        value = self._values["date"]
        self.date.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        for field, edit in self.lines.items():
            if not edit.hasFocus():
                edit.setText(self._values[field])
        self.minutes.setValue(self._values["planned_minutes"])
        self.consent.setChecked(self._values["consent_to_record"])
        self.done.setChecked(self._values["done"])
        self.real_name.setText(name)

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area == "interviews" and workshop_id == self.ctx.workshop_id and self.interview_id:
            try:
                self.load(self.interview_id)
            except Exception:  # erased meanwhile: the editor will pick another one
                self.interview_id = None

    def _store(self, field: str, value, what: str) -> None:
        if self.interview_id is None or self._values.get(field) == value:
            return
        interview_id = self.interview_id
        result = self.ctx.push_update(
            f"Modifier : {what}",
            "interviews",
            interviews.update_interview,
            interview_id,
            **{field: value},
        )
        if result is None:  # refused: show the stored value again
            self.load(interview_id)

    def _line_done(self, field: str) -> None:
        label = tr(dict((f, label) for f, label, _ in LINE_FIELDS)[field])
        self._store(field, " ".join(self.lines[field].text().split()), label)

    def _date_done(self) -> None:
        qdate = self.date.date()
        value = None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day())
        self._store("date", value, "Date de l'entretien")

    def _real_name_done(self) -> None:
        if self.interview_id is None:
            return
        interview_id = self.interview_id
        name = self.real_name.text()
        with self.ctx.store.read() as s:
            if interviews.real_name(s, interview_id) == " ".join(name.split()):
                return
        self.ctx.push(
            tr("Modifier le nom réel"),
            area="interviews",
            do=lambda s: interviews.set_real_name(s, interview_id, name),
            undo=lambda s, previous: interviews.set_real_name(s, interview_id, previous),
        )

    def _toggle_name(self, shown: bool) -> None:
        self.real_name.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.show_name.setText(tr("Masquer") if shown else tr("Afficher"))

    def focus_first(self) -> None:
        self.lines["profession"].setFocus(Qt.FocusReason.OtherFocusReason)
