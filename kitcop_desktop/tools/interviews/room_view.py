"""The room screen while the interviews tool is active: the question being asked, large.

Never a name, never a note: only the guide's question and its number (useful when a guide is
discussed with the group, or an interview is held with a screen). Sizes come from the height.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.interviews.room_focus import room_focus
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.theme import room_font


def french_spacing(text: str) -> str:
    """Non-breaking spaces before ? ! : ; so a lone « ? » never wraps onto its own line."""
    for mark in "?!:;":
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text


class InterviewsRoomView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAutoFillBackground(True)
        theme.style(self, theme.ROOM_PANEL)
        self.heading = QLabel()
        self.position = QLabel()
        self.question = QLabel()
        self.question.setWordWrap(True)
        for label, colour in (
            (self.heading, ROOM["muted"]),
            (self.position, ROOM["accent"]),
            (self.question, ROOM["text"]),
        ):
            theme.style(label, theme.room_words(colour))
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.question.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addWidget(self.heading)
        layout.addWidget(self.position)
        layout.addWidget(self.question, 1)
        focus = room_focus(ctx)
        focus.changed.connect(self.show_question)
        if focus.state[2]:
            self.show_question(*focus.state)
        else:
            self._show_first_guide()

    def _show_first_guide(self) -> None:
        with self.ctx.store.read() as s:
            guides = interviews.list_guides(s, self.ctx.workshop_id)
            first = (guides[0].title, [q.text for q in guides[0].questions]) if guides else None
        if first and first[1]:
            self.show_question(first[0], 0, len(first[1]), first[1][0])
        else:
            self.show_question("", 0, 0, "")

    def show_question(self, guide_title: str, index: int, count: int, text: str) -> None:
        self.heading.setText(
            tr("Entretien — {title}").format(title=guide_title) if guide_title else tr("Entretien")
        )
        if count == 0:
            self.position.setText("")
            self.question.setText(tr("Enquête de terrain"))
        elif index >= count:
            self.position.setText(tr("Pour finir"))
            self.question.setText(
                french_spacing(tr("Temps de parole libre : avez-vous quelque chose à ajouter ?"))
            )
        else:
            self.position.setText(tr("Question {n} sur {count}").format(n=index + 1, count=count))
            self.question.setText(french_spacing(text))
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        height = max(1, self.height())
        margin = height // 16
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self.heading.setFont(room_font(height, 1 / 20))
        self.position.setFont(room_font(height, 1 / 16, bold=True))
        # Long questions (the kit has a 40-word one) shrink, never below body size.
        length = len(self.question.text())
        fraction = 1 / 11 if length < 90 else 1 / 14 if length < 180 else 1 / 20
        self.question.setFont(room_font(height, fraction, bold=True))
