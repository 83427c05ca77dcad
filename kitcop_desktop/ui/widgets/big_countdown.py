"""The big countdown (minuteur): a time painted as large as its rect allows.

Shared by the agenda runner and the fishbowl. The widget never counts ticks: after each repaint
it asks the `Countdown` how many milliseconds remain until the displayed second changes and
schedules one single-shot timer for that moment, so the text changes once per second, on the
second, and a late timer can never make it skip or repeat a value.

Colour follows the stage (domain/palette.py ROOM) and is never the only cue: the last minute
and the overrun also get a label (« Dernière minute », « Dépassement ») and the overrun a « + ».
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kitcop_desktop.domain.countdown import Countdown, Stage
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.ui import theme

# Control-window colours (light background): dark enough to read, same hues as the room.
_LIGHT = {
    "background": "#ffffff",
    "text": "#1d2330",
    "muted": "#4a5468",
    "normal": "#1d2330",
    "warning": "#8a6d00",
    "last_minute": "#b35900",
    "overrun": "#c0392b",
    "paused": "#4a5468",
    "idle": "#4a5468",
}

STAGE_LABELS = {
    Stage.IDLE: "",
    Stage.NORMAL: "",
    Stage.WARNING: "",
    Stage.LAST_MINUTE: "Dernière minute",
    Stage.OVERRUN: "Dépassement",
    Stage.PAUSED: "En pause",
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
        self.time_pixel_size = 0  # the last painted size of the time (tests, room rules)
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
        """The non-colour cue shown above the time for the current stage."""
        return STAGE_LABELS.get(self.stage(), "")

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
            painter.end()
            return
        stage = self._countdown.stage()
        colour = stage_colour(stage, dark=self._dark)
        muted = QColor(ROOM["muted"] if self._dark else _LIGHT["muted"])
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        label = STAGE_LABELS.get(stage, "")
        has_label = bool(label)
        has_caption = bool(self._caption)
        # Label and caption each take a sixth of the height when present; the time the rest.
        side = rect.height() / 6.0
        top = rect.top() + (side if has_label else 0)
        bottom = rect.bottom() - (side if has_caption else 0)
        time_rect = QRectF(rect.left(), top, rect.width(), max(10.0, bottom - top))
        text = self._countdown.text()
        # Fit on a fixed-width template so the size does not jump when digits change.
        template = "".join("0" if ch.isdigit() else ch for ch in text)
        time_font = _fitted_font(template, time_rect, bold=True)
        self.time_pixel_size = time_font.pixelSize()
        # Label and caption stay well below the time: they are cues, not the message.
        cap = max(8, int(time_font.pixelSize() * 0.32))
        if not self._dark:
            cap = min(cap, 30)  # the control window: a cue, never a shout
        if has_label:
            lab_rect = QRectF(rect.left(), rect.top(), rect.width(), side)
            painter.setPen(colour)
            painter.setFont(_fitted_font(label, lab_rect, bold=True, cap=cap))
            painter.drawText(lab_rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(colour)
        painter.setFont(time_font)
        painter.drawText(time_rect, Qt.AlignmentFlag.AlignCenter, text)
        if has_caption:
            cap_rect = QRectF(rect.left(), bottom, rect.width(), side)
            painter.setPen(muted)
            painter.setFont(_fitted_font(self._caption, cap_rect, bold=False, cap=cap))
            painter.drawText(cap_rect, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()


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
