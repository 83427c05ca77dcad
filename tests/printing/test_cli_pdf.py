"""End to end: `kitcop demo` then `kitcop pdf`, as a facilitator would type them, through the
command line's own `cli.main` (tests/cli_support.py) with the data folder of the demo's."""

from __future__ import annotations

import pytest

from tests.cli_support import kitcop as run_kitcop
from tests.printing.pdf_support import reader, text_of


def kitcop(*args, env_dir):
    """The data and the log in the demo's folder: only what the command writes lands beside it."""
    folders = {"KITCOP_DATA_DIR": str(env_dir), "KITCOP_LOG_DIR": str(env_dir / "log")}
    return run_kitcop(*args, env_extra=folders)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    db = folder / "demo.sqlite3"
    done = kitcop("demo", "--db", str(db), env_dir=folder)
    assert done.returncode == 0, done.stderr
    return db, int(done.stdout.strip().splitlines()[-1]), folder


def test_pdf_all_is_the_restitution(demo_db, tmp_path):
    db, workshop_id, folder = demo_db
    out = tmp_path / "restitution.pdf"
    done = kitcop("pdf", str(workshop_id), "-o", str(out), "--db", str(db), env_dir=folder)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert len(reader(data).pages) >= 3
    text = text_of(data)
    assert "Rénovation énergétique : les compétences de 2030" in text
    assert "Restitution" in text.upper().title() or "RESTITUTION" in text
    assert "mardi 3 mars 2026" in text
    assert "example.org" not in text  # no emails in a restitution


def test_pdf_several_parts(demo_db, tmp_path):
    db, workshop_id, folder = demo_db
    out = tmp_path / "deux.pdf"
    done = kitcop(
        "pdf",
        str(workshop_id),
        "-o",
        str(out),
        "--part",
        "attendance",
        "--part",
        "blank",
        "--db",
        str(db),
        env_dir=folder,
    )
    assert done.returncode == 0, done.stderr
    text = text_of(out.read_bytes())
    assert "Liste d'émargement" in text and "Claire Dubois" in text
    assert "Fiche étonnement" in text


def test_pdf_unknown_workshop_says_so_in_french(demo_db, tmp_path):
    db, _, folder = demo_db
    out = tmp_path / "rien.pdf"
    done = kitcop("pdf", "999", "-o", str(out), "--db", str(db), env_dir=folder)
    assert done.returncode != 0
    assert "n'existe pas" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_pdf_unknown_part_is_refused(demo_db, tmp_path):
    db, workshop_id, folder = demo_db
    out = tmp_path / "x.pdf"
    done = kitcop(
        "pdf",
        str(workshop_id),
        "-o",
        str(out),
        "--part",
        "posters",
        "--db",
        str(db),
        env_dir=folder,
    )
    assert done.returncode == 2
    assert "partie inconnue" in done.stderr
    assert not out.exists()


def test_pdf_never_leaves_a_half_written_file(demo_db, tmp_path):
    db, workshop_id, folder = demo_db
    out = tmp_path / "bon.pdf"
    out.write_bytes(b"%PDF-1.4 old good file")
    done = kitcop("pdf", "999", "-o", str(out), "--db", str(db), env_dir=folder)
    assert done.returncode != 0
    assert out.read_bytes() == b"%PDF-1.4 old good file"
    assert [p.name for p in tmp_path.iterdir()] == ["bon.pdf"]


def test_pdf_in_english_with_lang_en(demo_db, tmp_path):
    """#18 « `--lang en` prints English PDFs »: the report's own words, dates and headings in
    English; what the facilitator typed (the title) stays as typed."""
    db, workshop_id, folder = demo_db
    out = tmp_path / "report.pdf"
    args = ("--lang", "en", "pdf", str(workshop_id), "-o", str(out), "--db", str(db))
    done = kitcop(*args, env_dir=folder)
    assert done.returncode == 0, done.stderr
    text = text_of(out.read_bytes())
    assert "Rénovation énergétique : les compétences de 2030" in text
    assert "WORKSHOP REPORT" in text
    assert "Tuesday 3 March 2026" in text
    for french in ("RESTITUTION DE L'ATELIER", "mardi 3 mars", "Sommaire", "Résultats des votes"):
        assert french not in text
    assert "Vote results" in text and "Contents" in text
