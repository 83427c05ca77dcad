"""The campaign page: progress against 12–30, who was met, and the synthesis sent to a
speedboat in one undoable action, each card knowing its interview by pseudonym only."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.interviews.campaign_view import CampaignView
from tests.model_tester import assert_model_sound, model_tester


@pytest.fixture
def filled(ctx):
    with ctx.store.write() as s:
        guide_id = interviews.ensure_builtin_guides(s, ctx.workshop_id)[0].id
        first = interviews.create_interview(
            s, ctx.workshop_id, guide_id, profession="Plaquiste", sector="Bâtiment", done=True
        )
        second = interviews.create_interview(
            s, ctx.workshop_id, guide_id, profession="Formatrice", sector="Bâtiment", done=True
        )
        interviews.set_real_name(s, first.id, "Jeanne Martin")
        interviews.add_mark(s, first.id, "brake", "Manque de candidats")
        interviews.add_mark(s, second.id, "lever", "Aides de la Région")
        interviews.add_mark(s, second.id, "need", "Un référent")
        return first.id, second.id


@pytest.fixture
def view(qtbot, ctx, filled):
    widget = CampaignView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    return widget


def test_progress_and_profiles_show_who_was_met(view):
    assert view.progress.value() == 2
    assert "encore 10 pour atteindre le minimum" in view.progress_text.text()
    sectors = view.tables["sectors"]
    assert (sectors.model().text(0, 0), sectors.model().text(0, 1)) == ("Bâtiment", "2")
    professions = view.tables["professions"]
    assert sorted(
        professions.model().text(r, 0) for r in range(professions.model().rowCount())
    ) == [
        "Formatrice",
        "Plaquiste",
    ]
    territories = view.tables["territories"]
    assert territories.model().text(0, 0) == "(non renseigné)"


def test_send_to_speedboat_is_one_undo_step_and_never_twice(qtbot, ctx, view, filled):
    from kitcop_desktop.storage.models.board import Card

    assert view.brakes.count() == 1 and view.levers.count() == 1
    assert not view.open_board.isEnabled()  # nothing sent yet
    assert view.send_button.text() == "Envoyer au speedboat (2)"
    view.send_button.click()
    with ctx.store.read() as s:
        cards = s.query(Card).order_by(Card.id).all()
        assert [(c.zone, c.text, c.source, c.source_interview_id) for c in cards] == [
            ("brakes", "Manque de candidats", "Entretien — Enquêté·e 1", filled[0]),
            ("levers", "Aides de la Région", "Entretien — Enquêté·e 2", filled[1]),
        ]
        assert all("Jeanne" not in (c.source + c.text) for c in cards)
    assert not view.send_button.isEnabled()
    assert view.send_button.text() == "Tout est sur le speedboat"
    assert "✓ envoyé" in view.brakes.row_text(0)
    assert ctx.extras["messages"][-1] == "2 post-its envoyés au speedboat."
    view.open_board.click()
    assert ctx.extras["activated"][-1] == ("boards", view.last_board_id)

    ctx.undo_stack.undo()
    with ctx.store.read() as s:
        assert s.query(Card).count() == 0
    assert not view.open_board.isEnabled()
    assert view.send_button.text() == "Envoyer au speedboat (2)"
    ctx.undo_stack.redo()
    with ctx.store.read() as s:
        assert s.query(Card).count() == 2


def test_profiles_and_passages_are_sound_models_through_sending_and_undo(ctx, view, qtlog):
    testers = [model_tester(t.model()) for t in view.tables.values()]
    testers += [model_tester(view.brakes.model()), model_tester(view.levers.model())]
    with ctx.store.write() as s:
        third = interviews.create_interview(s, ctx.workshop_id, profession="Maçon", done=True)
        interviews.add_mark(s, third.id, "difficulty", "Trop de paperasse")
    ctx.hub.notify("interviews", ctx.workshop_id)
    assert view.brakes.count() == 2
    assert view.tables["professions"].model().rowCount() == 3
    view.send_button.click()
    assert all("✓ envoyé" in view.brakes.row_text(r) for r in range(2))
    ctx.undo_stack.undo()
    assert not any("✓ envoyé" in view.brakes.row_text(r) for r in range(2))
    assert len(testers) == 5
    assert_model_sound(qtlog)
