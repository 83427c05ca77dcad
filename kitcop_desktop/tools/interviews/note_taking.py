"""Taking notes during an interview, keyboard only.

The guide's questions in order, one notes field each, then the free notes. Ctrl+↓ / Ctrl+↑
(or Ctrl+PageDown / Ctrl+PageUp) move between questions without leaving the keyboard;
Alt+1 … Alt+5 mark the selected passage (or the current line) as frein, levier, difficulté,
action or besoin. Notes are stored as typed (ui/autosave.py), a burst of typing being one undo
step on the tool's stack; marks are undoable too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.interview_guides import MARK_KINDS, bare_passage, mark_kind
from kitcop_desktop.domain.palette import OKABE_ITO
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.interviews.discreet_timer import DiscreetTimer
from kitcop_desktop.tools.interviews.notes_field import NotesField, tint
from kitcop_desktop.tools.interviews.room_focus import room_focus
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.autosave import Autosave, text_of
from kitcop_desktop.ui.widgets.row_list import Row, RowList

FREE_NOTES = "free"
NEXT_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
# Alt+1 … Alt+5, in MARK_KINDS order (handled in the event filter so the keys work while typing).
MARK_KEYS = {int(Qt.Key.Key_1) + i: kind.key for i, kind in enumerate(MARK_KINDS)}
PREVIOUS_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_PageUp)
# Discreet: muted while on time, amber near the end, orange-red when over (text says it too).


def help_line() -> str:
    """The keys of note-taking, in the app's language."""
    marks = " · ".join(f"{k.shortcut} {tr(k.label)}" for k in MARK_KINDS)
    return tr("Ctrl+↓ question suivante · Ctrl+↑ précédente · ") + marks


