"""« Exporter l'atelier » choices: what to share (the whole workshop, its déroulé, one board)
and whether personal data goes with it (never unless ticked, and only when there is some)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.french import quoted
from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import theme


def how_many(count: int, one: str, many: str, none: str) -> str:
    """« (2 noms) », « (1 nom) », or « (aucun saisi) »."""
    return f"({none})" if count == 0 else f"({count} {one if count == 1 else many})"


class ExportOptionsDialog(QDialog):
    """What goes into the file. `boards`: (id, label) of the workshop's boards, for « un tableau »."""

    def __init__(
        self,
        parent: QWidget | None = None,
        title: str = "",
        *,
        real_names: int = 0,
        emails: int = 0,
        boards: list[tuple[int, str]] | tuple = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Exporter l'atelier"))
        self.setMinimumWidth(540)
        intro = QLabel(
            f"<b>{html.escape(title, quote=False)}</b><br>"
            + tr("Le fichier .kitcop s'ouvre sur un autre ordinateur avec {command}.").format(
                command=quoted(tr("Importer…"))
            )
        )
        intro.setWordWrap(True)

        self.whole = QRadioButton(tr("Tout l'atelier (déroulé, participant·es, tableaux, votes…)"))
        self.whole.setToolTip(
            tr(
                "Déroulé, participant·es, tableaux, votes, bocal à poisson, tours de parole, "
                "entretiens et fiches actions."
            )
        )
        self.agenda_only = QRadioButton(tr("Seulement le déroulé, comme modèle à partager"))
        self.board_only = QRadioButton(tr("Un seul tableau, à fusionner dans un autre atelier :"))
        self.board_box = QComboBox()
        for board_id, label in boards:
            self.board_box.addItem(label, board_id)
        self.board_only.setEnabled(bool(boards))
        self.board_box.setEnabled(False)
        self.what = QButtonGroup(self)
        for radio in (self.whole, self.agenda_only, self.board_only):
            self.what.addButton(radio)
        self.whole.setChecked(True)
        self.what.buttonToggled.connect(self._update)

        self.real_names = QCheckBox(
            tr("Inclure les vrais noms des enquêté·es ")
            + how_many(real_names, "nom", "noms", tr("aucun saisi"))
        )
        self.real_names.setToolTip(
            tr("Par défaut, les entretiens ne sont exportés que sous leur pseudonyme.")
        )
        self.emails = QCheckBox(
            tr("Inclure les adresses e-mail des participant·es ")
            + how_many(emails, "adresse", "adresses", tr("aucune saisie"))
        )
        # Visibility animateur·rice (domain/visibility.py): only with the whole workshop or its
        # déroulé, and only when ticked.
        self.facilitator = QCheckBox(
            tr(
                "Inclure mes notes d'animateur·rice et ce que la salle n'a pas encore vu "
                "(notes de bocal non révélées, votes secrets)"
            )
        )
        self.facilitator.setToolTip(
            tr(
                "Par défaut, le fichier ne contient que ce que la salle peut voir : ni les notes de "
                "l'atelier, des séquences et du bocal, ni les notes et les résultats pas encore "
                "révélés."
            )
        )
        # Nothing to include: the choice is shown (it is part of the promise) but not offered.
        self._has = {self.real_names: real_names > 0, self.emails: emails > 0}
        self.zipped = QCheckBox(
            tr("Compresser le fichier (plus petit, pour l'envoyer par courriel)")
        )
        self.zipped.setChecked(True)  # compressed by default: smaller, always within the caps
        self.warning = QLabel(
            tr("Données privées : n'envoyez ce fichier qu'à des personnes autorisées.")
        )
        theme.style(self.warning, theme.WARNING_BOLD)
        self.warning.setWordWrap(True)
        for box in (self.real_names, self.emails, self.facilitator):
            box.toggled.connect(self._update)

        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            tr("Choisir l'emplacement…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("Primary")
        buttons.addButton(tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        for widget in (self.whole, self.agenda_only, self.board_only):
            layout.addWidget(widget)
        indented = QHBoxLayout()
        indented.setContentsMargins(24, 0, 0, 0)
        indented.addWidget(self.board_box, 1)
        layout.addLayout(indented)
        layout.addSpacing(8)
        for option in (self.real_names, self.emails, self.facilitator, self.warning, self.zipped):
            layout.addWidget(option)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self._update()

    def _update(self, *_args) -> None:
        whole = self.whole.isChecked()
        for box, has in self._has.items():
            box.setEnabled(whole and has)
            if not whole:
                box.setChecked(False)  # personal data only ever travels with the whole workshop
        notes = whole or self.agenda_only.isChecked()  # a déroulé has its séquences' notes
        self.facilitator.setEnabled(notes)
        if not notes:
            self.facilitator.setChecked(False)
        self.board_box.setEnabled(self.board_only.isChecked())
        self.warning.setVisible(
            self.real_names.isChecked() or self.emails.isChecked() or self.facilitator.isChecked()
        )

    def choice(self) -> tuple[str, int | None]:
        """(kind, ref_id) for export_dialog: workshop, agenda, or board with its id."""
        if self.agenda_only.isChecked():
            return "agenda", None
        if self.board_only.isChecked():
            return "board", self.board_box.currentData()
        return "workshop", None

    def options(self) -> dict:
        """Keyword arguments for exchange.export_workshop (zipped alone for the other kinds)."""
        if self.agenda_only.isChecked():
            return {
                "include_facilitator": self.facilitator.isChecked(),
                "zipped": self.zipped.isChecked(),
            }
        if not self.whole.isChecked():
            return {"zipped": self.zipped.isChecked()}
        return {
            "include_real_names": self.real_names.isChecked(),
            "include_emails": self.emails.isChecked(),
            "include_facilitator": self.facilitator.isChecked(),
            "zipped": self.zipped.isChecked(),
        }
