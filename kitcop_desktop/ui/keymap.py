"""One keyboard map for every tool (UX.md), shown with F1."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

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
            ("Page suivante, →", "Séquence suivante"),
            ("Page précédente, ←", "Séquence précédente"),
            ("+ / −", "Une minute de plus / de moins ; Maj++ cinq de plus"),
            ("M", "Son activé / coupé"),
        ),
    ),
    (
        "Dans les tableaux",
        (
            ("Entrée", "Ajouter le post-it à la zone choisie (le curseur reste)"),
            ("Tab, Maj+Tab", "Zone suivante / précédente"),
            ("Ctrl+V", "Coller plusieurs lignes : un post-it par ligne"),
            ("Double-clic, F2", "Modifier un post-it ou renommer une sous-thématique"),
            ("Suppr", "Supprimer les post-it choisis"),
            ("Page suivante / précédente", "Écran de salle : zone ou sous-thématique suivante"),
            ("0 … 9", "Écran de salle : tout le tableau (0) ou la zone n"),
        ),
    ),
    (
        "Dans le bocal à poisson",
        (
            ("Entrée, double-clic", "Asseoir la personne choisie du cercle sur la chaise vide"),
            ("1 … 9", "La personne de la chaise n parle (encore une fois : elle s'arrête)"),
            ("0", "Plus personne ne parle"),
            ("Espace, + / −", "Minuteur du bocal : pause, une minute de plus / de moins"),
            ("Page suivante / précédente", "Notes révélées : page suivante / précédente"),
        ),
    ),
    (
        "Pendant un tour de parole",
        (
            ("Page suivante, →", "Personne suivante (démarre le tour)"),
            ("Page précédente, ←", "Revenir à la personne précédente"),
            ("L", "Plus tard : à la fin du tour (deux fois : passe son tour)"),
            ("Espace", "Mettre en pause / reprendre le temps de parole"),
        ),
    ),
)


def keymap_html() -> str:
    parts = []
    for section, rows in KEYMAP:
        parts.append(f"<h3>{section}</h3><table cellspacing='0' cellpadding='4'>")
        for keys, what in rows:
            parts.append(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{what}</td></tr>")
        parts.append("</table>")
    parts.append(
        "<p>Les touches d'une seule lettre n'agissent que si aucun champ de saisie n'a le "
        "focus : taper « B » dans une carte ne noircit jamais l'écran.</p>"
    )
    return "".join(parts)


class KeymapDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Raccourcis clavier et télécommande")
        self.setMinimumWidth(620)
        label = QLabel(keymap_html())
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
