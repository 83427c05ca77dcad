"""Link an actor of the map by hand to the people the chantier met under another name: the
participants of its workshops, its interviews, its fiches actions' pilots. Those the map
already recognises by the actor's name or structure are ticked and cannot be unticked; a link
kept for someone no longer in the chantier stays listed (untick it to drop it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.stakeholder_map import fold
from kitcop_desktop.storage.stakeholder_map import ActorRow, Candidate, linked_by_name

BY_NAME = "reconnu par son nom"
NAME_ROLE = Qt.ItemDataRole.UserRole


class LinkDialog(QDialog):
    def __init__(self, parent: QWidget, row: ActorRow, found: list[Candidate]) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Lier «\u00a0{row.name[:40]}\u00a0»")
        intro = QLabel(
            "Cochez les personnes, entretiens et pilotes qui sont cet acteur sous un autre nom\u00a0: "
            "la carte les comptera comme rencontrés."
        )
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filtrer la liste…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setAccessibleName("Personnes rencontrées dans le chantier")
        aliases = {fold(a): a for a in row.aliases}
        listed: set[str] = set()
        for candidate in found:
            automatic = linked_by_name(row, candidate)
            label = f"{candidate.label} — {BY_NAME}" if automatic else candidate.label
            item = QListWidgetItem(label)
            item.setData(NAME_ROLE, "" if automatic else candidate.name)
            ticked = automatic or fold(candidate.name) in aliases
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            if automatic:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            listed.add(fold(candidate.name))
            self.list.addItem(item)
        for key, alias in aliases.items():
            if key not in listed:
                item = QListWidgetItem(f"Lien gardé\u00a0: {alias} (plus dans le chantier)")
                item.setData(NAME_ROLE, alias)
                item.setCheckState(Qt.CheckState.Checked)
                self.list.addItem(item)
        if not self.list.count():
            self.list.addItem(
                QListWidgetItem("Personne dans le chantier pour l'instant (ateliers, entretiens).")
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Enregistrer")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.setMinimumSize(520, 420)
        self.list.setFocus()
        if self.list.count():
            self.list.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        wanted = fold(text)
        for index in range(self.list.count()):
            item = self.list.item(index)
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def names(self) -> list[str]:
        """The names ticked by hand (those recognised by name need no link)."""
        return [
            item.data(NAME_ROLE)
            for item in self.items()
            if item.data(NAME_ROLE) and item.checkState() == Qt.CheckState.Checked
        ]
