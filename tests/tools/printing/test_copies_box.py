"""#16 in the Impression tool: « Copie Word / LibreOffice (DOCX)… » for the ticked parts and
« Tableur (CSV) » for the fiches actions and the vote results, beside the PDF buttons."""

from __future__ import annotations

from kitcop_desktop.storage import actions
from kitcop_desktop.tools.printing.spec import SPEC
from tests.printing.docx_support import all_text, headings


def make(ctx, qtbot, answer):
    """The printing screen, its save dialog answering `answer` (a path, or "" for Annuler)."""
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    asked = []
    editor.copies.ask_path = lambda title, start, pattern: (
        asked.append((title, start)) or str(answer)
    )
    editor.asked = asked
    return editor


def with_a_fiche(ctx) -> None:
    with ctx.store.write() as s:
        actions.create(s, ctx.workshop_id, challenge="Former R&D <Lab>", action="Une action")


def test_the_ticked_parts_saved_as_docx(ctx, qtbot, tmp_path):
    with_a_fiche(ctx)
    editor = make(ctx, qtbot, tmp_path / "copie")  # the suffix is added
    editor.preselect_part("actions")
    assert editor.copies.docx_button.isEnabled()
    editor.copies.docx_button.click()
    target = tmp_path / "copie.docx"
    assert target.exists()
    assert headings(target.read_bytes()) == ["Fiches actions"]
    assert "Former R&D <Lab>" in all_text(target.read_bytes())
    assert editor.asked[0][1].endswith("atelier-de-test-fiches-actions.docx")
    assert ctx.extras["messages"][-1] == f"Copie enregistrée\u00a0: {target}"


def test_paper_supports_alone_have_no_docx(ctx, qtbot, tmp_path):
    editor = make(ctx, qtbot, tmp_path / "vierges.docx")
    editor.preselect_part("blank")
    assert not editor.copies.docx_button.isEnabled()
    assert editor.copies.save_docx() is None
    assert "n'existent qu'en PDF" in ctx.extras["messages"][-1]
    assert not (tmp_path / "vierges.docx").exists()


def test_the_csv_menu_writes_the_fiches_for_a_spreadsheet(ctx, qtbot, tmp_path):
    with_a_fiche(ctx)
    editor = make(ctx, qtbot, tmp_path / "fiches.csv")
    texts = [a.text() for a in editor.copies.csv_button.menu().actions()]
    assert texts == ["Fiches actions (CSV)…", "Résultats des votes (CSV)…"]
    editor.copies.csv_button.menu().actions()[0].trigger()
    data = (tmp_path / "fiches.csv").read_bytes()
    assert data.startswith("\ufeff".encode()) and "Former R&D <Lab>" in data.decode("utf-8-sig")
    assert editor.asked[0][1].endswith("atelier-de-test-fiches-actions.csv")


def test_cancel_writes_nothing_and_says_nothing(ctx, qtbot, tmp_path):
    editor = make(ctx, qtbot, "")
    before = list(ctx.extras["messages"])
    assert editor.copies.save_docx() is None
    assert editor.copies.save_csv("votes") is None
    assert ctx.extras["messages"] == before
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".docx", ".csv")]


def test_a_folder_for_a_file_is_refused_in_french(ctx, qtbot, tmp_path):
    (tmp_path / "dossier.docx").mkdir()
    editor = make(ctx, qtbot, tmp_path / "dossier.docx")
    assert editor.copies.save_docx() is None
    assert ctx.extras["messages"][-1].startswith("La copie n'a pas été enregistrée")
    assert (tmp_path / "dossier.docx").is_dir()


def test_in_english_and_in_a_longer_language_nothing_is_cut(ctx, qtbot, tmp_path):
    from kitcop_desktop.i18n import set_language
    from tests.layout_checks import cut_widgets

    try:
        set_language("en")
        editor = make(ctx, qtbot, "")
        assert editor.copies.csv_button.text() == "Spreadsheet (CSV)"
        assert [a.text() for a in editor.copies.csv_button.menu().actions()] == [
            "Action cards (CSV)…",
            "Vote results (CSV)…",
        ]
        set_language("pseudo")  # every wrapped string twice as long
        editor = make(ctx, qtbot, "")
        editor.resize(1024, 768)
        editor.show()
        qtbot.waitExposed(editor)
        assert editor.copies.docx_button.text().startswith("[Word~~~~ (DOCX)…~")
        assert cut_widgets(editor.copies) == []
    finally:
        set_language("fr")
