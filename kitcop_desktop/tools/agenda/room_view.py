"""What the room sees of the déroulé: the programme, the current séquence, the break, the end.

Sizes come from the room's height (body ≥ 1/20, countdown ≥ 1/4). Colours are the ROOM ones.
The room never sees intentions, materials or notes pour l'animateur·rice: only titles,
consignes and time. Text is never cut: what does not fit at 1/20 is paged (« 1/2 »), and the
clicker turns the pages (AgendaLive.forward) before moving to the next séquence.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kitcop_desktop.domain import schedule as sched
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import agenda
from kitcop_desktop.tools.agenda.live import live_for
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown
from kitcop_desktop.ui.widgets.room_text import (
    FittedText,
    french_spacing,
    room_text_font,
    wrap_lines,
)

BODY = 1 / 20
# The séquence's countdown: its digits reach past a quarter of the height in every stage; it
# gives up some room (never below a quarter) when the consignes would otherwise need a page
# more, unless a caption (« Puis changez de table ») shares its height.
COUNTDOWN_SHARE = 0.42
COUNTDOWN_SHARE_TIGHT = 0.34
# The séquence title: 1/16 to 1/10 of the height, on as many lines as it needs (up to 30 %).
TITLE_FRACTIONS = (1 / 16, 1 / 10)
TITLE_SHARE = (0.10, 0.30)


def _label(colour: str, *, bold: bool = False) -> QLabel:
    label = QLabel()
    theme.style(label, theme.room_words(colour))
    label.setWordWrap(True)
    label.setProperty("bold", bold)
    return label


class AgendaRoomView(QWidget):
    """The agenda's room view; follows the live run."""

    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.live = live_for(ctx)
        self.setObjectName("AgendaRoom")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        theme.style(self, theme.room_backdrop("AgendaRoom"))
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        # The programme (before the run): titles and times.
        self.programme = QWidget()
        prog = QVBoxLayout(self.programme)
        self.programme_title = _label(ROOM["accent"], bold=True)
        self.programme_title.setText(tr("Programme"))
        self.programme_body = FittedText()
        self.programme_body.set_colour(ROOM["text"])
        prog.addWidget(self.programme_title)
        prog.addWidget(self.programme_body, 1)
        self.pages.addWidget(self.programme)

        # A séquence running: its title, consignes and the big countdown.
        self.sequence_page = QWidget()
        seq = QVBoxLayout(self.sequence_page)
        top = QHBoxLayout()
        self.counter = _label(ROOM["muted"])
        self.title = FittedText(bold=True)
        self.title.set_colour(ROOM["text"])
        top.addWidget(self.title, 1)
        top.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.instructions = FittedText()
        self.instructions.set_colour(ROOM["text"])
        self.countdown = BigCountdown()
        self.countdown.set_room_style(True)
        seq.addLayout(top, 0)
        seq.addWidget(self.instructions, 1)
        seq.addWidget(self.countdown, 0)
        self.pages.addWidget(self.sequence_page)

        # The break screen: « Pause — reprise à 10 h 15 ».
        self.break_page = QWidget()
        brk = QVBoxLayout(self.break_page)
        self.break_title = FittedText(bold=True)
        self.break_title.set_colour(ROOM["accent"])
        self.break_title.set_centered(True)
        self.break_countdown = BigCountdown()
        self.break_countdown.set_room_style(True)
        brk.addWidget(self.break_title, 30)
        brk.addWidget(self.break_countdown, 70)
        self.pages.addWidget(self.break_page)

        # The end.
        self.end_page = QWidget()
        end = QVBoxLayout(self.end_page)
        self.end_text = FittedText(bold=True)
        self.end_text.set_colour(ROOM["text"])
        self.end_text.set_centered(True)
        self.end_text.set_text(tr("Merci à\u00a0toutes et à\u00a0tous !"))  # never « à » alone
        end.addWidget(self.end_text)
        self.pages.addWidget(self.end_page)

        self._kind = ""
        self.live.changed.connect(self.reload)
        self.live.second.connect(self._on_second)
        self.live.page_changed.connect(self._on_page)
        self.programme_body.pages_changed.connect(self._report_pages)
        self.instructions.pages_changed.connect(self._report_pages)
        ctx.hub.changed.connect(self._on_changed)
        # A view deleted while shown must not keep asking for pages.
        key, live = id(self), self.live
        self.destroyed.connect(lambda *_: live.report_pages(key, 0))
        self.reload()

    # --- pages -----------------------------------------------------------------------------
    def paged_text(self) -> FittedText | None:
        """The text the clicker pages through on the page shown (None: nothing to page)."""
        page = self.pages.currentWidget()
        if page is self.programme:
            return self.programme_body
        if page is self.sequence_page:
            return self.instructions
        return None

    def _report_pages(self, *_args) -> None:
        paged = self.paged_text()
        count = paged.page_count() if paged is not None else 1
        self.live.report_pages(id(self), count if self.isVisible() else 0)
        self._on_page(self.live.page, self.live.page_count)

    def _on_page(self, page: int, _count: int) -> None:
        paged = self.paged_text()
        if paged is not None:
            paged.set_page(page)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._report_pages()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().hideEvent(event)
        self.live.report_pages(id(self), 0)

    def _on_second(self, display: int, stage: str) -> None:
        if self._kind == "rotation":
            # World café: the room is told when to move, in words, not only by the colour.
            done = stage == "overrun" or (display == 0 and stage != "idle")
            self.countdown.set_caption("Changez de table !" if done else "Puis changez de table")

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in ("agenda", "workshop"):
            self.reload()

    def reload(self) -> None:
        self._reload()
        self._report_pages()

    def _reload(self) -> None:
        runner = self.live.runner
        state = runner.state()
        if state == "finished":
            self.pages.setCurrentWidget(self.end_page)
            return
        current = runner.current
        if current is None:
            self._show_programme()
            return
        with self.ctx.store.read() as session:
            seq = agenda.get(session, current.id)
            title, instructions, kind = seq.title, seq.instructions, seq.kind
        cd = runner.countdown()
        self._kind = kind
        self.countdown.set_caption("")
        if kind == "break":
            end = self._resume_time()
            # « reprise à 10 h 15 » stays whole: never the time alone on its line.
            resume = tr("reprise\u00a0à\u00a0{end}").format(end=end)
            self.break_title.set_text(f"{title} — {resume}" if end else title)
            self.break_countdown.set_countdown(cd)
            self.countdown.set_countdown(None)
            self.pages.setCurrentWidget(self.break_page)
            return
        index = runner.index(current.id) + 1
        self.counter.setText(f"{index} / {len(runner.sequences)}")
        self.title.set_text(title)
        self.instructions.set_text(instructions)
        self._size_title()
        self.countdown.set_countdown(cd)
        self.break_countdown.set_countdown(None)
        if cd is not None:
            self._on_second(cd.display_seconds(), str(cd.stage()))
        self.pages.setCurrentWidget(self.sequence_page)

    def _resume_time(self) -> str:
        """When the break ends: now plus what is left (or its planned end before it starts)."""
        cd = self.live.runner.countdown()
        if cd is None:
            return ""
        from kitcop_desktop.domain.agenda_projection import local_minutes

        if cd.started:
            minutes = local_minutes(self.live.clock.wall()) + max(0.0, cd.remaining()) / 60.0
            return sched.prose_text(int(minutes + 0.5))
        current_id = self.live.runner.current_id
        if current_id is None:
            return ""
        with self.ctx.store.read() as session:
            slot = agenda.schedule_for(session, self.ctx.workshop_id).slot(current_id)
        return sched.prose_text(slot.end) if slot else ""

    def _show_programme(self) -> None:
        with self.ctx.store.read() as session:
            rows = agenda.planned_rows(session, self.ctx.workshop_id)
        lines = [f"{r.start:%H:%M}   {r.title}" for r in rows]
        self.programme_body.set_text("\n".join(lines) if lines else tr("Le déroulé est vide."))
        self.pages.setCurrentWidget(self.programme)

    def _room_height(self) -> int:
        return max(1, self.height())

    def _size_title(self) -> None:
        """The title gets the lines it needs at 1/16 (up to 30 % of the height); the countdown
        its share; the consignes the rest."""
        h = self._room_height()
        counter_w = self.counter.sizeHint().width() + 24
        layout = self.sequence_page.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        width = max(50, self.width() - margins.left() - margins.right())
        font = room_text_font(int(h * TITLE_FRACTIONS[0]), bold=True)
        lines = len(wrap_lines(self.title.text(), font, width - counter_w)) or 1
        spacing = QFontMetricsF(font).lineSpacing()
        low, high = TITLE_SHARE
        title_h = int(max(h * low, min(h * high, lines * spacing + 4)))
        self.title.setFixedHeight(title_h)
        share = COUNTDOWN_SHARE
        if self._kind != "rotation":
            body = room_text_font(int(h * BODY))
            body_spacing = QFontMetricsF(body).lineSpacing()
            needed = len(wrap_lines(self.instructions.text(), body, width)) * body_spacing
            free = h - margins.top() - margins.bottom() - title_h - 3 * layout.spacing()
            if free - h * COUNTDOWN_SHARE < needed + body_spacing * 0.25:
                share = COUNTDOWN_SHARE_TIGHT
        self.countdown.setFixedHeight(int(h * share))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        h = self._room_height()
        margin = max(16, self.width() // 30)
        for page in (self.programme, self.sequence_page, self.break_page, self.end_page):
            page_layout = page.layout()
            if page_layout is not None:
                page_layout.setContentsMargins(margin, margin // 2, margin, margin // 3)
        for widget in (
            self.programme_body,
            self.title,
            self.instructions,
            self.break_title,
            self.end_text,
        ):
            widget.reference_height = h
        self.programme_title.setFont(theme.room_font(h, 1 / 12, bold=True))
        self.counter.setFont(theme.room_font(h, BODY))
        self.programme_body.set_fractions(BODY, 1 / 14)
        self.title.set_fractions(*TITLE_FRACTIONS)
        self.instructions.set_fractions(BODY, 1 / 11)
        self.break_title.set_fractions(1 / 14, 1 / 10)
        self.end_text.set_fractions(1 / 10, 1 / 6)
        for countdown in (self.countdown, self.break_countdown):
            countdown.label_floor = int(h * BODY)
        self._size_title()
        super().resizeEvent(event)


class RoomFooter(QWidget):
    """A strip under another tool's room view: the current séquence and its countdown.

    Digits at least 1/8 of the room's height, the stage word and the title at least 1/20.
    One countdown on the room at a time: while the tool's view shows its own (the bowl's
    35:00, a speaker's time), the strip folds away.
    """

    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.live = live_for(ctx)
        self.setObjectName("AgendaFooter")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        theme.style(self, theme.room_strip("AgendaFooter"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 4, 24, 4)
        # One widget: the séquence's title over the stage word at the left, the time at the
        # right (the stage's word and shape stay together).
        self.countdown = BigCountdown()
        self.countdown.set_room_style(True)
        self.countdown.set_label_beside(True)
        layout.addWidget(self.countdown, 1)
        self._strip = 48
        self._room_size: tuple[int, int] | None = None
        self.folded = False
        self.live.changed.connect(self.reload)
        self.live.second.connect(self._fold_if_needed)
        ctx.hub.changed.connect(self._on_hub)
        if hasattr(ctx.room, "stage_changed"):
            ctx.room.stage_changed.connect(self._fold_if_needed)
        self.reload()

    def _on_hub(self, _area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id:
            self._fold_if_needed()
            # The view above reloads on the same change, maybe after this strip (a round that
            # starts shows its speaker's time): look again once it has, not a second later.
            QTimer.singleShot(0, self, self._fold_if_needed)

    def title_text(self) -> str:
        return self.countdown.side_title()

    def reload(self) -> None:
        current = self.live.runner.current
        self.countdown.set_side_title(french_spacing(current.title) if current else "")
        self.countdown.set_countdown(self.live.runner.countdown() if current else None)
        if self._room_size is not None:
            self.resize_for(*self._room_size)  # another title may need another line
        self._fold_if_needed()

    def stage_has_countdown(self) -> bool:
        """Does the view above show a countdown of its own?"""
        room = self.ctx.room
        stage = room.shown_stage() if room is not None and hasattr(room, "shown_stage") else None
        if stage is None:
            return False
        return any(
            c.countdown() is not None and c.isVisibleTo(stage)
            for c in stage.findChildren(BigCountdown)
        )

    def _fold_if_needed(self, *_args) -> None:
        folded = self.stage_has_countdown()
        if folded != self.folded:
            self.folded = folded
            self.countdown.setVisible(not folded)
            self.setFixedHeight(0 if folded else self._strip)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._fold_if_needed()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        room = self.window()
        if room is not self and event.size().width() != event.oldSize().width():
            self.resize_for(room.height(), self.width())  # the room was resized

    def resize_for(self, room_height: int, room_width: int = 0) -> None:
        """Tall enough for digits of 1/8 of the room's height, and for the title over the
        stage word at 1/20."""
        self._room_size = (room_height, room_width)
        h = max(240, room_height)
        width = room_width or max(320, int(h * 4 / 3))
        body = int(h * BODY)
        digits = int(h / 8) + 2
        self.countdown.label_floor = body
        word = room_text_font(body, bold=True)
        left_w = max(50, width - 48 - 16 - self.countdown.strip_time_width(digits))
        lines = len(wrap_lines(self.title_text(), word, left_w)) + 1  # + the stage word
        spacing = QFontMetricsF(word).lineSpacing()
        strip = max(digits * 1.04 + 16, lines * spacing + 16)
        self._strip = int(min(h * 0.3, strip))
        self.setFixedHeight(0 if self.folded else self._strip)
