"""Interview guides: the kit's two (editable copies) and custom ones, with live hints.

Questions are edited one per line; « Enregistrer le guide » stores title and questions as one
undo step. Interviews already taken keep the questions they were asked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.interview_guides import guide_hints
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import interviews
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.widgets.row_list import Row, RowList


class GuidesView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.guide_id: int | None = None
        self.guide_list = RowList()
        self.guide_list.setWordWrap(True)
        self.guide_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.guide_list.current_moved.connect(self._select)
        new_button = QPushButton(tr("Nouveau guide"))
        new_button.clicked.connect(self.new_guide)
        self.delete_button = QPushButton(tr("Supprimer le guide"))
        self.delete_button.setObjectName("Danger")
        self.delete_button.clicked.connect(self.delete_guide)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(tr("<b>Guides d'entretien</b>")))
        left_layout.addWidget(self.guide_list, 1)
        left_layout.addWidget(new_button)
        left_layout.addWidget(self.delete_button)

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(tr("Titre du guide"))
        self.questions_edit = QTextEdit()
        self.questions_edit.setAcceptRichText(False)
        self.questions_edit.setPlaceholderText(
            tr("Une question par ligne, dans l'ordre où les poser.")
        )
        self.questions_edit.textChanged.connect(self._update_hints)
        self.count_label = QLabel()
        self.count_label.setObjectName("PageSubtitle")
        self.hints = QLabel()
        self.hints.setWordWrap(True)
        theme.style(self.hints, theme.HINTS)
        advice = QLabel(
            tr(
                "Conseils du kit : 10 questions au plus, ouvertes, courtes, dans un ordre logique ; "
                "faites relire la trame par des collègues."
            )
        )
        advice.setWordWrap(True)
        advice.setObjectName("PageSubtitle")
        # No Save button (DESIGN: nothing to lose): the guide is stored as typed (ui/autosave),
        # when another guide is chosen and when the page is hidden; one undo step per burst.
        self.autosaves = (
            Autosave(self.title_edit, self.save_guide),
            Autosave(self.questions_edit, self.save_guide),
        )
        saved_note = QLabel(tr("Enregistré au fil de la frappe ; Ctrl+Z annule."))
        saved_note.setObjectName("PageSubtitle")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title_edit)
        right_layout.addWidget(self.questions_edit, 1)
        right_layout.addWidget(self.count_label)
        right_layout.addWidget(self.hints)
        right_layout.addWidget(advice)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(saved_note)
        right_layout.addLayout(row)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.store.read() as s:
            guides = [
                (g.id, g.title, len(g.questions))
                for g in interviews.list_guides(s, self.ctx.workshop_id)
            ]
        ids = [g[0] for g in guides]
        keep = self.guide_id if self.guide_id in ids else (ids[0] if ids else None)
        self.guide_list.blockSignals(True)  # rebuilding is not the user choosing a guide
        rows = []
        for guide_id, title, count in guides:
            questions = tr_n("{n} question", "{n} questions", count).format(n=count)
            rows.append(Row(f"{title}\n{questions}", key=guide_id))
        self.guide_list.set_rows(rows)
        if keep is not None:
            self.guide_list.select_key(keep)
        self.guide_list.blockSignals(False)
        typing = self.title_edit.hasFocus() or self.questions_edit.hasFocus()
        if not (typing and keep == self.guide_id):
            self._load(keep)  # an undo or another view changed it: show what is stored

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area == "interviews" and workshop_id == self.ctx.workshop_id:
            self.refresh()

    def _select(self, target: int | None) -> None:
        shown = self.guide_id
        self.guide_id = target  # so that the refresh after saving keeps the user's choice
        self._store(shown)
        self._load(target)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.save_guide()
        super().hideEvent(event)

    def _load(self, guide_id: int | None) -> None:
        for autosave in self.autosaves:
            autosave.settle()  # stored by _store (or an undo): typing starts afresh
        self.guide_id = guide_id
        for widget in (self.title_edit, self.questions_edit, self.delete_button):
            widget.setEnabled(guide_id is not None)
        title, questions = "", []
        if guide_id is not None:
            with self.ctx.store.read() as s:
                guide = interviews.get_guide(s, guide_id)
                title, questions = guide.title, [q.text for q in guide.questions]
        with self.autosaves[0].loading(), self.autosaves[1].loading():
            self.title_edit.setText(title)
            self.questions_edit.setPlainText("\n".join(questions))
            self._space_questions()

    def _space_questions(self) -> None:
        """A gap after each question and a hanging indent, so that a long question wrapping
        onto a second line does not look like two questions. New lines inherit it."""
        block = QTextBlockFormat()
        block.setBottomMargin(6)
        block.setLeftMargin(18)
        block.setTextIndent(-18)
        cursor = QTextCursor(self.questions_edit.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block)

    def current_questions(self) -> list[str]:
        return [line for line in self.questions_edit.toPlainText().splitlines() if line.strip()]

    def _update_hints(self) -> None:
        questions = self.current_questions()
        self.count_label.setText(
            tr_n("{n} question", "{n} questions", len(questions)).format(n=len(questions))
        )
        hints = guide_hints(questions)
        self.hints.setText("\n".join(hints))
        self.hints.setVisible(bool(hints))

    def save_guide(self) -> None:
        """Store the shown guide's title and questions if they were edited (one undo step)."""
        self._store(self.guide_id)

    def _store(self, guide_id: int | None) -> None:
        if guide_id is None:
            return
        title, questions = self.title_edit.text(), self.current_questions()
        with self.ctx.store.read() as s:
            try:
                guide = interviews.get_guide(s, guide_id)
            except NotFound:  # deleted meanwhile (undo of its creation)
                return
            stored = (guide.title, [q.text for q in guide.questions])
        if (" ".join(title.split()), [" ".join(q.split()) for q in questions]) == stored:
            return
        self.ctx.push_update(
            tr("Modifier le guide d'entretien"),
            "interviews",
            interviews.update_guide,
            guide_id,
            title=title,
            questions=questions,
        )

    def new_guide(self) -> None:
        self.save_guide()
        workshop_id = self.ctx.workshop_id
        result = self.ctx.push(
            tr("Nouveau guide d'entretien"),
            area="interviews",
            do=lambda s: (
                interviews.create_guide(
                    s, workshop_id, "Nouveau guide", ["En quoi consiste votre métier ?"]
                ).id
            ),
            undo=lambda s, guide_id: interviews.delete_guide(s, guide_id),
        )
        if result is not None:
            self.guide_id = result
            self.refresh()
            self.title_edit.setFocus()
            self.title_edit.selectAll()

    def delete_guide(self) -> None:
        if self.guide_id is None:
            return
        guide_id = self.guide_id
        self.ctx.push(
            tr("Supprimer le guide d'entretien"),
            area="interviews",
            do=lambda s: interviews.delete_guide(s, guide_id),
            undo=lambda s, data: interviews.recreate_guide(s, data),
        )
