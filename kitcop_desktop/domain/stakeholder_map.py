"""The cartographie des acteurs (kit Brique 1-2): categories, the kit's three zones drawn as
rings around the chantier, where a new actor lands, and who has been met. Pure rules.

An actor's place is (x, y) in a square of side 2 centred on the chantier (−1…1 each way):
its zone follows from its distance to the centre, so dragging it across a ring changes its
zone, and the printed map puts it where the screen did.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kitcop_desktop.domain.palette import OKABE_ITO
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import TrList, TrMap, tr, tr_later, tr_n

# The kit's colours of gommettes: public, private, para-public (code -> French label).
CATEGORIES: Mapping[str, str] = TrMap(
    {
        "public": tr_later("Acteur public"),
        "private": tr_later("Acteur privé"),
        "para_public": tr_later("Acteur para-public"),
    }
)
CATEGORY_SHORT: Mapping[str, str] = TrMap(
    {
        "public": tr_later("public"),
        "private": tr_later("privé"),
        "para_public": tr_later("para-public"),
    }
)
CATEGORY_COLOURS: dict[str, str] = {
    "public": OKABE_ITO["blue"],
    "private": OKABE_ITO["orange"],
    "para_public": OKABE_ITO["green"],
}
# The fourth mark of the kit: « acteurs ayant des capacités d'influence et des effets de leviers ».
INFLUENCE_LABEL = tr_later("Influence / effet de levier")  # tr() where shown
INFLUENCE_COLOUR = OKABE_ITO["vermilion"]
INFLUENCE_MARK = "★"

# The three zones, from the centre out: how far the actor is engaged in the chantier.
ZONES: Sequence[str] = TrList(
    (
        tr_later("Acteurs moteurs"),
        tr_later("Acteurs impliqués"),
        tr_later("Acteurs à mobiliser"),
    )
)
ZONE_HINTS: Sequence[str] = TrList(
    (
        tr_later("portent le chantier et décident"),
        tr_later("contribuent, sont consultés"),
        tr_later("concernés, pas encore embarqués"),
    )
)
# Outer radius of each zone, the map's half-side being 1 (the corners belong to the last).
ZONE_RADII: tuple[float, ...] = (1 / 3, 2 / 3, 1.0)
LIMIT = 1.0  # |x| and |y| never exceed it
MAX_ACTORS = 500
NAME_MAX = 200


def require_category(value: object) -> str:
    if value not in CATEGORIES:
        raise InvalidInput(
            tr(
                "Catégorie inconnue\u00a0: choisissez public, privé ou para-public. "
                "Rien n'a été modifié."
            )
        )
    return str(value)


def category_from_text(text: str) -> str | None:
    """« privé », « Para-public », « PUBLIC » → the code; None when not recognised."""
    key = fold(text).replace("-", "").replace(" ", "")
    return {
        "public": "public",
        "publique": "public",
        "prive": "private",
        "privee": "private",
        "private": "private",
        "parapublic": "para_public",
        "parapublique": "para_public",
    }.get(key)


def clamp(x: float, y: float) -> tuple[float, float]:
    """A place on the map: inside the square, never NaN."""

    def one(v: float) -> float:
        if not isinstance(v, int | float) or math.isnan(v):
            return 0.0
        return max(-LIMIT, min(LIMIT, float(v)))

    return one(x), one(y)


def zone_of(x: float, y: float) -> int:
    """0, 1 or 2: the ring the place falls in."""
    r = math.hypot(*clamp(x, y))
    for index, radius in enumerate(ZONE_RADII[:-1]):
        if r < radius:
            return index
    return len(ZONE_RADII) - 1


def free_spot(zone: int, taken: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """Where a new actor of `zone` lands: on the ring's middle circle, at the first angle (in
    steps of the golden angle) far enough from every actor already there."""
    zone = max(0, min(len(ZONES) - 1, zone))
    inner = 0.0 if zone == 0 else ZONE_RADII[zone - 1]
    outer = ZONE_RADII[zone] if zone < len(ZONES) - 1 else 0.92
    places = list(taken)
    golden = math.pi * (3 - math.sqrt(5))
    best, best_gap = (0.0, 0.0), -1.0
    for step in range(240):
        # Walk out across the ring as the angles fill up.
        radius = inner + (outer - inner) * (0.5 + 0.35 * math.sin(step * 0.7))
        if zone == 0:
            radius = (outer * 0.8) * math.sqrt((step % 12 + 1) / 12)
        angle = step * golden - math.pi / 2
        spot = clamp(radius * math.cos(angle), radius * math.sin(angle))
        gap = min((math.hypot(spot[0] - a, spot[1] - b) for a, b in places), default=9.0)
        if gap >= 0.16:
            return spot
        if gap > best_gap:
            best, best_gap = spot, gap
    return best


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case, no accents, single spaces: how two spellings of a structure are compared."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().replace("’", "'").split())


@dataclass(frozen=True)
class Encounter:
    """Where an actor has been met in the chantier (names of the workshops, interviews…)."""

    workshops: tuple[str, ...] = ()  # workshops where someone of it took part
    interviews: int = 0  # interviews of someone of it
    pilots: tuple[str, ...] = ()  # fiches actions it pilots (their headings)

    @property
    def met(self) -> bool:
        return bool(self.workshops or self.interviews or self.pilots)

    def summary(self) -> str:
        parts = []
        if self.workshops:
            workshops = ", ".join(self.workshops)
            parts.append(
                tr_n(
                    "atelier\u00a0: {names}", "ateliers\u00a0: {names}", len(self.workshops)
                ).format(names=workshops)
            )
        if self.interviews:
            count = self.interviews
            parts.append(tr_n("{n} entretien", "{n} entretiens", count).format(n=count))
        if self.pilots:
            count = len(self.pilots)
            parts.append(tr_n("pilote de {n} fiche", "pilote de {n} fiches", count).format(n=count))
        return " · ".join(parts) if parts else tr("Pas encore rencontré")


def names_in(text: str) -> list[str]:
    """The names listed in a fiche action's « pilotes » (« CFA ; AFPA, Région / OPCO »)."""
    for sep in (",", "/", "\n", " et "):
        text = text.replace(sep, ";")
    return [fold(part) for part in text.split(";") if fold(part)]


