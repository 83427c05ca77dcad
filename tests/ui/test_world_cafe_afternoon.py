"""#23 « done when »: the world café afternoon of the 004 seed (France Travail, 13:30–17:00),
built from a blank déroulé with its pause pinned, prints a participants' programme and a
facilitator's sheet whose times are the editor's, row for row."""

from __future__ import annotations

import re
from datetime import date, time

import pytest

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import agenda, workshops
from kitcop_desktop.tools.agenda import model as m
from kitcop_desktop.tools.agenda.spec import SPEC
from tests.printing.pdf_support import flat, text_of

PROBLEM = (
    "Comment garantir un parcours cohérent et fluide aux personnes en recherche d'emploi, "
    "et une réponse publique coordonnée aux besoins des employeurs ?"
)
QUESTIONS = (
    "Comment garantir une bonne orientation des publics en demande d'emploi ?",
    "Comment faciliter l'accès aux solutions d'insertion et d'emploi d'un territoire ?",
    "Comment mieux organiser la réponse publique aux besoins en recrutement ?",
    "Comment favoriser l'engagement des entreprises dans une démarche de co-construction ?",
)
ROTATION = (
    "Chaque équipe rejoint la table d'une question ; l'hôte·sse résume ce que la table "
    "précédente a dit, puis l'équipe l'enrichit. Notez vos idées sur la nappe."
)
# (title, minutes, pinned start, consignes, notes d'animation, matériel)
AFTERNOON = (
    (
        "Accueil et cadre",
        15,
        None,
        "Bienvenue ! Installez-vous dans l'une des quatre équipes affichées à l'entrée.",
        "Rappeler la bienveillance et le téléphone en silencieux.",
        "Café, thé\nListe d'émargement imprimée",
    ),
    (
        "Le world café : quatre équipes, quatre questions",
        15,
        None,
        "Quatre questions, une par table : en quatre tours, chaque équipe passe à chaque table.",
        "Présenter les hôte·sses des tables (ils et elles ne tournent pas).",
        "Quatre nappes et feutres\nLes questions affichées par table",
    ),
    ("Tour 1", 30, None, ROTATION, "", ""),
    ("Tour 2", 30, None, ROTATION, "", ""),
    ("Tour 3", 25, None, ROTATION, "Annoncer la pause cinq minutes avant.", ""),
    ("Pause", 15, time(15, 30), "Pause : retour à 15 h 45.", "", "Café, fruits"),
    ("Tour 4", 30, None, ROTATION, "", ""),
    (
        "Trois idées par question",
        30,
        None,
        "Chaque hôte·sse présente les trois idées structurantes retenues à sa table.",
        "Ne garder que trois idées par question, pas une de plus.",
        "Tableau blanc",
    ),
    (
        "Déclusion",
        15,
        None,
        "Une image de sport qui dit, pour vous, une bonne coopération.",
        "",
        "Cartes images de sport",
    ),
)


def build_afternoon(store, workshop_id: int) -> None:
    """A blank déroulé filled séquence by séquence, as the editor's commands store them."""
    with store.write() as s:
        assert agenda.list_sequences(s, workshop_id) == []
        workshops.update(
            s,
            workshop_id,
            title="Ateliers coopératifs France Travail — après-midi",
            date=date(2026, 12, 8),
            start_time=time(13, 30),
            end_time=time(17, 0),
            problem_statement=PROBLEM,
        )
        for title, minutes, pin, consignes, notes, materials in AFTERNOON:
            if title.startswith("Tour"):
                number = int(title.split()[1])
                consignes = f"{consignes}\nQuestion de votre table : {QUESTIONS[number - 1]}"
            agenda.add_sequence(
                s,
                workshop_id,
                title=title,
                duration_minutes=minutes,
                pinned_start=pin,
                instructions=consignes,
                facilitator_notes=notes,
                materials=materials,
            )


TIMES = re.compile(r"(\d\d:\d\d)\s*[–-]\s*(\d\d:\d\d)")


def screen_times(editor) -> list[tuple[str, str]]:
    model = editor.model
    out = []
    for row in range(model.rowCount()):
        found = TIMES.search(model.index(row, m.COL_TIME).data())
        assert found, model.index(row, m.COL_TIME).data()
        out.append(found.groups())
    return out


def printed(store, workshop_id: int, part: str) -> str:
    with store.read() as s:
        return flat(text_of(render_pdf(s, workshop_id, [part])))


