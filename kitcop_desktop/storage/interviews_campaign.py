"""The interview campaign as a whole: profiles, synthesis of freins and leviers, the speedboat
they feed, and erasing an interviewee for good.

Re-exported by storage.interviews (import from there). Never reads real names, except
`restitutions(..., include_real_names=True)` when the facilitator asks for them explicitly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.interview_guides import bare_passage, mark_kind
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.board import Card
from kitcop_desktop.storage.models.interview import (
    Interview,
    IntervieweeIdentity,
    InterviewMark,
)

SPEEDBOAT_TITLE = "Speedboat — enquête de terrain"


@dataclass(frozen=True)
class SynthesisItem:
    mark_id: int
    kind: str  # brake, lever, difficulty, action, need
    text: str
    interview_id: int
    pseudonym: str
    sent: bool  # already on a speedboat board


@dataclass
class Synthesis:
    """All marked passages of a workshop's interviews, by speedboat zone and by kind."""

    brakes: list[SynthesisItem] = field(default_factory=list)  # freins and difficultés
    levers: list[SynthesisItem] = field(default_factory=list)
    actions: list[SynthesisItem] = field(default_factory=list)
    needs: list[SynthesisItem] = field(default_factory=list)

    @property
    def unsent(self) -> list[SynthesisItem]:
        return [item for item in self.brakes + self.levers if not item.sent]


@dataclass(frozen=True)
class ProfileTable:
    """Who was interviewed: counts by profession, sector and territory (to see who is missing)."""

    done: int
    planned: int
    professions: list[tuple[str, int]]
    sectors: list[tuple[str, int]]
    territories: list[tuple[str, int]]


@dataclass(frozen=True)
class Restitution:
    """The kit's restitution model for one interview, as printed (pseudonym by default)."""

    interview_id: int
    number: int
    pseudonym: str
    real_name: str  # "" unless include_real_names was asked for
    date: object  # datetime.date | None
    profession: str
    structure: str
    sector: str
    territory: str
    engagement: str
    actions: str
    difficulties: str
    levers: str
    done: bool


def restitutions(
    session: Session, workshop_id: int, *, include_real_names: bool = False
) -> list[Restitution]:
    """Every interview's restitution, by number, for printing and export.

    Real names are read only when `include_real_names` is True (an explicit request).
    """
    names: dict[int, str] = {}
    if include_real_names:
        names = dict(
            session.execute(
                select(IntervieweeIdentity.interview_id, IntervieweeIdentity.real_name)
                .join(Interview, Interview.id == IntervieweeIdentity.interview_id)
                .where(Interview.workshop_id == workshop_id)
            ).all()
        )
    interviews = session.scalars(
        select(Interview).where(Interview.workshop_id == workshop_id).order_by(Interview.number)
    )
    return [
        Restitution(
            i.id,
            i.number,
            i.pseudonym,
            names.get(i.id, ""),
            i.date,
            i.profession,
            i.structure,
            i.sector,
            i.territory,
            i.report_engagement,
            i.report_actions,
            i.report_difficulties,
            i.report_levers,
            i.done,
        )
        for i in interviews
    ]


def synthesis(session: Session, workshop_id: int) -> Synthesis:
    """Freins (with difficultés) and leviers of every interview, each with its pseudonym."""
    rows = session.execute(
        select(InterviewMark, Interview.pseudonym)
        .join(Interview, Interview.id == InterviewMark.interview_id)
        .where(Interview.workshop_id == workshop_id)
        .order_by(Interview.number, InterviewMark.id)
    )
    result = Synthesis()
    for mark, pseudonym in rows:
        item = SynthesisItem(
            mark.id,
            mark.kind,
            mark.text,
            mark.interview_id,
            pseudonym,
            mark.sent_board_id is not None,
        )
        zone = mark_kind(mark.kind).zone
        if zone == "brakes":
            result.brakes.append(item)
        elif zone == "levers":
            result.levers.append(item)
        elif mark.kind == "action":
            result.actions.append(item)
        else:
            result.needs.append(item)
    return result


def _counted(values: Iterable[str]) -> list[tuple[str, int]]:
    counts = Counter(v.strip() or tr("(non renseigné)") for v in values)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))


def profile_table(session: Session, workshop_id: int) -> ProfileTable:
    interviews = list(
        session.scalars(select(Interview).where(Interview.workshop_id == workshop_id))
    )
    return ProfileTable(
        done=sum(1 for i in interviews if i.done),
        planned=len(interviews),
        professions=_counted(i.profession for i in interviews),
        sectors=_counted(i.sector for i in interviews),
        territories=_counted(i.territory for i in interviews),
    )


def send_synthesis_to_board(
    session: Session, workshop_id: int, title: str = SPEEDBOAT_TITLE
) -> tuple[int, list[int]]:
    """Put every frein and levier not yet sent on a speedboat board, in one go.

    Each card says where it came from by pseudonym only (« Entretien — Enquêté·e 3 ») and keeps
    its source interview id. Returns (board id, ids of the cards created); sending again adds
    only what was marked since.
    """
    from kitcop_desktop.storage import boards  # the boards area's operations

    board = boards.find_or_create_board(session, workshop_id, "speedboat", title)
    created = []
    for item in synthesis(session, workshop_id).unsent:
        zone = mark_kind(item.kind).zone
        text = item.text
        if item.kind == "difficulty":  # said once, even when the passage said it already
            text = tr("Difficulté : {kind}").format(kind=bare_passage(item.kind, item.text))
        card = boards.add_card(
            session,
            board.id,
            zone,
            text[:2000],
            source=f"Entretien — {item.pseudonym}",
            source_interview_id=item.interview_id,
        )
        created.append(card.id)
        mark = session.get(InterviewMark, item.mark_id)
        if mark is not None:
            mark.sent_board_id = board.id
    session.flush()
    return board.id, created


def unsend(session: Session, card_ids: list[int], mark_ids: list[int]) -> None:
    """Undo of send_synthesis_to_board: remove those cards, mark the passages as unsent."""
    if card_ids:
        session.execute(delete(Card).where(Card.id.in_(card_ids)))
    for mark_id in mark_ids:
        mark = session.get(InterviewMark, mark_id)
        if mark is not None:
            mark.sent_board_id = None
    session.flush()


def campaign_board_id(session: Session, workshop_id: int) -> int | None:
    """The board the synthesis was last sent to (None if never sent, or its cards are gone)."""
    return session.scalar(
        select(Card.board_id)
        .join(Interview, Interview.id == Card.source_interview_id)
        .where(Interview.workshop_id == workshop_id)
        .order_by(Card.id.desc())
        .limit(1)
    )


def cards_from(session: Session, interview_id: int) -> int:
    """How many board cards came from this interview (to name them before erasing)."""
    return len(
        session.scalars(select(Card.id).where(Card.source_interview_id == interview_id)).all()
    )


def erase_interviewee(session: Session, interview_id: int) -> str:
    """Delete an interview, its real name, notes, marks and the cards made from it, for good.

    Not undoable. secure_delete zeroes the freed bytes; the caller must then call
    `store.checkpoint()` so that the WAL keeps no copy either. Returns the pseudonym.
    """
    interview = session.get(Interview, interview_id)
    if interview is None:
        raise NotFound("Cet entretien n'existe plus.")
    pseudonym = interview.pseudonym
    session.execute(delete(Card).where(Card.source_interview_id == interview_id))
    session.delete(interview)
    session.flush()
    return pseudonym