def matches(actor_keys: Iterable[str], other: str) -> bool:
    """Whether a participant's structure or name, an interviewee's structure or a pilot names
    this actor: the same words once folded, or the actor's name as a whole word of it
    (« CAPEB » in « CAPEB Rhône »)."""
    return matches_folded(actor_keys, fold(other))


def matches_folded(actor_keys: Iterable[str], target: str) -> bool:
    """`matches` for a text already folded (a list read once, compared with every actor)."""
    if not target:
        return False
    words = f" {target} "
    for key in actor_keys:
        if key and (key == target or (len(key) >= 3 and f" {key} " in words)):
            return True
    return False


class NameIndex:
    """Folded texts (structures, names, pilots) by every run of their words, so that which of
    them name an actor is a look-up, not a scan: the same answers as `matches_folded`."""

    def __init__(self) -> None:
        self._runs: dict[str, set[int]] = {}
        self._whole: dict[str, set[int]] = {}

    def add(self, folded: str, ref: int) -> None:
        if not folded:
            return
        self._whole.setdefault(folded, set()).add(ref)
        words = folded.split(" ")
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                self._runs.setdefault(" ".join(words[start:end]), set()).add(ref)

    def refs(self, actor_keys: Iterable[str]) -> set[int]:
        """The refs of the texts that name an actor of these folded keys."""
        found: set[int] = set()
        for key in actor_keys:
            if not key:
                continue
            found |= self._runs.get(key, set()) if len(key) >= 3 else self._whole.get(key, set())
        return found


MAX_ALIASES = 200


def split_aliases(text: str) -> tuple[str, ...]:
    """The names an actor was linked to by hand, as stored (one a line)."""
    return tuple(line.strip() for line in (text or "").split("\n") if line.strip())


def join_aliases(names: Iterable[str]) -> str:
    """Names as stored: one line each, each once (case and accents aside), none empty."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        line = " ".join(str(name).split())[:NAME_MAX]
        key = fold(line)
        if key and key not in seen:
            seen.add(key)
            out.append(line)
    return "\n".join(out[:MAX_ALIASES])
