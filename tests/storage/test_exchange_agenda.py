"""A déroulé shared as a template: exported without its workshop, imported into the library."""

from __future__ import annotations

import json
from datetime import time
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from kitcop_desktop.storage import exchange, workshops
from kitcop_desktop.storage.exchange_format import ExchangeError
from kitcop_desktop.storage.models.agenda import AgendaTemplateRecord, RunEvent, Sequence

from .exchange_support import TRICKY, dump


@pytest.fixture
def agenda_workshop(store):
    """A workshop with three séquences, a ticked checklist, a run fact and a tool link."""
    with store.write() as s:
        workshop = workshops.create(s, "Atelier mobilité", start_time=time(9, 30))
        rows = [
            Sequence(
                workshop_id=workshop.id,
                position=0,
                title="Accueil café",
                intention="Accueillir",
                materials="Café\nGobelets",
                materials_ticked="Café",
                duration_minutes=15,
                kind="welcome",
            ),
            Sequence(
                workshop_id=workshop.id,
                position=1,
                title="Speedboat",
                instructions=TRICKY,
                duration_minutes=45,
                tool_key="boards",
                tool_ref=7,
            ),
            Sequence(
                workshop_id=workshop.id,
                position=2,
                title="Déjeuner",
                duration_minutes=60,
                pinned_start=time(12, 0),
                kind="break",
            ),
        ]
        s.add_all(rows)
        s.flush()
        s.add(RunEvent(workshop_id=workshop.id, sequence_id=rows[0].id, kind="start"))
        return workshop.id


COLUMNS = ("id", "title", "description", "start_time", "sequences")


def template_file(store, workshop_id, tmp_path, name="modele.kitcop"):
    with store.read() as s:
        data = exchange.export_agenda(s, workshop_id)
    path = tmp_path / name
    path.write_bytes(data)
    return path


def library(store):
    with store.read() as s:
        records = s.scalars(select(AgendaTemplateRecord).order_by(AgendaTemplateRecord.id))
        return [SimpleNamespace(**{c: getattr(r, c) for c in COLUMNS}) for r in records]


def test_template_file_carries_the_sequences_and_nothing_of_the_run(
    store, agenda_workshop, tmp_path
):
    envelope = json.loads(template_file(store, agenda_workshop, tmp_path).read_bytes())
    assert envelope["kind"] == "agenda"
    assert envelope["title"] == "Déroulé — Atelier mobilité"
    sequences = envelope["tables"]["agenda_sequences"]
    assert [s["title"] for s in sequences] == ["Accueil café", "Speedboat", "Déjeuner"]
    assert sequences[2]["pinned_start"] == "12:00:00"
    text = json.dumps(envelope)
    assert "materials_ticked" not in text and "tool_ref" not in text
    assert "workshop_id" not in text and "agenda_run_events" not in text
    assert envelope["tables"]["agenda_templates"][0]["start_time"] == "09:30:00"


def test_template_lands_in_the_library(store, agenda_workshop, tmp_path):
    path = template_file(store, agenda_workshop, tmp_path)
    preview = exchange.read_file(path)
    first = preview.summary_lines()[0]
    assert first.startswith("Ce fichier contient un modèle de déroulé")
    assert "Déroulé — Atelier mobilité" in first
    assert any("3 séquences" in line for line in preview.summary_lines())
    result = exchange.apply_import(store, preview)
    assert result.kind == "agenda" and result.workshop_id is None
    assert "Modèle de déroulé ajouté" in result.message and "3 séquences" in result.message
    (record,) = library(store)
    assert record.id == result.template_id
    assert record.start_time == time(9, 30)
    stored = json.loads(record.sequences)
    assert [s["title"] for s in stored] == ["Accueil café", "Speedboat", "Déjeuner"]
    assert stored[1]["instructions"] == TRICKY
    assert stored[1]["duration_minutes"] == 45 and stored[1]["tool_key"] == "boards"
    assert stored[2]["pinned_start"] == "12:00"
    assert "pinned_start" not in stored[0]
    assert all("materials_ticked" not in s and "tool_ref" not in s for s in stored)


