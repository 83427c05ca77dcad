"""Big imports and exports run off the UI thread with a progress bar; « Annuler » leaves the
database unchanged and writes no file (#14 item 10)."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from kitcop_desktop.storage import exchange, workshops
from kitcop_desktop.storage.exchange_insert import Cancelled
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.models.board import Board, Card
from kitcop_desktop.ui.exchange_worker import run_with_progress
from tests.storage.exchange_support import dump


@pytest.fixture(scope="module")
def big_library(migrated_template, tmp_path_factory):
    """A library holding a workshop of 12,000 post-its, and that workshop exported: big enough
    for several progress steps. Made once for the module; each test gets copies of both."""
    folder = tmp_path_factory.mktemp("big")
    library = folder / "grand.sqlite3"
    shutil.copyfile(migrated_template, library)
    store = open_store(library)
    try:
        with store.write() as s:
            workshop = workshops.create(s, "Grand atelier")
            board = Board(workshop_id=workshop.id, kind="speedboat", title="Speedboat")
            s.add(board)
            s.flush()
            s.add_all(
                Card(board_id=board.id, zone="brakes", text=f"Frein {i}", position=i)
                for i in range(12_000)
            )
        with store.read() as s:
            data = exchange.export_workshop(s, workshop.id, zipped=True)
    finally:
        store.close()
    exported = folder / "grand.kitcop"
    exported.write_bytes(data)
    return library, exported


@pytest.fixture
def store_template(request, migrated_template, big_library):
    """A test that takes `big_file` starts from the library that holds the big workshop."""
    return big_library[0] if "big_file" in request.fixturenames else migrated_template


@pytest.fixture
def big_file(store, big_library, tmp_path):
    """The big workshop's export, in the test's own folder; `store` holds that workshop."""
    path = tmp_path / "grand.kitcop"
    shutil.copyfile(big_library[1], path)
    return path


def _press_cancel_once(started: threading.Event, pressed: threading.Event) -> QTimer:
    """On the UI thread: once the work has started, press « Annuler » of the progress dialog."""
    timer = QTimer()
    timer.setInterval(10)

    def tick():
        if not started.is_set() or pressed.is_set():
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                (button,) = [b for b in widget.findChildren(QPushButton) if b.text() == "Annuler"]
                button.click()
                pressed.set()

    timer.timeout.connect(tick)
    timer.start()
    return timer


def test_import_runs_off_the_ui_thread_and_cancel_changes_nothing(store, big_file, qtbot):
    preview = exchange.read_file(big_file)
    before = dump(store)
    started, pressed = threading.Event(), threading.Event()
    where, ticks = [], []
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.append(1))  # the UI thread keeps turning
    beat.start(5)
    timer = _press_cancel_once(started, pressed)

    def work(progress):
        where.append(threading.current_thread() is threading.main_thread())

        def step(done, total):
            if not started.is_set():
                started.set()
                assert pressed.wait(20)  # the facilitator presses « Annuler » now
            progress(done, total)

        return exchange.apply_import(store, preview, progress=step)

    with pytest.raises(Cancelled):
        run_with_progress(None, "Import…", work)
    timer.stop()
    beat.stop()
    assert where == [False]  # off the UI thread
    assert ticks  # the window stayed responsive meanwhile
    assert dump(store) == before  # cancelled: rolled back, nothing added


def test_import_reports_progress_up_to_the_total(store, big_file, qtbot):
    preview = exchange.read_file(big_file)
    steps = []

    def work(progress):
        def step(done, total):
            steps.append((done, total))
            progress(done, total)

        return exchange.apply_import(store, preview, progress=step)

    result = run_with_progress(None, "Import…", work)
    assert result.workshop_id is not None
    assert len(steps) >= 3 and steps[-1][0] == steps[-1][1] > 12_000
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_an_error_in_the_worker_is_raised_on_the_ui_thread(qtbot):
    def work(progress):
        raise exchange.ExchangeError("Ce fichier est incomplet. Rien n'a été modifié.")

    with pytest.raises(exchange.ExchangeError, match="incomplet"):
        run_with_progress(None, "Lecture…", work)


def test_cancelled_export_writes_no_file(store, workshop_id, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from kitcop_desktop.ui import exchange_dialogs as dialogs
    from kitcop_desktop.ui import exchange_worker

    target = tmp_path / "x.kitcop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a))
    started, pressed = threading.Event(), threading.Event()
    timer = _press_cancel_once(started, pressed)
    real = exchange_worker.run_with_progress

    def gated(parent, label, work):
        def slow(progress):
            def step(done, total):
                started.set()
                assert pressed.wait(20)
                progress(done, total)

            return work(step)

        return real(parent, label, slow)

    monkeypatch.setattr(dialogs, "run_with_progress", gated)
    assert dialogs.export_dialog(None, store, workshop_id, kind="agenda") is None
    timer.stop()
    assert not target.exists() and list(tmp_path.glob(".x.kitcop*")) == []
    assert shown == []  # no « Export terminé »


def test_the_worker_never_runs_the_cycle_collector(store, big_file, qtbot):
    """Qt widgets in reference cycles must be destroyed on the UI thread: while the import runs
    in its thread, Python's cycle collector only runs on the UI thread (a collection in the
    worker once deleted a dialog while the UI thread painted: a segmentation fault)."""
    import gc

    preview = exchange.read_file(big_file)
    collected_in = set()

    def watch(phase, _info):
        if phase == "start":
            collected_in.add(threading.current_thread() is threading.main_thread())

    gc.callbacks.append(watch)
    try:
        run_with_progress(None, "Import…", lambda progress: exchange.apply_import(store, preview))
    finally:
        gc.callbacks.remove(watch)
    assert gc.isenabled()  # automatic collection is back once the work is done
    assert False not in collected_in
