"""The big countdown (minuteur): a time painted as large as its rect allows.

Shared by the agenda runner and the fishbowl. The widget never counts ticks: after each repaint
it asks the `Countdown` how many milliseconds remain until the displayed second changes and
schedules one single-shot timer for that moment, so the text changes once per second, on the
second, and a late timer can never make it skip or repeat a value.

Colour follows the stage (domain/palette.py ROOM, CONTROL_STAGES; each ≥ 7:1) and is never
the only cue: every running stage has a word (« En cours », « Bientôt fini », « Dernière
minute », « Dépassement », « En pause ») and a shape (STAGE_CUES): nothing, a thin frame, a
thick frame, then the word in a filled badge and a « + » before the time.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kitcop_desktop.domain.countdown import Countdown, Stage
from kitcop_desktop.domain.palette import CONTROL_STAGES, ROOM
from kitcop_desktop.i18n import TrMap, tr_later
from kitcop_desktop.ui import theme

# Control-window colours (light background): dark enough to read (≥ 7:1), same hues as the room.
_LIGHT = {"background": theme.WHITE, **CONTROL_STAGES}

# The overrun's « + », as a fraction of the digits' size.
PLUS_SCALE = 0.6

STAGE_LABELS = TrMap(
    {
        Stage.IDLE: "",
        Stage.NORMAL: tr_later("En cours"),
        Stage.WARNING: tr_later("Bientôt fini"),
        Stage.LAST_MINUTE: tr_later("Dernière minute"),
        Stage.OVERRUN: tr_later("Dépassement"),
        Stage.PAUSED: tr_later("En pause"),
    }
)

# The shape that tells the stage apart without its colour (for colour-blind eyes and a
# washed-out projector): none, a thin frame round the time, a thick one, a filled badge.
STAGE_CUES = {
    Stage.IDLE: "none",
    Stage.NORMAL: "none",
    Stage.WARNING: "frame",
    Stage.LAST_MINUTE: "thick_frame",
    Stage.OVERRUN: "badge",
    Stage.PAUSED: "dashed_frame",
}


def stage_colour(stage: Stage | str, *, dark: bool) -> QColor:
    """The colour of a stage on the room screen (dark) or in the control window."""
    key = str(stage)
    if dark:
        return QColor(ROOM.get(key, ROOM["text"]) if key != "idle" else ROOM["muted"])
    return QColor(_LIGHT.get(key, _LIGHT["text"]))


class BigCountdown(QWidget):
    """A countdown display. `second_changed(display_seconds, stage)` fires when either changes."""

    second_changed = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._countdown: Countdown | None = None
        self._dark = False
        self._caption = ""
        self._last: tuple[int, str] | None = None
        self._beside = False
        self._side_title = ""
        self.side_title_pixel_size = 0
        self.side_title_lines: list[str] = []  # as painted last (tests)
        self.side_title_bottom = 0.0  # where the stage word under it ends
        self.label_floor = 0  # the stage word never smaller (room: 1/20 of its height)
        self.time_pixel_size = 0  # the last painted size of the time (tests, room rules)
        self.label_pixel_size = 0  # the last painted size of the stage word
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 60)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # --- API -----------------------------------------------------------------------------
    def set_countdown(self, countdown: Countdown | None) -> None:
        """Show this countdown (None: show nothing). Call again after start/pause/extend."""
        self._countdown = countdown
        self._last = None
        self.refresh()

    def countdown(self) -> Countdown | None:
        return self._countdown

    def set_room_style(self, dark: bool) -> None:
        """Dark room colours (projector) or the control window's light colours."""
        self._dark = bool(dark)
        self.update()

    def set_label_beside(self, beside: bool) -> None:
        """A low strip: the time at the right, at the left a title (set_side_title) over the
        stage word, both at `label_floor`."""
        self._beside = bool(beside)
        self.update()

    def set_side_title(self, text: str) -> None:
        self._side_title = text or ""
        self.update()

    def side_title(self) -> str:
        return self._side_title

    def strip_time_width(self, digits_px: int) -> float:
        """The width the time needs at this pixel size (« +00:00 », its frame included)."""
        font = QFont(theme.FONT_FAMILY)
        font.setBold(True)
        font.setPixelSize(max(8, digits_px))
        return QFontMetricsF(font).horizontalAdvance("+00:00") + digits_px * 0.45 + 8

    def set_caption(self, text: str) -> None:
        """A short line under the time (« Reprise à 10 h 15 », the speaker's name…)."""
        self._caption = text or ""
        self.update()

    def text(self) -> str:
        """The time as displayed now (« 04:59 », « +01:02 »), empty without a countdown."""
        return self._countdown.text() if self._countdown is not None else ""

    def stage(self) -> Stage:
        return self._countdown.stage() if self._countdown is not None else Stage.IDLE

    def label(self) -> str:
        """The word shown with the time for the current stage (never colour alone)."""
        return STAGE_LABELS.get(self.stage(), "")

    def cue(self) -> str:
        """The shape shown for the current stage (see STAGE_CUES)."""
        return STAGE_CUES.get(self.stage(), "none")

    def refresh(self) -> None:
        """Repaint now, emit second_changed if the value changed, and re-arm the timer."""
        self._timer.stop()
        cd = self._countdown
        if cd is not None:
            value = (cd.display_seconds(), str(cd.stage()))
            if value != self._last:
                self._last = value
                self.second_changed.emit(*value)
            if cd.running:
                self._timer.start(cd.ms_until_next_change())
        self.update()

    # --- internals -----------------------------------------------------------------------
    def _on_timer(self) -> None:
        self.refresh()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._dark:
            painter.fillRect(self.rect(), QColor(ROOM["background"]))
        if self._countdown is None:
            self.time_pixel_size = self.label_pixel_size = 0
            painter.end()
            return
        stage = self._countdown.stage()
        colour = stage_colour(stage, dark=self._dark)
        background = QColor(ROOM["background"] if self._dark else _LIGHT["background"])
        muted = QColor(ROOM["muted"] if self._dark else _LIGHT["muted"])
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        label = STAGE_LABELS.get(stage, "")
        cue = STAGE_CUES.get(stage, "none")
        text = self._countdown.text()
        # Fit on a fixed-width template so the size does not jump when digits change, nor
        # between stages: the room for the thickest frame is kept in every stage.
        template = "".join("0" if ch.isdigit() else ch for ch in text)
        if self._beside:
            time_rect, label_rect, caption_rect = self._beside_rects(rect, template)
            label_rect = self._paint_side_title(painter, label_rect)
        else:
            time_rect, label_rect, caption_rect = self._stacked_rects(rect)
        frame = max(2.0, time_rect.height() * 0.035)
        # The overrun's « + » is a smaller sign before digits as large as the other stages'
        # (a full-size « + » took a fifth of their width); they shrink only if both do not fit.
        sign = "+" if text.startswith("+") else ""
        digits = text[len(sign) :]
        # (No frame is drawn around an overrun: its badge is its shape, the width is the time's.)
        room_for_time = time_rect if sign else time_rect.adjusted(frame * 2, 0, -frame * 2, 0)
        time_font = _fitted_font(template[len(sign) :], room_for_time, bold=True)
        if sign:
            metrics = QFontMetricsF(time_font)
            need = metrics.horizontalAdvance(template[1:]) + PLUS_SCALE * metrics.horizontalAdvance(
                sign
            )
            if need > room_for_time.width() * 0.96:
                scale = room_for_time.width() * 0.96 / need
                time_font.setPixelSize(max(8, int(time_font.pixelSize() * scale)))
        self.time_pixel_size = time_font.pixelSize()
        # The stage word stays well below the time (a cue, not the message), never below its
        # floor (the room's body size).
        cap = max(8, int(time_font.pixelSize() * 0.32), self.label_floor)
        if not self._dark:
            cap = min(cap, 30)  # the control window: a cue, never a shout
        self.label_pixel_size = 0
        if label:
            label_font = _fitted_font(label, label_rect, bold=True, cap=cap)
            label_font.setPixelSize(max(label_font.pixelSize(), min(cap, self.label_floor)))
            self.label_pixel_size = label_font.pixelSize()
            painter.setFont(label_font)
            align = Qt.AlignmentFlag.AlignCenter
            if self._beside:
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            if cue == "badge":
                # The word in a filled badge: shape and inverted contrast, not only colour.
                advance = QFontMetricsF(label_font).horizontalAdvance(label)
                pad = label_font.pixelSize() * 0.35
                badge_h = min(label_rect.height(), label_font.pixelSize() * 1.35)
                left = (
                    label_rect.left()
                    if self._beside
                    else label_rect.center().x() - advance / 2 - pad
                )
                badge = QRectF(
                    left, label_rect.center().y() - badge_h / 2, advance + 2 * pad, badge_h
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(badge, badge_h * 0.2, badge_h * 0.2)
                painter.setPen(background)
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            else:
                painter.setPen(colour)
                painter.drawText(label_rect, align, label)
        painter.setPen(colour)
        if sign:
            _draw_signed(painter, time_rect, time_font, sign, digits)
        else:
            painter.setFont(time_font)
            painter.drawText(time_rect, Qt.AlignmentFlag.AlignCenter, text)
        if cue in ("frame", "thick_frame", "dashed_frame"):
            metrics = QFontMetricsF(time_font)
            # The pen is centred on the box's edge: the box keeps half of it inside the time's
            # room, so the thick frame is never cut by the edge of the screen.
            pen_width = frame * (2.2 if cue == "thick_frame" else 1.0)
            width = metrics.horizontalAdvance(text) + 2 * frame + time_font.pixelSize() * 0.2
            width = min(width, rect.width() - pen_width)
            height = min(time_rect.height() - pen_width, metrics.ascent() + 2 * frame)
            box = QRectF(
                time_rect.center().x() - width / 2,
                time_rect.center().y() - height / 2,
                width,
                height,
            )
            pen = QPen(colour, pen_width)
            if cue == "dashed_frame":
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, frame * 3, frame * 3)
        if self._caption and caption_rect is not None:
            painter.setPen(muted)
            painter.setFont(_fitted_font(self._caption, caption_rect, bold=False, cap=cap))
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()

    def _stacked_rects(self, rect: QRectF) -> tuple[QRectF, QRectF, QRectF | None]:
        """The word above the time, the caption under it: a sixth of the height each."""
        side = rect.height() / 6.0
        has_caption = bool(self._caption)
        top = rect.top() + side
        bottom = rect.bottom() - (side if has_caption else 0)
        time_rect = QRectF(rect.left(), top, rect.width(), max(10.0, bottom - top))
        label_rect = QRectF(rect.left(), rect.top(), rect.width(), side)
        caption = QRectF(rect.left(), bottom, rect.width(), side) if has_caption else None
        return time_rect, label_rect, caption

    def _beside_rects(self, rect: QRectF, template: str) -> tuple[QRectF, QRectF, None]:
        """A low strip: the time as tall as the strip at the right, the rest at the left.

        In a narrow room window (324 px on one screen) the time gives up width, down to
        digits of 2.5 times the floor (1/8 of the room's height), until the title wraps
        between words and the stage word fits under it."""
        probe = _fitted_font(template, QRectF(0, 0, 10_000, rect.height()), bold=True)
        time_w = min(rect.width() * 0.75, self.strip_time_width(probe.pixelSize()))
        if self._side_title and self.label_floor:
            least = min(time_w, self.strip_time_width(int(self.label_floor * 2.5)))
            while time_w > least and not self._title_fits(rect, time_w):
                time_w = max(least, time_w - 4)
        time_rect = QRectF(rect.right() - time_w, rect.top(), time_w, rect.height())
        left = QRectF(rect.left(), rect.top(), rect.width() - time_w - 8, rect.height())
        return time_rect, left, None

    def _title_fits(self, rect: QRectF, time_w: float) -> bool:
        """With the time this wide, the title wraps between words and, with the longest
        stage word under it, fits the strip's height."""
        from kitcop_desktop.ui.widgets.room_text import room_text_font, wrap_lines

        width = rect.width() - time_w - 8
        font = room_text_font(max(8, self.label_floor), bold=True)
        metrics = QFontMetricsF(font)
        lines = wrap_lines(self._side_title, font, width)
        whole = " ".join(lines).split() == self._side_title.split()
        widest_word = max(metrics.horizontalAdvance(w) for w in STAGE_LABELS.values() if w)
        badge = font.pixelSize() * 0.7  # « Dépassement » in its badge
        tall = (len(lines) + 1) * metrics.lineSpacing() <= rect.height()
        return whole and tall and widest_word + badge <= width

    def _paint_side_title(self, painter: QPainter, left: QRectF) -> QRectF:
        """The strip's title, wrapped at the floor size; returns the rect left for the word."""
        from kitcop_desktop.ui.widgets.room_text import room_text_font, wrap_lines

        self.side_title_pixel_size = 0
        self.side_title_lines = []
        px = max(8, self.label_floor or int(left.height() * 0.32))
        font = room_text_font(px, bold=True)
        line = QFontMetricsF(font).lineSpacing()
        lines = wrap_lines(self._side_title, font, left.width()) if self._side_title else []
        if not lines:
            return left
        self.side_title_lines = lines
        self.side_title_pixel_size = px
        painter.setFont(font)
        painter.setPen(QColor(ROOM["text"] if self._dark else _LIGHT["text"]))
        block = (len(lines) + 1) * line
        y = left.top() + max(0.0, (left.height() - block) / 2)
        for text in lines:
            painter.drawText(QRectF(left.left(), y, left.width(), line), 0, text)
            y += line
        self.side_title_bottom = y + line
        return QRectF(left.left(), y, left.width(), line)


