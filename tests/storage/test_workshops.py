"""Workshops and participants in the real store."""

from __future__ import annotations

from datetime import date, time

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import participants, workshops
from kitcop_desktop.storage.errors import DatabaseLocked, NotFound
from kitcop_desktop.storage.lock import InstanceLock


def test_workshops_listed_most_recent_first(store):
    with store.write() as s:
        workshops.create(s, "Ancien", date=date(2025, 1, 10))
        workshops.create(s, "Récent", date=date(2026, 5, 2))
        workshops.create(s, "Sans date")
    with store.read() as s:
        assert [w.title for w in workshops.list_summaries(s)] == ["Récent", "Ancien", "Sans date"]


@pytest.mark.parametrize("title", ["", "   ", "x" * 201])
def test_bad_titles_are_refused_and_nothing_is_stored(store, title):
    with pytest.raises(InvalidInput) as err, store.write() as s:
        workshops.create(s, title)
    assert "Rien n'a été modifié" in str(err.value)
    with store.read() as s:
        assert workshops.list_summaries(s) == []


def test_markup_and_emoji_are_kept_as_typed(store):
    with store.write() as s:
        wid = workshops.create(s, "R&D <b>école</b> 🚀 « 2030 »").id
    with store.read() as s:
        assert workshops.get(s, wid).title == "R&D <b>école</b> 🚀 « 2030 »"


def test_end_before_start_is_refused(store, workshop_id):
    with store.write() as s:
        workshops.update(s, workshop_id, start_time=time(9), end_time=time(12))
    with pytest.raises(InvalidInput), store.write() as s:
        workshops.update(s, workshop_id, end_time=time(8))
    with store.read() as s:
        assert workshops.get(s, workshop_id).end_time == time(12)


def test_trash_restore_and_empty(store, workshop_id):
    with store.write() as s:
        participants.add(s, workshop_id, "Claire")
        workshops.trash(s, workshop_id)
    with store.read() as s:
        assert workshops.list_summaries(s) == []
        assert [w.id for w in workshops.list_summaries(s, trashed=True)] == [workshop_id]
        with pytest.raises(NotFound):
            workshops.get(s, workshop_id)
    with store.write() as s:
        workshops.restore(s, workshop_id)
    with store.write() as s:
        workshops.trash(s, workshop_id)
        assert workshops.empty_trash(s) == 1
    with store.read() as s:
        assert workshops.list_summaries(s, trashed=True) == []
        assert participants.list_for(s, workshop_id) == []  # cascaded


def test_duplicate_copies_frame_and_participants(store, workshop_id):
    with store.write() as s:
        workshops.update(s, workshop_id, place="Lyon", problem_statement="Comment faire pour…")
        participants.add(s, workshop_id, "Claire", "DDETS", "public")
        copy_id = workshops.duplicate(s, workshop_id).id
    with store.read() as s:
        copy = workshops.get(s, copy_id)
        assert copy.title == "Atelier de test (copie)"
        assert copy.place == "Lyon"
        assert [p.name for p in participants.list_for(s, copy_id)] == ["Claire"]


def test_paste_deduplicates_and_reports(store, workshop_id):
    with store.write() as s:
        participants.add(s, workshop_id, "Élodie Martin")
        ids, result = participants.paste(
            s,
            workshop_id,
            "elodie  MARTIN\tMairie\npaul roux\tCAPEB\tprivé\tpaul@example.org\n\nPaul Roux\n"
            "Inès\tLycée\tpara-public\tpas-un-mail",
        )
    assert len(ids) == 2
    assert result.duplicates == ["elodie MARTIN", "Paul Roux"]
    assert any("pas-un-mail" in w for w in result.warnings)
    with store.read() as s:
        rows = [
            (p.name, p.structure, p.category, p.email)
            for p in participants.list_for(s, workshop_id)
        ]
    assert rows == [
        ("Élodie Martin", "", "", None),
        ("paul roux", "CAPEB", "private", "paul@example.org"),
        ("Inès", "Lycée", "para_public", None),
    ]


def test_remove_and_restore_keeps_everything(store, workshop_id):
    with store.write() as s:
        p = participants.add(s, workshop_id, "Karim", "France Travail", "public", "k@example.org")
        pid = p.id
    with store.write() as s:
        removed = participants.remove(s, [pid])
    with store.write() as s:
        participants.restore(s, removed)
    with store.read() as s:
        back = participants.list_for(s, workshop_id)[0]
        assert (back.id, back.name, back.email) == (pid, "Karim", "k@example.org")


def test_second_instance_is_refused(db_path):
    first = InstanceLock(db_path)
    first.acquire()
    try:
        with pytest.raises(DatabaseLocked) as err:
            InstanceLock(db_path).acquire()
        assert "déjà ouvert" in str(err.value)
    finally:
        first.release()
    second = InstanceLock(db_path)
    second.acquire()  # free again once the first let go
    second.release()
