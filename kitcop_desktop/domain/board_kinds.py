"""Board kinds and their zones, as data: the speedboat, KISS, the chemin and the fiche étonnement.

Keys are English (stored), labels French (shown). Zone colours live in palette.ZONE_COLOURS.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kitcop_desktop.domain.palette import ZONE_COLOURS


@dataclass(frozen=True)
class Zone:
    key: str
    label: str  # the room's word, shown on the board
    hint: str  # one line under the label: what goes there
    colour: str


@dataclass(frozen=True)
class BoardKind:
    key: str
    label: str
    zones: tuple[Zone, ...]
    # How zones sit on the board: rows of zone keys (a 2×2 grid, a path of five…).
    rows: tuple[tuple[str, ...], ...]

    def zone(self, key: str) -> Zone:
        for zone in self.zones:
            if zone.key == key:
                return zone
        raise KeyError(key)

    @property
    def zone_keys(self) -> tuple[str, ...]:
        return tuple(z.key for z in self.zones)


def _zone(key: str, label: str, hint: str) -> Zone:
    return Zone(key, label, hint, ZONE_COLOURS[key])


KINDS: dict[str, BoardKind] = {
    "speedboat": BoardKind(
        "speedboat",
        "Speedboat",
        (
            _zone("levers", "Leviers (voiles, vent)", "Ce qui nous pousse vers l'objectif"),
            _zone("brakes", "Freins (ancres)", "Ce qui nous retient"),
        ),
        (("levers",), ("brakes",)),
    ),
    # The kit's four parts, in its order: 1. on garde 2. on jette 3. on améliore 4. on commence.
    # « stop » is the stored key of « on jette » (it was labelled « on arrête »): files keep it.
    "kiss": BoardKind(
        "kiss",
        "Rétrospective KISS",
        (
            _zone("keep", "On garde", "Ce qui marche et qu'on continue"),
            _zone("stop", "On jette", "Ce qu'on ne garde pas"),
            _zone("improve", "On améliore", "Ce qu'on garde en le changeant"),
            _zone("start", "On commence", "Les nouvelles actions à créer"),
        ),
        (("keep", "stop"), ("improve", "start")),
    ),
    # The kit words the chemin twice; both wordings' stations are kept, in the path's order.
    "retro_path": BoardKind(
        "retro_path",
        "Chemin de la rétrospective",
        (
            _zone("worked", "Ça a marché", "Ce qui a fonctionné"),
            _zone("did_not_work", "Ça n'a pas marché", "Ce qui a coincé"),
            _zone("retried", "Déjà ré-essayé", "Ce qu'on a déjà retenté"),
            _zone("detected", "J'ai détecté", "Ce que j'ai repéré en chemin"),
            _zone("loved", "J'ai aimé", "Ce qui m'a plu"),
            _zone("hated", "Je n'ai pas aimé", "Ce qui m'a déplu"),
            _zone("learned", "J'ai appris", "Ce que je retiens"),
        ),
        (("worked", "did_not_work", "retried", "detected"), ("loved", "hated", "learned")),
    ),
    "astonishment": BoardKind(
        "astonishment",
        "Fiche étonnement",
        (
            _zone("agree", "Je suis d'accord", "Ce avec quoi je suis d'accord"),
            _zone("surprised", "Me surprend, m'interroge", "Ce qui me surprend"),
            _zone("missing", "Ce qui manque", "Ce qui n'a pas été dit"),
            _zone("other", "Autres remarques", "Tout le reste"),
        ),
        (("agree", "surprised"), ("missing", "other")),
    ),
}

# The chemin de la rétrospective can be read from two angles (the kit: concret / ressentis).
ANGLES = {"": "", "actions": "Actions", "feelings": "Ressentis"}
# A chemin « séparé actions / ressentis »: each zone in lanes, actions on top. Cards without
# an angle get a third lane at the bottom, shown only while some remain: they are to sort,
# and filing them silently under actions would tell the room something nobody said.
LANE_LABELS = {"actions": "Actions", "feelings": "Ressentis", "": "Sans angle"}


def angle_lanes(kind_key: str, split: bool, angles: Iterable[str]) -> tuple[str, ...]:
    """The lanes of a board: () unless a chemin split by angle; `angles`: its cards' angles."""
    if kind_key != "retro_path" or not split:
        return ()
    return ("actions", "feelings", "") if "" in set(angles) else ("actions", "feelings")


def kinds_offered(present: Iterable[str]) -> tuple[str, ...]:
    """Board kinds in the order « Nouveau tableau » offers them: the kinds this workshop
    already uses first (a KISS retrospective offers KISS, not the speedboat), then the others."""
    present = set(present)
    first = [k for k in KINDS if k in present]
    return (*first, *(k for k in KINDS if k not in present))


def kind(key: str) -> BoardKind:
    """The BoardKind for a key; KeyError for an unknown kind."""
    return KINDS[key]


def zone_label(kind_key: str, zone_key: str) -> str:
    return KINDS[kind_key].zone(zone_key).label


def next_zone(kind_key: str, zone_key: str, step: int = 1) -> str:
    """The zone after (or before, step=-1) this one, wrapping around: what Tab does."""
    keys = KINDS[kind_key].zone_keys
    index = keys.index(zone_key) if zone_key in keys else -1
    return keys[(index + step) % len(keys)]


_PUNCT = re.compile(r"[^\w]+", re.UNICODE)


class _Marks(dict[int, int | None]):
    """str.translate's table: combining marks (accents) to nothing, every other character to
    itself; each character is looked up once, then the translation runs in C (issue 15: a
    board of 5,000 post-its is normalised in milliseconds, not a character at a time)."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_MARKS = _Marks()


def normalise(text: str) -> str:
    """What two cards must share to be « déjà présent »: case, accents, punctuation ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = decomposed if decomposed.isascii() else decomposed.translate(_MARKS)
    return " ".join(_PUNCT.sub(" ", bare).split())


def split_pasted(text: str) -> list[str]:
    """Pasted lines become one card each; bullets and blank lines are dropped."""
    cards = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip().lstrip("-•*·–—").strip()
        if line:
            cards.append(line)
    return cards


def matches(text: str, query: str) -> bool:
    """Search: every word of the query appears in the text (accents and case ignored)."""
    hay = normalise(text)
    return all(word in hay for word in normalise(query).split())
