"""The fishbowl on the room screen: the question, the circle of centre chairs, the countdown.

Statistics appear only when the facilitator ticks « Temps de parole à l'écran »; the
note-taker's notes only once revealed for the « partage des enjeux », and only those revealed
(BowlData.shared_notes); the facilitator's own note never. Sizes come from the screen height.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.domain.countdown import Countdown
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.tools.fishbowl.bowl_data import BowlData
from kitcop_desktop.tools.fishbowl.room_circle import CircleView
from kitcop_desktop.tools.fishbowl.room_notes import NotesPager
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown

BODY = 1 / 20
# With its stage label above, the digits reach a quarter of the screen height.
COUNTDOWN_FRACTION = 0.38
# Lines of speaking time that fit under the title at 1/20 of the height.
MAX_STATS_LINES = 12


def room_label(colour: str = ROOM["text"], *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    theme.style(label, theme.room_words(colour))
    return label


def french_spacing(text: str) -> str:
    """No-break spaces before ? ! : ; so a lone « ? » never wraps onto its own line."""
    for mark in "?!:;":
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text


def text_height(text: str, metrics: QFontMetrics, width: int) -> int:
    """Height of `text` wrapped at `width` with these metrics."""
    flags = int(Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), flags, text).height()


def fit_sentences(text: str, metrics: QFontMetrics, width: int, room: int) -> str:
    """The whole text when it fits in `room` pixels; else as many whole sentences as fit,
    then « … » (never a line cut in half, never a font below the room's body size)."""
    if text_height(text, metrics, width) <= room:
        return text
    sentences = re.findall(r"[^.?!…]+[.?!…]*\s*", text)
    for count in range(len(sentences) - 1, 0, -1):
        candidate = "".join(sentences[:count]).strip() + tr(" …")
        if text_height(candidate, metrics, width) <= room:
            return candidate
    return sentences[0].strip() if sentences else text


class StatsBoard(QLabel):
    """Speaking time per person, when the facilitator chooses to show it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style(self, theme.ROOM_FLOATING_TEXT)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def show_stats(self, stats: rules.FishbowlStats) -> None:
        spoke = [p for p in stats.people if p.turns]
        shown = spoke if len(spoke) <= MAX_STATS_LINES else spoke[: MAX_STATS_LINES - 1]
        lines = [
            f"{p.name} — {rules.speaking_clock(p.seconds)} ({rules.percent(p.share)})"
            for p in shown
        ]
        if len(spoke) > len(shown):
            others = len(spoke) - len(shown)
            lines.append(tr_n("… et {n} autre", "… et {n} autres", others).format(n=others))
        if stats.silent:
            silent = len(stats.silent)
            lines.append(
                tr_n(
                    "Pas encore parlé : {n} personne", "Pas encore parlé : {n} personnes", silent
                ).format(n=silent)
            )
        self.setText(french_spacing("\n".join(lines)) or tr("Personne n'a encore parlé."))


class BowlRoom(QWidget):
    def __init__(self, clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._question = ""
        self._shared_ids: set[int] = set()
        self.kicker = room_label(ROOM["accent"])
        self.question = room_label()
        self.circle = CircleView()
        self.notes = NotesPager()
        self.stats = StatsBoard()
        self.ended = room_label(ROOM["text"])
        self.ended.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ended.setText(tr("Le bocal est terminé.\nMerci pour vos contributions\u00a0!"))
        self.middle = QStackedWidget()
        for widget in (self.circle, self.notes, self.stats, self.ended):
            self.middle.addWidget(widget)
        self.countdown = BigCountdown()
        self.countdown.set_room_style(True)
        layout = self._layout = QVBoxLayout(self)  # margins and spacing follow the height
        layout.addWidget(self.kicker)
        layout.addWidget(self.question)
        layout.addWidget(self.middle, 1)
        layout.addWidget(self.countdown)

    def show_bowl(self, data: BowlData | None, notes_page: int = 0) -> int:
        """Show the fishbowl; returns the notes page actually shown (clamped)."""
        if data is None:
            self.kicker.setText(tr("Bocal à poisson"))
            self._question = ""
            self.question.setText("")
            self.circle.show_centre(4, {}, None)
            self.middle.setCurrentWidget(self.circle)
            self.countdown.set_countdown(None)
            self.countdown.hide()
            return 0
        centre = data.centre
        names = {chair: data.name(who) for chair, who in centre.seated.items()}
        speaking = centre.chair_of(centre.speaker) if centre.speaker is not None else None
        self.circle.show_centre(data.chairs, names, speaking)
        self._question = french_spacing(data.question)
        shared = data.shared_notes
        # A note revealed on its own is shown at once; revealing all starts at the first page.
        fresh = [n.id for n in shared if n.id not in self._shared_ids]
        self._shared_ids = {n.id for n in shared}
        focus = fresh[-1] if fresh and len(fresh) < len(shared) else None
        if shared:
            self.kicker.setText(tr("{title} — partage des enjeux").format(title=data.title))
            notes_page = self.notes.show_notes(
                shared, 0 if len(fresh) == len(shared) else notes_page, focus
            )
            self.middle.setCurrentWidget(self.notes)
        elif data.stats_shown:
            self.kicker.setText(tr("{title} — temps de parole").format(title=data.title))
            self.stats.show_stats(data.stats(self.clock.wall()))
            self.middle.setCurrentWidget(self.stats)
        else:
            self.kicker.setText(data.title)
            finished = data.state == "finished"
            self.middle.setCurrentWidget(self.ended if finished else self.circle)
        # Around the circle, the question needs every line it can get; the title is on the
        # facilitator's side anyway.
        self.kicker.setVisible(
            data.notes_revealed or data.stats_shown or not data.question or data.state == "finished"
        )
        # The partage des enjeux needs the whole screen; the question and time step aside.
        self.question.setVisible(not data.notes_revealed and not data.stats_shown)
        show_time = data.state != "finished" and not data.notes_revealed and not data.stats_shown
        self.countdown.setVisible(show_time)
        self.countdown.set_countdown(
            Countdown.from_facts(data.timebox, self.clock) if show_time else None
        )
        self._fit()
        return notes_page

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        h = max(240, self.window().height())
        margin = max(8, min(self.width() // 30, h // 24))
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(max(2, h // 128))  # 6 px at 768: a small window scales too
        self.kicker.setFont(theme.room_font(h, BODY, bold=True))
        self.question.setFont(theme.room_font(h, BODY))
        self.stats.setFont(theme.room_font(h, BODY))
        self.ended.setFont(theme.room_font(h, 1 / 12, bold=True))
        self.countdown.setFixedHeight(int(h * COUNTDOWN_FRACTION))
        self._fit_question(h, margin)

    def _fit_question(self, h: int, margin: int) -> None:
        """The whole question when it fits above the circle and the countdown; else as many
        whole sentences as fit, then « … » (never a line cut in half, never a smaller font)."""
        text = self._question
        if not text or self.middle.currentWidget() is not self.circle:
            self.question.setText(text)
            return
        metrics = QFontMetrics(self.question.font())
        width = max(50, self.width() - 2 * margin)
        line = metrics.height()
        # Two rows of pills one name high (a third of a line above and below it), 8 px
        # apart: the kit's question (five sentences) stays whole at 1024×768.
        circle_min = 2 * (line + line // 3) + 3 * 8
        used = margin + (self.countdown.height() if self.countdown.isVisibleTo(self) else 0)
        if self.kicker.isVisibleTo(self):
            used += QFontMetrics(self.kicker.font()).height()
        room = self.height() - used - circle_min - 3 * self._layout.spacing()

        self.question.setText(fit_sentences(text, metrics, width, room))
