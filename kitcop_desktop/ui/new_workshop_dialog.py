"""« Nouvel atelier »: a title, a date, and optionally a déroulé template from the kit."""

from __future__ import annotations

import importlib
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from kitcop_desktop.domain.validation import InvalidInput, require_text

BLANK_KEY = "blank"


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
        personal: list[tuple[str, str]] = (),
    ) -> None:
        """`personal`: (key, title) of the facilitator's own templates (made here or imported),
        offered after the kit's."""
        super().__init__(parent)
        self.setWindowTitle("Nouvel atelier")
        self.setMinimumWidth(520)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText("Ex. : Les métiers de la rénovation en 2030")
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        # One « Déroulé vierge » (the kit's blank template), first and chosen by default.
        self.template_box = QComboBox()
        for key, title in sorted(kit_templates(), key=lambda kt: kt[0] != BLANK_KEY):
            self.template_box.addItem(title, key)
        if personal:
            self.template_box.insertSeparator(self.template_box.count())
        for key, title in personal:
            self.template_box.addItem(f"{title} (mon modèle)", key)
        wanted = self.template_box.findData(template_key or BLANK_KEY)
        self.template_box.setCurrentIndex(max(0, wanted))
        self.error = QLabel()
        self.error.setStyleSheet("color: #a13d00;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Titre", self.title_edit)
        form.addRow("Date", self.date_edit)
        form.addRow("Modèle de déroulé", self.template_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Créer l'atelier")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        try:
            require_text(self.title_edit.text(), "Le titre de l'atelier")
        except InvalidInput as exc:
            self.error.setText(str(exc).replace(" Rien n'a été modifié.", ""))
            self.title_edit.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, date, str]:
        return (
            self.title_edit.text(),
            self.date_edit.date().toPython(),
            self.template_box.currentData() or "",
        )
