"""The interviews tool in the control window: interviews, campaign, guides.

Left, the interviews by pseudonym; right, the chosen one's card, notes and restitution.
Ctrl+N starts a new interview, dated today, with the chosen guide (the last one chosen in this
workshop, kept across restarts); Ctrl+F filters the list. Erasing an interviewee is the one
action that cannot be undone: it is confirmed once, naming what goes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import interviews
from kitcop_desktop.storage.interviews_campaign import cards_from
from kitcop_desktop.tools.interviews.campaign_view import CampaignView
from kitcop_desktop.tools.interviews.guides_view import GuidesView
from kitcop_desktop.tools.interviews.interview_form import InterviewForm
from kitcop_desktop.tools.interviews.note_taking import NoteTaking
from kitcop_desktop.tools.interviews.report_view import ReportView
from kitcop_desktop.ui import narrow_text
from kitcop_desktop.ui.drafts import draft_prefix
from kitcop_desktop.ui.widgets.row_list import Row, RowList

NO_GUIDE = -1


class InterviewsEditor(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id: int | None = None
        with ctx.store.write() as s:  # the kit's guides are always there to start from
            interviews.ensure_builtin_guides(s, ctx.workshop_id)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filtrer (profession, secteur, territoire…)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.interview_list = RowList()
        self.interview_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.interview_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.interview_list.current_moved.connect(self._show)
        self.guide_combo = QComboBox()
        narrow_text.shortens_long_entries(self.guide_combo)
        self.guide_combo.setToolTip(tr("Guide utilisé pour les nouveaux entretiens"))
        self.guide_combo.activated.connect(self._guide_chosen)
        new_button = QPushButton(tr("Nouvel entretien"))
        new_button.setToolTip(tr("Nouvel entretien avec le guide choisi (Ctrl+N)"))
        new_button.setObjectName("Primary")
        new_button.clicked.connect(self.new_item)
        self.erase_button = QPushButton(tr("Effacer définitivement…"))
        self.erase_button.setObjectName("Danger")
        self.erase_button.setToolTip(tr("Efface l'entretien et tout ce qui en vient, sans retour."))
        self.erase_button.clicked.connect(self.erase_current)
        self.left = left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        # At least the kit guide « Métiers, formation et transition » whole, and never less
        # than what its words need (a longer language).
        left_layout.addSpacerItem(QSpacerItem(240, 0, QSizePolicy.Policy.Fixed))
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.interview_list, 1)
        guide_label = QLabel(tr("Guide des nouveaux entretiens :"))
        guide_label.setWordWrap(True)
        left_layout.addWidget(guide_label)
        left_layout.addWidget(self.guide_combo)
        left_layout.addWidget(new_button)
        left_layout.addWidget(self.erase_button)

        self.form = InterviewForm(ctx)
        self.notes = NoteTaking(ctx)
        self.report = ReportView(ctx)
        self.pages = QTabWidget()
        self.pages.addTab(self.form, tr("Fiche"))
        self.pages.addTab(self.notes, tr("Prise de notes"))
        self.pages.addTab(self.report, tr("Restitution"))
        self.pages.currentChanged.connect(self._page_changed)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 900])

        self.campaign = CampaignView(ctx)
        self.guides = GuidesView(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, tr("Entretiens"))
        self.tabs.addTab(self.campaign, tr("Campagne"))
        self.tabs.addTab(self.guides, tr("Guides"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    # --- list --------------------------------------------------------------------------------
    def refresh(self) -> None:
        with self.ctx.store.read() as s:
            rows = interviews.list_interviews(s, self.ctx.workshop_id)
            guides = [(g.id, g.title) for g in interviews.list_guides(s, self.ctx.workshop_id)]
        chosen = self.guide_combo.currentData()
        if chosen is None:  # first fill: the guide chosen last time in this workshop
            chosen = self._last_guide(rows)
        self.guide_combo.blockSignals(True)
        self.guide_combo.clear()
        for guide_id, title in guides:
            self.guide_combo.addItem(title, guide_id)
        self.guide_combo.addItem(tr("Sans guide (notes libres)"), NO_GUIDE)
        index = self.guide_combo.findData(chosen)
        self.guide_combo.setCurrentIndex(max(0, index))
        self.guide_combo.blockSignals(False)

        keep = self.interview_id
        self.interview_list.blockSignals(True)
        self.interview_list.set_rows([self._row(row) for row in rows])
        self.interview_list.blockSignals(False)
        if not self.interview_list.select_key(keep) and rows:
            self.interview_list.setCurrentRow(0)
        self._show(self.interview_list.current_key())
        self._apply_filter(self.filter.text())

    @staticmethod
    def _row(row) -> Row:
        when = row.date.strftime("%d/%m/%Y") if row.date else "sans date"
        state = "✓ " if row.done else "○ "
        return Row(
            f"{state}{row.pseudonym} · {when}\n{row.profession or '—'}",
            key=row.id,
            search=" ".join(
                [row.pseudonym, row.profession, row.structure, row.sector, row.territory]
            ).casefold(),
            tooltip=f"{row.pseudonym} — {row.profession or tr('profession non renseignée')}\n"
            + (tr("Réalisé") if row.done else tr("À réaliser ou en cours")),
        )

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        model = self.interview_list.rows_model
        for number, row in enumerate(model.rows()):
            self.interview_list.setRowHidden(number, bool(needle) and needle not in row.search)

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area == "interviews" and workshop_id == self.ctx.workshop_id:
            self.refresh()

    def _show(self, interview_id: int | None) -> None:
        if interview_id == self.interview_id and interview_id is not None:
            return
        self.flush()
        self.interview_id = interview_id
        self.erase_button.setEnabled(interview_id is not None)
        self.form.load(interview_id)
        self.notes.load(interview_id)
        self.report.load(interview_id)

    def _page_changed(self, _index: int) -> None:
        self.flush()
        # Taking notes wants the whole width: the list comes back on the other pages.
        self.left.setVisible(self.pages.currentWidget() is not self.notes)
        if self.pages.currentWidget() is self.notes:
            self.notes.go_to(max(0, self.notes.current_index))

    def flush(self) -> None:
        """Write any notes still waiting for their autosave."""
        self.notes.flush()
        self.report.flush()

    # --- the guide of new interviews ----------------------------------------------------------
    def _guide_key(self) -> str:
        return draft_prefix(self.ctx.store, self.ctx.workshop_id) + "/interview_guide"

    def _guide_chosen(self, _index: int) -> None:
        settings = self.ctx.settings
        if settings is not None:
            settings.setValue(self._guide_key(), int(self.guide_combo.currentData()))
            settings.sync()

    def _last_guide(self, rows) -> int | None:
        """The guide chosen last time (settings), else the newest interview's guide."""
        settings = self.ctx.settings
        if settings is not None and settings.contains(self._guide_key()):
            return settings.value(self._guide_key(), type=int)
        if not rows:
            return None
        newest = max(rows, key=lambda row: row.id)
        with self.ctx.store.read() as s:
            guide_id = interviews.get(s, newest.id).guide_id
        return NO_GUIDE if guide_id is None else guide_id

    # --- shell hooks ----------------------------------------------------------------------------
    def new_item(self) -> None:
        """Ctrl+N: a new interview with the chosen guide, its card ready to fill."""
        workshop_id = self.ctx.workshop_id
        guide_id = self.guide_combo.currentData()
        guide_id = None if guide_id in (None, NO_GUIDE) else guide_id
        today = date.today()  # the interview is usually typed the day it is held
        # Undo takes the interview out with a snapshot of all that was typed since (typing
        # is not an undo step), and redo puts it back: undoing never loses notes.
        held: dict = {}

        def do(s):
            held["id"] = interviews.create_interview(s, workshop_id, guide_id, date=today).id
            return held

        def undo(s, _held):
            held["snapshot"] = interviews.remove_interview(s, held["id"])

        def redo(s, _held):
            interviews.restore_interview(s, held["snapshot"])

        result = self.ctx.push(
            tr("Nouvel entretien"), area="interviews", do=do, undo=undo, redo=redo
        )
        if result is not None:
            self.tabs.setCurrentIndex(0)
            self.focus_item(held["id"])
            self.pages.setCurrentWidget(self.form)
            self.form.focus_first()

    def search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter.setFocus()
        self.filter.selectAll()

    def focus_item(self, ref_id: int) -> None:
        if self.interview_list.rows_model.row_of(ref_id) is not None:
            self.tabs.setCurrentIndex(0)
            self.interview_list.select_key(ref_id)

    # --- kept while the page is let go (ui/workshop_view.release_hidden) -------------------------
    def view_state(self) -> str:
        """« tab:interview:page:question »: the tab, the interview, its page (fiche, notes,
        restitution) and the question being asked, which the room shows."""
        question = self.notes.current_index if self.interview_id is not None else 0
        return (
            f"{self.tabs.currentIndex()}:{self.interview_id or 0}:"
            f"{self.pages.currentIndex()}:{question}"
        )

    def restore_view(self, view: str) -> None:
        """Back where `view_state` was (an interview erased meanwhile: the list as it is)."""
        try:
            tab, interview_id, page, question = (int(part) for part in view.split(":"))
        except ValueError:
            return
        if interview_id and interview_id != self.interview_id:
            self.focus_item(interview_id)
        self.tabs.setCurrentIndex(tab)
        if interview_id and interview_id == self.interview_id:
            self.pages.setCurrentIndex(page)
            if question != self.notes.current_index:
                self.notes.go_to(question)

    # --- where the typing was (ui/resume.py) ---------------------------------------------------
    def field_spot(self, widget) -> tuple[int, str] | None:
        """The interview and the field `widget` is: « answer:<id> », « free », « report:<part> »
        or « form:<field> »; None for anything else."""
        if self.interview_id is None:
            return None
        notes = self.notes
        if widget in notes.editors:
            index = notes.editors.index(widget)
            name = f"answer:{notes.questions[index][0]}" if index < len(notes.questions) else "free"
        elif widget in self.report.parts.values():
            name = "report:" + next(f for f, e in self.report.parts.items() if e is widget)
        elif widget in self.form.lines.values():
            name = "form:" + next(f for f, e in self.form.lines.items() if e is widget)
        else:
            return None
        return self.interview_id, name

    def restore_field(self, item: int, name: str):
        """Open that interview on that field; returns the field (None when it is gone)."""
        self.focus_item(item)
        if self.interview_id != item:
            return None
        kind, _, key = name.partition(":")
        if kind == "report" and key in self.report.parts:
            self.pages.setCurrentWidget(self.report)
            return self.report.parts[key]
        if kind == "form" and key in self.form.lines:
            self.pages.setCurrentWidget(self.form)
            return self.form.lines[key]
        answers = [str(answer_id) for answer_id, _text in self.notes.questions]
        if kind == "free" or key in answers:
            self.pages.setCurrentWidget(self.notes)
            index = answers.index(key) if kind == "answer" else len(answers)
            self.notes.go_to(index)
            return self.notes.editors[index]
        return None

    def print_part(self) -> str:
        """Ctrl+P preselects the interviews part (restitutions, pseudonymised)."""
        return "interviews"

    def activated(self) -> None:
        self.refresh()

    def deactivated(self) -> None:
        self.flush()

    def handle_room_key(self, event) -> bool:
        """Clicker keys step through the questions while notes are shown."""
        if self.tabs.currentIndex() != 0 or self.pages.currentWidget() is not self.notes:
            return False
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            self.notes.next_question()
            return True
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            self.notes.previous_question()
            return True
        return False

    def hideEvent(self, event) -> None:  # noqa: N802
        self.flush()  # leaving the page never loses typing
        super().hideEvent(event)

    # --- erasing for good -------------------------------------------------------------------------
    def erase_summary(self, interview_id: int) -> str:
        """The sentence that names exactly what erasing will remove."""
        with self.ctx.store.read() as s:
            iv = interviews.get(s, interview_id)
            answers = sum(1 for a in iv.answers if a.notes.strip())
            marks = len(iv.marks)
            has_name = bool(interviews.real_name(s, interview_id))
            cards = cards_from(s, interview_id)
            pseudonym = iv.pseudonym
        parts = [
            tr_n(
                "sa fiche, ses notes ({n} réponse et notes libres)",
                "sa fiche, ses notes ({n} réponses et notes libres)",
                answers,
            ).format(n=answers)
        ]
        parts.append(tr_n("{n} passage marqué", "{n} passages marqués", marks).format(n=marks))
        parts.append(tr("sa restitution"))
        if has_name:
            parts.append(tr("son nom réel"))
        if cards:
            parts.append(tr("{cards} post-it sur les tableaux").format(cards=cards))
        return tr(
            "Effacer définitivement « {pseudonym} » : {parts} ? Cela ne pourra pas être annulé, et l'historique d'annulation sera vidé."
        ).format(pseudonym=pseudonym, parts=", ".join(parts))

    def erase_current(self, *, confirm: bool = True) -> bool:
        if self.interview_id is None:
            return False
        interview_id = self.interview_id
        if confirm:
            answer = QMessageBox.question(
                self,
                tr("Effacer un entretien"),
                self.erase_summary(interview_id),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.notes.flush()
        self.report.flush()
        with self.ctx.store.write() as s:
            pseudonym = interviews.erase_interviewee(s, interview_id)
        self.ctx.store.checkpoint()  # no copy left in the WAL either
        # Undo steps may hold what was erased (a name, notes): drop them all.
        self.ctx.undo_stack.clear()
        self.interview_id = None
        self.ctx.hub.notify(
            "boards", self.ctx.workshop_id, tr("{pseudonym} effacé·e").format(pseudonym=pseudonym)
        )
        self.ctx.hub.notify(
            "interviews",
            self.ctx.workshop_id,
            tr("{pseudonym} effacé·e").format(pseudonym=pseudonym),
        )
        self.ctx.show_message(
            tr("{pseudonym} et ses données ont été effacés définitivement.").format(
                pseudonym=pseudonym
            )
        )
        return True
