"""One notes field of an interview: what the note-taker types, with the marked passages
coloured by kind (frein, levier, difficulté, action, besoin), as the mark buttons are.

The colours are extra selections: painted over the text, they change neither the text, nor its
undo history, nor what is stored. Home and End (with Maj, to select) go to the start and end of
the line as typed, not of the screen line a long paragraph wraps onto, so that Maj+Début then
Alt+1 marks the whole line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from kitcop_desktop.domain.interview_guides import mark_kind, passage_spans
from kitcop_desktop.domain.palette import OKABE_ITO
from kitcop_desktop.ui import theme

LINE_KEYS = {
    Qt.Key.Key_Home: QTextCursor.MoveOperation.StartOfBlock,
    Qt.Key.Key_End: QTextCursor.MoveOperation.EndOfBlock,
}


def tint(hex_colour: str, strength: float = 0.28) -> QColor:
    """A pale version of a palette colour (mixed with white), readable under dark text."""
    base = QColor(hex_colour)
    mix = [round(255 - (255 - c) * strength) for c in (base.red(), base.green(), base.blue())]
    return QColor(*mix)


def mark_format(kind: str) -> QTextCharFormat:
    """A pale background of the kind's colour, underlined in the colour itself (the line tells
    the kinds apart where the tints look alike)."""
    colour = OKABE_ITO[mark_kind(kind).colour]
    fmt = QTextCharFormat()
    fmt.setBackground(tint(colour, 0.30))
    fmt.setForeground(QColor(theme.INK))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(colour))
    return fmt


def utf16(text: str, index: int) -> int:
    """A Python index as a Qt text position (emoji take two positions in Qt)."""
    return len(text[:index].encode("utf-16-le")) // 2


class NotesField(QPlainTextEdit):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.marks: list[tuple[str, str]] = []  # (kind, passage)
        self.textChanged.connect(self._colour_marks)

    def set_marks(self, marks: list[tuple[str, str]]) -> None:
        if marks != self.marks:
            self.marks = list(marks)
            self._colour_marks()

    def marked_spans(self) -> list[tuple[str, int, int]]:
        """(kind, start, end) of every marked passage found in the text, in Qt positions."""
        text = self.toPlainText()
        found = []
        for kind, passage in self.marks:
            for start, end in passage_spans(text, passage):
                found.append((kind, utf16(text, start), utf16(text, end)))
        return found

    def _colour_marks(self) -> None:
        selections = []
        for kind, start, end in self.marked_spans():
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document())
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.format = mark_format(kind)
            selections.append(selection)
        self.setExtraSelections(selections)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        move = LINE_KEYS.get(Qt.Key(event.key()))
        if move is not None and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            cursor = self.textCursor()
            keep = modifiers == Qt.KeyboardModifier.ShiftModifier
            cursor.movePosition(
                move, QTextCursor.MoveMode.KeepAnchor if keep else QTextCursor.MoveMode.MoveAnchor
            )
            self.setTextCursor(cursor)
            return
        super().keyPressEvent(event)
