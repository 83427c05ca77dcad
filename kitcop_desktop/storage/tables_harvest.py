"""The harvest of each table, round by round (#24): the host's lines, typed fast.

A line belongs to a table and a round number (1, 2, 3…; the rounds of storage/tables_seating,
one per « rotation » séquence of the déroulé, else one). It may carry one of the kit's angles
(domain/harvest.ANGLES). A line is salle (`text`) or the facilitator's own (`facilitator_note`,
animateur·rice): which audiences see it is asked to domain/visibility, never decided here.

A line or a selection of lines may be sent to a board (a post-it in a zone) or to a vote (a
proposal of its current round); what is already there is left out, so sending twice adds
nothing. A private line is never sent anywhere.

Operations take a Session first, never commit, raise InvalidInput (French, « Rien n'a été
modifié. ») on bad input, and return what undo needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain import harvest as rules
from kitcop_desktop.domain.board_kinds import KINDS, normalise
from kitcop_desktop.domain.participants import name_key
from kitcop_desktop.domain.seating import MAX_ROUNDS
from kitcop_desktop.domain.validation import InvalidInput, clean_text
from kitcop_desktop.domain.visibility import Audience, Visibility
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import boards, visibility, voting
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.models.harvest import HarvestLine
from kitcop_desktop.storage.models.seating import SeatingRound
from kitcop_desktop.storage.tables import NOTHING, get_table
from kitcop_desktop.storage.tables_seating import rotations, round_label


@dataclass(frozen=True)
class LineData:
    """A harvest line as the tools show and print it."""

    id: int
    table_id: int
    round_number: int
    angle: str
    text: str  # whichever column holds it
    private: bool  # animateur·rice: the facilitator's own

    @property
    def visibility(self) -> Visibility:
        return visibility.declared("harvest_lines", "facilitator_note" if self.private else "text")


@dataclass(frozen=True)
class RoundChoice:
    """A round the harvest can be typed in: its number and what the tool shows."""

    number: int
    label: str  # « Tour 2 — Rotation 2 — Les besoins »
    angle: str  # the angle its séquence asks for (domain/harvest.angle_for_round)


@dataclass(frozen=True)
class Sent:
    """What a send did: the rows it made (undo removes them) and what was already there."""

    made: list[int]  # card ids, or vote item ids
    skipped: int  # lines already on the board or in the vote
    vote_id: int | None = None  # a vote created for them (undo deletes it)


def visible(line: LineData, audience: Audience) -> bool:
    return visibility.harvest_line_visible(line.private, audience)


# --- rounds ---------------------------------------------------------------------------------
def round_choices(session: Session, workshop_id: int) -> list[RoundChoice]:
    """One per round: each « rotation » séquence, or the rounds already placed, at least one."""
    sequences = rotations(session, workshop_id)[:MAX_ROUNDS]
    placed = session.scalar(
        select(func.max(SeatingRound.number)).where(SeatingRound.workshop_id == workshop_id)
    )
    typed = session.scalar(
        select(func.max(HarvestLine.round_number)).where(HarvestLine.workshop_id == workshop_id)
    )
    count = max(1, len(sequences), placed or 0, typed or 0)
    out = []
    for number in range(1, count + 1):
        title = sequences[number - 1].title if number <= len(sequences) else ""
        out.append(RoundChoice(number, round_label(number, title), rules.angle_for_round(title)))
    return out


# --- lines ----------------------------------------------------------------------------------
def _data(line: HarvestLine) -> LineData:
    private = not line.text and bool(line.facilitator_note)
    return LineData(
        line.id,
        line.table_id,
        line.round_number,
        line.angle,
        line.facilitator_note if private else line.text,
        private,
    )


def lines(
    session: Session,
    workshop_id: int,
    *,
    table_id: int | None = None,
    round_number: int | None = None,
    audience: Audience = Audience.FACILITATOR,
) -> list[LineData]:
    """The harvest lines this audience may see, by table, round, then as typed."""
    query = select(HarvestLine).where(HarvestLine.workshop_id == workshop_id)
    if table_id is not None:
        query = query.where(HarvestLine.table_id == table_id)
    if round_number is not None:
        query = query.where(HarvestLine.round_number == round_number)
    rows = session.scalars(
        query.order_by(
            HarvestLine.table_id,
            HarvestLine.round_number,
            HarvestLine.position,
            HarvestLine.id,
        )
    )
    # A private line exported without its note arrives empty: nothing to show.
    return [d for d in map(_data, rows) if d.text and visible(d, audience)]


def _line_text(text: str) -> str:
    cleaned = clean_text(text, max_len=rules.LINE_MAX)
    if not cleaned:
        raise InvalidInput(tr("La ligne est vide. {NOTHING}").format(NOTHING=tr(NOTHING)))
    return cleaned


def _check_round(round_number: object) -> int:
    try:
        number = int(str(round_number))
    except ValueError:
        raise InvalidInput(
            tr("Le tour doit être un nombre entier. {NOTHING}").format(NOTHING=tr(NOTHING))
        ) from None
    if not 1 <= number <= MAX_ROUNDS:
        raise InvalidInput(
            tr("De 1 à {MAX_ROUNDS} tours de table. {NOTHING}").format(
                MAX_ROUNDS=MAX_ROUNDS, NOTHING=tr(NOTHING)
            )
        )
    return number


def _check_angle(angle: str) -> str:
    if angle not in rules.ANGLE_KEYS:
        raise InvalidInput(
            tr("Angle inconnu\u00a0: «\u00a0{value}\u00a0». {NOTHING}").format(
                value=str(angle)[:40], NOTHING=tr(NOTHING)
            )
        )
    return angle


def add_lines(
    session: Session,
    table_id: int,
    round_number: int,
    texts: list[str],
    *,
    angle: str = "",
    private: bool = False,
) -> list[int]:
    """Lines at the end of this table's harvest for this round (Enter: one; a paste: one per
    line). Nothing is added if any line is bad."""
    table = get_table(session, table_id)
    number = _check_round(round_number)
    _check_angle(angle)
    cleaned = [_line_text(t) for t in texts]
    if not cleaned:
        raise InvalidInput(tr("La ligne est vide. {NOTHING}").format(NOTHING=tr(NOTHING)))
    where = (HarvestLine.table_id == table_id, HarvestLine.round_number == number)
    have = session.scalar(select(func.count()).select_from(HarvestLine).where(*where)) or 0
    if have + len(cleaned) > rules.MAX_LINES:
        raise InvalidInput(
            tr("Une table garde au plus {MAX_LINES} lignes par tour. {NOTHING}").format(
                MAX_LINES=rules.MAX_LINES, NOTHING=tr(NOTHING)
            )
        )
    last = session.scalar(select(func.max(HarvestLine.position)).where(*where))
    start = 0 if last is None else last + 1
    made = []
    for offset, text in enumerate(cleaned):
        line = HarvestLine(
            workshop_id=table.workshop_id,
            table_id=table_id,
            round_number=number,
            position=start + offset,
            angle=angle,
            text="" if private else text,
            facilitator_note=text if private else "",
        )
        session.add(line)
        session.flush()
        made.append(line.id)
    return made


def add_line(
    session: Session,
    table_id: int,
    round_number: int,
    text: str,
    *,
    angle: str = "",
    private: bool = False,
) -> int:
    return add_lines(session, table_id, round_number, [text], angle=angle, private=private)[0]


def add_pasted(
    session: Session,
    table_id: int,
    round_number: int,
    text: str,
    *,
    angle: str = "",
    private: bool = False,
) -> list[int]:
    pieces = rules.split_lines(clean_text(text, max_len=rules.LINE_MAX * rules.MAX_LINES))
    return add_lines(session, table_id, round_number, pieces, angle=angle, private=private)


def _get(session: Session, line_id: int) -> HarvestLine:
    line = session.get(HarvestLine, line_id)
    if line is None:
        raise InvalidInput(tr("Cette ligne n'existe plus. {NOTHING}").format(NOTHING=tr(NOTHING)))
    return line


def update_line(session: Session, line_id: int, text: str) -> str:
    """Reword a line (in whichever column holds it); returns the previous text."""
    line = _get(session, line_id)
    text = _line_text(text)
    if _data(line).private:
        previous, line.facilitator_note = line.facilitator_note, text
    else:
        previous, line.text = line.text, text
    session.flush()
    return previous


def set_angle(session: Session, line_id: int, angle: str) -> str:
    """Give a line another angle; returns the previous one."""
    line = _get(session, line_id)
    previous, line.angle = line.angle, _check_angle(angle)
    session.flush()
    return previous


def delete_lines(session: Session, line_ids: list[int]) -> list[Snapshot]:
    """Remove these lines; the snapshots put them back as they were (a private line stays
    private)."""
    gone = []
    for line_id in line_ids:
        line = _get(session, line_id)
        gone.append(row_dict(line))
        session.delete(line)
    session.flush()
    return gone


def restore_lines(session: Session, snapshots: list[Snapshot]) -> None:
    for data in snapshots:
        session.add(HarvestLine(**data))
    session.flush()


# --- sending --------------------------------------------------------------------------------
def _shareable(session: Session, line_ids: list[int]) -> list[tuple[LineData, str]]:
    """The lines with where they come from (« Table 3, tour 2 »); a private one refuses all."""
    if not line_ids:
        raise InvalidInput(
            tr("Choisissez au moins une ligne de la récolte. {NOTHING}").format(NOTHING=tr(NOTHING))
        )
    out = []
    for line_id in line_ids:
        data = _data(_get(session, line_id))
        if data.private:
            raise InvalidInput(
                tr(
                    "Une note privée (animateur·rice) ne quitte pas la récolte\u00a0: retirez-la de la sélection. {NOTHING}"
                ).format(NOTHING=tr(NOTHING))
            )
        table = get_table(session, data.table_id)
        out.append(
            (
                data,
                tr("{name}, tour {round_number}").format(
                    name=table.name, round_number=data.round_number
                )[:200],
            )
        )
    return out


def send_to_board(session: Session, line_ids: list[int], board_id: int, zone: str) -> Sent:
    """A post-it per line in `zone` of the board (its source says the table and the round);
    lines already on the board, or said twice, are left out. Undo: boards.delete_cards."""
    shared = _shareable(session, line_ids)
    board = boards.get_board(session, board_id)
    if zone not in KINDS[board.kind].zone_keys:
        raise InvalidInput(
            tr("Zone inconnue sur ce tableau\u00a0: «\u00a0{zone}\u00a0». {NOTHING}").format(
                zone=zone[:40], NOTHING=tr(NOTHING)
            )
        )
    table = get_table(session, shared[0][0].table_id)
    if board.workshop_id != table.workshop_id:
        raise InvalidInput(
            tr("Ce tableau n'est pas dans cet atelier. {NOTHING}").format(NOTHING=tr(NOTHING))
        )
    there = {normalise(c.text) for c in boards.cards_of(session, board_id)}
    made: list[int] = []
    for data, source in shared:
        key = normalise(data.text)
        if key in there:
            continue
        there.add(key)
        made.append(boards.add_card(session, board_id, zone, data.text, source=source).id)
    if not made:
        already = tr("Cette ligne est déjà") if len(shared) == 1 else tr("Ces lignes sont déjà")
        raise InvalidInput(
            tr("{already} sur le tableau «\u00a0{title}\u00a0». {NOTHING}").format(
                already=already, title=board.title, NOTHING=tr(NOTHING)
            )
        )
    return Sent(made, len(shared) - len(made))


def send_to_vote(
    session: Session, line_ids: list[int], vote_id: int | None, title: str = ""
) -> Sent:
    """Each line a proposal of the vote's current round (`vote_id`), or of a new vote titled
    `title` (None); proposals already in the vote, or said twice, are left out. Undo:
    `withdraw_from_vote`."""
    shared = _shareable(session, line_ids)
    table = get_table(session, shared[0][0].table_id)
    if vote_id is None:
        texts: list[tuple[str, int | None]] = [(data.text, None) for data, _ in shared]
        vote = voting.create_vote_from_texts(
            session, table.workshop_id, texts, title or tr("Propositions des tables")
        )
        return Sent([i.id for i in vote.items], len(shared) - len(vote.items), vote.id)
    vote = voting.get(session, vote_id)
    if vote.workshop_id != table.workshop_id:
        raise InvalidInput(
            tr("Ce vote n'est pas dans cet atelier. {NOTHING}").format(NOTHING=tr(NOTHING))
        )
    there = {name_key(i.text) for i in vote.items}
    made: list[int] = []
    for data, _source in shared:
        text = " ".join(data.text.split())
        if name_key(text) in there:
            continue
        there.add(name_key(text))
        made.append(voting.add_item(session, vote_id, text).id)
    if not made:
        already = tr("Cette ligne est déjà") if len(shared) == 1 else tr("Ces lignes sont déjà")
        raise InvalidInput(
            tr("{already} au vote «\u00a0{title}\u00a0». {NOTHING}").format(
                already=already, title=vote.title, NOTHING=tr(NOTHING)
            )
        )
    return Sent(made, len(shared) - len(made))


def withdraw_from_vote(session: Session, sent: Sent) -> list[Snapshot]:
    """Undo of send_to_vote: the new vote goes, or the proposals it added."""
    if sent.vote_id is not None:
        return [voting.delete_vote(session, sent.vote_id)]
    return [voting.delete_item(session, item_id) for item_id in sent.made]


# --- counts ---------------------------------------------------------------------------------
def counts(session: Session, workshop_id: int, round_number: int) -> dict[int, int]:
    """How many lines each table holds in this round (the tool's list of tables)."""
    rows = session.execute(
        select(HarvestLine.table_id, func.count())
        .where(HarvestLine.workshop_id == workshop_id, HarvestLine.round_number == round_number)
        .group_by(HarvestLine.table_id)
    )
    return {int(table_id): int(n) for table_id, n in rows}


def ideas_kept(session: Session, table_id: int) -> int:
    """How many « Idée retenue » lines the table holds, all rounds (three per question)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(HarvestLine)
            .where(HarvestLine.table_id == table_id, HarvestLine.angle == "idea")
        )
        or 0
    )
