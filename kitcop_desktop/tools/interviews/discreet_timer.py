"""The interview's discreet timer: time elapsed over the planned duration, muted while on time.

It starts once (« Démarrer le minuteur », one undo step) and reads its start from the store, so
a restart shows the same time.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kitcop_desktop.domain.clock import SystemClock
from kitcop_desktop.domain.interview_timer import read_timer
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import interviews
from kitcop_desktop.ui import theme


class DiscreetTimer(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The shell or a test may put a clock in ctx.extras (FakeClock); else the system's.
        self.clock = ctx.extras.get("clock") or SystemClock()
        self.interview_id: int | None = None
        self.planned_minutes = 60
        self.started_at: datetime | None = None
        self.label = QLabel()
        self._stage = ""  # the stage its colour was set for: a style sheet only on a change
        self._stage = ""  # the stage its colour was set for: a style sheet only on a change
        self.label.setToolTip(tr("Temps écoulé / durée prévue de l'entretien"))
        self.button = QPushButton(tr("Démarrer le minuteur"))
        self.button.clicked.connect(self.start)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.update_reading)
        self._tick.start(1000)

    def load(self, interview_id: int | None) -> None:
        self.interview_id = interview_id
        self.refresh()

    def start(self) -> None:
        if self.interview_id is None:
            return
        interview_id = self.interview_id
        self.ctx.push(
            tr("Démarrer le minuteur de l'entretien"),
            area="interviews",
            do=lambda s: interviews.start_timer(s, interview_id, self.clock.wall()),
            undo=lambda s, previous: interviews.set_started_at(s, interview_id, previous),
        )

    def refresh(self) -> None:
        """Read the start and the planned duration again (after a change in the store)."""
        if self.interview_id is not None:
            with self.ctx.store.read() as s:
                try:
                    iv = interviews.get(s, self.interview_id)
                except Exception:  # erased meanwhile
                    return
                self.started_at, self.planned_minutes = iv.started_at, iv.planned_minutes
        self.update_reading()

    def update_reading(self) -> None:
        self.button.setVisible(self.interview_id is not None and self.started_at is None)
        reading = read_timer(self.started_at, self.clock.wall(), self.planned_minutes)
        self.label.setText(reading.text)
        if reading.stage != self._stage:  # muted, amber near the end, orange-red when over
            self._stage = reading.stage
            theme.style(self.label, theme.coloured(theme.TIMER_INK[reading.stage]))
