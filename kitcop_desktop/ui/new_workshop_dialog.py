"""« Nouvel atelier »: a title, a date, start and end times, and a déroulé template.

The time boxes take typed digits at once (« 1330 »): a click or Tab selects the hour or minute
it lands on, so a digit replaces it instead of being refused. A date that falls on a Sunday
says so (the default is today, which may be one).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import date, time

from PySide6.QtCore import QDate, QEvent, QTime, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
)

from kitcop_desktop.domain.validation import InvalidInput, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import theme

BLANK_KEY = "blank"
DEFAULT_START, DEFAULT_END = time(9, 0), time(12, 30)


def template_hours() -> dict[str, tuple[time, time]]:
    """{key: (start, end)} of the kit's templates that fill a morning or an afternoon."""
    try:
        module = importlib.import_module("kitcop_desktop.domain.agenda_templates")
    except ModuleNotFoundError:
        return {}
    out = {}
    for t in getattr(module, "TEMPLATES", ()):
        if t.key != BLANK_KEY and t.total_minutes > 0:
            end = t.start.hour * 60 + t.start.minute + t.total_minutes
            if end < 24 * 60:
                out[t.key] = (t.start, time(end // 60, end % 60))
    return out


class TimeField(QTimeEdit):
    """« 09:00 » that takes digits as typed: entering it selects the section (hour or minute)
    the click or Tab lands on, so « 1 », « 3 » replace the hour (then the minute) instead of
    being refused by a full section."""

    def __init__(self, value: time) -> None:
        super().__init__(QTime(value.hour, value.minute))
        self.setDisplayFormat("HH:mm")
        self.setCorrectionMode(QTimeEdit.CorrectionMode.CorrectToNearestValue)
        self.lineEdit().installEventFilter(self)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        QTimer.singleShot(0, self, self._select_section)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        # A click lands on the inner line edit and leaves a bare caret in the section.
        if watched is self.lineEdit() and event.type() == QEvent.Type.MouseButtonRelease:
            QTimer.singleShot(0, self, self._select_section)
        return super().eventFilter(watched, event)

    def _select_section(self) -> None:
        self.setSelectedSection(self.currentSection())

    def value(self) -> time:
        shown = self.time()
        return time(shown.hour(), shown.minute())


def kit_templates() -> list[tuple[str, str]]:
    """(key, French title) of the kit's agenda templates, when the agenda area provides them."""
    try:
        module = importlib.import_module("kitcop_desktop.domain.agenda_templates")
    except ModuleNotFoundError:
        return []
    return [(t.key, t.title) for t in getattr(module, "TEMPLATES", ())]


class NewWorkshopDialog(QDialog):
    def __init__(
        self,
        parent=None,
        *,
        template_key: str | None = None,
        personal: Sequence[tuple[str, str]] = (),
    ) -> None:
        """`personal`: (key, title) of the facilitator's own templates (made here or imported),
        offered after the kit's."""
        super().__init__(parent)
        self.setWindowTitle(tr("Nouvel atelier"))
        self.setMinimumWidth(520)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(tr("Ex. : Les métiers de la rénovation en 2030"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_warning = QLabel()
        theme.style(self.date_warning, theme.WARNING_TEXT)
        self.date_warning.setWordWrap(True)
        self.date_edit.dateChanged.connect(self._check_day)
        self.start_edit = TimeField(DEFAULT_START)
        self.start_edit.setAccessibleName(tr("Heure de début"))
        self.end_edit = TimeField(DEFAULT_END)
        self.end_edit.setAccessibleName(tr("Heure de fin"))
        hours = QHBoxLayout()
        hours.addWidget(self.start_edit)
        hours.addWidget(QLabel("à"))
        hours.addWidget(self.end_edit)
        hours.addStretch(1)
        # One « Déroulé vierge » (the kit's blank template), first and chosen by default.
        self.template_box = QComboBox()
        for key, title in sorted(kit_templates(), key=lambda kt: kt[0] != BLANK_KEY):
            self.template_box.addItem(title, key)
        if personal:
            self.template_box.insertSeparator(self.template_box.count())
        for key, title in personal:
            self.template_box.addItem(tr("{title} (mon modèle)").format(title=title), key)
        wanted = self.template_box.findData(template_key or BLANK_KEY)
        self.template_box.setCurrentIndex(max(0, wanted))
        # The hours follow the template chosen until the facilitator types their own.
        self._template_hours = template_hours()
        self._hours_typed = False
        self._following = False
        for field in (self.start_edit, self.end_edit):
            field.timeChanged.connect(self._typed)
        self.template_box.currentIndexChanged.connect(self._follow_template)
        self._follow_template()
        self.error = QLabel()
        theme.style(self.error, theme.WARNING_TEXT)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Titre"), self.title_edit)
        form.addRow(tr("Date"), self.date_edit)
        form.addRow("", self.date_warning)
        form.addRow(tr("Horaires"), hours)
        form.addRow(tr("Modèle de déroulé"), self.template_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Créer l'atelier"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuler"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._check_day()

    def _typed(self) -> None:
        if not self._following:
            self._hours_typed = True

    def _follow_template(self) -> None:
        if self._hours_typed:
            return
        start, end = self._template_hours.get(
            self.template_box.currentData() or "", (DEFAULT_START, DEFAULT_END)
        )
        self._following = True
        try:
            self.start_edit.setTime(QTime(start.hour, start.minute))
            self.end_edit.setTime(QTime(end.hour, end.minute))
        finally:
            self._following = False

    def _check_day(self) -> None:
        day = self._day()
        sunday = day.weekday() == 6
        self.date_warning.setText(
            tr("Attention : c'est un dimanche. Est-ce bien le jour de l'atelier ?")
            if sunday
            else ""
        )
        self.date_warning.setVisible(sunday)

    def _accept(self) -> None:
        try:
            require_text(self.title_edit.text(), tr("Le titre de l'atelier"))
        except InvalidInput as exc:
            self.error.setText(str(exc).replace(" " + tr("Rien n'a été modifié."), ""))
            self.title_edit.setFocus()
            return
        if self.end_edit.value() <= self.start_edit.value():
            self.error.setText(tr("L'heure de fin doit être après l'heure de début."))
            self.end_edit.setFocus()
            return
        self.accept()

    def _day(self) -> date:
        shown = self.date_edit.date()
        return date(shown.year(), shown.month(), shown.day())

    def values(self) -> tuple[str, date, str]:
        return (
            self.title_edit.text(),
            self._day(),
            self.template_box.currentData() or "",
        )

    def hours(self) -> tuple[time, time]:
        """(start, end) of the workshop, as typed."""
        return self.start_edit.value(), self.end_edit.value()
