"""`kitcop new` makes a workshop from a template and prints its id; `kitcop templates` lists
the keys it takes (issue #16)."""

from __future__ import annotations

from datetime import date, time

import pytest

from kitcop_desktop.domain.french import parse_day
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import agenda, workshops
from kitcop_desktop.storage.migrate import open_store
from tests.cli_support import kitcop


def test_templates_lists_the_keys_without_creating_a_file(tmp_path):
    db = tmp_path / "nothing-yet.sqlite3"
    out = kitcop("templates", "--db", db)
    assert out.returncode == 0, out.stderr
    keys = [line.split("\t")[0] for line in out.stdout.splitlines()]
    assert keys == ["modele_1", "modele_kiss", "world_cafe", "blank"]
    assert "Déroulé vierge" in out.stdout
    assert not db.exists()


def test_new_prints_the_id_of_a_workshop_built_from_the_template(tmp_path):
    db = tmp_path / "atelier.sqlite3"
    out = kitcop(
        "new",
        "--db",
        db,
        "--template",
        "modele_1",
        "--title",
        "R&D <2030> 🌱",
        "--date",
        "03/03/2026",
    )
    assert out.returncode == 0, out.stderr
    workshop_id = int(out.stdout.strip())
    store = open_store(db)
    try:
        with store.read() as s:
            workshop = workshops.get(s, workshop_id)
            title, day = workshop.title, workshop.date
            rows = agenda.planned_rows(s, workshop_id)
        assert title == "R&D <2030> 🌱" and day == date(2026, 3, 3)
        assert rows[0].title == "Accueil café / Introduction" and rows[-1].end == time(12, 0)
    finally:
        store.close()
    listing = kitcop("list", "--db", db)
    assert f"{workshop_id}\t2026-03-03\tR&D <2030> 🌱" in listing.stdout


def test_new_refuses_an_unknown_template_or_date_and_creates_nothing(tmp_path):
    db = tmp_path / "atelier.sqlite3"
    assert kitcop("new", "--db", db, "--title", "Vierge").returncode == 0  # blank by default
    unknown = kitcop("new", "--db", db, "--template", "modele_99", "--title", "X")
    assert unknown.returncode == 1
    assert "Modèle de déroulé inconnu" in unknown.stderr and "modele_kiss" in unknown.stderr
    bad_day = kitcop("new", "--db", db, "--title", "X", "--date", "31/02/2026")
    assert bad_day.returncode == 1 and "Date illisible" in bad_day.stderr
    assert "Rien n'a été créé." in bad_day.stderr
    assert kitcop("list", "--db", db).stdout.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-03-03", date(2026, 3, 3)),
        ("3/4/2026", date(2026, 4, 3)),
        (" 03.04.2026 ", date(2026, 4, 3)),
    ],
)
def test_parse_day_reads_iso_and_french_dates(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["", "demain", "2026-13-01", "99/99/99", "2026/02/30"])
def test_parse_day_refuses_with_a_french_sentence(text):
    with pytest.raises(InvalidInput, match="Date illisible"):
        parse_day(text)
