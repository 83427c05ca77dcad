"""Each part on the demo workshop and on targeted data, read back as a user would."""

from __future__ import annotations

import re

import pytest

from kitcop_desktop.printing.parts import PART_NAMES, render_pdf
from kitcop_desktop.storage import (
    actions,
    agenda,
    boards,
    fishbowl,
    interviews,
    voting,
    voting_entries,
    voting_rounds,
)
from kitcop_desktop.storage import boards_clusters as clusters
from kitcop_desktop.storage.models import Workshop
from tests.printing.pdf_support import flat, page_sizes_mm, reader, text_of


def render(store, workshop_id, *parts):
    with store.read() as s:
        return render_pdf(s, workshop_id, list(parts))


def test_full_restitution_of_the_demo_has_every_section(store, demo):
    data = render(store, demo, "all")
    text = flat(text_of(data))  # no-break spaces (« Déroulé : … ») read as spaces
    for heading in (
        "RESTITUTION DE L'ATELIER",
        "Participant·es",
        "Déroulé : prévu et réalisé",
        "Les post-it, zone par zone",
        "Résultats des votes",
        "Bocal à poisson",
        "Tours de parole",
        "Décisions de la rétrospective KISS",
        "Synthèse de l'enquête de terrain",
    ):
        assert heading in text, heading
    pages = reader(data).pages
    assert f"1 / {len(pages)}" in pages[0].extract_text()


def test_deroule_is_the_participants_programme_not_the_facilitators_table(store, demo):
    """#23 item 1: `--part agenda` is a handout — times, titles, a one-line description, the
    frame and the problématique — never the internal objectives, matériel or notes."""
    data = render(store, demo, "agenda")
    text = flat(text_of(data))
    assert page_sizes_mm(data)[0] == (210, 297)
    assert "Programme de l'atelier" in text
    with store.read() as s:
        rows = agenda.planned_rows(s, demo)
        workshop = s.get(Workshop, demo)
        sequences = [
            (seq.title, seq.intention, seq.materials, seq.facilitator_notes, seq.instructions)
            for seq in agenda.list_sequences(s, demo)
        ]
        statement = workshop.problem_statement
    assert statement and flat(statement) in text
    assert "9 h – 12 h 30" in text  # the workshop's frame
    for row in rows:
        assert row.title in text and f"{row.start:%H:%M}–{row.end:%H:%M}" in text
    for column in ("OBJECTIF", "MATÉRIEL", "CONSIGNES", "NOTES D'ANIMATION", "ne pas diffuser"):
        assert column not in text
    private = [intention for _, intention, _, _, _ in sequences if intention]
    private += [line for _, _, m, _, _ in sequences for line in agenda.material_lines(m)]
    private += [notes for _, _, _, notes, _ in sequences if notes]
    assert private  # the demo has objectives, matériel and notes: none is printed
    for secret in private:
        assert flat(secret) not in text, secret
    consigne = next(said for title, *_, said in sequences if title == "Brise-glace")
    assert "En binôme, de préférence avec une personne que vous ne connaissez pas" in text
    assert flat(consigne) not in text  # one line, not the whole consigne


def test_long_consignes_split_across_pages_instead_of_failing(store, workshop_id):
    long_text = "\n".join(
        f"Consigne détaillée numéro {i} : on écoute & on note <tout>." for i in range(300)
    )
    with store.write() as s:
        agenda.add_sequence(s, workshop_id, title="Très longue", instructions=long_text)
    data = render(store, workshop_id, "facilitator")  # the programme prints one line of them
    assert len(reader(data).pages) >= 3
    text = flat(text_of(data))
    assert "numéro 0 : on écoute & on note <tout>." in text
    assert "numéro 299 : on écoute & on note <tout>." in text


def test_facilitator_version_adds_checklist_and_private_notes(store, demo):
    text = text_of(render(store, demo, "facilitator"))
    assert "Matériel à préparer" in text and "Notes privées" in text
    assert "☑" in text or "☐" in text
    assert "Salle réservée" in text  # the workshop's private notes
    # The room's version does not carry them.
    assert "Salle réservée" not in text_of(render(store, demo, "agenda"))


