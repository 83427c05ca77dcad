"""What the room screen shows while this tool is active: the fishbowl or the current round,
whichever tab the facilitator has in front (RoomFocus). Reloads on change notifications."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kitcop_desktop.domain import roti
from kitcop_desktop.domain import speaking_round as rules
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import decimal, tr, tr_n
from kitcop_desktop.storage import rounds as round_ops
from kitcop_desktop.storage import rounds_phones
from kitcop_desktop.storage.models.fishbowl import SpeakingRound
from kitcop_desktop.storage.rounds import RoundData
from kitcop_desktop.tools.fishbowl.bowl_data import list_bowls, load_bowl
from kitcop_desktop.tools.fishbowl.clock import clock_of
from kitcop_desktop.tools.fishbowl.focus import room_focus
from kitcop_desktop.tools.fishbowl.room_bowl import (
    BODY,
    COUNTDOWN_FRACTION,
    BowlRoom,
    fit_sentences,
    french_spacing,
    room_label,
    text_height,
)
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown
from kitcop_desktop.ui.widgets.phone_corner import PhoneCorner
from kitcop_desktop.ui.widgets.room_text import FittedText, RoomPager, room_pager

# The speaker's name: large when it fits, never below the room's body size.
SPEAKER_FRACTIONS = (1 / 9, 1 / 12, 1 / 16, 1 / 20)


class RoundRoom(QWidget):
    """The round on the room screen: the prompt, who speaks (large), who is next, the time.
    While nobody has the floor, the words said (at the end) and the phones' answers shown
    (#19) fill the space left (`words`): at 1/20 of the height at least, never cut, in pages
    when sixty answers do not fit (« 1/3 ▸ »), turned with the clicker (`pager`, shared with
    the round panel's `handle_room_key`)."""

    def __init__(
        self, clock, parent: QWidget | None = None, pager: RoomPager | None = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.pager = pager or RoomPager()
        self._prompt = ""
        self.kicker = room_label(ROOM["accent"])
        self.prompt = room_label(ROOM["muted"])
        self.speaker = room_label()
        self.speaker.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.upcoming = room_label(ROOM["muted"])
        self.upcoming.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words = FittedText()
        self.words.set_fractions(BODY, 1 / 14)
        self.words.set_centered(True)
        self.words.pages_changed.connect(self.pager.set_count)
        self.pager.changed.connect(self._turn)
        self.words.hide()
        self.countdown = BigCountdown()
        self.countdown.set_room_style(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kicker)
        layout.addWidget(self.prompt)
        layout.addStretch(1)
        layout.addWidget(self.speaker)
        layout.addWidget(self.upcoming)
        layout.addWidget(self.words)
        layout.addStretch(1)
        layout.addWidget(self.countdown)

    def _turn(self) -> None:
        self.words.set_page(self.pager.page)

    def _show_words(self, items: list[str]) -> None:
        """The words said and shown, in the space left (none: the stretches centre the rest),
        each answer whole on a line where it fits, « · » ending a line, never starting one."""
        words = " · ".join(items)
        if words != self.words.text():
            self.pager.reset()
        self.words.set_items(items)
        self.words.setVisible(bool(words))
        self.upcoming.setVisible(not words)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        for index in (2, 6):  # the stretches around the speaker: the words take their room
            layout.setStretch(index, 0 if words else 1)
        layout.setStretch(5, 1 if words else 0)
        layout.activate()  # the words' room now, so that their pages are counted in it
        self.pager.set_count(self.words.page_count() if words else 1)
        self._turn()

    def show_round(self, data: RoundData | None, facts, phone_words: tuple = ()) -> None:
        """`phone_words`: the phones' answers the facilitator showed (#19), as
        (word, score) pairs; shown while nobody has the floor."""
        if data is None:
            self.kicker.setText(tr("Tour de parole"))
            self._prompt = ""
            self.speaker.setText("")
            self.upcoming.setText("")
            self._show_words([])
            self.countdown.set_countdown(None)
            self.countdown.hide()
            return
        entries = [rules.Entry(e.id, i, e.status) for i, e in enumerate(data.entries)]
        done, total = rules.progress(entries)
        title = data.title if data.title == data.kind_label else f"{data.kind_label} — {data.title}"
        position = done + (1 if data.current_entry_id is not None else 0)
        self.kicker.setText(
            tr("{title} · {position} sur {total}").format(
                title=title, position=position, total=total
            )
            if total
            else title  # answered from phones only (#19): nobody in the speaking order
        )
        current = next((e for e in data.entries if e.id == data.current_entry_id), None)
        # The phones' answers, once shown, take the prompt's room: it was read already.
        self._prompt = "" if phone_words and current is None else french_spacing(data.prompt)
        following_id = rules.next_speaker(entries, data.current_entry_id)
        following = next((e.name for e in data.entries if e.id == following_id), "")
        if current is not None:
            self.speaker.setText(current.name)
            self.upcoming.setText(
                f"Ensuite\u00a0: {following}" if following else tr("Dernière personne")
            )
            self._show_words([])
            self.countdown.set_countdown(rules.SpeakerCountdown.from_facts(facts, self.clock))
            self.countdown.show()
        else:
            finished = data.state == "finished"
            self.speaker.setText(tr("Merci à toutes et à tous\u00a0!") if finished else data.title)
            # At the end, the words said aloud come back together (never « rester impliqué·e »),
            # with the phones' once shown.
            said = [e.word for e in data.entries if e.word] if finished else []
            phoned = [word for word, _score in phone_words if word]
            scores = [score for _word, score in phone_words if score is not None]
            if scores:
                summary = roti.summarise(scores)
                self.speaker.setText(
                    tr_n(
                        "ROTI\u00a0: {average} sur 5 ({n} réponse)",
                        "ROTI\u00a0: {average} sur 5 ({n} réponses)",
                        len(scores),
                    ).format(average=decimal(summary.average or 0, 1), n=len(scores))
                )
                said = [f"{k}\u00a0: {n}" for k, n in summary.counts.items()] + said
            words = said + phoned
            if not finished and not phone_words:
                self.upcoming.setText(f"On commence par\u00a0: {following}" if following else "")
                words = []
            else:
                self.upcoming.setText("")
            self._show_words(words)
            self.countdown.set_countdown(None)
            self.countdown.hide()
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        """Sizes from the screen height; what does not fit gives way in this order: the
        speaker's name steps down from 1/9 to 1/20 of the height, then the prompt's paragraphs
        close up (no blank line between them), and only a prompt longer than any of the kit's
        keeps its first whole sentences. The countdown keeps its quarter of the screen."""
        h = max(240, self.window().height())
        # A wide, short projector (1280×720) keeps its lines for the prompt, not its margins.
        margin = max(8, min(self.width() // 30, h // 40))
        layout = self.layout()
        if layout is None:
            return  # not built yet (set in __init__)
        layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        layout.setSpacing(max(2, h // 128))  # 6 px at 768: a small window scales too
        width = max(50, self.width() - 2 * margin)
        for label, bold in ((self.kicker, True), (self.prompt, False), (self.upcoming, False)):
            label.setFont(theme.room_font(h, BODY, bold=bold))
        self.countdown.setFixedHeight(int(h * COUNTDOWN_FRACTION))
        metrics = QFontMetrics(self.prompt.font())
        body = metrics.height()
        upcoming = max(body, text_height(self.upcoming.text(), metrics, width))
        room = self.height() - margin - 6 * layout.spacing() - body - upcoming
        if self.countdown.isVisibleTo(self):
            room -= self.countdown.height()
        if self.words.isVisibleTo(self):  # the words keep three lines at least
            room -= 3 * body
        name = self.speaker.text()
        prompts = [self._prompt, compact_paragraphs(self._prompt)]
        choice = None
        for prompt in prompts:
            for fraction in SPEAKER_FRACTIONS:
                font = theme.room_font(h, fraction, bold=True)
                needed = text_height(name, QFontMetrics(font), width)
                if needed + text_height(prompt, metrics, width) <= room:
                    choice = (prompt, font, needed)
                    break
            if choice is not None:
                break
        if choice is None:  # longer than any of the kit's prompts: whole sentences, then « … »
            font = theme.room_font(h, SPEAKER_FRACTIONS[-1], bold=True)
            needed = text_height(name, QFontMetrics(font), width)
            choice = (fit_sentences(prompts[-1], metrics, width, room - needed), font, needed)
        prompt, font, _needed = choice
        self.speaker.setFont(font)
        self.prompt.setText(prompt)


def compact_paragraphs(text: str) -> str:
    """The same words with one line break between paragraphs instead of a blank line."""
    return "\n".join(line for line in text.split("\n") if line.strip())


class FishbowlRoomView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.focus = room_focus(ctx)
        clock = clock_of(ctx)
        self.setAutoFillBackground(True)
        theme.style(self, theme.ROOM_PANEL)
        self.bowl = BowlRoom(clock)
        self.round = RoundRoom(clock, pager=room_pager(ctx, "rounds"))
        self.stack = QStackedWidget()
        # The round and, while it is open to phones, their QR code beside it (#19).
        focus = self.focus
        self.round_page = QWidget()
        beside = QHBoxLayout(self.round_page)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(self.round, 1)
        self.phone_corner = PhoneCorner(ctx, "rounds", lambda: focus.round_id)
        beside.addWidget(self.phone_corner)
        self.stack.addWidget(self.bowl)
        self.stack.addWidget(self.round_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.focus.changed.connect(self.reload)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in ("fishbowl", "rounds", "participants"):
            self.reload()

    def reload(self) -> None:
        if self.focus.tab == "rounds":
            self.stack.setCurrentWidget(self.round_page)
            data, facts = None, None
            phoned: tuple[tuple[str, int | None], ...] = ()
            if self.focus.round_id is not None:
                with self.ctx.store.read() as s:
                    rnd = s.get(SpeakingRound, self.focus.round_id)
                    if rnd is not None:
                        data = round_ops.round_data(s, rnd.id)
                        facts = round_ops.speaker_facts(rnd)
                        phoned = tuple(
                            (w.word, w.score) for w in rounds_phones.shown_words(s, rnd.id)
                        )
            self.phone_corner.refresh()
            self.round.show_round(data, facts, phoned)
        else:
            self.stack.setCurrentWidget(self.bowl)
            bowl_id = self.focus.fishbowl_id
            if bowl_id is None:
                bowls = list_bowls(self.ctx.store, self.ctx.workshop_id)
                bowl_id = bowls[-1][0] if bowls else None
            bowl = load_bowl(self.ctx.store, bowl_id) if bowl_id else None
            # The pager knows how many pages fit: keep the shared page within them.
            self.focus.notes_page = self.bowl.show_bowl(bowl, self.focus.notes_page)
