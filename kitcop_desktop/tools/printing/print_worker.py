"""The printing screen's side of the print worker (printing/worker.py): a child process that
makes the PDFs while « Impression » is on screen, and ends when the facilitator leaves it. So
reportlab, its fonts and what a build leaves in memory (≈ 25 MB) never load in the app (#15).

`render` answers the PDF's bytes, a French refusal (str), or None when the worker could not
answer: the caller then renders in its own process, as before (and if the worker cannot run at
all here, a packaged app without `python -m`, it is not tried again)."""

from __future__ import annotations

import atexit
import json
import os
import sys
import time
import weakref
from pathlib import Path

from PySide6.QtCore import QProcess, QProcessEnvironment

import kitcop_desktop
from kitcop_desktop.i18n import current_language

# A first answer includes the worker's imports (≈ 0.6 s on a quiet laptop, far more on a busy
# one); after that a document takes what it took in the app.
ANSWER_TIMEOUT_S = 120.0


class PrintWorker:
    """One worker process at a time, started when first needed, ended by `stop`."""

    def __init__(self, db_path: Path | None):
        self.db_path = db_path
        self.unavailable = db_path is None  # a library in memory: nothing to open there
        self._process: QProcess | None = None
        self._answered = False

    @property
    def running(self) -> bool:
        return self._process is not None

    def pid(self) -> int:
        return int(self._process.processId()) if self._process is not None else 0

    def start(self) -> None:
        """Start the worker (its imports run while the screen waits for its first render)."""
        if self._process is not None or self.unavailable:
            return
        process = QProcess()
        env = QProcessEnvironment.systemEnvironment()
        # The same code as this app's, wherever it was imported from.
        source = str(Path(kitcop_desktop.__file__).resolve().parent.parent)
        known = env.value("PYTHONPATH", "")
        env.insert("PYTHONPATH", os.pathsep.join([source, known]) if known else source)
        process.setProcessEnvironment(env)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.start(sys.executable, ["-m", "kitcop_desktop.printing.worker", str(self.db_path)])
        self._process = process
        _STARTED.add(self)

    def render(self, workshop_id: int, parts: list[str]) -> bytes | str | None:
        if self._process is not None and self._process.state() == QProcess.ProcessState.NotRunning:
            self._process = None  # it ended by itself, idle for long: another one
        self.start()
        process = self._process
        if process is None:
            return None
        deadline = time.monotonic() + ANSWER_TIMEOUT_S
        request = {"workshop": workshop_id, "parts": parts, "lang": current_language()}
        if not process.waitForStarted(_ms_left(deadline)):
            self._give_up()
            return None
        process.write((json.dumps(request) + "\n").encode("utf-8"))
        header = _read_line(process, deadline)
        word, _, size = (header or "").partition(" ")
        body = _read_exactly(process, int(size), deadline) if size.isdigit() else None
        if body is None or word not in ("PDF", "REFUSED"):
            self._give_up()
            return None
        self._answered = True
        return body if word == "PDF" else body.decode("utf-8")

    def _give_up(self) -> None:
        """No answer: end this worker; one that never answered will not be tried again."""
        if not self._answered:
            self.unavailable = True
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.waitForFinished(1000)

    def stop(self) -> None:
        """End the worker: its input closed, it exits by itself (nothing waits for it here)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.state() == QProcess.ProcessState.NotRunning:
            return
        process.closeWriteChannel()
        # Kept until it has exited (nothing waits for it here); one still there when the app
        # ends is ended with it.
        _ENDING[:] = [p for p in _ENDING if p.state() != QProcess.ProcessState.NotRunning]
        _ENDING.append(process)


_ENDING: list[QProcess] = []
_STARTED: weakref.WeakSet[PrintWorker] = weakref.WeakSet()


def stop_all() -> None:
    """End every worker now and wait for them (a test's teardown: none outlives its test)."""
    for worker in list(_STARTED):
        worker.stop()
    _end_the_rest()


@atexit.register
def _end_the_rest() -> None:
    for process in _ENDING:
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(1000)
    _ENDING.clear()


def _ms_left(deadline: float) -> int:
    return max(1, int((deadline - time.monotonic()) * 1000))


def _read_line(process: QProcess, deadline: float) -> str | None:
    while not process.canReadLine():
        if time.monotonic() > deadline or not process.waitForReadyRead(_ms_left(deadline)):
            return None
    return bytes(process.readLine().data()).decode("ascii", "replace").strip()


def _read_exactly(process: QProcess, size: int, deadline: float) -> bytes | None:
    data = bytearray()
    while len(data) < size:
        if process.bytesAvailable() == 0 and (
            time.monotonic() > deadline or not process.waitForReadyRead(_ms_left(deadline))
        ):
            return None
        data += bytes(process.read(size - len(data)).data())
    return bytes(data)