def _draw_signed(painter: QPainter, rect: QRectF, font: QFont, sign: str, digits: str) -> None:
    """« +01:18 »: the sign at PLUS_SCALE of the digits' size, centred on their height, the
    whole centred in `rect`."""
    small = QFont(font)
    small.setPixelSize(max(6, int(font.pixelSize() * PLUS_SCALE)))
    big, little = QFontMetricsF(font), QFontMetricsF(small)
    gap = font.pixelSize() * 0.04
    width = little.horizontalAdvance(sign) + gap + big.horizontalAdvance(digits)
    left = rect.center().x() - width / 2
    baseline = rect.center().y() + (big.ascent() - big.descent()) / 2
    middle = baseline - big.tightBoundingRect("0").height() / 2
    sign_box = little.tightBoundingRect(sign)
    painter.setFont(small)
    painter.drawText(QPointF(left, middle - sign_box.center().y()), sign)
    painter.setFont(font)
    painter.drawText(QPointF(left + little.horizontalAdvance(sign) + gap, baseline), digits)


def _fitted_font(text: str, rect: QRectF, *, bold: bool, cap: int = 0) -> QFont:
    """The largest font (pixel size, at most `cap` when given) whose `text` fits in `rect`."""
    font = QFont(theme.FONT_FAMILY)
    font.setBold(bold)
    # Digits of equal width: the time does not wobble from one second to the next.
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setFeature(QFont.Tag("tnum"), 1)
    size = max(8, int(rect.height()))
    font.setPixelSize(size)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(text or " ")
    # Digits never reach the descent: for a time the ascent is what must fit; words need all.
    digits = all(ch.isdigit() or ch in ":+" for ch in text)
    height = metrics.ascent() + metrics.descent() * 0.25 if digits else metrics.height()
    scale = min(rect.width() * 0.96 / max(1.0, width), rect.height() / max(1.0, height), 1.0)
    size = max(8, int(size * scale))
    if cap:
        size = min(size, cap)
    font.setPixelSize(size)
    return font
