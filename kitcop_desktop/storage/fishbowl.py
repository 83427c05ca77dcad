"""Operations on fishbowls (bocal à poisson): setup, seats, speaking turns, timebox, notes.

Every live operation takes `now` (UTC, from the caller's injected clock) and returns a
snapshot of the live state as it was before, which `restore_live` puts back: that is undo.
The snapshot covers the fishbowl's fields, seatings, turns and who has left the workshop, never
the notes (the note-taker keeps typing while the facilitator undoes a wrong click) nor what is
revealed (storage/fishbowl_notes.py: a reveal is outside undo, undo never shows anything).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.domain.countdown import MAX_SECONDS, CountdownFacts
from kitcop_desktop.domain.participants import name_key
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_minutes, require_text
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import participants
from kitcop_desktop.storage.base import Snapshot, row_dict, utc, utcnow
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import Participant
from kitcop_desktop.storage.models.fishbowl import (
    Fishbowl,
    FishbowlMember,
    FishbowlNote,
    FishbowlSeating,
    FishbowlTurn,
)

LIVE_FIELDS = (
    "state",
    "timebox_extension_seconds",
    "timebox_elapsed_before",
    "timebox_running_since",
    "stats_shown",
)
SETUP_FIELDS = ("title", "question", "chairs", "timebox_minutes", "facilitator_note")
FINISHED = tr_later("Le bocal est terminé (Ctrl+Z pour le rouvrir). Rien n'a été modifié.")


# --- the fishbowl and its setup -------------------------------------------------------------
def get(session: Session, fishbowl_id: int) -> Fishbowl:
    fb = session.get(Fishbowl, fishbowl_id)
    if fb is None:
        raise NotFound(tr("Ce bocal n'existe plus."))
    return fb


def list_fishbowls(session: Session, workshop_id: int) -> list[Fishbowl]:
    return list(
        session.scalars(
            select(Fishbowl).where(Fishbowl.workshop_id == workshop_id).order_by(Fishbowl.id)
        )
    )


def _clean_setup(field: str, value: Any) -> Any:
    if field == "title":
        return require_text(value, tr("Le titre du bocal"))
    if field == "question":
        return clean_text(value, max_len=2000)
    if field == "facilitator_note":
        return clean_text(value)
    if field == "chairs":
        return rules.require_chairs(value)
    if field == "timebox_minutes":
        return require_minutes(value, tr("La durée du bocal"), maximum=240)
    raise TypeError(f"unknown fishbowl field {field!r}")


def create(
    session: Session,
    workshop_id: int,
    title: str = "Projection 2030",
    question: str | None = None,
    chairs: int = rules.DEFAULT_CHAIRS,
    timebox_minutes: int = 35,
) -> Fishbowl:
    """A new fishbowl whose circle is the attendance list (those present, else everyone)."""
    fb = Fishbowl(
        workshop_id=workshop_id,
        title=_clean_setup("title", title),
        question=_clean_setup(
            "question", tr(rules.DEFAULT_QUESTION) if question is None else question
        ),
        chairs=_clean_setup("chairs", chairs),
        timebox_minutes=_clean_setup("timebox_minutes", timebox_minutes),
    )
    session.add(fb)
    session.flush()
    people = participants.list_for(session, workshop_id)
    present = [p for p in people if p.present] or people
    for p in present:
        _add_member_row(session, fb.id, p)
    session.flush()
    return fb


def update_setup(session: Session, fishbowl_id: int, **fields: Any) -> Snapshot:
    """Change title, question, chairs, timebox or the facilitator's note; returns the previous
    values (for undo)."""
    fb = get(session, fishbowl_id)
    cleaned = {key: _clean_setup(key, value) for key, value in fields.items()}
    if "chairs" in cleaned:
        seated = len(_open_seatings(session, fishbowl_id))
        if seated > cleaned["chairs"] - 1:
            raise InvalidInput(
                tr(
                    "{seated} personnes sont assises au centre et une chaise doit rester vide : faites d'abord sortir quelqu'un. Rien n'a été modifié."
                ).format(seated=seated)
            )
    previous = {key: getattr(fb, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(fb, key, value)
    session.flush()
    return previous


def snapshot(session: Session, fishbowl_id: int) -> Snapshot:
    """Everything about one fishbowl as plain rows (undo of a deletion)."""
    fb = get(session, fishbowl_id)
    return {
        "fishbowl": row_dict(fb),
        "members": [row_dict(r) for r in _rows(session, FishbowlMember, fishbowl_id)],
        "seatings": [row_dict(r) for r in _rows(session, FishbowlSeating, fishbowl_id)],
        "turns": [row_dict(r) for r in _rows(session, FishbowlTurn, fishbowl_id)],
        "notes": [row_dict(r) for r in _rows(session, FishbowlNote, fishbowl_id)],
    }


def delete_fishbowl(session: Session, fishbowl_id: int) -> Snapshot:
    data = snapshot(session, fishbowl_id)
    session.delete(get(session, fishbowl_id))
    session.flush()
    return data


def recreate(session: Session, data: Snapshot) -> None:
    """Undo of a deletion. Its notes come back hidden: undo never puts anything on the screen."""
    session.add(Fishbowl(**data["fishbowl"]))
    session.flush()
    existing = {pid for (pid,) in session.execute(select(Participant.id))}
    for row in data["members"]:
        if row["participant_id"] not in existing:
            row = {**row, "participant_id": None}
        session.add(FishbowlMember(**row))
    session.flush()
    for model, key in ((FishbowlSeating, "seatings"), (FishbowlTurn, "turns")):
        session.add_all(model(**row) for row in data[key])
    session.add_all(FishbowlNote(**{**row, "revealed": False}) for row in data["notes"])
    session.flush()


# --- the circle (members) ------------------------------------------------------------------
def _add_member_row(session: Session, fishbowl_id: int, p: Participant) -> FishbowlMember:
    position = session.scalar(
        select(func.max(FishbowlMember.position)).where(FishbowlMember.fishbowl_id == fishbowl_id)
    )
    member = FishbowlMember(
        fishbowl_id=fishbowl_id,
        participant_id=p.id,
        name=p.name,
        category=p.category,
        position=0 if position is None else position + 1,
    )
    session.add(member)
    session.flush()
    return member


def members(session: Session, fishbowl_id: int) -> list[FishbowlMember]:
    return list(_rows(session, FishbowlMember, fishbowl_id))


def member_record(m: FishbowlMember) -> rules.Member:
    """A member as the plain record the rules use (with whether they left the workshop)."""
    return rules.Member(m.id, m.name, m.category, m.left_at is not None)


def add_latecomer(session: Session, fishbowl_id: int, name: str, category: str = "") -> Snapshot:
    """Add someone to the circle, and to the attendance list (present) if not there yet.

    Returns what undo needs: {"member_id", "participant_id" (created, else None)}.
    """
    fb = get(session, fishbowl_id)
    name = require_text(name, tr("Le nom"))
    key = name_key(name)
    for m in members(session, fishbowl_id):
        if name_key(m.name) == key and m.left_at is not None:
            raise InvalidInput(
                tr(
                    "{name} avait quitté l'atelier : sélectionnez ce nom dans le cercle, puis « Revient dans l'atelier ». Rien n'a été modifié."
                ).format(name=m.name)
            )
        if name_key(m.name) == key:
            raise InvalidInput(
                tr("« {name} » est déjà dans le cercle. Rien n'a été modifié.").format(name=name)
            )
    found = [p for p in participants.list_for(session, fb.workshop_id) if name_key(p.name) == key]
    created = None
    if found:
        person = found[0]
    else:
        person = participants.add(session, fb.workshop_id, name, category=category)
        created = person.id
    person.present = True
    member = _add_member_row(session, fishbowl_id, person)
    return {"member_id": member.id, "participant_id": created}


def sync_members(session: Session, fishbowl_id: int) -> list[int]:
    """Bring into the circle those present on the attendance list and not in it yet.

    Returns the new member ids (undo: `remove_members`)."""
    fb = get(session, fishbowl_id)
    known = {m.participant_id for m in members(session, fishbowl_id)}
    keys = {name_key(m.name) for m in members(session, fishbowl_id)}
    added = []
    for p in participants.list_for(session, fb.workshop_id):
        if p.present and p.id not in known and name_key(p.name) not in keys:
            added.append(_add_member_row(session, fishbowl_id, p).id)
    return added


def remove_members(session: Session, member_ids: list[int]) -> None:
    """Take members out of the circle (only used to undo `sync_members`)."""
    for member_id in member_ids:
        member = session.get(FishbowlMember, member_id)
        if member is not None:
            session.delete(member)
    session.flush()


def undo_latecomer(session: Session, added: Snapshot) -> None:
    member = session.get(FishbowlMember, added["member_id"])
    if member is not None:
        session.delete(member)
    if added.get("participant_id"):
        participants.remove(session, [added["participant_id"]])
    session.flush()


# --- live: seats, turns, timebox -------------------------------------------------------------
def _rows(session: Session, model: Any, fishbowl_id: int) -> Sequence[Any]:
    return session.scalars(
        select(model).where(model.fishbowl_id == fishbowl_id).order_by(model.id)
    ).all()


def _open_seatings(session: Session, fishbowl_id: int) -> list[FishbowlSeating]:
    return list(
        session.scalars(
            select(FishbowlSeating)
            .where(FishbowlSeating.fishbowl_id == fishbowl_id, FishbowlSeating.left_at.is_(None))
            .order_by(FishbowlSeating.id)
        )
    )


def _open_turns(session: Session, fishbowl_id: int) -> list[FishbowlTurn]:
    return list(
        session.scalars(
            select(FishbowlTurn)
            .where(FishbowlTurn.fishbowl_id == fishbowl_id, FishbowlTurn.ended_at.is_(None))
            .order_by(FishbowlTurn.id)
        )
    )


def _max_id(session: Session, model: Any, fishbowl_id: int) -> int:
    found = session.scalar(select(func.max(model.id)).where(model.fishbowl_id == fishbowl_id))
    return int(found or 0)


def live_snapshot(session: Session, fishbowl_id: int) -> Snapshot:
    """The live state, enough to undo a live operation: the fields, which seatings and turns
    were open, and the last ids. Live operations only close open rows and add new ones, so
    this stays small however long the session (no copy of the whole history per click)."""
    fb = get(session, fishbowl_id)
    return {
        "id": fishbowl_id,
        "fields": {key: getattr(fb, key) for key in LIVE_FIELDS},
        "open_seatings": [r.id for r in _open_seatings(session, fishbowl_id)],
        "open_turns": [r.id for r in _open_turns(session, fishbowl_id)],
        "last_seating": _max_id(session, FishbowlSeating, fishbowl_id),
        "last_turn": _max_id(session, FishbowlTurn, fishbowl_id),
        # Those who left the workshop (a handful at most): member id -> when.
        "left": {m.id: m.left_at for m in members(session, fishbowl_id) if m.left_at is not None},
    }


def restore_live(session: Session, snap: Snapshot) -> None:
    """Undo: remove the rows added since the snapshot and reopen the rows it had open."""
    fb = get(session, snap["id"])
    for key, value in snap["fields"].items():
        setattr(fb, key, value)
    for model, last, opened, end in (
        (FishbowlSeating, "last_seating", "open_seatings", "left_at"),
        (FishbowlTurn, "last_turn", "open_turns", "ended_at"),
    ):
        session.execute(delete(model).where(model.fishbowl_id == snap["id"], model.id > snap[last]))
        if snap[opened]:
            session.execute(
                update(model)
                .where(model.id.in_(snap[opened]))
                .values({end: None})
                .execution_options(synchronize_session=False)
            )
    left = snap.get("left")
    if left is not None:  # snapshots taken before « quitter l'atelier » existed carry none
        for member in members(session, snap["id"]):
            member.left_at = left.get(member.id)
    session.flush()
    session.expire_all()


def _live(session: Session, fishbowl_id: int) -> tuple[Fishbowl, Snapshot]:
    fb = get(session, fishbowl_id)
    if fb.state == "finished":
        raise InvalidInput(tr(FINISHED))
    return fb, live_snapshot(session, fishbowl_id)


def _start_if_needed(fb: Fishbowl, now: datetime) -> None:
    """The first seat starts the session and its timebox: one click, no separate « go »."""
    if fb.state == "setup":
        fb.state = "running"
        if fb.timebox_running_since is None:
            fb.timebox_running_since = now


def _end_turn(session: Session, fishbowl_id: int, member_id: int | None, now: datetime) -> None:
    for t in _open_turns(session, fishbowl_id):
        if member_id is None or t.member_id == member_id:
            t.ended_at = max(now, utc(t.started_at))


def _leave(session: Session, fishbowl_id: int, member_id: int, now: datetime) -> None:
    for s in _open_seatings(session, fishbowl_id):
        if s.member_id == member_id:
            s.left_at = max(now, utc(s.sat_at))
    _end_turn(session, fishbowl_id, member_id, now)


def _member(session: Session, fishbowl_id: int, member_id: int) -> FishbowlMember:
    member = session.get(FishbowlMember, member_id)
    if member is None or member.fishbowl_id != fishbowl_id:
        raise NotFound(tr("Cette personne n'est plus dans le cercle. Rien n'a été modifié."))
    return member


def _still_here(session: Session, fishbowl_id: int, member_id: int) -> FishbowlMember:
    """The member, refused when they have left the workshop (they can no longer sit or speak)."""
    member = _member(session, fishbowl_id, member_id)
    if member.left_at is not None:
        raise InvalidInput(rules.left_text(member.name))
    return member


def centre(session: Session, fishbowl_id: int) -> rules.Centre:
    fb = get(session, fishbowl_id)
    open_seatings = [
        rules.Seating(s.member_id, s.chair, utc(s.sat_at))
        for s in _open_seatings(session, fishbowl_id)
    ]
    open_turns = [
        rules.Turn(t.member_id, utc(t.started_at)) for t in _open_turns(session, fishbowl_id)
    ]
    return rules.centre(fb.chairs, open_seatings, open_turns)


def seat(
    session: Session, fishbowl_id: int, member_id: int, now: datetime, leaver_id: int | None = None
) -> Snapshot:
    """Seat someone on the empty chair. When it was the last free chair, `leaver_id` must say
    who leaves (see `plan_seat`, which proposes the one silent for the longest time). Returns the undo snapshot."""
    fb, snap = _live(session, fishbowl_id)
    _still_here(session, fishbowl_id, member_id)
    plan = rules.plan_seat(
        centre(session, fishbowl_id), member_id, now, turns(session, fishbowl_id)
    )
    if plan.must_leave:
        state = centre(session, fishbowl_id)
        if leaver_id is None or state.chair_of(leaver_id) is None:
            raise InvalidInput(
                tr(
                    "Une chaise doit rester vide : choisissez qui sort du centre. Rien n'a été modifié."
                )
            )
        _leave(session, fishbowl_id, leaver_id, now)
    _start_if_needed(fb, now)
    session.add(
        FishbowlSeating(fishbowl_id=fishbowl_id, member_id=member_id, chair=plan.chair, sat_at=now)
    )
    session.flush()
    return snap


def plan_seat(session: Session, fishbowl_id: int, member_id: int, now: datetime) -> rules.SeatPlan:
    """What seating this person implies (the UI asks who leaves when `must_leave`)."""
    return rules.plan_seat(
        centre(session, fishbowl_id), member_id, now, turns(session, fishbowl_id)
    )


def leave(session: Session, fishbowl_id: int, member_id: int, now: datetime) -> Snapshot:
    """Someone leaves the centre (their speaking turn ends with it)."""
    _, snap = _live(session, fishbowl_id)
    if centre(session, fishbowl_id).chair_of(member_id) is None:
        raise InvalidInput(tr("Cette personne n'est pas au centre. Rien n'a été modifié."))
    _leave(session, fishbowl_id, member_id, now)
    session.flush()
    return snap


def speak(session: Session, fishbowl_id: int, member_id: int, now: datetime) -> Snapshot:
    """Mark who speaks: whoever spoke stops. The same person again stops speaking."""
    _, snap = _live(session, fishbowl_id)
    member = _still_here(session, fishbowl_id, member_id)
    state = centre(session, fishbowl_id)
    if state.chair_of(member_id) is None:
        raise InvalidInput(
            tr(
                "{name} n'est pas au centre : seules les personnes au centre parlent. Rien n'a été modifié."
            ).format(name=member.name)
        )
    was_speaking = state.speaker == member_id
    _end_turn(session, fishbowl_id, None, now)
    if not was_speaking:
        session.add(FishbowlTurn(fishbowl_id=fishbowl_id, member_id=member_id, started_at=now))
    session.flush()
    return snap


def leave_for_good(session: Session, fishbowl_id: int, member_id: int, now: datetime) -> Snapshot:
    """Someone quits the workshop early: they leave their chair (and their turn ends) and can no
    longer sit; what they said still counts. Returns the undo snapshot."""
    _, snap = _live(session, fishbowl_id)
    member = _member(session, fishbowl_id, member_id)
    if member.left_at is not None:
        raise InvalidInput(
            tr("{name} a déjà quitté l'atelier. Rien n'a été modifié.").format(name=member.name)
        )
    _leave(session, fishbowl_id, member_id, now)
    member.left_at = now
    session.flush()
    return snap


def come_back(session: Session, fishbowl_id: int, member_id: int) -> Snapshot:
    """Someone who had left is back in the circle (not on a chair). Returns the undo snapshot."""
    _, snap = _live(session, fishbowl_id)
    member = _member(session, fishbowl_id, member_id)
    if member.left_at is None:
        raise InvalidInput(
            tr("{name} est toujours dans l'atelier. Rien n'a été modifié.").format(name=member.name)
        )
    member.left_at = None
    session.flush()
    return snap


def stop_speaking(session: Session, fishbowl_id: int, now: datetime) -> Snapshot:
    _, snap = _live(session, fishbowl_id)
    _end_turn(session, fishbowl_id, None, now)
    session.flush()
    return snap


def timebox_facts(fb: Fishbowl) -> CountdownFacts:
    return CountdownFacts(
        planned_seconds=fb.timebox_minutes * 60,
        extension_seconds=fb.timebox_extension_seconds,
        elapsed_before=fb.timebox_elapsed_before,
        running_since=utc(fb.timebox_running_since),
    )


def _pause_timebox(fb: Fishbowl, now: datetime) -> None:
    if fb.timebox_running_since is not None:
        run = max(0.0, (now - utc(fb.timebox_running_since)).total_seconds())
        fb.timebox_elapsed_before = fb.timebox_elapsed_before + run
        fb.timebox_running_since = None


def toggle_timebox(session: Session, fishbowl_id: int, now: datetime) -> Snapshot:
    """Start or pause the timebox countdown."""
    fb, snap = _live(session, fishbowl_id)
    if fb.timebox_running_since is None:
        fb.timebox_running_since = now
        fb.state = "running"
    else:
        _pause_timebox(fb, now)
    session.flush()
    return snap


def extend_timebox(session: Session, fishbowl_id: int, seconds: int) -> Snapshot:
    """More (or less) time; the total never drops below zero."""
    fb, snap = _live(session, fishbowl_id)
    total = fb.timebox_minutes * 60 + fb.timebox_extension_seconds + int(seconds)
    total = max(0, min(total, MAX_SECONDS))
    fb.timebox_extension_seconds = total - fb.timebox_minutes * 60
    session.flush()
    return snap


def finish(session: Session, fishbowl_id: int, now: datetime) -> Snapshot:
    """End the session: everyone leaves the centre, the timebox stops. Undo reopens it."""
    fb, snap = _live(session, fishbowl_id)
    for s in _open_seatings(session, fishbowl_id):
        _leave(session, fishbowl_id, s.member_id, now)
    _pause_timebox(fb, now)
    fb.state = "finished"
    session.flush()
    return snap


def set_shown(session: Session, fishbowl_id: int, *, stats: bool) -> Snapshot:
    """Show (or hide) the speaking times on the room screen (visibility salle: undoable);
    allowed once finished. The notes are revealed by storage/fishbowl_notes.reveal."""
    fb = get(session, fishbowl_id)
    snap = live_snapshot(session, fishbowl_id)
    fb.stats_shown = bool(stats)
    session.flush()
    return snap


# --- reading: statistics ---------------------------------------------------------------------
def seatings(session: Session, fishbowl_id: int) -> list[rules.Seating]:
    """Every stay on a centre chair, as plain records (UTC)."""
    return [
        rules.Seating(s.member_id, s.chair, utc(s.sat_at), utc(s.left_at))
        for s in _rows(session, FishbowlSeating, fishbowl_id)
    ]


def turns(session: Session, fishbowl_id: int) -> list[rules.Turn]:
    """Every speaking turn, as plain records (UTC)."""
    return [
        rules.Turn(t.member_id, utc(t.started_at), utc(t.ended_at))
        for t in _rows(session, FishbowlTurn, fishbowl_id)
    ]


def stats(session: Session, fishbowl_id: int, now: datetime | None = None) -> rules.FishbowlStats:
    """Per person: speaking seconds, turns, share of the total and actor category (PINNED API:
    printing reads it). `now` counts a turn still going on; by default the current UTC time."""
    now = now or utcnow()
    people = [member_record(m) for m in members(session, fishbowl_id)]
    return rules.stats(people, seatings(session, fishbowl_id), turns(session, fishbowl_id), now)
