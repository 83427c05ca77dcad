"""Board kinds and their zones, as data: the speedboat, KISS, the chemin and the fiche étonnement.

Keys are English (stored), labels French (shown). Zone colours live in palette.ZONE_COLOURS.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kitcop_desktop.domain.palette import ZONE_COLOURS
from kitcop_desktop.i18n import TrMap, tr, tr_later


@dataclass(frozen=True)
class Zone:
    key: str
    french_label: str  # the room's word, shown on the board (in the app's language: .label)
    french_hint: str  # one line under the label: what goes there
    colour: str

    @property
    def label(self) -> str:
        return tr(self.french_label)

    @property
    def hint(self) -> str:
        return tr(self.french_hint)


@dataclass(frozen=True)
class BoardKind:
    key: str
    french_label: str
    zones: tuple[Zone, ...]
    # How zones sit on the board: rows of zone keys (a 2×2 grid, a path of five…).
    rows: tuple[tuple[str, ...], ...]

    def zone(self, key: str) -> Zone:
        for zone in self.zones:
            if zone.key == key:
                return zone
        raise KeyError(key)

    @property
    def label(self) -> str:
        return tr(self.french_label)

    @property
    def zone_keys(self) -> tuple[str, ...]:
        return tuple(z.key for z in self.zones)


def _zone(key: str, label: str, hint: str) -> Zone:
    return Zone(key, label, hint, ZONE_COLOURS[key])


KINDS: dict[str, BoardKind] = {
    "speedboat": BoardKind(
        "speedboat",
        tr_later("Speedboat"),
        (
            _zone(
                "levers",
                tr_later("Leviers (voiles, vent)"),
                tr_later("Ce qui nous pousse vers l'objectif"),
            ),
            _zone("brakes", tr_later("Freins (ancres)"), tr_later("Ce qui nous retient")),
        ),
        (("levers",), ("brakes",)),
    ),
    # The kit's four parts, in its order: 1. on garde 2. on jette 3. on améliore 4. on commence.
    # « stop » is the stored key of « on jette » (it was labelled « on arrête »): files keep it.
    "kiss": BoardKind(
        "kiss",
        tr_later("Rétrospective KISS"),
        (
            _zone("keep", tr_later("On garde"), tr_later("Ce qui marche et qu'on continue")),
            _zone("stop", tr_later("On jette"), tr_later("Ce qu'on ne garde pas")),
            _zone("improve", tr_later("On améliore"), tr_later("Ce qu'on garde en le changeant")),
            _zone("start", tr_later("On commence"), tr_later("Les nouvelles actions à créer")),
        ),
        (("keep", "stop"), ("improve", "start")),
    ),
    # The kit words the chemin twice; both wordings' stations are kept, in the path's order.
    "retro_path": BoardKind(
        "retro_path",
        tr_later("Chemin de la rétrospective"),
        (
            _zone("worked", tr_later("Ça a marché"), tr_later("Ce qui a fonctionné")),
            _zone("did_not_work", tr_later("Ça n'a pas marché"), tr_later("Ce qui a coincé")),
            _zone("retried", tr_later("Déjà ré-essayé"), tr_later("Ce qu'on a déjà retenté")),
            _zone("detected", tr_later("J'ai détecté"), tr_later("Ce que j'ai repéré en chemin")),
            _zone("loved", tr_later("J'ai aimé"), tr_later("Ce qui m'a plu")),
            _zone("hated", tr_later("Je n'ai pas aimé"), tr_later("Ce qui m'a déplu")),
            _zone("learned", tr_later("J'ai appris"), tr_later("Ce que je retiens")),
        ),
        (("worked", "did_not_work", "retried", "detected"), ("loved", "hated", "learned")),
    ),
    "astonishment": BoardKind(
        "astonishment",
        tr_later("Fiche étonnement"),
        (
            _zone("agree", tr_later("Je suis d'accord"), tr_later("Ce avec quoi je suis d'accord")),
            _zone(
                "surprised", tr_later("Me surprend, m'interroge"), tr_later("Ce qui me surprend")
            ),
            _zone("missing", tr_later("Ce qui manque"), tr_later("Ce qui n'a pas été dit")),
            _zone("other", tr_later("Autres remarques"), tr_later("Tout le reste")),
        ),
        (("agree", "surprised"), ("missing", "other")),
    ),
}

# The chemin de la rétrospective can be read from two angles (the kit: concret / ressentis).
ANGLES = TrMap({"": "", "actions": tr_later("Actions"), "feelings": tr_later("Ressentis")})
# A chemin « séparé actions / ressentis »: each zone in lanes, actions on top. Cards without
# an angle get a third lane at the bottom, shown only while some remain: they are to sort,
# and filing them silently under actions would tell the room something nobody said.
LANE_LABELS = TrMap(
    {"actions": tr_later("Actions"), "feelings": tr_later("Ressentis"), "": tr_later("Sans angle")}
)


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