@pytest.fixture
def afternoon(ctx, qtbot, store, workshop_id):
    build_afternoon(store, workshop_id)
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1366, 700)
    editor.show()
    return editor


def test_the_afternoon_on_screen_runs_from_13_30_to_17_00(afternoon):
    times = screen_times(afternoon)
    assert times[0] == ("13:30", "13:45") and times[-1] == ("16:45", "17:00")
    pause = [r.title for r in afternoon.model.rows].index("Pause")
    assert times[pause] == ("15:30", "15:45")
    assert afternoon.model.index(pause, m.COL_TIME).data().startswith(m.PIN)
    assert times[pause - 1] == ("15:00", "15:25")  # five free minutes before the pin
    assert "13:30 → 17:00" in afternoon.summary.text()
    assert not afternoon.prepare.conflicts.isVisible()


def test_both_printed_documents_have_the_editors_times(afternoon, store, workshop_id):
    on_screen = screen_times(afternoon)
    programme = printed(store, workshop_id, "agenda")
    sheet = printed(store, workshop_id, "facilitator")
    assert TIMES.findall(programme) == on_screen
    # The facilitator's sheet adds one row: the free gap before the pinned pause.
    assert TIMES.findall(sheet.split("Matériel à préparer")[0]) == (
        on_screen[:5] + [("15:25", "15:30")] + on_screen[5:]
    )
    assert "Battement libre avant l'heure fixée" in sheet
    assert "heure fixe" in sheet and "⚠" not in sheet and "⚠" not in programme
    # The handout is for participants: the frame and problématique, never the notes.
    assert "une réponse publique coordonnée aux besoins des employeurs" in programme
    assert "Annoncer la pause" not in programme and "Annoncer la pause" in sheet
    assert "Cartes images de sport" not in programme


def test_a_lengthened_round_is_flagged_on_screen_and_on_the_sheet_alike(
    afternoon, store, workshop_id
):
    tour_3 = [r.title for r in afternoon.model.rows].index("Tour 3")
    afternoon.select(afternoon.model.rows[tour_3].id)
    assert afternoon.model.setData(afternoon.model.index(tour_3, m.COL_MINUTES), 35)
    on_screen = screen_times(afternoon)
    assert on_screen[tour_3] == ("15:00", "15:35") and on_screen[tour_3 + 1] == ("15:30", "15:45")
    assert afternoon.model.index(tour_3 + 1, m.COL_TIME).data().startswith("⚠")
    assert afternoon.prepare.conflicts.isVisible()
    sheet = printed(store, workshop_id, "facilitator")
    assert TIMES.findall(sheet.split("Matériel à préparer")[0]) == on_screen
    assert "⚠ À revoir avant l'atelier" in sheet
    assert TIMES.findall(printed(store, workshop_id, "agenda")) == on_screen
    afternoon.ctx.undo_stack.undo()
    assert screen_times(afternoon)[tour_3] == ("15:00", "15:25")
    assert afternoon.table.currentIndex().row() == tour_3  # the undo keeps the row


def test_the_sheet_has_no_page_for_what_the_room_did_not_see_when_there_is_none(
    afternoon, store, workshop_id
):
    """The afternoon has no bowl, secret vote, e-mail or interview: the sheet's last page
    said only its legend. It comes back as soon as there is something to keep from the room."""
    from kitcop_desktop.storage import participants
    from tests.printing.pdf_support import reader

    with store.read() as s:
        data = render_pdf(s, workshop_id, ["facilitator"])
    assert "Ce que la salle ne voit pas" not in flat(text_of(data))
    assert len(reader(data).pages) == 3  # the déroulé on two pages, the matériel
    with store.write() as s:
        participants.add(s, workshop_id, "Awa Diallo", email="awa@example.org")
    sheet = printed(store, workshop_id, "facilitator")
    assert "Ce que la salle ne voit pas" in sheet and "awa@example.org" in sheet


def test_the_sheets_sequence_titles_stand_out_from_their_objective(afternoon, store, workshop_id):
    from tests.printing.pdf_support import reader

    with store.read() as s:
        data = render_pdf(s, workshop_id, ["facilitator"])
    bold: list[str] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font and "Bold" in str(font.get("/BaseFont", "")):
            bold.append(text.strip())

    reader(data).pages[0].extract_text(visitor_text=visit)
    assert "Tour 1" in bold and "Accueil et cadre" in bold
