"""The chantier's données on screen (kit Brique 1-3 to 1-5): the données clés (constat de
départ, objectif, à retenir; those ticked « En atelier » go to a workshop's « Quelques chiffres
clés » séquence) above the ressources financières mobilisables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.french import plural, quoted
from kitcop_desktop.domain.key_figures import FUNDING, KEY_FIGURES, ROOM_MOST, SEQUENCE_TITLE
from kitcop_desktop.storage import chantiers, key_figures
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.tools.chantier.sheet_view import SheetView
from kitcop_desktop.ui.icons import icon

KEY_HELP = (
    "Ctrl+V\u00a0: coller des lignes d'un tableur (le modèle du kit aussi\u00a0: une ligne "
    "«\u00a0ORIENTATION\u00a0» seule ouvre un thème) · Inser\u00a0: ajouter · F2\u00a0: modifier "
    "la case · Espace\u00a0: cocher «\u00a0En atelier\u00a0» · Suppr\u00a0: supprimer · clic sur "
    "un titre\u00a0: trier"
)


class DataView(QWidget):
    def __init__(self, ctx, chantier_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.chantier_id = chantier_id
        self.figures = SheetView(ctx, chantier_id, KEY_FIGURES, (110, 220, 200, 220, 110, 90))
        self.funding = SheetView(ctx, chantier_id, FUNDING, (190, 130, 230, 150, 180))
        self.present_button = QPushButton(icon("agenda"), "Présenter dans un atelier…")
        self.present_button.setToolTip(
            f"Les données cochées «\u00a0En atelier\u00a0» dans la séquence "
            f"«\u00a0{SEQUENCE_TITLE}\u00a0» du déroulé d'un atelier du chantier, projetée en salle"
        )
        self.present_button.clicked.connect(self.ask_present)
        self.present_hint = QLabel()
        self.present_hint.setObjectName("PageSubtitle")
        self.present_hint.setWordWrap(True)
        present = QHBoxLayout()
        present.addWidget(self.present_button)
        present.addWidget(self.present_hint, 1)
        self.figures.layout().addLayout(present)
        self.figures.counted.connect(self._figures_counted)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.figures)
        split.addWidget(self.funding)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        keys = QLabel(KEY_HELP)
        keys.setObjectName("PageSubtitle")
        keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(keys)

    def reload(self) -> None:
        self.figures.reload()
        self.funding.reload()

    def _figures_counted(self, _count: int) -> None:
        shown = sum(1 for row in self.figures.model.rows if row.flag)
        text = f"{plural(shown, 'donnée cochée', 'données cochées')} «\u00a0En atelier\u00a0»."
        if shown > ROOM_MOST:
            text += f" Au-delà de {ROOM_MOST}, l'écran de la salle devient chargé."
        self.present_hint.setText(text)
        self.present_button.setEnabled(shown > 0)

    def workshops(self) -> list[tuple[int, str]]:
        with self.ctx.store.read() as s:
            return [(w.id, w.title) for w in chantiers.alive_workshops(s, self.chantier_id)]

    def present(self, workshop_id: int, title: str) -> bool:
        """The ticked figures into this workshop's « Quelques chiffres clés » (one undo step)."""
        result = self.ctx.push(
            f"Présenter les chiffres clés dans {quoted(title)}",
            area="agenda",
            do=lambda s: key_figures.feed_workshop(s, self.chantier_id, workshop_id),
            undo=lambda s, data: key_figures.unfeed(s, data),
        )
        if result is None:
            return False
        done = "ajoutée au" if result.get("made") else "mise à jour dans le"
        self.ctx.show_message(
            f"Séquence «\u00a0{SEQUENCE_TITLE}\u00a0» {done} déroulé de {quoted(title)} "
            f"({plural(result['figures'], 'donnée', 'données')}, projetée en salle)."
        )
        return True

    def ask_present(self) -> None:
        try:
            found = self.workshops()
        except StoreError as exc:
            self.ctx.show_message(str(exc))
            return
        if not found:
            self.ctx.show_message(
                "Ce chantier n'a pas encore d'atelier\u00a0: placez-en un dans le chantier "
                "depuis la liste des ateliers. Rien n'a été modifié."
            )
            return
        if len(found) == 1:
            self.present(*found[0])
            return
        titles = [title for _wid, title in found]
        chosen, ok = QInputDialog.getItem(
            self,
            "Présenter les chiffres clés",
            "Dans le déroulé de l'atelier\u00a0:",
            titles,
            0,
            False,
        )
        if ok and chosen in titles:
            self.present(*found[titles.index(chosen)])

    def new_item(self) -> None:
        self.figures.ask_add()
