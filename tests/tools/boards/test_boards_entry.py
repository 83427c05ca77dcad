"""Transcribing a wall of post-its by keyboard: Enter adds, Tab changes zone, paste adds lines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kitcop_desktop.storage import boards


def _cards(store, board_id):
    with store.read() as s:
        return [(c.zone, c.text, c.weight) for c in boards.cards_of(s, board_id)]


def test_enter_adds_to_the_current_zone_and_keeps_the_cursor(qtbot, editor, store, speedboat):
    line = editor.entry.line
    line.setFocus()
    qtbot.keyClicks(line, "Un guichet unique")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert ("levers", "Un guichet unique", 1) in _cards(store, speedboat["board_id"])
    assert line.text() == ""
    assert line.hasFocus()
    # Tab: the next zone, the cursor stays in the field.
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert editor.entry.zone == "brakes"
    assert line.hasFocus()
    line.insert("Pénurie de formateurs <BTP> & 🚧")  # accents and emoji: insert, not keyClicks
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert ("brakes", "Pénurie de formateurs <BTP> & 🚧", 1) in _cards(store, speedboat["board_id"])
    # It is drawn at once, text as typed.
    texts = [i.card.text for i in editor.scene.cards.values()]
    assert "Pénurie de formateurs <BTP> & 🚧" in texts
    # One undo per card.
    editor.ctx.undo_stack.undo()
    assert ("brakes", "Pénurie de formateurs <BTP> & 🚧", 1) not in _cards(
        store, speedboat["board_id"]
    )


def test_empty_card_is_refused_with_a_french_message(qtbot, editor, store, speedboat, ctx):
    before = _cards(store, speedboat["board_id"])
    line = editor.entry.line
    qtbot.keyClicks(line, "   ")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert _cards(store, speedboat["board_id"]) == before
    assert ctx.extras["messages"][-1].endswith("Rien n'a été modifié.")
    assert ctx.undo_stack.count() == 0


def test_pasting_lines_adds_one_card_per_line(qtbot, editor, store, speedboat, ctx):
    QGuiApplication.clipboard().setText("- Aides locales\n\n• Plateforme de la rénovation\r\nRGE\n")
    line = editor.entry.line
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    texts = [t for z, t, _w in _cards(store, speedboat["board_id"]) if z == "levers"]
    assert {"Aides locales", "Plateforme de la rénovation", "RGE"} <= set(texts)
    assert ctx.undo_stack.count() == 1  # one paste, one undo
    ctx.undo_stack.undo()
    texts = [t for _z, t, _w in _cards(store, speedboat["board_id"])]
    assert "Aides locales" not in texts


def test_duplicate_is_flagged_and_can_be_merged(qtbot, editor, store, speedboat):
    line = editor.entry.line
    line.insert("formations TROP longues !")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert editor.entry.duplicate_bar.isVisibleTo(editor)
    assert "déjà présent" in editor.entry.duplicate_label.text()
    assert len(_cards(store, speedboat["board_id"])) == 5  # nothing added yet
    qtbot.mouseClick(editor.entry.merge_button, Qt.MouseButton.LeftButton)
    cards = _cards(store, speedboat["board_id"])
    assert ("brakes", "Formations trop longues", 2) in cards
    assert len(cards) == 5
    assert not editor.entry.duplicate_bar.isVisibleTo(editor)
    badge = [i for i in editor.scene.cards.values() if i.card.weight == 2][0]._badge
    assert badge == "×2"  # drawn in the card's corner


def test_enter_twice_adds_the_duplicate_anyway(qtbot, editor, store, speedboat):
    line = editor.entry.line
    qtbot.keyClicks(line, "Le label RGE")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    texts = [t for _z, t, _w in _cards(store, speedboat["board_id"])]
    assert texts.count("Le label RGE") == 2


def test_huge_card_wraps_and_is_never_cut(qtbot, editor, store, speedboat):
    text = "rénovation " * 150
    editor.submit("levers", text, "", True)
    item = [i for i in editor.scene.cards.values() if i.card.text == text.strip()][0]
    # Every character of the text is laid out in some line of the card.
    layout = item._text
    laid = sum(layout.lineAt(i).textLength() for i in range(layout.lineCount()))
    assert laid == len(text.strip())
    assert item.height > 400  # it grew instead of cutting


def test_retro_path_cards_take_an_angle(qtbot, ctx, store, workshop_id):
    from kitcop_desktop.tools.boards.spec import SPEC

    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    board_id = editor.new_board("retro_path")
    assert editor.entry.angle_box.isVisibleTo(editor)
    assert editor.entry.zone == "worked"
    editor.entry.angle_box.setCurrentIndex(2)  # Ressentis
    editor.entry.line.insert("Je me suis senti écouté")
    qtbot.keyClick(editor.entry.line, Qt.Key.Key_Return)
    with store.read() as s:
        cards = [(c.zone, c.angle) for c in boards.cards_of(s, board_id)]
    assert cards == [("worked", "feelings")]
    assert "Ressentis" in next(iter(editor.scene.cards.values()))._footer
    ctx.undo_stack.undo()  # the card
    ctx.undo_stack.undo()  # the board
    with store.read() as s:
        assert boards.list_boards(s, workshop_id) == []


def test_an_atelier_without_boards_offers_one_button_per_kind(qtbot, ctx, store, workshop_id):
    from PySide6.QtWidgets import QPushButton

    from kitcop_desktop.tools.boards.spec import SPEC

    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.empty.isVisible() and not editor.view.isVisible()
    buttons = {b.text(): b for b in editor.empty.findChildren(QPushButton)}
    assert set(buttons) == {
        "Speedboat",
        "Rétrospective KISS",
        "Chemin de la rétrospective",
        "Fiche étonnement",
    }
    qtbot.mouseClick(buttons["Rétrospective KISS"], Qt.MouseButton.LeftButton)
    assert editor.data is not None and editor.data.kind == "kiss"
    assert editor.view.isVisible() and not editor.empty.isVisible()
    qtbot.waitUntil(editor.entry.line.hasFocus)  # ready to type the first post-it


def test_after_a_duplicate_warning_the_next_card_is_typed_in_an_empty_field(
    qtbot, editor, store, speedboat
):
    """Issue #13 item 13: the refused text stayed in the field and the next card was glued on."""
    line = editor.entry.line
    line.setFocus()
    qtbot.keyClicks(line, "Le label RGE")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert editor.entry.duplicate_bar.isVisibleTo(editor)
    assert line.text() == ""  # the field is free for the next post-it
    assert "Le label RGE" in editor.entry.duplicate_label.text()  # the bar keeps the text
    qtbot.keyClicks(line, "Un guichet unique")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    texts = [t for _z, t, _w in _cards(store, speedboat["board_id"])]
    assert "Un guichet unique" in texts
    assert texts.count("Le label RGE") == 1  # the duplicate was not added behind our back
    assert not any("RGEUn" in t or "RGE Un" in t for t in texts)
    assert not editor.entry.duplicate_bar.isVisibleTo(editor)
    assert line.text() == ""


def test_merging_a_duplicate_after_typing_on_keeps_the_new_text(qtbot, editor, store, speedboat):
    line = editor.entry.line
    qtbot.keyClicks(line, "Le label RGE")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClicks(line, "Une aide")
    qtbot.mouseClick(editor.entry.merge_button, Qt.MouseButton.LeftButton)
    assert ("levers", "Le label RGE", 2) in _cards(store, speedboat["board_id"])
    assert line.text() == "Une aide"  # what was typed since is not thrown away
