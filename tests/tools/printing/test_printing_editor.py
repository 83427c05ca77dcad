"""The printing screen: tick parts, see pages, save atomically, open, Ctrl+P preselection."""

from __future__ import annotations

from kitcop_desktop.storage import actions, participants
from kitcop_desktop.tools.printing.editor import PrintingEditor, slug
from kitcop_desktop.tools.printing.spec import SPEC
from tests.printing.pdf_support import reader, text_of


def make(ctx, qtbot) -> PrintingEditor:
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    return editor


def test_spec_is_the_seventh_tool():
    assert (SPEC.key, SPEC.title, SPEC.icon, SPEC.order) == (
        "printing",
        "Impression",
        "printing",
        7,
    )


def test_restitution_is_ticked_and_previewed(ctx, qtbot):
    with ctx.store.write() as s:  # an empty section is left out (#16): give it a second page
        actions.create(s, ctx.workshop_id, action="Une action à imprimer")
    editor = make(ctx, qtbot)
    editor.activated()
    assert editor.selected_parts() == ["all"]
    qtbot.waitUntil(lambda: editor.pdf is not None)
    assert len(editor.preview.pages) == len(reader(editor.pdf).pages) >= 2
    count = len(reader(editor.pdf).pages)
    assert editor.status.text().startswith(f"{count} pages, préparées en")  # not « page(s) »


def test_one_page_is_said_in_the_singular(ctx, qtbot):
    editor = make(ctx, qtbot)
    editor.checks["all"].setChecked(False)
    editor.checks["attendance"].setChecked(True)
    assert editor.refresh() is not None
    assert len(reader(editor.pdf).pages) == 1
    assert editor.status.text().startswith("1 page, préparée en"), editor.status.text()


def test_nothing_ticked_says_so(ctx, qtbot):
    editor = make(ctx, qtbot)
    editor.checks["all"].setChecked(False)
    assert editor.refresh() is None
    assert not editor.save_button.isEnabled()


def test_preselect_part_from_ctrl_p(ctx, qtbot):
    with ctx.store.write() as s:
        actions.create(s, ctx.workshop_id, action="Une action à imprimer")
    editor = make(ctx, qtbot)
    editor.preselect_part("actions")
    assert editor.selected_parts() == ["actions"]
    assert "Une action à imprimer" in text_of(editor.pdf)
    editor.preselect_part("no-such-part")  # ignored, nothing breaks
    assert editor.selected_parts() == ["actions"]


def test_save_writes_the_pdf_atomically(ctx, qtbot, tmp_path):
    with ctx.store.write() as s:
        participants.add(s, ctx.workshop_id, "Zoé Lefèvre", "R&D <Lab>")
    editor = make(ctx, qtbot)
    editor.preselect_part("attendance")
    target = editor.save_to(tmp_path / "sortie" / "emargement.pdf")
    assert target is not None and target.exists()
    assert "Zoé Lefèvre" in text_of(target.read_bytes())
    assert [p.name for p in target.parent.iterdir()] == ["emargement.pdf"]
    assert any("PDF enregistré" in m for m in ctx.extras["messages"])


def test_save_into_a_folder_is_refused_in_french(ctx, qtbot, tmp_path):
    editor = make(ctx, qtbot)
    assert editor.save_to(tmp_path) is None
    assert "dossier" in ctx.extras["messages"][-1]


def test_open_uses_the_system_viewer(ctx, qtbot):
    editor = make(ctx, qtbot)
    opened = []
    editor.open_url = lambda url: opened.append(url.toLocalFile()) or True
    target = editor.open_in_viewer()
    assert opened == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")


def test_preview_follows_changes_in_the_store(ctx, qtbot):
    editor = make(ctx, qtbot)
    editor.show()
    editor.preselect_part("actions")
    with ctx.store.write() as s:
        actions.create(s, ctx.workshop_id, action="Ajoutée ensuite")
    ctx.hub.notify("actions", ctx.workshop_id)
    qtbot.waitUntil(lambda: editor.pdf is not None and "Ajoutée ensuite" in text_of(editor.pdf))


def test_suggested_file_name_is_plain_ascii(ctx, qtbot):
    editor = make(ctx, qtbot)
    assert slug("Rénovation énergétique : 2030 !") == "renovation-energetique-2030"
    assert editor.suggested_name() == "atelier-de-test-restitution.pdf"


def test_refreshing_replaces_the_pages_without_leftovers(ctx, qtbot):
    from PySide6.QtWidgets import QLabel

    editor = make(ctx, qtbot)
    editor.show()
    editor.refresh()
    editor.preselect_part("attendance")
    # Old pages are hidden at once, not left painted until a deferred deletion.
    labels = [w for w in editor.preview.widget().findChildren(QLabel) if not w.isHidden()]
    assert len(labels) == len(editor.preview.pages) == len(reader(editor.pdf).pages)


def test_a_trashed_workshop_says_so_instead_of_crashing(ctx, qtbot):
    from kitcop_desktop.storage import workshops

    editor = make(ctx, qtbot)
    with ctx.store.write() as s:
        workshops.trash(s, ctx.workshop_id)
    assert editor.refresh() is None
    assert "n'existe pas" in ctx.extras["messages"][-1]
    assert editor.save_to(ctx.store.path.parent / "x.pdf") is None


def test_pages_follow_the_width_of_the_window(ctx, qtbot):
    editor = make(ctx, qtbot)
    editor.show()
    qtbot.waitExposed(editor)
    editor.refresh()
    before = editor.preview.pages[0].pixmap().width()
    editor.resize(1600, 900)
    qtbot.waitUntil(lambda: editor.preview.pages[0].pixmap().width() > before + 40)
