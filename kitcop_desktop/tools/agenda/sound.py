"""A short sound at one minute left and at zero, through the platform's player.

Behind a tiny interface (`Sound.play(which)`) so tests inject a recorder. On Linux the system
player (paplay, else aplay) plays a small WAV written once in the temp folder; elsewhere, or
when no player exists, QApplication.beep() is the fallback. Never blocks the UI.
"""

from __future__ import annotations

import math
import shutil
import struct
import tempfile
import wave
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

TONES = {"one_minute": (880.0, 0.25, 1), "zero": (660.0, 0.22, 3)}  # Hz, seconds, beeps


class Sound(Protocol):
    def play(self, which: str) -> None: ...


class BeepSound:
    """The fallback: the desktop's own beep."""

    def play(self, which: str) -> None:
        QApplication.beep()


class PlayerSound:
    """Plays a generated WAV with an external player, detached (never blocks)."""

    def __init__(self, player: str) -> None:
        self.player = player
        self._files: dict[str, Path] = {}
        self._processes: list[QProcess] = []

    def _file(self, which: str) -> Path:
        if which not in self._files:
            path = Path(tempfile.gettempdir()) / f"kitcop-{which}.wav"
            write_tone(path, *TONES.get(which, TONES["zero"]))
            self._files[which] = path
        return self._files[which]

    def play(self, which: str) -> None:
        process = QProcess()
        process.finished.connect(lambda *_: self._processes.remove(process))
        self._processes.append(process)
        process.start(self.player, [str(self._file(which))])


def write_tone(path: Path, frequency: float, seconds: float, beeps: int) -> None:
    """A soft sine beep (or several), 16-bit mono 22 kHz, faded in and out."""
    rate = 22050
    frames = bytearray()
    count = int(rate * seconds)
    fade = max(1, int(rate * 0.02))
    for beep in range(beeps):
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade)
            value = int(0.35 * 32767 * envelope * math.sin(2 * math.pi * frequency * i / rate))
            frames += struct.pack("<h", value)
        if beep + 1 < beeps:
            frames += b"\x00\x00" * int(rate * 0.12)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))


def make_sound() -> Sound:
    """The best player available here."""
    for player in ("paplay", "aplay"):
        found = shutil.which(player)
        if found:
            return PlayerSound(found)
    return BeepSound()
