"""A .kitcop file carries animateur·rice data (and what the room has not seen yet) only when
the facilitator asks: the export dialog's option and `kitcop export --facilitator`."""

from __future__ import annotations

import io
import json
import zipfile

from kitcop_desktop import cli
from kitcop_desktop.storage import agenda, fishbowl, fishbowl_notes, workshops
from kitcop_desktop.ui.exchange_options import ExportOptionsDialog

NOTE = "ZQPRIVATE<&🤫"


def text_of(path) -> str:
    data = path.read_bytes()
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = archive.read(archive.namelist()[0])
    return json.dumps(json.loads(data), ensure_ascii=False)


def test_kitcop_export_leaves_private_notes_out_unless_asked(store, workshop_id, db_path, tmp_path):
    with store.write() as s:
        workshops.update(s, workshop_id, notes=NOTE)
        agenda.apply_template(s, workshop_id, "modele_1")
        seq = agenda.list_sequences(s, workshop_id)[0]
        agenda.update_sequence(s, seq.id, facilitator_notes=NOTE)
        bowl = fishbowl.create(s, workshop_id)
        fishbowl.update_setup(s, bowl.id, facilitator_note=NOTE)
        fishbowl_notes.add_note(s, bowl.id, "levers", NOTE)
    base = ["--db", str(db_path), "export", str(workshop_id)]
    plain, asked = tmp_path / "a.kitcop", tmp_path / "b.kitcop"
    assert cli.main([*base, "-o", str(plain)]) == cli.EXIT_OK
    assert cli.main([*base, "-o", str(asked), "--facilitator"]) == cli.EXIT_OK
    assert "ZQPRIVATE" not in text_of(plain)
    assert text_of(asked).count("ZQPRIVATE") == 4  # workshop, séquence, bowl, note-taker
    template = tmp_path / "modele.kitcop"
    assert cli.main([*base, "-o", str(template), "--agenda"]) == cli.EXIT_OK
    assert "ZQPRIVATE" not in text_of(template)


def test_the_export_dialog_offers_the_option_with_the_workshop_or_its_deroule(qtbot):
    dialog = ExportOptionsDialog(None, "Atelier", boards=[(1, "Speedboat")])
    qtbot.addWidget(dialog)
    assert not dialog.facilitator.isChecked()  # nothing private by default
    assert dialog.options()["include_facilitator"] is False
    dialog.facilitator.setChecked(True)
    assert dialog.options()["include_facilitator"] is True
    assert dialog.warning.isVisibleTo(dialog)
    dialog.agenda_only.setChecked(True)  # a déroulé has its séquences' notes
    assert dialog.facilitator.isEnabled() and dialog.options()["include_facilitator"]
    dialog.board_only.setChecked(True)  # a board has none: the choice goes away
    assert not dialog.facilitator.isEnabled() and not dialog.facilitator.isChecked()
    assert "include_facilitator" not in dialog.options()
