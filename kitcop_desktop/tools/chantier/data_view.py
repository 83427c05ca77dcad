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

from kitcop_desktop.domain.french import quoted
from kitcop_desktop.domain.key_figures import FUNDING, KEY_FIGURES, ROOM_MOST, SEQUENCE_TITLE
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.storage import chantiers, key_figures
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.tools.chantier.sheet_view import SheetView
from kitcop_desktop.ui.icons import icon

KEY_HELP = tr_later(
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
        self.present_button = QPushButton(icon("agenda"), tr("Présenter dans un atelier…"))
        self.present_button.setToolTip(
            tr(
                "Les données cochées «\u00a0En atelier\u00a0» dans la séquence «\u00a0{SEQUENCE_TITLE}\u00a0» du déroulé d'un atelier du chantier, projetée en salle"
            ).format(SEQUENCE_TITLE=SEQUENCE_TITLE)
        )
        self.present_button.clicked.connect(self.ask_present)
        self.present_hint = QLabel()
        self.present_hint.setObjectName("PageSubtitle")
        self.present_hint.setWordWrap(True)
        present = QHBoxLayout()
        present.addWidget(self.present_button)
        present.addWidget(self.present_hint, 1)
        self.figures.column.addLayout(present)
        self.figures.counted.connect(self._figures_counted)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.figures)
        split.addWidget(self.funding)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        keys = QLabel(tr(KEY_HELP))
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
        text = tr_n(
            "{n} donnée cochée «\u00a0En atelier\u00a0».",
            "{n} données cochées «\u00a0En atelier\u00a0».",
            shown,
        ).format(n=shown)
        if shown > ROOM_MOST:
            text += tr(" Au-delà de {ROOM_MOST}, l'écran de la salle devient chargé.").format(
                ROOM_MOST=ROOM_MOST
            )
        self.present_hint.setText(text)
        self.present_button.setEnabled(shown > 0)

    def workshops(self) -> list[tuple[int, str]]:
        with self.ctx.store.read() as s:
            return [(w.id, w.title) for w in chantiers.alive_workshops(s, self.chantier_id)]

    def present(self, workshop_id: int, title: str) -> bool:
        """The ticked figures into this workshop's « Quelques chiffres clés » (one undo step)."""
        result = self.ctx.push(
            tr("Présenter les chiffres clés dans {title}").format(title=quoted(title)),
            area="agenda",
            do=lambda s: key_figures.feed_workshop(s, self.chantier_id, workshop_id),
            undo=lambda s, data: key_figures.unfeed(s, data),
        )
        if result is None:
            return False
        count = result["figures"]
        if result.get("made"):
            said = tr_n(
                "Séquence «\u00a0{sequence}\u00a0» ajoutée au déroulé de {title} ({n} donnée, "
                "projetée en salle).",
                "Séquence «\u00a0{sequence}\u00a0» ajoutée au déroulé de {title} ({n} données, "
                "projetées en salle).",
                count,
            )
        else:
            said = tr_n(
                "Séquence «\u00a0{sequence}\u00a0» mise à jour dans le déroulé de {title} "
                "({n} donnée, projetée en salle).",
                "Séquence «\u00a0{sequence}\u00a0» mise à jour dans le déroulé de {title} "
                "({n} données, projetées en salle).",
                count,
            )
        self.ctx.show_message(said.format(sequence=SEQUENCE_TITLE, title=quoted(title), n=count))
        return True

    def ask_present(self) -> None:
        try:
            found = self.workshops()
        except StoreError as exc:
            self.ctx.show_message(str(exc))
            return
        if not found:
            self.ctx.show_message(
                tr(
                    "Ce chantier n'a pas encore d'atelier\u00a0: placez-en un dans le chantier "
                    "depuis la liste des ateliers. Rien n'a été modifié."
                )
            )
            return
        if len(found) == 1:
            self.present(*found[0])
            return
        titles = [title for _wid, title in found]
        chosen, ok = QInputDialog.getItem(
            self,
            tr("Présenter les chiffres clés"),
            tr("Dans le déroulé de l'atelier\u00a0:"),
            titles,
            0,
            False,
        )
        if ok and chosen in titles:
            self.present(*found[titles.index(chosen)])

    def new_item(self) -> None:
        self.figures.ask_add()
