"""Autosave of long text as it is typed: debounced (~500 ms), and at once on focus-out.

Each save is its own committed transaction. Typing bursts are not undo steps (the text field's
own Ctrl+Z covers typing); nothing typed is ever lost, even when the window closes right away:
`flush()` writes whatever is pending and is called when a page is left.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit

log = logging.getLogger(__name__)

DEBOUNCE_MS = 500


class Autosaver(QObject):
    """Watches text fields; `save(key, text)` stores one field (raises ValueError on refusal)."""

    def __init__(
        self,
        save: Callable[[object, str], None],
        on_saved: Callable[[], None],
        on_error: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._on_saved = on_saved
        self._on_error = on_error
        self._fields: dict[QPlainTextEdit, object] = {}
        self._pending: set[QPlainTextEdit] = set()
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

    def watch(self, field: QPlainTextEdit, key: object) -> None:
        self._fields[field] = key
        field.textChanged.connect(lambda f=field: self._changed(f))
        field.installEventFilter(self)

    def forget_all(self) -> None:
        """Stop watching every field (after flushing what is pending)."""
        self.flush()
        for field in self._fields:
            field.removeEventFilter(self)
        self._fields.clear()

    def set_text(self, field: QPlainTextEdit, text: str) -> None:
        """Show stored text without it counting as typing."""
        self._loading = True
        try:
            field.setPlainText(text)
        finally:
            self._loading = False

    def _changed(self, field: QPlainTextEdit) -> None:
        if self._loading or field not in self._fields:
            return
        self._pending.add(field)
        self._timer.start()

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Write every pending field now, each in its own transaction."""
        self._timer.stop()
        pending, self._pending = self._pending, set()
        saved = False
        for field in pending:
            key = self._fields.get(field)
            if key is None:
                continue
            try:
                self._save(key, field.toPlainText())
                saved = True
            except ValueError as exc:  # InvalidInput: too long…; the text stays on screen
                self._on_error(str(exc))
            except Exception:  # never lose the rest of the batch to one failure
                log.exception("autosave failed")
                self._on_error(
                    "Ces notes n'ont pas pu être enregistrées ; elles restent à l'écran."
                )
        if saved:
            self._on_saved()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut and watched in self._pending:
            self.flush()
        return False
