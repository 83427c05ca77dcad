"""Drafts of one-line entries (a post-it being typed, a note): kept until Enter adds them.

What Enter adds goes to the store at once; what is still being typed lives only in the field.
A LineDraft writes that text to the settings file as it is typed (ui/autosave.py: after a short
pause, at the latest every second, and when the field is left), so a kill or an empty battery in
the middle of a post-it gives it back on the next start. Emptying the field (Enter added it)
removes the draft. Without settings (tests, the command line) it does nothing.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit

from kitcop_desktop.ui.autosave import Autosave


def draft_prefix(store, workshop_id: int) -> str:
    """Settings group of a workshop's drafts; two database files never share one."""
    where = str(getattr(store, "path", "") or "")
    return f"drafts/{hashlib.sha1(where.encode()).hexdigest()[:12]}/{workshop_id}"


class LineDraft(QObject):
    def __init__(self, line: QLineEdit, settings, key: str | None = None) -> None:
        super().__init__(line)
        self._line = line
        self._settings = settings
        self._key: str | None = None
        self.autosave = Autosave(line, self._write)
        line.textChanged.connect(self._emptied)
        if key is not None:
            self.set_key(key)

    def set_key(self, key: str | None) -> None:
        """The field now belongs to something else: keep its draft, show the other's."""
        if key == self._key:
            return
        self.save()
        self._key = key
        draft = self._read()
        with self.autosave.loading():
            self._line.setText(draft)

    def _emptied(self, text: str) -> None:
        if not text and self._read():  # Enter added it (or the field was cleared): no draft
            self._write()

    def _read(self) -> str:
        if self._settings is None or self._key is None:
            return ""
        value = self._settings.value(self._key, "")
        return value if isinstance(value, str) else ""

    def save(self) -> None:
        """Write the draft now (before the field is given to another key)."""
        self.autosave.flush()
        self._write()

    def _write(self) -> None:
        if self._settings is None or self._key is None:
            return
        text = self._line.text()
        if text.strip():
            self._settings.setValue(self._key, text)
        else:
            self._settings.remove(self._key)
        self._settings.sync()  # on disk now: the battery may die in the next second