def test_boards_are_drawn_and_listed_by_zone_and_cluster(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat table 1")
        a = boards.add_card(s, board.id, "brakes", "Salaires trop bas & peu <attractifs>")
        boards.add_card(s, board.id, "levers", "Apprentissage aidé")
        created = clusters.create_cluster(s, board.id, "brakes", "Attractivité", [a.id])
    assert created
    text = text_of(render(store, workshop_id, "boards"))
    assert "Speedboat table 1" in text
    assert "Salaires trop bas & peu <attractifs>" in text
    assert "Attractivité" in text and "Freins (ancres)" in text and "Leviers (voiles, vent)" in text
    # Counted in words a reader expects, never « post-it(s) » (seen on the printed page).
    assert "2 post-it · 1 sous-thématique" in " ".join(text.split())
    assert "(s)" not in text


def test_votes_print_counts_ties_and_winners_only_when_revealed(store, workshop_id):
    with store.write() as s:
        vote = voting.create_vote_from_texts(
            s, workshop_id, [("Tutorat", None), ("Forum", None), ("Guichet", None)], "Priorités"
        )
        vote = voting.get(s, vote if isinstance(vote, int) else vote.id)
        vote.winners_count = 1
        first = vote.rounds[0]
        counts = dict(zip((i.id for i in vote.items), (5, 5, 1), strict=True))
        for item_id, n in counts.items():
            voting_entries.set_wall_count(s, first.id, item_id, n)
        vote_id, round_id = vote.id, first.id
    hidden = text_of(render(store, workshop_id, "votes"))
    assert "non révélés" in hidden and "Tutorat" not in hidden
    with store.write() as s:
        voting_rounds.set_state(s, round_id, state="closed", revealed=True)
    text = text_of(render(store, workshop_id, "votes"))
    assert "Priorités" in text and "Tutorat" in text and "Guichet" in text
    assert "ex æquo" in text
    assert "Égalité à départager" in text
    assert vote_id


def test_interviews_print_pseudonyms_never_real_names(store, demo):
    with store.write() as s:
        first = interviews.list_interviews(s, demo)[0]
        interviews.set_real_name(s, first.id, "Bernadette Secret")
    text = text_of(render(store, demo, "interviews"))
    assert "Bernadette Secret" not in text
    assert first.pseudonym in text
    assert "Modèle de restitution" in text and "Guide d'entretien" in text


def test_blank_printables_posters_are_a3(store, demo):
    data = render(store, demo, "blank")
    sizes = page_sizes_mm(data)
    assert (210, 297) in sizes  # fiche étonnement, cartes consignes
    assert sizes.count((420, 297)) == 3  # speedboat, KISS and chemin de la rétrospective posters
    text = text_of(data)
    for words in (
        "Fiche étonnement",
        "Speedboat",
        "Rétrospective KISS",
        "On garde",
        "Cartes consignes",
    ):
        assert words in text


def test_fishbowl_and_rounds_of_the_demo(store, demo):
    text = text_of(render(store, demo, "fishbowl", "rounds"))
    assert "Bocal à poisson" in text and "Temps de parole" in text
    assert "Déclusion" in text


def test_fishbowl_marks_who_left_the_workshop_and_leaves_them_out_of_the_silent(store, demo):
    with store.write() as s:
        (bowl, *_) = fishbowl.list_fishbowls(s, demo)
        stats = fishbowl.stats(s, bowl.id)
        spoke = next(p for p in stats.people if p.turns)
        gone = {spoke.name, stats.silent[0]}
        for member in fishbowl.members(s, bowl.id):  # the demo bowl is finished: set it directly
            if member.name in gone:
                member.left_at = bowl.created_at
    text = flat(text_of(render(store, demo, "fishbowl")))
    assert f"{spoke.name} (parti·e)" in text
    assert stats.silent[0] not in text


def test_agenda_alone_adds_planned_vs_actual_once_run(store, demo, workshop_id):
    assert "prévu et réalisé" in flat(text_of(render(store, demo, "agenda")))  # the demo ran
    with store.write() as s:
        agenda.add_sequence(s, workshop_id, title="Accueil")
    assert "prévu et réalisé" not in flat(text_of(render(store, workshop_id, "agenda")))


def test_boards_alone_add_the_kiss_decisions(store, demo):
    assert "Décisions de la rétrospective KISS" in text_of(render(store, demo, "boards"))


def test_restitution_has_a_sommaire_with_true_page_numbers(store, demo):
    data = render(store, demo, "all")
    pages = [page.extract_text() for page in reader(data).pages]
    assert "Sommaire" in pages[0]  # #16: on the cover
    # Layout mode keeps each line of the sommaire together: « name ……… page ».
    lines = [
        " ".join(x.split())
        for x in reader(data).pages[0].extract_text(extraction_mode="layout").splitlines()
    ]
    lines = lines[lines.index("Sommaire") :]  # the cover's facts come first
    for name in ("Participant·es", "Résultats des votes", "Fiches actions"):
        line = next(x for x in lines if x.startswith(name))
        number = int(line.rsplit(" ", 1)[1])
        assert name in pages[number - 1], name


def test_facilitator_notes_print_only_in_the_facilitators_version(store, workshop_id):
    notes = "Variante si plus de 20 personnes : petit papier <à coller> & 🎉"
    with store.write() as s:
        agenda.add_sequence(
            s,
            workshop_id,
            title="Déclusion",
            instructions="Un mot chacun·e.",
            facilitator_notes=notes,
        )
    assert "petit papier <à coller>" in flat(text_of(render(store, workshop_id, "facilitator")))
    for part in ("agenda", "all", "blank"):
        text = flat(text_of(render(store, workshop_id, part)))
        assert "petit papier" not in text, part


def _page_texts(data: bytes) -> list[str]:
    """Each page's text without its « k / N » page number."""
    return [re.sub(r"\b\d+ / \d+\b", "", page.extract_text()) for page in reader(data).pages]


@pytest.mark.parametrize("part", [p for p in PART_NAMES if p != "all"])
def test_a_part_ticked_with_the_restitution_never_prints_a_page_twice(store, demo, part):
    """Issue #22 item 5: « Restitution complète » + « Fiches actions » printed each fiche twice."""
    pages = _page_texts(render(store, demo, "all", part))
    repeated = {text[:60] for text in pages if pages.count(text) > 1}
    assert not repeated
    # What the part adds beyond the restitution is all there.
    for text in _page_texts(render(store, demo, part)):
        assert text in pages


def test_restitution_and_fiches_actions_print_each_fiche_once(store, demo):
    alone = render(store, demo, "all")
    both = render(store, demo, "all", "actions")
    assert len(reader(both).pages) == len(reader(alone).pages)
    text = flat(text_of(both))
    with store.read() as s:
        total = len(actions.list_for(s, demo))
    assert total >= 2
    for number in range(1, total + 1):
        assert text.count(f"Fiche action {number} / {total}") == 1


def test_every_part_ticked_at_once_never_prints_a_page_twice(store, demo):
    pages = _page_texts(render(store, demo, *PART_NAMES))
    assert len(pages) == len(set(pages))


def test_kiss_decisions_show_each_group_with_its_post_its_and_its_fiche(store, workshop_id):
    """Issue #22 item 2: the « Décisions KISS » page listed grouped post-its as if loose."""
    from kitcop_desktop.storage import boards_actions

    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "Rétrospective KISS")
        a = boards.add_card(s, board.id, "start", "Un comité de suivi mensuel").id
        b = boards.add_card(s, board.id, "start", "Un comité avec les entreprises").id
        boards.add_card(s, board.id, "start", "Un forum des métiers au lycée")
        boards.add_card(s, board.id, "stop", "Les réunions sans ordre du jour")
        clusters.create_cluster(s, board.id, "start", "Comité de pilotage", [a, b])
        boards_actions.start_to_actions(s, workshop_id, board.id)
    text = flat(text_of(render(store, workshop_id, "boards")))
    page = text[text.index("Décisions de la rétrospective KISS") :]
    group = page.index("Comité de pilotage")
    # The group, marked as one fiche, then its two post-its under it, then the loose one.
    assert "2 post-it" in page[group : group + 80]
    assert page.index("Un comité de suivi mensuel") > group
    assert page.index("Un comité avec les entreprises") > group
    assert page.index("Un forum des métiers au lycée") > page.index("Un comité avec les")
    assert page.count("fiche action 1") == 1  # the group's, once, not once per post-it
    assert "fiche action 2" in page  # the loose post-it's
    assert "On jette" in page or "On arrête" in page
