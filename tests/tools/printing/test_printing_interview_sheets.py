"""« Restitution complète » offers the per-interview sheets, ticked when there are interviews,
and says what it includes (#20 item 4)."""

from __future__ import annotations

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.printing.spec import SPEC
from tests.printing.pdf_support import squeeze, text_of


def make(ctx, qtbot):
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    return editor


def add_interviews(ctx, count: int) -> None:
    with ctx.store.write() as s:
        for number in range(count):
            iv = interviews.create_interview(s, ctx.workshop_id, profession=f"Métier {number}")
            interviews.save_report(s, iv.id, "report_levers", f"Levier <n°{number}> & co")


def sheets_in(pdf: bytes) -> int:
    """How many interview sheets: each opens on « Entretien n°N — Enquêté·e N »."""
    return squeeze(text_of(pdf)).count("Entretienn°")


def test_the_full_restitution_prints_the_interview_sheets_ticked_by_default(ctx, qtbot):
    add_interviews(ctx, 2)
    editor = make(ctx, qtbot)
    editor.activated()
    sheets = editor.checks["interview_sheets"]
    assert sheets.isChecked() and sheets.isEnabled()
    assert "2" in sheets.text()  # « avec les fiches d'entretien (2) »
    assert editor.selected_parts() == ["interview_sheets", "all"]
    pdf = editor.refresh()
    assert sheets_in(pdf) == 2
    assert "Levier<n°1>&co" in squeeze(text_of(pdf))
    # Unticked: the restitution alone, and the screen says the sheets are left out.
    sheets.setChecked(False)
    assert sheets_in(editor.refresh()) == 0
    # The sheets go with the restitution: without it, the option is off.
    editor.checks["all"].setChecked(False)
    assert not sheets.isEnabled()


def test_the_screen_says_what_the_full_restitution_includes(ctx, qtbot):
    editor = make(ctx, qtbot)
    said = editor.restitution_contents.text()
    for part in ("participant", "déroulé", "tableaux", "votes", "bocal", "tours de parole"):
        assert part in said
    assert "synthèse des entretiens" in said and "fiches actions" in said
    assert "fiches d'entretien" in said  # and what it does not include without the option


def test_without_interviews_the_option_is_off_and_says_so(ctx, qtbot):
    editor = make(ctx, qtbot)
    editor.activated()
    sheets = editor.checks["interview_sheets"]
    assert not sheets.isChecked() and not sheets.isEnabled()
    assert "aucun" in sheets.text()


def test_sheets_are_printed_once_with_the_interviews_part_and_on_the_command_line(ctx):
    add_interviews(ctx, 1)
    with ctx.store.read() as s:
        both = render_pdf(s, ctx.workshop_id, ["all", "interview_sheets", "interviews"])
        with_sheets = render_pdf(s, ctx.workshop_id, ["all", "interview_sheets"])
        alone = render_pdf(s, ctx.workshop_id, ["all"])
        interviews_part = render_pdf(s, ctx.workshop_id, ["interviews"])
    assert sheets_in(both) == sheets_in(interviews_part) == 1  # never a second copy
    assert sheets_in(with_sheets) == 1
    assert sheets_in(alone) == 0
