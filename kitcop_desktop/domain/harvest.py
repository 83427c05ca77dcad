"""The harvest of a table (#24): what its host notes during each round, line by line.

A line may carry one of the kit's angles: a pro-action café's rounds ask for the purpose (« Le
sens, les finalités »), then the needs, then the actions; a world café keeps three ideas per
question (« Idée retenue »). Which angle a round starts with comes from its séquence's title
(« Rotation 2 — Les besoins »); the host may pick another while typing (Alt+key).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

LINE_MAX = 2000
MAX_LINES = 500  # a table's harvest in one round: far above a host's evening
IDEAS_PER_QUESTION = 3  # the world café of seed 004: three ideas per question


@dataclass(frozen=True)
class Angle:
    key: str
    label: str  # French, as shown and printed
    shortcut: str  # the Alt+letter that picks it while typing
    hint: str


ANGLES: tuple[Angle, ...] = (
    Angle("", "Note", "Alt+0", "Une note sans angle"),
    Angle("purpose", "Sens", "Alt+S", "Le sens, les finalités (pro-action café, tour 1)"),
    Angle("needs", "Besoins", "Alt+B", "Les besoins (pro-action café, tour 2)"),
    Angle("actions", "Actions", "Alt+A", "Les actions à mettre en place (pro-action café, tour 3)"),
    Angle("idea", "Idée retenue", "Alt+I", "Une des trois idées retenues pour la question"),
)
ANGLE_KEYS = frozenset(a.key for a in ANGLES)
LABELS = {a.key: a.label for a in ANGLES}
# Printed headings, in this order, before the lines without an angle.
ORDER = ("purpose", "needs", "actions", "idea", "")

_WORDS = (
    ("purpose", ("sens", "finalite")),
    ("needs", ("besoin",)),
    ("actions", ("action",)),
    ("idea", ("idee",)),
)


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def angle_for_round(title: str) -> str:
    """The angle a round's séquence title asks for: « Rotation 1 — Le sens, les finalités »
    gives « purpose »; a title naming none gives "" (a plain note)."""
    plain = _plain(title or "")
    for key, words in _WORDS:
        if any(word in plain for word in words):
            return key
    return ""


def split_lines(text: str) -> list[str]:
    """Pasted text, one line each; bullets and blank lines dropped."""
    out = []
    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip().lstrip("-•*·").strip()
        if line:
            out.append(line)
    return out
