"""Who may see a piece of content: one value per datum, one rule for every output.

Every piece of content has one visibility, set where it is created (a model column's `info`,
see storage/visibility.py) and shown in the control window with an icon and a word:

- salle (ROOM): may be projected and printed in any restitution;
- restitution (RESTITUTION): not projected until revealed, printed in the participants'
  restitution once revealed (the note-taker's board of a fishbowl, a secret vote's tallies);
- animateur·rice (FACILITATOR): never projected, never in a participants' or partners'
  document, only in the facilitator's version, never exported unless asked for explicitly
  (facilitator notes, interviewees' real names, e-mail addresses).

`may_see(visibility, audience, revealed=...)` is the only place that decides. The room views,
the PDF builders and the exporter ask it; none of them decides privacy by itself. A reveal is a
deliberate act outside the undo history: undoing never makes anything more visible.
"""

from __future__ import annotations

from enum import StrEnum

from kitcop_desktop.i18n import TrMap, tr_later


class Visibility(StrEnum):
    ROOM = "room"
    RESTITUTION = "restitution"
    FACILITATOR = "facilitator"


class Audience(StrEnum):
    ROOM_SCREEN = "room_screen"  # the projector
    PARTICIPANTS = "participants"  # any restitution: participants', partners' documents
    FACILITATOR = "facilitator"  # the facilitator's own document (« ne pas diffuser »)
    EXPORT = "export"  # a .kitcop file made with the default options
    EXPORT_PRIVATE = "export_private"  # a .kitcop file made with the explicit option


# The word the interface shows next to each field, and what it promises (tooltips, docs).
WORDS = TrMap(
    {
        Visibility.ROOM: tr_later("salle"),
        Visibility.RESTITUTION: tr_later("restitution"),
        Visibility.FACILITATOR: tr_later("animateur·rice"),
    }
)
PROMISES = TrMap(
    {  # French typography: a no-break space before « : » and « ; »
        Visibility.ROOM: tr_later("Salle : peut être projeté et imprimé dans toute restitution."),
        Visibility.RESTITUTION: tr_later(
            "Restitution : jamais projeté avant d'être révélé ; une fois révélé, projeté et imprimé dans la restitution."
        ),
        Visibility.FACILITATOR: tr_later(
            "Animateur·rice : jamais projeté, jamais dans un document pour les participant·es ou les partenaires ; seulement dans votre version (« ne pas diffuser ») et dans un export si vous le demandez."
        ),
    }
)
# The mark every page of the facilitator's document carries.
FACILITATOR_MARK = tr_later("Document de l'animateur·rice — ne pas diffuser")

# Who sees what: ROOM everywhere; RESTITUTION everywhere once revealed (always for the
# facilitator and an explicit export); FACILITATOR only for the facilitator and on request.
_ALWAYS = {
    Visibility.ROOM: frozenset(Audience),
    Visibility.RESTITUTION: frozenset({Audience.FACILITATOR, Audience.EXPORT_PRIVATE}),
    Visibility.FACILITATOR: frozenset({Audience.FACILITATOR, Audience.EXPORT_PRIVATE}),
}
_ONCE_REVEALED = {
    Visibility.ROOM: frozenset(Audience),
    Visibility.RESTITUTION: frozenset(Audience),
    Visibility.FACILITATOR: frozenset({Audience.FACILITATOR, Audience.EXPORT_PRIVATE}),
}


def may_see(
    visibility: Visibility | str, audience: Audience | str, *, revealed: bool = False
) -> bool:
    """May this audience see content of this visibility? `revealed` says whether the facilitator
    has revealed it (it matters only for « restitution »: an animateur·rice note stays private
    whatever happens to it)."""
    visibility, audience = Visibility(visibility), Audience(audience)
    table = _ONCE_REVEALED if revealed else _ALWAYS
    return audience in table[visibility]


def export_audience(explicit: bool) -> Audience:
    """The audience of a .kitcop export: explicit = the facilitator asked for private data."""
    return Audience.EXPORT_PRIVATE if explicit else Audience.EXPORT
