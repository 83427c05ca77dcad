"""#13 item 7: rehearsal and late start.

A rehearsal the evening before showed « En retard de 13 h 01 », absurd « Pour rattraper »
advice, and the handout's « prévu et réalisé » page then said « +13 h ». Nothing warned when the
déroulé ran past the workshop's end.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import agenda, agenda_run
from kitcop_desktop.storage.models.workshop import Workshop
from kitcop_desktop.tools.agenda.spec import SPEC
from tests.printing.pdf_support import flat, text_of

WORKSHOP_DAY = date(2026, 3, 4)


def space(editor) -> None:
    editor.handle_room_key(
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")
    )


def make_editor(run_ctx, qtbot, *, day=WORKSHOP_DAY, start=time(9, 30), end=None):
    with run_ctx.store.write() as s:
        workshop = s.get(Workshop, run_ctx.workshop_id)
        workshop.date, workshop.start_time, workshop.end_time = day, start, end
    run_ctx.hub.notify("workshop", run_ctx.workshop_id)
    editor = SPEC.make_editor(run_ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    editor.tabs.setCurrentWidget(editor.run_view)
    return editor


def text(label) -> str:
    return label.text().replace("\u00a0", " ").replace("\u202f", " ")


class TestTheEveningBefore:
    @pytest.fixture
    def clock(self):
        return FakeClock(datetime(2026, 3, 3, 20, 29).astimezone())  # the day before, 20:29

    def test_a_rehearsal_is_timed_from_its_own_start(self, run_ctx, qtbot, clock):
        editor = make_editor(run_ctx, qtbot)
        space(editor)  # Space, as usual: the app sees it is not the workshop's day
        assert editor.live.runner.rehearsal and editor.run_view.rehearsal_button.isChecked()
        assert "Répétition" in run_ctx.extras["messages"][-1]
        clock.advance(25 * 60)  # the first slot, planned 15 min, still going after 25
        editor.live._arm()
        drift = text(editor.run_view.drift)
        assert drift.startswith("En retard de 10 min"), drift
        assert "13 h" not in drift and "répétition" in drift
        advice = text(editor.run_view.absorbers)
        assert "Diagnostic : 50 min → 40 min (−10 min)" in advice  # sensible, not absurd

    def test_the_handout_never_says_plus_13_hours_for_a_rehearsal(
        self, run_ctx, qtbot, clock, store
    ):
        editor = make_editor(run_ctx, qtbot)
        space(editor)
        for _ in range(3):
            clock.advance(16 * 60)
            editor.live.next()
        with store.read() as s:
            rows = agenda_run.actual_rows(s, run_ctx.workshop_id, clock)
            assert all(r.actual_start is None for r in rows)  # not recorded as réalisé
            pdf = flat(text_of(render_pdf(s, run_ctx.workshop_id, ["all"])))
            agenda_only = flat(text_of(render_pdf(s, run_ctx.workshop_id, ["agenda"])))
        assert "+13" not in pdf and "en retard" not in pdf
        assert "qu'en répétition" in pdf
        assert "prévu et réalisé" not in agenda_only  # nothing was réalisé

    def test_a_rehearsal_untick_makes_the_run_count(self, run_ctx, qtbot, clock, store):
        editor = make_editor(run_ctx, qtbot, day=None, start=time(20, 30))
        editor.run_view.rehearsal_button.click()  # a répétition on purpose, at the right time
        assert editor.live.runner.rehearsal
        space(editor)
        clock.advance(60)
        with store.read() as s:
            assert agenda_run.actual_rows(s, run_ctx.workshop_id, clock)[0].actual_start is None
        editor.run_view.rehearsal_button.click()  # it counts after all
        with store.read() as s:
            first = agenda_run.actual_rows(s, run_ctx.workshop_id, clock)[0]
        assert first.actual_start == time(20, 29) and first.drift_minutes == -1


class TestALateStart:
    @pytest.fixture
    def clock(self):
        return FakeClock(datetime(2026, 3, 4, 9, 47).astimezone())  # the day, 17 min late

    def test_start_now_moves_the_plan_in_one_undo_step(self, run_ctx, qtbot, clock, store):
        editor = make_editor(run_ctx, qtbot)
        view = editor.run_view
        assert view.start_now_button.isVisible()
        view.start_now_button.click()
        live = editor.live
        assert live.runner.state() == "running" and not live.runner.rehearsal
        with store.read() as s:
            assert s.get(Workshop, run_ctx.workshop_id).start_time == time(9, 47)
            assert agenda.planned_rows(s, run_ctx.workshop_id)[0].start == time(9, 47)
        clock.advance(60)
        live._arm()
        assert text(view.drift).startswith("À l'heure")  # measured against the moved plan
        assert not view.start_now_button.isVisible()
        assert run_ctx.undo_stack.count() == 1
        run_ctx.undo_stack.undo()  # the plan goes back to 9:30; the run goes on
        with store.read() as s:
            assert s.get(Workshop, run_ctx.workshop_id).start_time == time(9, 30)
        assert live.runner.state() == "running"
        live._arm()
        assert text(view.drift).startswith("En retard de 17 min")

    def test_a_warning_when_the_deroule_ends_after_the_workshop(self, run_ctx, qtbot, clock):
        # Modèle 1 from 9:30 ends at 12:00 (the kit's times); this workshop ends at 11:45.
        editor = make_editor(run_ctx, qtbot, end=time(11, 45))
        warning = text(editor.run_view.warning)
        assert "Le déroulé finit à 12 h, 15 min après la fin de l'atelier (11 h 45)" in warning
        space(editor)
        clock.advance(30 * 60)  # 17 min late and « Accueil café / Introduction » overruns by 15
        editor.live._arm()
        assert "À ce rythme, le déroulé finit à 12 h 32" in text(editor.run_view.warning)
