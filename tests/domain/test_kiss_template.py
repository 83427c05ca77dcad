"""Modèle KISS follows the kit's own words (issue #22 item 10)."""

from __future__ import annotations

from kitcop_desktop.domain import agenda_templates as kit
from kitcop_desktop.domain.board_kinds import KINDS


def _sequence(title: str) -> kit.TemplateSequence:
    return next(s for s in kit.MODEL_KISS.sequences if s.title == title)


def test_the_kiss_sequence_keeps_the_kits_consignes():
    kiss = _sequence("La méthode KISS")
    text = kiss.instructions
    assert "temps individuel de réflexion" in text
    assert "un espace pour créer des nouvelles actions" in text
    for part in ("On garde", "On jette", "On améliore", "On commence"):
        assert part in text
    assert "arrête" not in text
    assert "on jette" in kiss.materials and "arrête" not in kiss.materials
    assert kiss.board_kind == "kiss"


def test_the_retrospective_keeps_both_of_the_kits_wordings():
    retro = _sequence("Rétrospective")
    for item in (
        "ce qui a marché",
        "ce qui n'a pas marché",
        "ce qui a déjà été ré-essayé",
        "ce que j'ai détecté",
        "ce que j'ai aimé",
        "ce que j'ai détesté",
        "ce que j'ai appris",
    ):
        assert item in retro.instructions, item
    assert "temps individuel de réflexion" in retro.instructions
    assert retro.board_kind == "retro_path"
    labels = [z.label for z in KINDS["retro_path"].zones]
    assert "Déjà ré-essayé" in labels and "J'ai détecté" in labels


def test_the_declusion_keeps_the_wish_to_stay_involved():
    closing = _sequence("Déclusion")
    assert "envie de continuer d'être impliqué" in closing.instructions
    assert "envie de continuer d'être impliqué" in closing.round_prompt.lower()
    assert "20 personnes" in closing.facilitator_notes  # the kit's variante, not projected
    assert "20 personnes" not in closing.instructions


def test_the_timings_are_the_kits():
    """09h00 accueil … 10h00-10h15 (the kit's empty row: a pause) … 11h45-12h00 déclusion."""
    starts, minute = {}, 9 * 60
    for s in kit.MODEL_KISS.sequences:
        starts[s.title] = f"{minute // 60:02d}:{minute % 60:02d}"
        minute += s.minutes
    assert starts["Rétrospective"] == "10:15"
    assert starts["La méthode KISS"] == "11:15"
    assert starts["Déclusion"] == "11:45"
    assert minute == 12 * 60
