"""Leak 1 of issue #21: the note-taker's notes, never revealed to the room, were printed for
everyone as « Notes partagées » in the full restitution (Impression tool and `kitcop pdf`)."""

from __future__ import annotations

from kitcop_desktop import cli
from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import fishbowl, fishbowl_notes
from kitcop_desktop.tools.printing.spec import SPEC as PRINTING
from tests.printing.pdf_support import squeeze, text_of

SECRET = "SECRET : X bloque tout, ne pas le citer <vraiment> & 🤫"
# What pypdf reads back of it (the emoji prints as a box with DejaVu): enough to spot a leak.
SEEN = squeeze("X bloque tout, ne pas le citer <vraiment> &")


def bowl_with_a_private_note(store, workshop_id) -> None:
    with store.write() as s:
        bowl = fishbowl.create(s, workshop_id)
        fishbowl_notes.add_note(s, bowl.id, "levers", SECRET)


def test_the_full_restitution_never_prints_unrevealed_notes(store, workshop_id):
    bowl_with_a_private_note(store, workshop_id)
    with store.write() as s:  # the restitution leaves out a bowl with nothing to share (#16)
        (bowl,) = fishbowl.list_fishbowls(s, workshop_id)
        shared = fishbowl_notes.add_note(s, bowl.id, "actions", "Une note partagée")
        fishbowl_notes.reveal(s, bowl.id, True, [shared])
    for parts in (["all"], ["fishbowl"], ["agenda", "boards", "votes", "rounds"]):
        with store.read() as s:
            text = squeeze(text_of(render_pdf(s, workshop_id, parts)))
        assert "Bocal" in text or parts[0] == "agenda"
        assert ("Unenotepartagée" in text) == (parts[0] != "agenda")
        assert SEEN not in text, parts


def test_kitcop_pdf_part_all_never_prints_unrevealed_notes(store, workshop_id, db_path, tmp_path):
    bowl_with_a_private_note(store, workshop_id)
    out = tmp_path / "restitution.pdf"
    args = ["--db", str(db_path), "pdf", str(workshop_id), "-o", str(out), "--part", "all"]
    assert cli.main(args) == cli.EXIT_OK
    assert SEEN not in squeeze(text_of(out.read_bytes()))


def test_the_impression_tool_never_prints_unrevealed_notes(ctx, qtbot):
    bowl_with_a_private_note(ctx.store, ctx.workshop_id)
    editor = PRINTING.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.activated()
    qtbot.waitUntil(lambda: editor.pdf is not None)
    assert editor.selected_parts() == ["all"]
    assert SEEN not in squeeze(text_of(editor.pdf))
