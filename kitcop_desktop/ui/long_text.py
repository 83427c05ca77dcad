"""A multi-line field that stores itself as typed (ui/autosave.py): after a short pause, at
the latest every second while typing, and when left.

A kill or an empty battery loses at most the last second of typing, never a paragraph.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from kitcop_desktop.ui.autosave import Autosave


class LongText(QPlainTextEdit):
    """A multi-line field whose `commit()` is called as it is typed (see ui/autosave.py)."""

    def __init__(
        self, commit, placeholder: str = "", height: int = 70, *, grows: bool = False
    ) -> None:
        super().__init__()
        self.setPlaceholderText(placeholder)
        if grows:
            self.setMinimumHeight(height)  # the layout may give it more
        else:
            self.setFixedHeight(height)
        self.setTabChangesFocus(True)
        self.autosave = Autosave(self, commit)

    def set_value(self, text: str) -> None:
        """Show the stored text (never over what is being typed)."""
        self.autosave.show(text)

    def flush(self) -> None:
        """Store what is still waiting (before the field shows something else)."""
        self.autosave.flush()
