"""The chantier's gouvernance (kit Brique 1-6 / 3-6): instances, the actors in each with their
RACI letter, and the degree of participation each instance expects. Pure rules.

Exactly one « A » (who arbitrates) per instance is the method's advice: anything else is said
as a warning beside the instance, never refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import TrList, TrMap, tr, tr_later

# RACI letter -> what the kit says it means (« R si l'acteur réalise… »).
RACI: Mapping[str, str] = TrMap(
    {
        "R": tr_later("réalise"),
        "A": tr_later("arbitre"),
        "C": tr_later("consulté"),
        "I": tr_later("informé"),
    }
)
RACI_ORDER = {letter: index for index, letter in enumerate(RACI)}

# The degrees of participation the kit names (« information, consultation, co-construction »).
PARTICIPATION: Mapping[str, str] = TrMap(
    {
        "information": tr_later("Information"),
        "consultation": tr_later("Consultation"),
        "co_construction": tr_later("Co-construction"),
    }
)

# The instances the kit cites, offered when adding one.
SUGGESTED_BODIES: Sequence[str] = TrList(
    (
        tr_later("Comité de pilotage"),
        tr_later("Groupe projet"),
        tr_later("Comité technique"),
        tr_later("Groupe de travail"),
    )
)


def require_raci(value: object) -> str:
    letter = str(value or "").strip().upper()
    if letter not in RACI:
        raise InvalidInput(
            tr(
                "Lettre RACI inconnue\u00a0: R (réalise), A (arbitre), C (consulté) ou I (informé). "
                "Rien n'a été modifié."
            )
        )
    return letter


def require_participation(value: object) -> str:
    if value not in PARTICIPATION:
        raise InvalidInput(
            tr(
                "Degré de participation inconnu\u00a0: information, consultation ou co-construction. "
                "Rien n'a été modifié."
            )
        )
    return str(value)


def raci_warning(letters: Iterable[str]) -> str:
    """What to tell of an instance's letters (« » when it follows the method)."""
    letters = list(letters)
    if not letters:
        return tr("Aucun acteur dans cette instance.")
    arbiters = letters.count("A")
    if arbiters == 0:
        return tr(
            "Personne n'arbitre (aucun «\u00a0A\u00a0»)\u00a0: qui tranche dans cette instance\u00a0?"
        )
    if arbiters > 1:
        return tr(
            "{arbiters} acteurs arbitrent («\u00a0A\u00a0»)\u00a0: la méthode RACI en garde un seul."
        ).format(arbiters=arbiters)
    return ""
