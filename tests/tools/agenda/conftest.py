"""Fixtures of the déroulé's live run: a fake clock, a recording sound, a fake room screen."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import QSettings

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import agenda
from kitcop_desktop.storage.models.workshop import Workshop


class Recorder:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, which: str) -> None:
        self.played.append(which)


class FakeRoom:
    """What the shell's RoomScreen offers a tool."""

    def __init__(self) -> None:
        self._footer = None
        self.visible = True

    def set_footer(self, widget) -> None:
        self._footer = widget

    def footer(self):
        return self._footer

    def isVisible(self) -> bool:  # noqa: N802 (Qt name)
        return self.visible

    def height(self) -> int:
        return 768


@pytest.fixture
def clock():
    return FakeClock(datetime(2026, 3, 3, 9, 0).astimezone())


@pytest.fixture
def run_ctx(ctx, store, workshop_id, clock, tmp_path):
    with store.write() as s:
        s.get(Workshop, workshop_id).start_time = time(9, 0)
        agenda.apply_template(s, workshop_id, "modele_1")
    ctx.extras["clock"] = clock
    ctx.extras["sound"] = Recorder()
    ctx.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx.room = FakeRoom()
    return ctx
