"""The bocal à poisson (fishbowl): who sits in the centre, who speaks, for how long.

The kit's rule: a few chairs in the centre (4 by default), one of them always empty; only the
centre speaks; whoever wants to speak takes the empty chair and someone in the centre leaves.
Everything here works on plain records and an explicit `now` (UTC), so every rule is tested
with an injected clock and the same facts give the same answer after a restart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import TrMap, current_language, tr, tr_later

MIN_CHAIRS = 2
MAX_CHAIRS = 12
DEFAULT_CHAIRS = 4
DEFAULT_QUESTION = tr_later(
    "Nous sommes en 2030 et nous avons atteint les objectifs de la COP dans le secteur. À quoi cela ressemble-t-il concrètement ? Qu'avons-nous mis en place pour y parvenir ? Quelles ont été les clés de succès ? Quels obstacles avons-nous réussi à dépasser ?"
)
NOTE_HEADINGS = TrMap(
    {
        "actions": tr_later("Actions concrètes"),
        "levers": tr_later("Leviers de réussite"),
        "brakes_overcome": tr_later("Freins dépassés"),
    }
)
CATEGORY_LABELS = TrMap(
    {
        "public": tr_later("Public"),
        "private": tr_later("Privé"),
        "para_public": tr_later("Para-public"),
        "": "—",
    }
)


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    category: str = ""
    left: bool = False  # quitté l'atelier: gone for good, never seated again


def left_text(name: str) -> str:
    """Why someone who left cannot sit or speak (storage and the UI say the same)."""
    return tr("{name} a quitté l'atelier. Rien n'a été modifié.").format(name=name)


def shown_name(member: Member | PersonStats) -> str:
    """The name as lists show it: « Léa Fontaine (parti·e) » once she left the workshop."""
    return f"{member.name} (parti·e)" if member.left else member.name


@dataclass(frozen=True)
class Seating:
    member_id: int
    chair: int
    sat_at: datetime
    left_at: datetime | None = None


@dataclass(frozen=True)
class Turn:
    member_id: int
    started_at: datetime
    ended_at: datetime | None = None


def duration(start: datetime, end: datetime | None, now: datetime) -> float:
    """Seconds from start to end (or now while open); never negative, whatever the wall clock."""
    return max(0.0, ((end or now) - start).total_seconds())


def require_chairs(value: int | str) -> int:
    """A number of centre chairs: 2 to 12 (one stays empty, so at least one person speaks)."""
    try:
        chairs = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(
            tr("Le nombre de chaises doit être un nombre. Rien n'a été modifié.")
        ) from None
    if not MIN_CHAIRS <= chairs <= MAX_CHAIRS:
        raise InvalidInput(
            tr(
                "Le bocal compte de {least} à {most} chaises au centre. Rien n'a été modifié."
            ).format(least=MIN_CHAIRS, most=MAX_CHAIRS)
        )
    return chairs


@dataclass(frozen=True)
class Centre:
    """Who sits where right now, and who is speaking."""

    chairs: int
    seated: dict[int, int]  # chair index -> member id
    since: dict[int, datetime]  # member id -> when they sat
    speaker: int | None

    @property
    def free_chairs(self) -> list[int]:
        return [c for c in range(self.chairs) if c not in self.seated]

    def chair_of(self, member_id: int) -> int | None:
        for chair, who in self.seated.items():
            if who == member_id:
                return chair
        return None

    def quiet_since(self, turns: Iterable[Turn]) -> dict[int, datetime]:
        """For each seated person: the end of their last word since they sat, else when they
        sat (the current speaker, still talking, is not silent at all and is left out)."""
        quiet = {who: self.since[who] for who in self.seated.values()}
        for turn in turns:
            who = turn.member_id
            if who not in quiet or turn.started_at < self.since[who]:
                continue
            if turn.ended_at is None:
                quiet[who] = datetime.max.replace(tzinfo=turn.started_at.tzinfo)
            elif turn.ended_at > quiet[who]:
                quiet[who] = turn.ended_at
        return quiet

    def quietest(self, turns: Iterable[Turn], exclude: int | None = None) -> int | None:
        """Who is proposed to leave the centre: the one silent for the longest time (spoke
        longest ago, or sat longest ago without a word), never the current speaker unless
        nobody else sits there; ties: lowest chair."""
        quiet = self.quiet_since(turns)
        order = sorted(self.seated)
        candidates = [
            self.seated[c] for c in order if self.seated[c] not in (exclude, self.speaker)
        ]
        if not candidates:
            candidates = [self.seated[c] for c in order if self.seated[c] != exclude]
        return min(candidates, key=lambda who: quiet[who], default=None)


def centre(chairs: int, seatings: list[Seating], turns: list[Turn]) -> Centre:
    """The present state from the open seatings and turns."""
    seated: dict[int, int] = {}
    since: dict[int, datetime] = {}
    for s in seatings:
        if s.left_at is None:
            seated[s.chair] = s.member_id
            since[s.member_id] = s.sat_at
    open_turns = [t for t in turns if t.ended_at is None]
    speaker = open_turns[-1].member_id if open_turns else None
    return Centre(chairs, seated, since, speaker)


@dataclass(frozen=True)
class SeatPlan:
    """What seating someone implies: the chair taken and whether someone must leave."""

    chair: int
    must_leave: bool
    proposed_leaver: int | None


LEAVER_RULE = tr_later("silencieux·se depuis le plus longtemps, jamais la personne qui parle")


def plan_seat(state: Centre, member_id: int, now: datetime, turns: Iterable[Turn] = ()) -> SeatPlan:
    """Seat `member_id` on the empty chair; when it was the last free one, someone must leave:
    the one proposed is `Centre.quietest` (LEAVER_RULE), given the bowl's `turns`.

    Raises InvalidInput when the person is already in the centre.
    """
    if state.chair_of(member_id) is not None:
        raise InvalidInput(tr("Cette personne est déjà au centre. Rien n'a été modifié."))
    free = state.free_chairs
    if not free:  # only after a damaged file or a change of chair count: take the rule back
        raise InvalidInput(
            tr("Aucune chaise libre : faites d'abord sortir quelqu'un. Rien n'a été modifié.")
        )
    must_leave = len(free) == 1
    proposed = state.quietest(turns, exclude=member_id) if must_leave else None
    return SeatPlan(free[0], must_leave, proposed)


@dataclass(frozen=True)
class PersonStats:
    member_id: int
    name: str
    category: str
    seconds: float
    turns: int
    share: float  # 0..1 of all speaking time
    seated_seconds: float
    left: bool = False  # quitté l'atelier (their spoken time still counts)


@dataclass(frozen=True)
class FishbowlStats:
    people: list[PersonStats]  # most spoken first, then by name
    total_seconds: float
    silent: list[str]  # names of those still here who have not spoken yet, in member order
    by_category: dict[str, float]  # category -> seconds (only categories present)
    category_share: dict[str, float]


def stats(
    members: list[Member], seatings: list[Seating], turns: list[Turn], now: datetime
) -> FishbowlStats:
    """Speaking time and turns per person, shares, who has not spoken, breakdown by category."""
    seconds = {m.id: 0.0 for m in members}
    count = {m.id: 0 for m in members}
    seated = {m.id: 0.0 for m in members}
    for t in turns:
        if t.member_id in seconds:
            seconds[t.member_id] += duration(t.started_at, t.ended_at, now)
            count[t.member_id] += 1
    for s in seatings:
        if s.member_id in seated:
            seated[s.member_id] += duration(s.sat_at, s.left_at, now)
    total = sum(seconds.values())
    people = [
        PersonStats(
            m.id,
            m.name,
            m.category,
            seconds[m.id],
            count[m.id],
            seconds[m.id] / total if total else 0.0,
            seated[m.id],
            m.left,
        )
        for m in members
    ]
    people.sort(key=lambda p: (-p.seconds, p.name.casefold()))
    silent = [m.name for m in members if count[m.id] == 0 and not m.left]
    by_category: dict[str, float] = {}
    for m in members:
        by_category[m.category] = by_category.get(m.category, 0.0) + seconds[m.id]
    category_share = {k: (v / total if total else 0.0) for k, v in by_category.items()}
    return FishbowlStats(people, total, silent, by_category, category_share)


def speaking_clock(seconds: float) -> str:
    """« 2 min 05 s », « 45 s »: a speaking time as the facilitator reads it."""
    whole = int(max(0.0, seconds))
    m, s = divmod(whole, 60)
    if m == 0:
        return f"{s}\u00a0s"
    return f"{m}\u00a0min\u00a0{s:02d}\u00a0s"


def percent(share: float) -> str:
    number = round(share * 100)
    return f"{number}%" if current_language() == "en" else f"{number}\u00a0%"
