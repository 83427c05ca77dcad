"""Link by hand what the chantier met under another name: an actor of the map to the
participants, interviews and pilots that are it; an initiative inspirante to the interviews
where it was met. Those already recognised (by name, by structure) are ticked and cannot be
unticked; a link kept to someone no longer in the chantier stays listed (untick it to drop
it). A filter line narrows a long list."""

from __future__ import annotations

from dataclasses import dataclass

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
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.stakeholder_map import ActorRow, Candidate, linked_by_name

BY_NAME = "reconnu par son nom"
VALUE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Entry:
    label: str
    value: object  # what a tick keeps (a name, an interview's id); None when recognised
    ticked: bool
    locked: bool = False  # recognised already: ticked, not untickable


class ChecklistDialog(QDialog):
    def __init__(
        self, parent: QWidget, title: str, intro: str, entries: list[Entry], empty: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        heading = QLabel(intro)
        heading.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filtrer la liste…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        for entry in entries:
            item = QListWidgetItem(entry.label)
            item.setData(VALUE_ROLE, None if entry.locked else entry.value)
            ticked = entry.ticked or entry.locked
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            if entry.locked:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.list.addItem(item)
        if not entries:
            self.list.addItem(QListWidgetItem(empty))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
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

    def values(self) -> list:
        """What the ticks keep, in the list's order (those recognised need no link)."""
        return [
            item.data(VALUE_ROLE)
            for item in self.items()
            if item.data(VALUE_ROLE) is not None and item.checkState() == Qt.CheckState.Checked
        ]


class LinkDialog(ChecklistDialog):
    """An actor of the map: the participants, interviews and pilots that are it."""

    def __init__(self, parent: QWidget, row: ActorRow, found: list[Candidate]) -> None:
        aliases = {fold(a): a for a in row.aliases}
        entries = []
        for candidate in found:
            automatic = linked_by_name(row, candidate)
            label = f"{candidate.label} — {BY_NAME}" if automatic else candidate.label
            ticked = fold(candidate.name) in aliases
            entries.append(Entry(label, candidate.name, ticked, automatic))
        listed = {fold(c.name) for c in found}
        entries += [
            Entry(
                tr("Lien gardé\u00a0: {alias} (plus dans le chantier)").format(alias=alias),
                alias,
                True,
            )
            for key, alias in aliases.items()
            if key not in listed
        ]
        super().__init__(
            parent,
            tr("Lier «\u00a0{name}\u00a0»").format(name=row.name[:40]),
            tr(
                "Cochez les personnes, entretiens et pilotes qui sont cet acteur sous un autre "
                "nom\u00a0: la carte les comptera comme rencontrés."
            ),
            entries,
            tr("Personne dans le chantier pour l'instant (ateliers, entretiens)."),
        )

    def names(self) -> list[str]:
        return [str(v) for v in self.values()]
