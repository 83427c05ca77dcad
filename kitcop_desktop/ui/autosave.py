"""The one autosave of the app: every typed field stores itself as it is typed.

A field's text is stored after a short pause in typing (PAUSE_MS) and, while the typing goes on
without a pause, at the latest DEADLINE_MS after the first keystroke not yet stored: a deadline
that keystrokes do not push back, so a kill or an empty battery loses at most the last second.
It is stored at once when the field loses focus, when it is hidden (another tool, another tab,
the window closing) and when the application quits (`flush_all`).

How it is stored is the caller's `save()`: it reads the field and pushes a command (ctx.push),
or writes a draft (ui/drafts.py). A command pushed during `save()` is a typing edit: the
consecutive ones of one field in one burst of typing merge into one undo step
(`StoreCommand.mergeWith`). A burst ends when the field is left, hidden, flushed from outside
(before it shows another item) or shows another text.
"""

from __future__ import annotations

import itertools
import logging
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit
from shiboken6 import isValid

from kitcop_desktop.storage.errors import StoreError

log = logging.getLogger(__name__)

PAUSE_MS = 400
# From the first keystroke not yet stored; under a second, with room for a busy event loop.
DEADLINE_MS = 800

_live: weakref.WeakSet[Autosave] = weakref.WeakSet()
_serials = itertools.count(1)
_typing: list[tuple[int, int]] = []  # the burst whose save() is running (innermost last)
_quit_hooked = False


class _Activity(QObject):
    stored = Signal(QObject)  # a field was just stored (ui/field_resume.py notes where it is)


activity = _Activity()


def typing_burst() -> tuple[int, int] | None:
    """The (field, burst) being stored right now, or None outside an autosave's save()."""
    return _typing[-1] if _typing else None


@contextmanager
def _storing(key: tuple[int, int]) -> Iterator[None]:
    _typing.append(key)
    try:
        yield
    finally:
        _typing.pop()


def flush_all() -> None:
    """Store every field still waiting (the application quits, the workshop closes)."""
    for autosave in list(_live):
        if isValid(autosave) and isValid(autosave.field):
            autosave.flush()


# The fields one Autosave watches: a line, or plain text (QTextEdit with rich text off).
TextField = QLineEdit | QPlainTextEdit | QTextEdit


def text_of(field: TextField) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


class Autosave(QObject):
    """Watches one QLineEdit, QPlainTextEdit or QTextEdit; `save()` stores its current text."""

    saved = Signal()

    def __init__(self, field: TextField, save: Callable[[], None]) -> None:
        super().__init__(field)
        global _quit_hooked
        self.field = field
        self._save = save
        self.serial = next(_serials)
        self._burst = 0
        self._pending = False
        self._loading = 0
        self._last = text_of(field)
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self._store)
        self._deadline = QTimer(self, singleShot=True, interval=DEADLINE_MS)
        self._deadline.timeout.connect(self._store)
        field.textChanged.connect(self._typed)
        if isinstance(field, QLineEdit):
            field.editingFinished.connect(self.flush)  # Enter, as when the field is left
        field.installEventFilter(self)
        _live.add(self)
        app = QCoreApplication.instance()
        if app is not None and not _quit_hooked:
            app.aboutToQuit.connect(flush_all)
            _quit_hooked = True

    # --- what the field shows ------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """Typed but not stored yet."""
        return self._pending

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Change the field's text from the program: it is not typing and is not stored."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1
            self._last = text_of(self.field)

    def show(self, text: str) -> bool:
        """Show a stored value, unless the field is being typed in (never overwrite typing).

        Returns False when the typed text was kept."""
        shown = text_of(self.field)
        if self.field.hasFocus() and (self._pending or shown.strip() == text.strip()):
            # Typing, or the echo of what was just stored (without the blank being typed).
            return shown == text
        if shown == text:
            return True
        self.flush()
        with self.loading():
            if isinstance(self.field, QLineEdit):
                self.field.setText(text)
            else:
                self.field.setPlainText(text)
        return True

    # --- storing ---------------------------------------------------------------------------------
    def _typed(self, *_args) -> None:
        if self._loading:
            return
        text = text_of(self.field)
        if text == self._last:  # a format change (highlighting), not typing
            return
        self._last = text
        self._pending = True
        self._pause.start()  # each keystroke moves the pause…
        if not self._deadline.isActive():
            self._deadline.start()  # …never the deadline

    def _store(self) -> None:
        self._pause.stop()
        self._deadline.stop()
        if not self._pending:
            return
        self._pending = False
        with _storing((self.serial, self._burst)):
            try:
                self._save()
            except (StoreError, ValueError) as exc:  # its item was deleted meanwhile (undo…)
                log.info("typed text not stored: %s", exc)
        self.saved.emit()
        activity.stored.emit(self.field)

    def end_burst(self) -> None:
        """The next typing is a new undo step."""
        self._burst += 1

    def flush(self) -> None:
        """Store what is waiting now; the burst of typing ends here."""
        self._store()
        self.end_burst()

    def settle(self) -> None:
        """The caller has stored what was typed itself: nothing waits, the burst ends."""
        self._pause.stop()
        self._deadline.stop()
        self._pending = False
        self.end_burst()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.FocusOut, QEvent.Type.Hide):
            self.flush()
        return False
