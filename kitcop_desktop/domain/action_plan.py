"""The chantier's action plan and the kit's protocole de test (Brique 4): statuses, verdicts,
criteria. Pure rules, French words."""

from __future__ import annotations

from collections.abc import Mapping

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import TrMap, tr, tr_later

# Status code -> French label, in the order a fiche action goes through (the table sorts so).
STATUSES: Mapping[str, str] = TrMap(
    {
        "to_start": tr_later("À lancer"),
        "in_progress": tr_later("En cours"),
        "tested": tr_later("Testée"),
        "scaled_up": tr_later("Passée à l'échelle"),
        "abandoned": tr_later("Abandonnée"),
    }
)
STATUS_ORDER = {code: index for index, code in enumerate(STATUSES)}

# A test result against one criterion; "" means not judged yet.
VERDICTS: Mapping[str, str] = TrMap(
    {
        "": tr_later("À évaluer"),
        "met": tr_later("Atteint"),
        "partly": tr_later("Partiellement"),
        "not_met": tr_later("Non atteint"),
    }
)

# The protocol's questions, in the kit's order (Brique 4-2).
PROTOCOL_FIELDS: Mapping[str, str] = TrMap(
    {
        "problem": tr_later("À quel problème répond-elle\u00a0?"),
        "objective": tr_later("Quel est l'objectif de la solution\u00a0?"),
        "added_value": tr_later("Quelle est sa valeur ajoutée\u00a0?"),
        "actors": tr_later("Quels acteurs sont nécessaires à sa mise en œuvre\u00a0?"),
        "impact_criteria": tr_later("Critères d'impact à mesurer (un par ligne)"),
        "success_if": tr_later("Vous aurez réussi si…"),
    }
)
PROTOCOL_SHORT: Mapping[str, str] = TrMap(
    {
        "problem": tr_later("Problème"),
        "objective": tr_later("Objectif"),
        "added_value": tr_later("Valeur ajoutée"),
        "actors": tr_later("Acteurs nécessaires"),
        "impact_criteria": tr_later("Critères d'impact"),
        "success_if": tr_later("Vous aurez réussi si…"),
    }
)
CRITERION_MAX = 300
STEP_MAX = 300


def require_status(value: object) -> str:
    if value not in STATUSES:
        raise InvalidInput(
            tr(
                "Statut inconnu\u00a0: choisissez à lancer, en cours, testée, passée à l'échelle ou "
                "abandonnée. Rien n'a été modifié."
            )
        )
    return str(value)


def require_verdict(value: object) -> str:
    if value not in VERDICTS:
        raise InvalidInput(
            tr(
                "Résultat inconnu\u00a0: atteint, partiellement, non atteint ou à évaluer. "
                "Rien n'a été modifié."
            )
        )
    return str(value)


def status_from_key(key: str) -> str | None:
    """The status a digit key gives in the action plan: «\u00a01\u00a0» à lancer … «\u00a05\u00a0» abandonnée."""
    if len(key) == 1 and key.isdigit() and 1 <= int(key) <= len(STATUSES):
        return list(STATUSES)[int(key) - 1]
    return None


def criteria(text: str) -> list[str]:
    """The impact criteria written one per line (bullets and blank lines left out), each once."""
    seen: list[str] = []
    for line in text.splitlines():
        item = line.strip().lstrip("-•*·–— ").strip()
        if item and item.casefold() not in (s.casefold() for s in seen):
            seen.append(item[:CRITERION_MAX])
    return seen


def tally(verdicts: list[str]) -> str:
    """«\u00a02 atteints · 1 partiellement · 0 non atteint\u00a0» (and «\u00a0· 1 à évaluer\u00a0» when some are)."""
    met = sum(1 for v in verdicts if v == "met")
    partly = sum(1 for v in verdicts if v == "partly")
    missed = sum(1 for v in verdicts if v == "not_met")
    waiting = sum(1 for v in verdicts if v not in ("met", "partly", "not_met"))
    parts = [
        f"{met} atteint" + ("s" if met > 1 else ""),
        f"{partly} partiellement",
        f"{missed} non atteint" + ("s" if missed > 1 else ""),
    ]
    if waiting:
        parts.append(tr("{waiting} à évaluer").format(waiting=waiting))
    return " · ".join(parts)
