"""The kit's restitution model for one interview, prefilled from the marked passages.

Four parts, laid out as in the kit: engagement écologique, actions emploi/compétences,
difficultés, leviers et points positifs. Typing is stored as typed (ui/autosave.py), one undo
step per burst; « Préremplir » is one undo step and fills only the parts still empty.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.storage import interviews
from kitcop_desktop.ui.autosave import Autosave

PARTS = (
    ("report_engagement", tr_later("Caractéristiques de l'engagement écologique de l'entreprise")),
    ("report_actions", tr_later("Les actions de l'entreprise sur le volet emploi / compétences")),
    ("report_difficulties", tr_later("Les difficultés sur l'aspect emploi / compétences")),
    ("report_levers", tr_later("Les leviers et points positifs sur le volet emploi / compétences")),
)


class ReportView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id: int | None = None
        self.title = QLabel()
        self.title.setObjectName("PageTitle")
        self.profile = QLabel()
        self.profile.setObjectName("PageSubtitle")
        self.profile.setWordWrap(True)
        self.title.setWordWrap(True)
        self.prefill_button = QPushButton(tr("Préremplir"))
        self.prefill_button.setToolTip(
            tr("Remplit, depuis les passages marqués, les parties encore vides seulement.")
        )
        self.prefill_button.clicked.connect(self.prefill)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.prefill_button)
        grid = QGridLayout()
        self.parts: dict[str, QPlainTextEdit] = {}
        self.autosaves: dict[str, Autosave] = {}
        for index, (field, label) in enumerate(PARTS):
            heading = QLabel(tr("<b>{label}</b>").format(label=tr(label)))
            heading.setWordWrap(True)
            edit = QPlainTextEdit()
            edit.setPlaceholderText(tr("À compléter…"))
            self.autosaves[field] = Autosave(edit, partial(self._save, field))
            self.parts[field] = edit
            row, col = divmod(index, 2)
            grid.addWidget(heading, row * 2, col)
            grid.addWidget(edit, row * 2 + 1, col)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.profile)
        layout.addLayout(grid, 1)
        ctx.hub.changed.connect(self._on_changed)

    def load(self, interview_id: int | None) -> None:
        if interview_id != self.interview_id:
            self.flush()
        self.interview_id = interview_id
        self.setEnabled(interview_id is not None)
        if interview_id is None:
            self.title.setText(tr("Aucun entretien choisi"))
            return
        with self.ctx.store.read() as s:
            iv = interviews.get(s, interview_id)
            texts = {field: getattr(iv, field) for field, _ in PARTS}
            self.title.setText(tr("Restitution — {pseudonym}").format(pseudonym=iv.pseudonym))
            profile = " · ".join(x for x in (iv.profession, iv.sector, iv.territory) if x)
        self.profile.setText(f"Profession : {profile}" if profile else "")
        for field, autosave in self.autosaves.items():
            autosave.show(texts[field])

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area == "interviews" and workshop_id == self.ctx.workshop_id and self.interview_id:
            try:
                self.load(self.interview_id)
            except Exception:  # erased meanwhile
                self.interview_id = None

    def _save(self, field: str) -> None:
        interview_id, text = self.interview_id, self.parts[field].toPlainText()
        if interview_id is None:
            return
        label = tr(dict(PARTS)[field])
        self.ctx.push(
            tr("Écrire la restitution : {what}").format(what=label[0].lower() + label[1:]),
            area="interviews",
            do=lambda s: interviews.save_report(s, interview_id, field, text),
            undo=lambda s, previous: interviews.save_report(s, interview_id, field, previous),
        )

    def prefill(self) -> None:
        if self.interview_id is None:
            return
        self.flush()
        interview_id = self.interview_id
        result = self.ctx.push(
            tr("Préremplir la restitution"),
            area="interviews",
            do=lambda s: interviews.prefill_report(s, interview_id),
            undo=lambda s, previous: interviews.restore_report(s, interview_id, previous),
        )
        if result is not None:
            filled = len(result) if isinstance(result, dict) else 0
            self.ctx.show_message(
                tr_n("{n} partie préremplie.", "{n} parties préremplies.", filled).format(n=filled)
                if filled
                else tr(
                    "Rien à préremplir : les parties sont déjà écrites ou aucun passage n'est marqué."
                )
            )

    def flush(self) -> None:
        for autosave in self.autosaves.values():
            autosave.flush()
