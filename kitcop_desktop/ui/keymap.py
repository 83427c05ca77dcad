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

KEYMAP = (
    (
        "Partout",
        (
            ("F5", "Afficher / masquer l'écran de salle"),
            ("B ou .", "Écran de salle noir (encore une fois pour revenir)"),
            ("Échap", "Quitter le plein écran, fermer une fenêtre, annuler une saisie"),
            ("Ctrl+Z, Ctrl+Maj+Z (ou Ctrl+Y)", "Annuler, rétablir"),
            ("Ctrl+0", "L'atelier : cadre et participant·es"),
            (
                "Ctrl+1 … Ctrl+7",
                "Déroulé, tableaux, vote, bocal, entretiens, fiches actions, impression",
            ),
            ("Ctrl+N", "Nouvel élément dans l'outil affiché"),
            ("Ctrl+F", "Rechercher dans l'outil affiché"),
            ("Ctrl+P", "Imprimer (la partie de l'outil affiché présélectionnée)"),
            ("F1", "Cette aide"),
        ),
    ),
    (
        "Pendant le déroulé",
        (
            ("Espace", "Démarrer / mettre en pause le minuteur"),
            ("Page suivante, →", "Page suivante des consignes, puis séquence suivante"),
            ("Page précédente, ←", "Page précédente des consignes, puis séquence précédente"),
            ("+ / −", "Une minute de plus / de moins"),
            ("* (ou Maj++ sur le pavé)", "Cinq minutes de plus"),
            ("M", "Son activé / coupé"),
        ),
    ),
    (
        "Dans les tableaux",
        (
            ("Entrée", "Ajouter le post-it à la zone choisie (le curseur reste)"),
            ("Tab, Maj+Tab", "Zone suivante / précédente"),
            ("Alt+A, Alt+R, Alt+0", "Chemin : angle Actions, Ressentis ou sans angle"),
            ("Ctrl+V", "Coller plusieurs lignes : un post-it par ligne"),
            ("Double-clic, F2", "Modifier un post-it ou renommer une sous-thématique"),
            ("Suppr", "Supprimer les post-it choisis"),
            ("Page suivante / précédente", "Écran de salle : zone ou sous-thématique suivante"),
            ("0 … 9", "Écran de salle : tout le tableau (0) ou la zone n"),
        ),
    ),
    (
        "Dans le vote",
        (
            ("Alt+↑ / Alt+↓", "Monter / descendre la proposition choisie"),
            ("Entrée, ↓ / ↑", "Gommettes au mur : nombre suivant / précédent"),
            ("1 … 9, Entrée", "Bulletin : placer ou retirer une gommette, puis valider"),
            ("R", "Révéler les résultats"),
        ),
    ),
    (
        "Dans le bocal à poisson",
        (
            ("Entrée, double-clic", "Asseoir la personne choisie du cercle sur la chaise vide"),
            ("1 … 9", "La personne de la chaise n parle (encore une fois : elle s'arrête)"),
            ("0", "Plus personne ne parle"),
            ("Espace, + / −", "Minuteur du bocal : pause, une minute de plus / de moins"),
            ("Suppr", "La personne choisie du cercle quitte l'atelier (encore : elle revient)"),
            ("Page suivante / précédente", "Notes révélées : page suivante / précédente"),
        ),
    ),
    (
        "Pendant un tour de parole",
        (
            ("Page suivante, →", "Personne suivante (démarre le tour)"),
            ("Entrée (champ « Mot »)", "Noter le mot et passer à la personne suivante"),
            ("Page précédente, ←", "Revenir à la personne précédente"),
            ("L", "Plus tard : à la fin du tour (deux fois : passe son tour)"),
            ("Espace", "Mettre en pause / reprendre le temps de parole"),
            ("Page suivante (tour terminé)", "Séquence suivante du déroulé"),
        ),
    ),
    (
        "Pendant un entretien",
        (
            ("Ctrl+↓ / Ctrl+↑", "Question suivante / précédente"),
            ("Alt+1 … Alt+5", "Marquer le passage : frein, levier, difficulté, action, besoin"),
        ),
    ),
)


FOOTNOTE = (
    "Les touches d'une seule lettre n'agissent que si aucun champ de saisie n'a le "
    "focus : taper « B » dans une carte ne noircit jamais l'écran."
)


def _sections_html(sections) -> str:
    parts = []
    for section, rows in sections:
        parts.append(f"<h3>{section}</h3><table cellspacing='0' cellpadding='3'>")
        for keys, what in rows:
            parts.append(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{what}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def keymap_html() -> str:
    """The whole map in one column (the dialog shows it in two)."""
    return _sections_html(KEYMAP) + f"<p>{FOOTNOTE}</p>"


def _halves() -> tuple[tuple, tuple]:
    """Two columns of about the same number of lines, sections kept whole."""
    sizes = [len(rows) + 2 for _section, rows in KEYMAP]
    best, split = None, 1
    for i in range(1, len(KEYMAP)):
        gap = abs(sum(sizes[:i]) - sum(sizes[i:]))
        if best is None or gap < best:
            best, split = gap, i
    return KEYMAP[:split], KEYMAP[split:]


class KeymapDialog(QDialog):
    """Two columns that scroll when the screen is small (a 1024×768 projector laptop)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Raccourcis clavier et télécommande")
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setSpacing(24)
        self.columns: list[QLabel] = []
        for half in _halves():
            label = QLabel(_sections_html(half))
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setMinimumWidth(420)
            columns.addWidget(label, 1)
            self.columns.append(label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        note = QLabel(FOOTNOTE)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._fit(body)

    def _fit(self, body: QWidget) -> None:
        screen = (self.parentWidget() or self).screen().availableGeometry()
        wanted = body.sizeHint()
        width = min(wanted.width() + 60, int(screen.width() * 0.95))
        height = min(wanted.height() + 100, int(screen.height() * 0.9))
        self.resize(width, height)
