"""The ROTI (« Return On Time Invested »): at the end of a session each person gives the time
spent a score from 1 (time lost) to 5 (time very well invested). Pure rules."""

from __future__ import annotations

from dataclasses import dataclass

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr

LOWEST, HIGHEST = 1, 5
SCORES = tuple(range(LOWEST, HIGHEST + 1))


def require_score(value: object) -> int:
    """A whole number from 1 to 5 (never a boolean, a text or 4.5)."""
    if isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
        raise InvalidInput(
            tr("La note du ROTI est un nombre entier de 1 à 5. Rien n'a été modifié.")
        )
    return value


@dataclass(frozen=True)
class RotiSummary:
    count: int
    average: float | None  # None while nobody answered
    counts: dict[int, int]  # score -> how many gave it, every score from 5 down to 1


def summarise(scores: list[int]) -> RotiSummary:
    counts = {score: 0 for score in reversed(SCORES)}
    for score in scores:
        if score in counts:
            counts[score] += 1
    n = sum(counts.values())
    average = sum(s * c for s, c in counts.items()) / n if n else None
    return RotiSummary(n, average, counts)
