"""Each built-in déroulé template, built into a workshop, runs on the kit's own times (issue #16).

The kit's tables are written here as data, quoting the kit
(shared/seeds/000_a3de6f30c14f3429.txt, « MODÈLE 1 » and « MODÈLE KISS : … MODÈLE POUR
FABRIQUER SON DÉROULÉ D'ANIMATION »): its HORAIRES column as printed, its SEQUENCE column and its
OBJECTIF – INTENTION column. Where the kit puts two séquences in one slot (« Accueil café
Introduction », 09h30-09h45) the template gives that slot, not two.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from kitcop_desktop.domain import agenda_templates as kit
from kitcop_desktop.storage import agenda, workshops

# (HORAIRES as the kit prints them, SEQUENCE, OBJECTIF – INTENTION), in the kit's order.
KIT_MODELE_1 = (
    (
        "09h30- 9h45",
        "Accueil café Introduction",
        "Accueillir, créer un climat chaleureux Se projeter dans la séance, se donner un cadre "
        "d'échanges",
    ),
    (
        "09h45- 10h",
        "Brise Glace",
        "Créer un climat de confiance, se sentir plus à l'aise pour contribuer activement",
    ),
    ("10h - 10h50", "Diagnostic", "Enrichir l'état des lieux"),
    ("10h50-11h", "Pause", "S'aérer, reprendre des forces cognitives"),
    ("11h – 11h35", "Projection 2030", "Se projeter pour identifier des chantiers à mener"),
    (
        "11h35 - 11h45",
        "Partage des enjeux",
        "Trouver un accord sur les éléments essentiels à travailler",
    ),
    ("11h45- 12h00", "Décluseion", "Clôturer, susciter l'engagement pour imaginer la suite"),
)
KIT_MODELE_KISS = (
    ("09h-09h30", "Accueil café", "Accueillir, créer un climat chaleureux"),
    ("09h30-9h45", "Introduction", "Se projeter dans la séance, se donner un cadre d'échanges"),
    (
        "09h45-10h",
        "Brise Glace",
        "Créer un climat de confiance, se sentir plus à l'aise pour contribuer activement",
    ),
    ("10h-10h15", "", ""),  # the kit's row is empty: a pause between two parts
    (
        "10h15-11h15",
        "Rétrospective",
        "Faire collectivement le bilan du projet test, du fonctionnement en équipe",
    ),
    ("11h15-11h45", "La méthode KISS (keep, im-prove, start, stop)", "Décider ensemble"),
    ("11h45-12h", "Décluseion", "Clôture et suite à donner aux décisions prises"),
)
KIT_TABLES = {"modele_1": KIT_MODELE_1, "modele_kiss": KIT_MODELE_KISS}


def kit_slot(horaire: str) -> tuple[str, str]:
    """« 09h30- 9h45 » → (« 09:30 », « 09:45 »); « 11h – 11h35 » → (« 11:00 », « 11:35 »)."""
    times = re.findall(r"(\d{1,2})h(\d{2})?", horaire)
    assert len(times) == 2, horaire
    return tuple(f"{int(h):02d}:{m or '00'}" for h, m in times)  # type: ignore[return-value]


def words(text: str) -> str:
    """Lower case, no accents, no punctuation: « Brise Glace » == « Brise-glace »."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", bare))


def built_rows(store, key: str):
    with store.write() as s:
        workshop = workshops.create(s, f"Atelier {key}")
        agenda.apply_template(s, workshop.id, key)
        return [
            (row.start.strftime("%H:%M"), row.end.strftime("%H:%M"), row.title, row.intention)
            for row in agenda.planned_rows(s, workshop.id)
        ]


@pytest.mark.parametrize("key", sorted(KIT_TABLES))
def test_each_slot_starts_and_ends_at_the_kits_times(store, key):
    rows = built_rows(store, key)
    expected = [kit_slot(horaire) for horaire, _title, _intention in KIT_TABLES[key]]
    assert [(start, end) for start, end, _t, _i in rows] == expected


@pytest.mark.parametrize("key", sorted(KIT_TABLES))
def test_each_slot_has_the_kits_sequence_and_objective(store, key):
    rows = built_rows(store, key)
    assert len(rows) == len(KIT_TABLES[key])
    for (_s, _e, title, intention), (horaire, kit_title, kit_intention) in zip(
        rows, KIT_TABLES[key], strict=True
    ):
        if not kit_title:  # the kit's empty row
            assert title == "Pause", horaire
            continue
        # The kit's typos (« Décluseion », « im-prove ») and line breaks aside.
        kit_words = words(kit_title.replace("Décluseion", "Déclusion")).split()
        assert all(w in words(title).split() for w in kit_words[:3]), (horaire, title)
        assert words(kit_intention) in words(intention), (horaire, intention)


def test_modele_1_morning_is_the_kits_930_to_noon(store):
    rows = built_rows(store, "modele_1")
    assert rows[0][0] == "09:30" and rows[-1][1] == "12:00"
    assert rows[0][2] == "Accueil café / Introduction"
    assert kit.MODEL_1.total_minutes == 150


def test_the_kits_materials_are_kept(store):
    """MATÉRIEL / CONFIG SALLE: what the kit asks to prepare is in the template's checklist."""
    by_title = {s.title: s for s in kit.MODEL_1.sequences}
    first = by_title["Accueil café / Introduction"].materials
    for thing in ("Café, thé, gobelets", "Liste d'émargement", "Ordre du jour", "Cadre des"):
        assert thing in first
    assert "4 chaises au centre" in by_title["Projection 2030"].materials
    assert "nom – ressenti – envie de s'engager" in by_title["Déclusion"].materials
    kiss = {s.title: s for s in kit.MODEL_KISS.sequences}
    assert "Liste d'émargement" in kiss["Accueil café"].materials
    assert "on garde" in kiss["La méthode KISS"].materials


def test_the_world_cafe_and_the_blank_deroule_are_continuous(store):
    """No kit table for these two: their séquences follow one another without a gap."""
    for key in ("world_cafe", "blank"):
        rows = built_rows(store, key)
        for before, after in zip(rows, rows[1:], strict=False):
            assert before[1] == after[0], (key, before, after)
        template = kit.by_key(key)
        assert rows[0][0] == template.start.strftime("%H:%M")
