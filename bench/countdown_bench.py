"""A real 3-minute countdown under the real BigCountdown, recording every displayed value.

    .venv/bin/python bench/countdown_bench.py [SECONDS]      (default 180, plus 5 s of overrun)

Checks the issue's promise: the display changes once per second on the second, never skipping
or repeating a value, through zero into the overrun. For each value it records when it was
painted (monotonic clock) against the true moment that value became right, and prints the
worst and median lag. Offscreen: no display needed. Results go in bench/RESULTS-agenda.md.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    planned = int(sys.argv[1]) if len(sys.argv) > 1 else 180
    overrun = 5
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.domain.clock import SystemClock
    from kitcop_desktop.domain.countdown import Countdown
    from kitcop_desktop.ui.widgets.big_countdown import BigCountdown

    app = QApplication(sys.argv)
    painted: list[tuple[float, str]] = []

    class Recording(BigCountdown):
        def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
            super().paintEvent(event)
            painted.append((time.monotonic(), self.text()))

    clock = SystemClock()
    widget = Recording()
    widget.set_room_style(True)
    widget.resize(1024, 768)
    widget.show()
    emitted: list[tuple[float, int, str]] = []
    widget.second_changed.connect(lambda v, st: emitted.append((time.monotonic(), v, st)))
    countdown = Countdown(planned, clock)
    countdown.start()
    t0 = time.monotonic()  # the countdown's own start (within microseconds)
    widget.set_countdown(countdown)
    QTimer.singleShot(int((planned + overrun + 0.5) * 1000), app.quit)
    app.exec()

    # Keep one paint per displayed text change (a resize or expose may repaint the same text).
    shown: list[tuple[float, str]] = []
    for moment, text in painted:
        if not text:
            continue  # the first expose, before the countdown is set
        if not shown or shown[-1][1] != text:
            shown.append((moment, text))
    expected = [_fmt(planned - k) for k in range(planned + 1)] + [
        f"+{_fmt(k)}" for k in range(1, overrun + 1)
    ]
    texts = [t for _, t in shown]
    skipped = [t for t in expected if t not in texts]
    repeated = len(texts) - len(set(texts))
    lags = []
    for moment, text in shown[1:]:
        index = expected.index(text) if text in expected else None
        if index is None:
            continue
        true_moment = t0 + index  # value k (0-based) becomes right k seconds after the start
        lags.append((moment - true_moment) * 1000)
    print(f"planned {planned} s + {overrun} s overrun; values painted: {len(shown)}")
    print(f"expected values: {len(expected)}; skipped: {len(skipped)} {skipped[:5]}")
    unexpected = [t for t in texts if t not in expected]
    print(f"repeated values: {repeated}; unexpected values: {unexpected}")
    print(f"second_changed emitted: {len(emitted)}")
    print(
        f"lag true second -> painted (ms): median {statistics.median(lags):.1f}, "
        f"95th {sorted(lags)[int(len(lags) * 0.95)]:.1f}, worst {max(lags):.1f}, "
        f"best {min(lags):.1f}"
    )
    print(f"total paints (incl. exposes): {len(painted)}")


def _fmt(seconds: int) -> str:
    m, s = divmod(abs(seconds), 60)
    return f"{m:02d}:{s:02d}"


if __name__ == "__main__":
    main()
