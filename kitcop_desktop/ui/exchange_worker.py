"""Long exchange work (reading, importing, exporting a big .kitcop) off the UI thread.

`run_with_progress(parent, label, work)` runs `work(progress)` on a worker thread while a
progress dialog with « Annuler » shows; the window stays responsive (the event loop turns).
`progress(done, total)` moves the bar and raises Cancelled once « Annuler » was pressed, which
rolls the import's transaction back: a cancelled import changes nothing. Returns what `work`
returned; raises what it raised (Cancelled included), on the calling thread.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.exchange_insert import Cancelled

# Below this, no dialog flashes on screen (the demo imports in a few tens of milliseconds).
SHOW_AFTER_MS = 400
# How often the UI thread looks at the worker's news. The worker never touches a Qt object:
# it writes two numbers and sets an event, which the UI thread reads on this timer.
POLL_MS = 40


def run_with_progress(
    parent: QWidget | None, label: str, work: Callable[[Callable[[int, int], None]], object]
):
    cancelled = threading.Event()
    finished = threading.Event()
    news = {"done": 0, "total": 0}
    outcome: dict[str, object] = {}

    def progress(done: int, total: int) -> None:
        if cancelled.is_set():
            raise Cancelled()
        news["done"], news["total"] = done, total  # read by the UI thread, never a Qt call

    def run() -> None:
        try:
            outcome["result"] = work(progress)
        except BaseException as exc:  # handed to the UI thread, raised there
            outcome["error"] = exc
        finally:
            finished.set()

    dialog = QProgressDialog(label, tr("Annuler"), 0, 0, parent)
    dialog.setWindowTitle(tr("KitCOP Atelier"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.canceled.connect(cancelled.set)
    dialog.canceled.connect(partial(dialog.setLabelText, "Annulation…"))

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def poll() -> None:
        done, total = news["done"], news["total"]
        if total > 0 and not cancelled.is_set():
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if finished.is_set():
            loop.quit()

    def collect() -> None:
        gc.collect(1)

    timer.timeout.connect(poll)
    timer.timeout.connect(collect)
    worker = threading.Thread(target=run, name="kitcop-exchange", daemon=True)
    # Python's cycle collector runs in whichever thread happens to allocate. Run by the worker,
    # it would destroy unreachable Qt widgets (a closed dialog in a reference cycle) on the wrong
    # thread while the UI thread paints: a segmentation fault, seen in the test suite. While the
    # worker runs, only the UI thread collects, on the timer.
    automatic = gc.isenabled()
    gc.disable()
    try:
        worker.start()
        timer.start()
        if not finished.is_set():
            loop.exec()
        timer.stop()
        worker.join()
    finally:
        if automatic:
            gc.enable()
    was_cancelled = cancelled.is_set()
    dialog.canceled.disconnect()  # closing the dialog below emits « canceled » too
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    if was_cancelled:
        raise Cancelled()
    return outcome.get("result")
