"""An interview's restitution as a note-taker meets it: « Préremplir » never doubles a label,
on screen nor in the PDF (#20 item 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.interviews.spec import SPEC
from tests.printing.pdf_support import squeeze, text_of

ALT = Qt.KeyboardModifier.AltModifier
KEYS = {"brake": Qt.Key.Key_1, "lever": Qt.Key.Key_2, "difficulty": Qt.Key.Key_3}
KEYS |= {"action": Qt.Key.Key_4, "need": Qt.Key.Key_5}


@pytest.fixture
def editor(qtbot, ctx):
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def mark_lines(qtbot, field, lines: list[tuple[str, str]]) -> None:
    """Type each line, then mark it (cursor in the line, Alt+digit) as the note-taker does."""
    for index, (kind, line) in enumerate(lines):
        if index:
            field.insertPlainText("\n")
        field.insertPlainText(line)
        qtbot.keyClick(field, KEYS[kind], ALT)


def test_prefill_never_doubles_a_label_on_screen_nor_in_the_pdf(qtbot, ctx, editor):
    editor.new_item()
    editor.pages.setCurrentWidget(editor.notes)
    field = editor.notes.editors[0]
    field.setFocus()
    mark_lines(
        qtbot,
        field,
        [
            ("need", "Besoin : des tuteurs formés au geste"),
            ("need", "- besoin: un référent <formation> & RH"),
            ("need", "Un local pour les apprentis"),
            ("difficulty", "Difficulté : le logement des jeunes"),
            ("action", "– Action : tutorat croisé"),
        ],
    )
    editor.pages.setCurrentWidget(editor.report)
    editor.report.prefill()
    assert editor.report.parts["report_difficulties"].toPlainText() == (
        "– Le logement des jeunes\n"
        "– Besoin : des tuteurs formés au geste\n"
        "– Besoin : un référent <formation> & RH\n"
        "– Besoin : Un local pour les apprentis"
    )
    assert editor.report.parts["report_actions"].toPlainText() == "– Tutorat croisé"
    # The marked passages list does not repeat the kind either.
    listed = [editor.notes.marks_list.row_text(i) for i in range(5)]
    assert listed[0] == "Besoin — des tuteurs formés au geste"
    assert listed[4] == "Action — tutorat croisé"

    with ctx.store.read() as s:
        pdf = squeeze(text_of(render_pdf(s, ctx.workshop_id, ["interviews"])))
    assert "Besoin:Besoin" not in pdf and "besoin:besoin" not in pdf.lower()
    assert "–Tutoratcroisé" in pdf and "–Lelogementdesjeunes" in pdf  # the restitution
    assert "actiontutoratcroisé" in pdf  # the marked passages, kind then passage
    assert "–Besoin:destuteursformésaugeste" in pdf
    assert "–Besoin:unréférent<formation>&RH" in pdf


def test_a_besoin_sent_to_the_board_or_printed_in_the_synthesis_is_not_doubled(store, workshop_id):
    from kitcop_desktop.storage import boards, interviews_campaign

    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id)
        interviews.add_mark(s, iv.id, "difficulty", "Difficulté : trop peu de CFA")
        interviews.add_mark(s, iv.id, "need", "Besoin : une aide au permis")
        board_id, _cards = interviews_campaign.send_synthesis_to_board(s, workshop_id)
    with store.read() as s:
        texts = [c.text for c in boards.cards_of(s, board_id)]
        pdf = squeeze(text_of(render_pdf(s, workshop_id, ["all"])))
    assert texts == ["Difficulté\u00a0: trop peu de CFA"]  # not « Difficulté : Difficulté : … »
    assert "uneaideaupermis" in pdf  # under « Besoins », without « Besoin : » again
    assert "Besoin:uneaide" not in pdf


# --- marked passages in the note text (#20 item 6) ------------------------------------------------
def coloured(field) -> list[tuple[str, str]]:
    """(passage, colour of its underline) of every coloured stretch of the notes field."""
    return [
        (sel.cursor.selectedText(), sel.format.underlineColor().name())
        for sel in field.extraSelections()
    ]


def test_marked_passages_are_coloured_by_kind_in_the_notes(qtbot, ctx, editor):
    from kitcop_desktop.domain.palette import OKABE_ITO

    editor.new_item()
    editor.pages.setCurrentWidget(editor.notes)
    field = editor.notes.editors[0]
    field.setFocus()
    mark_lines(
        qtbot,
        field,
        [("brake", "Pas de candidats 🙁 depuis deux ans"), ("lever", "Le CFA voisin & <Région>")],
    )
    field.insertPlainText("\nUne ligne sans marque")
    assert coloured(field) == [
        ("Pas de candidats 🙁 depuis deux ans", OKABE_ITO["vermilion"].lower()),
        ("Le CFA voisin & <Région>", OKABE_ITO["blue"].lower()),
    ]
    # Typing before a passage moves its colour with it; the other questions have none.
    field.moveCursor(field.textCursor().MoveOperation.Start)
    field.insertPlainText("Constat : ")
    assert coloured(field)[0][0] == "Pas de candidats 🙁 depuis deux ans"
    assert editor.notes.editors[1].extraSelections() == []
    # Undoing the typing keeps the colours; undoing the levier mark uncolours its passage.
    editor.flush()
    ctx.undo_stack.undo()
    assert field.toPlainText() == "Pas de candidats 🙁 depuis deux ans\nLe CFA voisin & <Région>"
    assert len(coloured(field)) == 2
    ctx.undo_stack.undo()
    assert coloured(field) == [
        ("Pas de candidats 🙁 depuis deux ans", OKABE_ITO["vermilion"].lower())
    ]
    # A passage no longer in the text is not coloured.
    field.selectAll()
    field.insertPlainText("Tout autre chose")
    assert coloured(field) == []


def test_shift_home_on_a_wrapped_line_marks_the_whole_line(qtbot, ctx, editor):
    editor.new_item()
    editor.pages.setCurrentWidget(editor.notes)
    field = editor.notes.editors[0]
    field.setFocus()
    long_line = (
        "Les jeunes arrivent sans permis de conduire et les chantiers sont loin des gares, "
        "donc il faut organiser du covoiturage entre les compagnons et les apprentis du CFA"
    )
    field.insertPlainText("Avant\n" + long_line)
    qtbot.waitUntil(lambda: field.document().lastBlock().layout().lineCount() >= 2)
    qtbot.keyClick(field, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(field, KEYS["need"], ALT)
    with ctx.store.read() as s:
        assert [m.text for m in interviews.list_marks(s, editor.interview_id)] == [long_line]
    # End, then Maj+Début again: the same logical line, not its last screen line.
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    assert field.textCursor().selectedText() == long_line


# --- defaults of a new interview (#20 item 7) ---------------------------------------------------
def test_the_last_chosen_guide_and_today_are_the_defaults_after_a_restart(qtbot, ctx, tmp_path):
    from datetime import date

    from PySide6.QtCore import QSettings

    def start():
        """The app started again: a new editor reading the settings file afresh."""
        ctx.settings = QSettings(str(tmp_path / "kitcop.ini"), QSettings.Format.IniFormat)
        widget = SPEC.make_editor(ctx)
        qtbot.addWidget(widget)
        return widget

    first = start()
    combo = first.guide_combo
    assert combo.currentIndex() == 0  # the kit's first guide, the first time
    combo.setCurrentIndex(1)
    combo.activated.emit(1)  # chosen, as with the mouse or the keyboard
    chosen = combo.currentText()
    assert chosen != combo.itemText(0)
    again = start()
    assert again.guide_combo.currentText() == chosen
    again.new_item()
    with ctx.store.read() as s:
        iv = interviews.get(s, again.interview_id)
        assert (iv.guide_title, iv.date) == (chosen, date.today())
    assert again.form.date.date().toPython() == date.today()


def test_without_settings_the_newest_interviews_guide_is_the_default(qtbot, ctx):
    with ctx.store.write() as s:
        guides = interviews.ensure_builtin_guides(s, ctx.workshop_id)
        interviews.create_interview(s, ctx.workshop_id, guides[1].id)
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    assert widget.guide_combo.currentData() == guides[1].id
