"""One keyboard map for every tool (UX.md), shown with F1."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.ui.live_keys import LIVE_KEYS

# The live keys come from their one declaration (ui/live_keys.py), which also routes them.
LIVE_SECTION = (
    tr_later("En salle (télécommande et clavier)"),
    tuple((live.label, live.what) for live in LIVE_KEYS)
    + (
        (
            "",
            tr_later(
                "Pendant un déroulé lancé, ces touches agissent même si un bouton, une liste ou un tableau a le focus ; Espace, B, ., +, −, * s'écrivent dans un champ de saisie."
            ),
        ),
    ),
)

KEYMAP = (
    LIVE_SECTION,
    (
        tr_later("Partout"),
        (
            (
                tr_later("Échap (dans une fenêtre)"),
                tr_later("Fermer la fenêtre, annuler une saisie"),
            ),
            (tr_later("Ctrl+Z, Ctrl+Maj+Z (ou Ctrl+Y)"), tr_later("Annuler, rétablir")),
            ("Ctrl+0", tr_later("L'atelier : cadre et participant·es")),
            (
                "Ctrl+1 … Ctrl+7",
                tr_later(
                    "Déroulé, tableaux, vote, bocal, entretiens, fiches actions, impression "
                    "(le clavier sur la liste de l'outil)"
                ),
            ),
            (
                tr_later("Entrée (sur un bouton)"),
                tr_later("Appuyer sur le bouton, comme Espace (pas pendant un déroulé lancé)"),
            ),
            (
                tr_later("Tab, Maj+Tab"),
                tr_later("Champ suivant / précédent\u00a0; ← → entre le jour, le mois, l'heure…"),
            ),
            ("Ctrl+N", tr_later("Nouvel élément dans l'outil affiché")),
            ("Ctrl+F", tr_later("Rechercher dans l'outil affiché")),
            ("Ctrl+P", tr_later("Imprimer (la partie de l'outil affiché présélectionnée)")),
            ("F1", tr_later("Cette aide")),
        ),
    ),
    (
        tr_later("Pendant le déroulé"),
        (("M", tr_later("Son activé / coupé")),),
    ),
    (
        tr_later("Dans les tableaux"),
        (
            (
                tr_later("Entrée"),
                tr_later("Ajouter le post-it à la zone choisie (le curseur reste)"),
            ),
            (tr_later("Tab, Maj+Tab"), tr_later("Zone suivante / précédente")),
            ("Alt+A, Alt+R, Alt+0", tr_later("Chemin : angle Actions, Ressentis ou sans angle")),
            ("Ctrl+V", tr_later("Coller plusieurs lignes : un post-it par ligne")),
            (
                tr_later("Double-clic, F2"),
                tr_later("Modifier un post-it ou renommer une sous-thématique"),
            ),
            (tr_later("Suppr"), tr_later("Supprimer les post-it choisis")),
            (
                "↓ / ↑",
                tr_later(
                    "Descendre sur le tableau ; post-it suivant / précédent (Maj : l'ajouter)"
                ),
            ),
            (
                tr_later("Menu ou Maj+F10"),
                tr_later("Le menu des post-it choisis (regrouper, fiche action…)"),
            ),
            (
                tr_later("Page suivante / précédente"),
                tr_later("Écran de salle : zone ou sous-thématique suivante"),
            ),
            ("0 … 9", tr_later("Écran de salle : tout le tableau (0) ou la zone n")),
        ),
    ),
    (
        tr_later("Dans le vote"),
        (
            ("Alt+↑ / Alt+↓", tr_later("Monter / descendre la proposition choisie")),
            (tr_later("Entrée, ↓ / ↑"), tr_later("Gommettes au mur : nombre suivant / précédent")),
            (
                tr_later("1 … 9, Entrée"),
                tr_later("Bulletin : placer ou retirer une gommette, puis valider"),
            ),
            ("R", tr_later("Révéler les résultats")),
        ),
    ),
    (
        tr_later("Dans le bocal à poisson"),
        (
            (
                tr_later("Entrée, double-clic"),
                tr_later("Asseoir la personne choisie du cercle sur la chaise vide"),
            ),
            (
                "1 … 9",
                tr_later("La personne de la chaise n parle (encore une fois : elle s'arrête)"),
            ),
            ("0", tr_later("Plus personne ne parle")),
            (
                tr_later("Espace, + / −"),
                tr_later("Minuteur du bocal : pause, une minute de plus / de moins"),
            ),
            (
                tr_later("Suppr"),
                tr_later("La personne choisie du cercle quitte l'atelier (encore : elle revient)"),
            ),
            (
                tr_later("Page suivante / précédente"),
                tr_later("Notes révélées : page suivante / précédente"),
            ),
        ),
    ),
    (
        tr_later("Pendant un tour de parole"),
        (
            (tr_later("Page suivante, →"), tr_later("Personne suivante (démarre le tour)")),
            ("Ctrl+N", tr_later("Le curseur dans le champ « Mot » de la personne qui a la parole")),
            (
                tr_later("Entrée (champ « Mot »)"),
                tr_later("Noter le mot et passer à la personne suivante"),
            ),
            (
                tr_later("Alt+O, Alt+N (déclusion)"),
                tr_later("Reste impliqué·e dans le chantier : oui, non"),
            ),
            (tr_later("Page précédente, ←"), tr_later("Revenir à la personne précédente")),
            ("L", tr_later("Plus tard : à la fin du tour (deux fois : passe son tour)")),
            (tr_later("Espace"), tr_later("Mettre en pause / reprendre le temps de parole")),
            (tr_later("Page suivante (tour terminé)"), tr_later("Séquence suivante du déroulé")),
        ),
    ),
    (
        tr_later("Pendant un entretien"),
        (
            ("Ctrl+↓ / Ctrl+↑", tr_later("Question suivante / précédente")),
            (
                "Alt+1 … Alt+5",
                tr_later("Marquer le passage : frein, levier, difficulté, action, besoin"),
            ),
        ),
    ),
    (
        tr_later("Dans un chantier"),
        (
            (
                tr_later("Inser, F2, Suppr"),
                tr_later("Carte, tableaux\u00a0: ajouter, modifier, retirer l'élément choisi"),
            ),
            (
                tr_later("Glisser, flèches (Maj\u00a0: finement)"),
                tr_later("Carte\u00a0: placer l'acteur choisi"),
            ),
            (tr_later("Tab, Maj+Tab"), tr_later("Carte\u00a0: acteur suivant / précédent")),
            ("I", tr_later("Carte\u00a0: marque «\u00a0influence / effet de levier\u00a0»")),
            ("L", tr_later("Carte\u00a0: lier l'acteur à des personnes rencontrées")),
            (
                tr_later("R, A, C, I, Suppr"),
                tr_later("Gouvernance\u00a0: lettre RACI de l'acteur, hors instance"),
            ),
            ("1 … 5", tr_later("Plan d'action\u00a0: statut de la fiche choisie")),
            (
                "Ctrl+V",
                tr_later("Initiatives, acteurs, données\u00a0: coller des lignes d'un tableur"),
            ),
            (tr_later("Espace"), tr_later("Données clés\u00a0: cocher «\u00a0En atelier\u00a0»")),
        ),
    ),
    (
        # #24: preparing a café without the mouse (tools/tables/preparation.py, KEY_*).
        tr_later("Dans les tables (Ctrl+8)"),
        (
            ("Ctrl+Tab", tr_later("«\u00a0Tables et placement\u00a0» ou «\u00a0Récolte\u00a0»")),
            ("Ctrl+N", tr_later("Ajouter une table, son nom à taper")),
            (
                "Alt+D",
                tr_later("Modèles\u00a0: world café, pro-action café, sous-groupes (↓, Entrée)"),
            ),
            ("Alt+L", tr_later("Coller une liste de tables")),
            (
                tr_later("F2, Entrée, →, ↓"),
                tr_later("Taper sujet, porteur·se et places, table après table"),
            ),
            (tr_later("Suppr"), tr_later("Supprimer la table choisie")),
            ("Alt+R", tr_later("Répartir automatiquement (les équipes restent)")),
            ("Alt+E", tr_later("Par équipes… (ou sans équipes)")),
            (
                tr_later("Alt+→ / Alt+← (sur un nom)"),
                tr_later("Changer la personne de table pour ce tour"),
            ),
        ),
    ),
    (
        tr_later("Dans la récolte des tables (Ctrl+8)"),
        (
            (tr_later("Entrée"), tr_later("Ajouter la ligne à la table et au tour affichés")),
            (tr_later("Tab, Maj+Tab"), tr_later("Table suivante / précédente")),
            ("Alt+→ / Alt+←", tr_later("Tour suivant / précédent")),
            (
                "Alt+S, Alt+B, Alt+A, Alt+I, Alt+0",
                tr_later("Angle : sens, besoins, actions, idée retenue, sans angle"),
            ),
            ("Alt+P", tr_later("Note privée (animateur·rice), jamais projetée")),
            ("Alt+M", tr_later("Montrer la récolte de la table en salle (encore : la cacher)")),
            (
                tr_later("↓, puis Suppr ou F2"),
                tr_later("Les lignes tapées : supprimer, modifier"),
            ),
        ),
    ),
)


FOOTNOTE = tr_later(
    "Les touches d'une seule lettre n'agissent que si aucun champ de saisie n'a le focus : taper « B » dans une carte ne noircit jamais l'écran."
)


def _sections_html(sections) -> str:
    parts = []
    for section, rows in sections:
        parts.append(f"<h3>{tr(section)}</h3><table cellspacing='0' cellpadding='3'>")
        for keys, what in rows:
            keys = tr(keys) if keys else ""
            parts.append(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{tr(what)}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def keymap_html() -> str:
    """The whole map in one column (the dialog shows it in two)."""
    return _sections_html(KEYMAP) + f"<p>{tr(FOOTNOTE)}</p>"


def _halves() -> tuple[tuple, tuple]:
    """Two columns of about the same number of lines, sections kept whole."""
    sizes = [len(rows) + 2 for _section, rows in KEYMAP]
    best, split = None, 1
    for i in range(1, len(KEYMAP)):
        gap = abs(sum(sizes[:i]) - sum(sizes[i:]))
        if best is None or gap < best:
            best, split = gap, i
    return KEYMAP[:split], KEYMAP[split:]


COLUMN_WIDTH = 420
TWO_COLUMNS_FROM = 760  # narrower (the control window beside the room window): one column


class KeymapDialog(QDialog):
    """Two columns that scroll when the screen is small (a 1024×768 projector laptop); one
    column when the control window is narrow (beside the room window on one screen). It opens
    over the control window, never wider than it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Raccourcis clavier et télécommande"))
        space = self._space()
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setSpacing(24)
        self.columns: list[QLabel] = []
        halves = _halves() if space.width() >= TWO_COLUMNS_FROM else (KEYMAP,)
        column_width = min(COLUMN_WIDTH, (space.width() - 100) // len(halves))
        for half in halves:
            label = QLabel(_sections_html(half))
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setMinimumWidth(column_width)
            columns.addWidget(label, 1)
            self.columns.append(label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        note = QLabel(tr(FOOTNOTE))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._fit(body, space)

    def _space(self):
        """Where the dialog may go: the control window if there is one, else the screen."""
        parent = self.parentWidget()
        screen = (parent or self).screen().availableGeometry()
        if parent is None:
            return screen
        return parent.window().frameGeometry().intersected(screen)

    def _fit(self, body: QWidget, space) -> None:
        wanted = body.sizeHint()
        width = min(wanted.width() + 60, int(space.width() * 0.95))
        height = min(wanted.height() + 100, int(space.height() * 0.9))
        self.resize(width, height)
