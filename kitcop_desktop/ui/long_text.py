"""A multi-line field that stores itself as typed: after a short pause, and when left.

A kill or an empty battery loses at most the last second of typing, never a paragraph.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit


class LongText(QPlainTextEdit):
    """A multi-line field that commits when left, or after a short pause in typing."""

    def __init__(
        self, commit, placeholder: str = "", height: int = 70, *, grows: bool = False
    ) -> None:
        super().__init__()
        self._commit = commit
        self.setPlaceholderText(placeholder)
        if grows:
            self.setMinimumHeight(height)  # the layout may give it more
        else:
            self.setFixedHeight(height)
        self.setTabChangesFocus(True)
        self._timer = QTimer(self, singleShot=True, interval=800)
        self._timer.timeout.connect(self._commit)
        self.textChanged.connect(self._on_text)
        self._loading = False

    def _on_text(self) -> None:
        if not self._loading:
            self._timer.start()

    def set_value(self, text: str) -> None:
        if self.hasFocus() and self._timer.isActive():
            return  # never overwrite what is being typed
        self._loading = True
        if self.toPlainText() != text:
            self.setPlainText(text)
        self._loading = False

    def flush(self) -> None:
        """Store what is still waiting for its pause (before the field shows something else)."""
        if self._timer.isActive():
            self._timer.stop()
            self._commit()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.flush()
        super().focusOutEvent(event)
