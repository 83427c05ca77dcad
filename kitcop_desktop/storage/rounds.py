"""Operations on speaking rounds (tours de parole): order, current speaker, captured words.

Live operations take `now` (UTC, from an injected clock) and return a snapshot of the round's
live state (fields and each entry's status and time) that `restore_live` puts back: undo.
Captured words are not part of that snapshot: undoing a « suivant » never erases a word typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain import speaking_round as rules
from kitcop_desktop.domain.countdown import CountdownFacts
from kitcop_desktop.domain.participants import name_key
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import participants
from kitcop_desktop.storage.base import Snapshot, row_dict, utc
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import Participant
from kitcop_desktop.storage.models.fishbowl import RoundEntry, SpeakingRound

LIVE_FIELDS = ("state", "current_entry_id", "speaker_elapsed_before", "speaker_running_since")
ENTRY_LIVE_FIELDS = ("status", "spoken_seconds", "position")
WORD_MAX = 500


def get(session: Session, round_id: int) -> SpeakingRound:
    rnd = session.get(SpeakingRound, round_id)
    if rnd is None:
        raise NotFound(tr("Ce tour de parole n'existe plus."))
    return rnd


def entries(session: Session, round_id: int) -> list[RoundEntry]:
    return list(
        session.scalars(
            select(RoundEntry)
            .where(RoundEntry.round_id == round_id)
            .order_by(RoundEntry.position, RoundEntry.id)
        )
    )


def rounds_of(session: Session, workshop_id: int) -> list[SpeakingRound]:
    return list(
        session.scalars(
            select(SpeakingRound)
            .where(SpeakingRound.workshop_id == workshop_id)
            .order_by(SpeakingRound.position, SpeakingRound.id)
        )
    )


# --- setup ----------------------------------------------------------------------------------
def create_round(
    session: Session,
    workshop_id: int,
    kind: str,
    *,
    title: str | None = None,
    prompt: str | None = None,
    seconds_per_speaker: int = 60,
) -> SpeakingRound:
    """A round over the attendance list (those present, else everyone), in the list's order."""
    kind = rules.require_kind(kind)
    last = session.scalar(
        select(func.max(SpeakingRound.position)).where(SpeakingRound.workshop_id == workshop_id)
    )
    rnd = SpeakingRound(
        workshop_id=workshop_id,
        kind=kind,
        title=require_text(title or rules.KINDS[kind], tr("Le titre du tour")),
        prompt=clean_text(rules.DEFAULT_PROMPTS[kind] if prompt is None else prompt, max_len=2000),
        seconds_per_speaker=rules.require_speaker_seconds(seconds_per_speaker),
        position=0 if last is None else last + 1,
    )
    session.add(rnd)
    session.flush()
    _fill_from_attendance(session, rnd)
    return rnd


def _fill_from_attendance(session: Session, rnd: SpeakingRound) -> list[int]:
    """Everyone on the attendance list (those present, else all), in its order; their ids."""
    people = participants.list_for(session, rnd.workshop_id)
    added = []
    for index, p in enumerate([p for p in people if p.present] or people):
        entry = _entry(rnd.id, p, index)
        session.add(entry)
        session.flush()
        added.append(entry.id)
    return added


def waiting_from_attendance(session: Session, round_id: int) -> list[str]:
    """Who `start` would give the floor to in a round made before anyone signed in (a template's
    round in setup, nobody in it yet): the attendance list's names, in order; else []."""
    rnd = get(session, round_id)
    if rnd.state != "setup" or entries(session, round_id):
        return []
    people = participants.list_for(session, rnd.workshop_id)
    return [p.name for p in ([p for p in people if p.present] or people)]


def _entry(round_id: int, p: Participant, position: int) -> RoundEntry:
    return RoundEntry(
        round_id=round_id, participant_id=p.id, name=p.name, category=p.category, position=position
    )


