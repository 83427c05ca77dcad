"""Long exchange work (reading, importing, exporting a big .kitcop) off the UI thread.

`run_with_progress(parent, label, work)` runs `work(progress)` on a worker thread while a
progress dialog with « Annuler » shows; the window stays responsive (the event loop turns).
`progress(done, total)` moves the bar and raises Cancelled once « Annuler » was pressed, which
rolls the import's transaction back: a cancelled import changes nothing. Returns what `work`
returned; raises what it raised (Cancelled included), on the calling thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kitcop_desktop.storage.exchange_insert import Cancelled

# Below this, no dialog flashes on screen (the demo imports in a few tens of milliseconds).
SHOW_AFTER_MS = 400


class _Relay(QObject):
    """Carries the worker's news to the UI thread (queued signals)."""

    progressed = Signal(int, int)
    finished = Signal()


def run_with_progress(
    parent: QWidget | None, label: str, work: Callable[[Callable[[int, int], None]], object]
):
    relay = _Relay()
    cancelled = threading.Event()
    outcome: dict[str, object] = {}

    def progress(done: int, total: int) -> None:
        if cancelled.is_set():
            raise Cancelled()
        relay.progressed.emit(done, total)

    def run() -> None:
        try:
            outcome["result"] = work(progress)
        except BaseException as exc:  # handed to the UI thread, raised there
            outcome["error"] = exc
        finally:
            relay.finished.emit()

    dialog = QProgressDialog(label, "Annuler", 0, 0, parent)
    dialog.setWindowTitle("KitCOP Atelier")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.canceled.connect(cancelled.set)
    dialog.canceled.connect(lambda: dialog.setLabelText("Annulation…"))

    def moved(done: int, total: int) -> None:
        if total > 0 and not cancelled.is_set():
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    relay.progressed.connect(moved, Qt.ConnectionType.QueuedConnection)
    loop = QEventLoop()
    relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    worker = threading.Thread(target=run, name="kitcop-exchange", daemon=True)
    worker.start()
    if worker.is_alive():
        loop.exec()
    worker.join()
    was_cancelled = cancelled.is_set()
    dialog.canceled.disconnect()  # closing the dialog below emits « canceled » too
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    if was_cancelled:
        raise Cancelled()
    return outcome.get("result")
