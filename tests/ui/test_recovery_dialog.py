"""The app offers the last good backup when the library is damaged (#14 item 7)."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import workshops
from kitcop_desktop.storage.errors import DamagedDatabase
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.restore import daily_backup, open_for_app
from kitcop_desktop.ui.recovery import restore_box
from tests.e2e.test_recovery import _damage_workshops


@pytest.fixture
def damaged_with_backup(db_path):
    store = open_store(db_path)
    with store.write() as s:
        workshops.create(s, "Atelier d'avril")
    store.close()
    backup = daily_backup(db_path)
    _damage_workshops(db_path)
    return db_path, backup


def test_the_app_offers_the_backup_and_opens_it_when_accepted(damaged_with_backup, qtbot):
    db_path, backup = damaged_with_backup
    asked = []

    def ask(sentence, offered):
        asked.append((sentence, offered))
        box = restore_box(sentence, offered)  # what the facilitator sees
        qtbot.addWidget(box)
        assert "endommagé" in box.text()
        assert "kitcop check" not in box.text()  # a button does it: no command line to type
        assert "Dernière sauvegarde saine" in box.informativeText()
        assert box.restore_button.text() == "Remettre cette sauvegarde"
        return True

    store = open_for_app(db_path, ask)
    try:
        with store.read() as s:
            assert [w.title for w in workshops.list_summaries(s)] == ["Atelier d'avril"]
    finally:
        store.close()
    assert [offered for _, offered in asked] == [backup]


def test_refusing_the_backup_changes_nothing(damaged_with_backup):
    db_path, _ = damaged_with_backup
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabase):
        open_for_app(db_path, lambda *_: False)
    assert db_path.read_bytes() == before


def test_a_library_too_damaged_to_list_its_tables_still_offers_the_backup(db_path):
    """Six pages overwritten a third of the way in (the demo): SQLite cannot even read the list
    of tables. The facilitator is still offered the backup, in French, not « malformed »."""
    from kitcop_desktop.storage.demo import create_demo

    store = open_store(db_path)
    create_demo(store)
    store.close()
    backup = daily_backup(db_path)
    data = bytearray(db_path.read_bytes())
    start = len(data) // 3
    data[start : start + 6 * 4096] = b"Z" * (6 * 4096)
    db_path.write_bytes(bytes(data))
    asked = []

    def ask(sentence, offered):
        asked.append((sentence, offered))
        return False

    with pytest.raises(DamagedDatabase) as refused:
        open_for_app(db_path, ask)
    assert [offered for _, offered in asked] == [backup]
    assert "endommagé" in asked[0][0] and "malformed" not in asked[0][0]
    assert "malformed" not in str(refused.value)