def update_round(session: Session, round_id: int, **fields: Any) -> Snapshot:
    """Change title, prompt or time per speaker; returns the previous values."""
    rnd = get(session, round_id)
    cleaned: Snapshot = {}
    for key, value in fields.items():
        if key == "title":
            cleaned[key] = require_text(value, tr("Le titre du tour"))
        elif key == "prompt":
            cleaned[key] = clean_text(value, max_len=2000)
        elif key == "seconds_per_speaker":
            cleaned[key] = rules.require_speaker_seconds(value)
        else:
            raise TypeError(f"unknown round field {key!r}")
    previous = {key: getattr(rnd, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(rnd, key, value)
    session.flush()
    return previous


def delete_round(session: Session, round_id: int) -> Snapshot:
    rnd = get(session, round_id)
    data = {"round": row_dict(rnd), "entries": [row_dict(e) for e in entries(session, round_id)]}
    session.delete(rnd)
    session.flush()
    return data


def recreate_round(session: Session, data: Snapshot) -> None:
    session.add(SpeakingRound(**data["round"]))
    session.flush()
    existing = {pid for (pid,) in session.execute(select(Participant.id))}
    for row in data["entries"]:
        if row["participant_id"] not in existing:
            row = {**row, "participant_id": None}
        session.add(RoundEntry(**row))
    session.flush()


def add_latecomer(session: Session, round_id: int, name: str) -> Snapshot:
    """Add someone at the end of the round (and to the attendance list, present, if new)."""
    rnd = get(session, round_id)
    name = require_text(name, tr("Le nom"))
    key = name_key(name)
    current = entries(session, round_id)
    if any(name_key(e.name) == key for e in current):
        raise InvalidInput(
            tr("« {name} » est déjà dans ce tour. Rien n'a été modifié.").format(name=name)
        )
    found = [p for p in participants.list_for(session, rnd.workshop_id) if name_key(p.name) == key]
    created = None
    if found:
        person = found[0]
    else:
        person = participants.add(session, rnd.workshop_id, name)
        created = person.id
    person.present = True
    position = max((e.position for e in current), default=-1) + 1
    entry = _entry(round_id, person, position)
    session.add(entry)
    if rnd.state == "finished":  # a latecomer reopens a finished round: they still speak
        rnd.state = "running"
    session.flush()
    return {"entry_id": entry.id, "participant_id": created}


def sync_entries(session: Session, round_id: int) -> list[int]:
    """Add at the end those present on the attendance list and not in the round yet.

    Returns the new entry ids (undo: `remove_entries`)."""
    rnd = get(session, round_id)
    current = entries(session, round_id)
    known = {e.participant_id for e in current}
    keys = {name_key(e.name) for e in current}
    position = max((e.position for e in current), default=-1)
    added = []
    for p in participants.list_for(session, rnd.workshop_id):
        if p.present and p.id not in known and name_key(p.name) not in keys:
            position += 1
            entry = _entry(round_id, p, position)
            session.add(entry)
            session.flush()
            added.append(entry.id)
    return added


def remove_entries(session: Session, entry_ids: list[int]) -> None:
    """Take people out of a round (only used to undo `sync_entries`)."""
    for entry_id in entry_ids:
        entry = session.get(RoundEntry, entry_id)
        if entry is not None:
            session.delete(entry)
    session.flush()


def undo_latecomer(session: Session, added: Snapshot) -> None:
    entry = session.get(RoundEntry, added["entry_id"])
    if entry is not None:
        session.delete(entry)
    if added.get("participant_id"):
        participants.remove(session, [added["participant_id"]])
    session.flush()


def move_entry(session: Session, entry_id: int, step: int) -> Snapshot:
    """Move someone earlier (-1) or later (+1) in the order; returns the undo snapshot."""
    entry = session.get(RoundEntry, entry_id)
    if entry is None:
        raise NotFound(tr("Cette personne n'est plus dans ce tour."))
    snap = live_snapshot(session, entry.round_id)
    ordered = entries(session, entry.round_id)
    index = ordered.index(entry)
    target = index + (1 if step > 0 else -1)
    if not 0 <= target < len(ordered):
        raise InvalidInput(tr("Impossible d'aller plus loin dans l'ordre. Rien n'a été modifié."))
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, e in enumerate(ordered):
        e.position = position
    session.flush()
    return snap


# --- live -----------------------------------------------------------------------------------
def live_snapshot(session: Session, round_id: int) -> Snapshot:
    rnd = get(session, round_id)
    return {
        "id": round_id,
        "fields": {key: getattr(rnd, key) for key in LIVE_FIELDS},
        "entries": {
            e.id: {key: getattr(e, key) for key in ENTRY_LIVE_FIELDS}
            for e in entries(session, round_id)
        },
    }


def restore_live(session: Session, snap: Snapshot) -> None:
    rnd = get(session, snap["id"])
    remove_entries(session, snap.get("added", []))
    for key, value in snap["fields"].items():
        setattr(rnd, key, value)
    for e in entries(session, snap["id"]):
        for key, value in snap["entries"].get(e.id, {}).items():
            setattr(e, key, value)
    session.flush()


def speaker_facts(rnd: SpeakingRound) -> CountdownFacts:
    """The current speaker's countdown as facts (rebuild with Countdown.from_facts)."""
    return CountdownFacts(
        planned_seconds=rnd.seconds_per_speaker,
        elapsed_before=rnd.speaker_elapsed_before,
        running_since=utc(rnd.speaker_running_since),
    )


def _speaker_elapsed(rnd: SpeakingRound, now: datetime) -> float:
    running = 0.0
    if rnd.speaker_running_since is not None:
        running = max(0.0, (now - utc(rnd.speaker_running_since)).total_seconds())
    return rnd.speaker_elapsed_before + running


def _plain(rows: list[RoundEntry]) -> list[rules.Entry]:
    return [rules.Entry(e.id, e.position, e.status) for e in rows]


def _give_floor(rnd: SpeakingRound, entry_id: int | None, now: datetime) -> None:
    rnd.current_entry_id = entry_id
    rnd.speaker_elapsed_before = 0.0
    rnd.speaker_running_since = now if entry_id is not None else None
    rnd.state = "running" if entry_id is not None else "finished"


def _close_current(session: Session, rnd: SpeakingRound, status: str, now: datetime) -> None:
    if rnd.current_entry_id is None:
        return
    entry = session.get(RoundEntry, rnd.current_entry_id)
    if entry is not None:
        entry.spoken_seconds = entry.spoken_seconds + _speaker_elapsed(rnd, now)
        entry.status = status


def start(session: Session, round_id: int, now: datetime) -> Snapshot:
    """Give the floor to the first person waiting. A round made before anyone signed in (with
    its workshop's template) takes the attendance list now; undo takes them out again."""
    rnd = get(session, round_id)
    snap = live_snapshot(session, round_id)
    if rnd.current_entry_id is not None:
        raise InvalidInput(tr("Le tour est déjà commencé. Rien n'a été modifié."))
    if rnd.state == "setup" and not entries(session, round_id):
        snap["added"] = _fill_from_attendance(session, rnd)
    first = rules.next_speaker(_plain(entries(session, round_id)))
    if first is None:
        raise InvalidInput(tr("Personne n'attend son tour. Rien n'a été modifié."))
    _give_floor(rnd, first, now)
    session.flush()
    return snap


def next_speaker(session: Session, round_id: int, now: datetime) -> Snapshot:
    """The current speaker is done; the next one gets the floor (the round ends after the last)."""
    rnd = get(session, round_id)
    if rnd.current_entry_id is None:
        return start(session, round_id, now)
    snap = live_snapshot(session, round_id)
    _close_current(session, rnd, "done", now)
    _give_floor(rnd, rules.next_speaker(_plain(entries(session, round_id))), now)
    session.flush()
    return snap


def skip(session: Session, round_id: int, now: datetime) -> Snapshot:
    """« Plus tard »: the current speaker goes to the end of the queue (a second time: passes)."""
    rnd = get(session, round_id)
    if rnd.current_entry_id is None:
        raise InvalidInput(tr("Personne n'a la parole. Rien n'a été modifié."))
    snap = live_snapshot(session, round_id)
    current = session.get(RoundEntry, rnd.current_entry_id)
    if current is None:
        raise NotFound(tr("Cette personne n'est plus dans le tour. Rien n'a été modifié."))
    _close_current(session, rnd, rules.skipped_status(current.status), now)
    _give_floor(rnd, rules.next_speaker(_plain(entries(session, round_id))), now)
    session.flush()
    return snap


def previous_speaker(session: Session, round_id: int, now: datetime) -> Snapshot:
    """Back to the person before (a clicker pressed once too often)."""
    rnd = get(session, round_id)
    rows = entries(session, round_id)
    target = rules.previous_speaker(_plain(rows), rnd.current_entry_id)
    if target is None:
        raise InvalidInput(tr("Personne n'a encore parlé. Rien n'a été modifié."))
    snap = live_snapshot(session, round_id)
    _close_current(session, rnd, "waiting", now)
    back = session.get(RoundEntry, target)
    if back is None:
        raise NotFound(tr("Cette personne n'est plus dans le tour. Rien n'a été modifié."))
    back.status = "waiting"
    _give_floor(rnd, target, now)
    session.flush()
    return snap


def toggle_pause(session: Session, round_id: int, now: datetime) -> Snapshot:
    """Pause or resume the current speaker's countdown."""
    rnd = get(session, round_id)
    if rnd.current_entry_id is None:
        raise InvalidInput(tr("Personne n'a la parole. Rien n'a été modifié."))
    snap = live_snapshot(session, round_id)
    if rnd.speaker_running_since is None:
        rnd.speaker_running_since = now
    else:
        rnd.speaker_elapsed_before = _speaker_elapsed(rnd, now)
        rnd.speaker_running_since = None
    session.flush()
    return snap


def finish(session: Session, round_id: int, now: datetime) -> Snapshot:
    """End the round now; whoever had the floor is counted as done."""
    rnd = get(session, round_id)
    snap = live_snapshot(session, round_id)
    _close_current(session, rnd, "done", now)
    _give_floor(rnd, None, now)
    session.flush()
    return snap


UNCHANGED = object()


def set_word(
    session: Session, entry_id: int, word: str | None = None, stay_involved: object = UNCHANGED
) -> Snapshot:
    """Capture one word or phrase (and, at a déclusion, whether they stay involved: True,
    False or None for « not said »). Leave an argument out to keep its value.

    Returns the previous values for undo (`restore_word`).
    """
    entry = session.get(RoundEntry, entry_id)
    if entry is None:
        raise NotFound(tr("Cette personne n'est plus dans ce tour."))
    previous = {"word": entry.word, "stay_involved": entry.stay_involved}
    if word is not None:
        entry.word = " ".join(clean_text(word, max_len=WORD_MAX).split())
    if stay_involved is not UNCHANGED:
        entry.stay_involved = None if stay_involved is None else bool(stay_involved)
    session.flush()
    return previous


def restore_word(session: Session, entry_id: int, previous: Snapshot) -> None:
    entry = session.get(RoundEntry, entry_id)
    if entry is not None:
        entry.word = previous["word"]
        entry.stay_involved = previous["stay_involved"]
        session.flush()


# --- reading (PINNED API: printing reads list_rounds) -----------------------------------------
@dataclass(frozen=True)
class EntryData:
    id: int
    name: str
    category: str
    status: str
    word: str
    stay_involved: bool | None
    spoken_seconds: float


@dataclass(frozen=True)
class RoundData:
    id: int
    kind: str
    kind_label: str
    title: str
    prompt: str
    seconds_per_speaker: int
    state: str
    current_entry_id: int | None
    entries: list[EntryData]  # in speaking order, with the captured words


def round_data(session: Session, round_id: int) -> RoundData:
    rnd = get(session, round_id)
    return RoundData(
        rnd.id,
        rnd.kind,
        rules.KINDS.get(rnd.kind, rnd.kind),
        rnd.title,
        rnd.prompt,
        rnd.seconds_per_speaker,
        rnd.state,
        rnd.current_entry_id,
        [
            EntryData(e.id, e.name, e.category, e.status, e.word, e.stay_involved, e.spoken_seconds)
            for e in entries(session, round_id)
        ],
    )


def list_rounds(session: Session, workshop_id: int) -> list[RoundData]:
    """Every round of the workshop in order, each with its people and captured words in order."""
    return [round_data(session, r.id) for r in rounds_of(session, workshop_id)]