class NoteTaking(QWidget):
    """The questions of one interview with their notes, the free notes and the marked passages."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id: int | None = None
        self.guide_title = ""
        self.questions: list[tuple[int, str]] = []  # (answer id, question text)
        self.editors: list[NotesField] = []
        self.autosaves: list[Autosave] = []

        self.title = QLabel()
        self.title.setObjectName("PageTitle")
        self.timer = DiscreetTimer(ctx)
        self.timer_label = self.timer.label
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.timer)

        self.question_list = QListWidget()
        # One line per question, elided: the full text is above the notes and in the tooltip.
        self.question_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.question_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.question_list.setMinimumWidth(160)
        self.question_list.currentRowChanged.connect(self._show_page)
        self.question_list.installEventFilter(self)
        self.position_label = QLabel()
        self.position_label.setObjectName("PageSubtitle")
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        theme.style(self.question_label, theme.SUBHEADING)
        self.pages = QStackedWidget()
        marks_row = QHBoxLayout()
        marks_row.addWidget(QLabel(tr("Marquer :")))
        self.mark_buttons = {}
        for kind in MARK_KINDS:
            button = QPushButton(kind.label.capitalize())
            button.setToolTip(
                tr(
                    "Marquer le passage sélectionné (ou la ligne du curseur) comme {label} — {shortcut}"
                ).format(label=kind.label, shortcut=kind.shortcut)
            )
            theme.style(button, theme.edge_mark(OKABE_ITO[kind.colour]))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the notes
            button.clicked.connect(lambda _c=False, k=kind.key: self.mark(k))
            marks_row.addWidget(button)
            self.mark_buttons[kind.key] = button
        marks_row.addStretch(1)
        help_label = QLabel(help_line())
        help_label.setObjectName("PageSubtitle")
        help_label.setWordWrap(True)

        self.marks_title = QLabel()
        self.marks_list = RowList()
        self.marks_list.setWordWrap(True)
        self.marks_list.setToolTip(tr("Passages marqués (Suppr pour retirer)"))
        self.marks_list.installEventFilter(self)
        notes_and_marks = QSplitter(Qt.Orientation.Vertical)
        notes_and_marks.addWidget(self.pages)
        marks_box = QWidget()
        marks_layout = QVBoxLayout(marks_box)
        marks_layout.setContentsMargins(0, 4, 0, 0)
        marks_layout.addLayout(marks_row)
        marks_layout.addWidget(help_label)
        marks_layout.addWidget(self.marks_title)
        marks_layout.addWidget(self.marks_list, 1)
        notes_and_marks.addWidget(marks_box)
        notes_and_marks.setStretchFactor(0, 3)
        notes_and_marks.setStretchFactor(1, 2)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.position_label)
        centre_layout.addWidget(self.question_label)
        centre_layout.addWidget(notes_and_marks, 1)

        splitter = QSplitter()
        splitter.addWidget(self.question_list)
        splitter.addWidget(centre)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([240, 720])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        ctx.hub.changed.connect(self._on_changed)

    # --- loading ---------------------------------------------------------------------------
    def load(self, interview_id: int | None) -> None:
        """Show one interview (flushing the notes of the previous one first)."""
        self.flush()
        self.interview_id = interview_id
        self.question_list.clear()
        for editor in self.editors:
            editor.removeEventFilter(self)
            for autosave in self.autosaves:
                editor.removeEventFilter(autosave)
            self.pages.removeWidget(editor)
            editor.deleteLater()
        self.editors = []
        self.autosaves = []
        self.questions = []
        if interview_id is None:
            self.title.setText(tr("Aucun entretien choisi"))
            self._refresh_marks()
            self.timer.load(None)
            return
        with self.ctx.store.read() as s:
            iv = interviews.get(s, interview_id)
            self.title.setText(iv.pseudonym)
            self.guide_title = iv.guide_title
            self.questions = [(a.id, a.question_text) for a in iv.answers]
            notes = [a.notes for a in iv.answers]
            free_notes = iv.free_notes
        for index, ((answer_id, text), note) in enumerate(zip(self.questions, notes, strict=True)):
            self._add_page(f"{index + 1}. {text}", answer_id, note, bool(note.strip()))
        self._add_page("Notes libres", FREE_NOTES, free_notes, bool(free_notes.strip()))
        self.question_list.setCurrentRow(0)
        self._refresh_marks()
        self.timer.load(interview_id)

    def _add_page(self, label: str, key, text: str, filled: bool) -> None:
        editor = NotesField()
        editor.setPlaceholderText(tr("Notez ici la réponse…"))
        font = editor.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # read at a glance during the interview
        editor.setFont(font)
        editor.setPlainText(text)
        self.autosaves.append(Autosave(editor, lambda: self._save(key, editor)))
        editor.installEventFilter(self)
        self.pages.addWidget(editor)
        self.editors.append(editor)
        item = QListWidgetItem(("✓ " if filled else "") + label)
        item.setToolTip(label)
        self.question_list.addItem(item)

    # --- moving between questions ------------------------------------------------------------
    @property
    def current_index(self) -> int:
        return self.question_list.currentRow()

    def go_to(self, index: int) -> None:
        if self.editors:
            index = max(0, min(index, len(self.editors) - 1))
            self.question_list.setCurrentRow(index)
            self.editors[index].setFocus()
            self.editors[index].moveCursor(QTextCursor.MoveOperation.End)

    def next_question(self) -> None:
        self.go_to(self.current_index + 1)

    def previous_question(self) -> None:
        self.go_to(self.current_index - 1)

    def _show_page(self, index: int) -> None:
        if index < 0 or index >= len(self.editors):
            return
        self.flush()
        self.pages.setCurrentIndex(index)
        count = len(self.questions)
        if index < count:
            text = self.questions[index][1]
            self.position_label.setText(
                tr("Question {n} sur {count}").format(n=index + 1, count=count)
            )
            self.question_label.setText(text)
            room_focus(self.ctx).show_question(self.guide_title, index, count, text)
        else:
            self.position_label.setText(tr("Après les questions"))
            self.question_label.setText(tr("Notes libres : temps de parole libre, clôture, suites"))
            room_focus(self.ctx).show_question(self.guide_title, count, count, "")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            ctrl = event.modifiers() == Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in NEXT_KEYS:
                self.next_question()
                return True
            if ctrl and event.key() in PREVIOUS_KEYS:
                self.previous_question()
                return True
            alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
            if alt and int(event.key()) in MARK_KEYS:
                self.mark(MARK_KEYS[int(event.key())])
                return True
            if watched is self.marks_list and event.key() == Qt.Key.Key_Delete:
                self.remove_selected_mark()
                return True
        return super().eventFilter(watched, event)

    # --- marks ---------------------------------------------------------------------------------
    def current_passage(self) -> str:
        """The selected text of the current notes field, or its current line."""
        if not self.editors:
            return ""
        cursor = self.editors[self.pages.currentIndex()].textCursor()
        if cursor.hasSelection():
            return cursor.selectedText().replace("\u2029", "\n")
        return cursor.block().text()

    def mark(self, kind: str) -> None:
        """Mark the current passage (one undo step)."""
        if self.interview_id is None:
            return
        self.flush()
        index = self.pages.currentIndex()
        answer_id = self.questions[index][0] if index < len(self.questions) else None
        text = self.current_passage()
        interview_id = self.interview_id
        label = mark_kind(kind).label
        result = self.ctx.push(
            tr("Marquer un passage : {label}").format(label=label),
            area="interviews",
            do=lambda s: interviews.add_mark(s, interview_id, kind, text, answer_id).id,
            undo=lambda s, mark_id: interviews.delete_mark(s, mark_id),
        )
        if result is not None:
            self.ctx.show_message(tr("Passage marqué comme {label}.").format(label=label))

    def remove_selected_mark(self) -> None:
        mark_id = self.marks_list.current_key()
        if mark_id is None:
            return
        self.ctx.push(
            tr("Retirer un passage marqué"),
            area="interviews",
            do=lambda s: interviews.delete_mark(s, mark_id),
            undo=lambda s, data: interviews.recreate_mark(s, data),
        )

    def _refresh_marks(self) -> None:
        if self.interview_id is None:
            self.marks_list.set_rows([])
            self.marks_title.setText(tr("<b>Passages marqués</b>"))
            return
        with self.ctx.store.read() as s:
            marks = [
                (m.id, m.kind, m.text, m.answer_id)
                for m in interviews.list_marks(s, self.interview_id)
            ]
        self.marks_title.setText(
            tr("<b>Passages marqués</b> ({n_marks})").format(n_marks=len(marks))
        )
        rows = []
        for mark_id, kind, text, _answer in marks:
            info = mark_kind(kind)
            rows.append(
                Row(
                    f"{info.label.capitalize()} — {bare_passage(kind, text)}",
                    key=mark_id,
                    foreground=theme.INK,
                    background=tint(OKABE_ITO[info.colour]).name(),
                )
            )
        self.marks_list.set_rows(rows)
        # Each notes field colours the passages marked in it (the free notes: answer None).
        keys = [answer_id for answer_id, _ in self.questions] + [None]
        for editor, key in zip(self.editors, keys, strict=False):
            editor.set_marks([(kind, text) for _i, kind, text, answer in marks if answer == key])

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area == "interviews" and workshop_id == self.ctx.workshop_id:
            self._show_stored_notes()
            self._refresh_marks()
            self.timer.refresh()

    # --- stored as typed ----------------------------------------------------------------------
    def _save(self, key, editor: NotesField) -> None:
        """Store one field's notes: a typing edit on the tool's undo stack."""
        interview_id, text = self.interview_id, editor.toPlainText()
        if interview_id is None:
            return
        if key == FREE_NOTES:
            index, what = len(self.questions), "Notes libres"
        else:
            index = [a for a, _ in self.questions].index(key)
            what = tr("Notes de la question {number}").format(number=index + 1)

        def save(s, value: str) -> str:
            if key == FREE_NOTES:
                return interviews.save_free_notes(s, interview_id, value)
            return interviews.save_answer_notes(s, key, value)

        self.ctx.push(
            what,
            area="interviews",
            do=lambda s: save(s, text),
            undo=lambda s, previous: save(s, previous),
        )
        item = self.question_list.item(index)
        if item is not None:
            label = item.text().removeprefix("✓ ")
            item.setText(("✓ " if text.strip() else "") + label)

    def _show_stored_notes(self) -> None:
        """Undo, redo or another view changed the notes: show them (never over typing)."""
        if self.interview_id is None or not self.editors:
            return
        with self.ctx.store.read() as s:
            try:
                iv = interviews.get(s, self.interview_id)
            except Exception:  # erased meanwhile
                return
            texts = [a.notes for a in iv.answers] + [iv.free_notes]
        if len(texts) != len(self.autosaves):
            return
        for index, (autosave, text) in enumerate(zip(self.autosaves, texts, strict=True)):
            autosave.show(text)
            item = self.question_list.item(index)
            if item is not None:
                label = item.text().removeprefix("✓ ")
                filled = bool(text_of(autosave.field).strip())
                item.setText(("✓ " if filled else "") + label)

    def flush(self) -> None:
        """Store every field still waiting for its pause."""
        for autosave in self.autosaves:
            autosave.flush()