def test_same_template_twice_is_not_added_twice(store, agenda_workshop, tmp_path):
    path = template_file(store, agenda_workshop, tmp_path)
    exchange.import_file(store, path)
    again = exchange.import_file(store, path)
    assert "déjà dans vos modèles" in again.message
    assert len(library(store)) == 1


def test_library_template_exports_and_comes_back_the_same(store, agenda_workshop, tmp_path):
    first = exchange.import_file(store, template_file(store, agenda_workshop, tmp_path))
    with store.read() as s:
        data = exchange.export_template(s, first.template_id)
    assert json.loads(data)["title"] == "Déroulé — Atelier mobilité"
    path = tmp_path / "copie.kitcop"
    path.write_bytes(data)
    assert exchange.import_file(store, path).template_id == first.template_id  # recognised


def test_template_saved_in_the_library_is_recognised_after_a_trip(store, agenda_workshop, tmp_path):
    from kitcop_desktop.storage import agenda_templates

    with store.write() as s:
        saved = agenda_templates.save_as_template(s, agenda_workshop, "Mon modèle").id
    with store.read() as s:
        data = exchange.export_template(s, saved)
    path = tmp_path / "mon-modele.kitcop"
    path.write_bytes(data)
    assert exchange.import_file(store, path).template_id == saved
    with store.read() as s:
        template = agenda_templates.as_template(s, f"personal:{saved}")
    assert [q.minutes for q in template.sequences] == [15, 45, 60]


def test_unknown_kind_or_tool_from_a_newer_version_becomes_plain(store, agenda_workshop, tmp_path):
    def change(tables):
        tables["agenda_sequences"][0].update(kind="hologram_round", tool_key="teleport")

    path = spoiled(store, agenda_workshop, tmp_path, change)
    assert library(store) == []
    exchange.import_file(store, path)
    (record,) = library(store)
    first = json.loads(record.sequences)[0]
    assert first["kind"] == "" and first["tool_key"] == ""


def test_empty_agenda_is_a_valid_template(store, workshop_id, tmp_path):
    path = template_file(store, workshop_id, tmp_path)
    result = exchange.import_file(store, path)
    assert "0 séquence" in result.message


def spoiled(store, agenda_workshop, tmp_path, change):
    path = template_file(store, agenda_workshop, tmp_path)
    envelope = json.loads(path.read_bytes())
    change(envelope["tables"])
    path.write_text(json.dumps(envelope), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda t: t.update(agenda_templates=[]), "exactement un modèle"),
        (lambda t: t["agenda_templates"][0].update(title="  "), "pas de titre"),
        (lambda t: t["agenda_sequences"][0].update(title=""), "n'a pas de titre"),
        (lambda t: t["agenda_sequences"][1].update(duration_minutes=-5), "durée"),
        (lambda t: t["agenda_sequences"][1].update(duration_minutes=0), "durée"),
        (lambda t: t["agenda_sequences"][1].update(duration_minutes=10**9), "durée"),
        (lambda t: t["agenda_sequences"][1].update(duration_minutes="45"), "entier"),
        (lambda t: t["agenda_sequences"][2].update(pinned_start="midi"), "illisible"),
        (lambda t: t["agenda_sequences"][0].update(title="x" * 5000), "trop long"),
        (lambda t: t.update(agenda_sequences={"a": 1}), "liste"),
        (lambda t: t.update(agenda_sequences=[{"title": "S"}] * 500), "trop de séquences"),
        (lambda t: t["agenda_sequences"].append("séquence"), "mal formée"),
    ],
)
def test_bad_template_is_refused_and_nothing_changes(
    store, agenda_workshop, tmp_path, change, words
):
    path = spoiled(store, agenda_workshop, tmp_path, change)
    before = dump(store)
    with pytest.raises(ExchangeError) as err:
        exchange.import_file(store, path)
    assert words in str(err.value)
    assert str(err.value).endswith("Rien n'a été modifié.")
    assert dump(store) == before


def test_export_of_a_missing_template_or_workshop(store):
    from kitcop_desktop.storage.errors import NotFound

    with store.read() as s, pytest.raises(NotFound):
        exchange.export_template(s, 999)
    with store.read() as s, pytest.raises(NotFound):
        exchange.export_agenda(s, 999)
