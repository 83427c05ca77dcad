"""« Nouvel atelier » offers the facilitator's own déroulé templates after the kit's, the
imported ones included (#23 item 6)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda, exchange, workshops
from kitcop_desktop.ui.main_window import MainWindow
from kitcop_desktop.ui.new_workshop_dialog import NewWorkshopDialog


def _imported_template(store, tmp_path) -> str:
    """A colleague's déroulé, received as a .kitcop template file and imported here."""
    other = tmp_path / "collegue.sqlite3"
    from kitcop_desktop.storage.migrate import open_store

    theirs = open_store(other)
    with theirs.write() as s:
        wid = workshops.create(s, "Après-midi world café", date=date(2026, 6, 2)).id
        agenda.add_sequence(s, wid, title="Café d'accueil", duration_minutes=20)
        agenda.add_sequence(s, wid, title="Trois tours de tables", duration_minutes=90)
    with theirs.read() as s:
        data = exchange.export_agenda(s, wid)
    theirs.close()
    path = tmp_path / "world-cafe.kitcop"
    path.write_bytes(data)
    result = exchange.apply_import(store, exchange.read_file(path))
    assert result.kind == "agenda"
    return "Déroulé — Après-midi world café"  # the title the export gave it


def test_an_imported_template_makes_a_new_workshop(store, tmp_path, qtbot):
    title = _imported_template(store, tmp_path)
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    seen = []

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewWorkshopDialog):
            QTimer.singleShot(20, fill)  # not on screen yet
            return
        box = dialog.template_box
        labels = [box.itemText(i) for i in range(box.count())]
        seen.append(labels)
        if f"{title} (mon modèle)" not in labels:
            dialog.reject()
            return
        box.setCurrentIndex(labels.index(f"{title} (mon modèle)"))
        dialog.title_edit.setText("Forum emploi de juin")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    window.welcome.new_workshop()
    labels = seen[0]
    assert labels[0] == "Déroulé vierge" and f"{title} (mon modèle)" in labels  # #16: one blank
    assert labels.index(f"{title} (mon modèle)") > labels.index(
        "Modèle 1 — session d'intelligence collective"
    )
    with store.read() as s:
        (made,) = [w for w in workshops.list_summaries(s) if w.title == "Forum emploi de juin"]
        titles = [q.title for q in agenda.list_sequences(s, made.id)]
    assert titles == ["Café d'accueil", "Trois tours de tables"]
