"""The shared BigCountdown and the agenda's sound player."""

from __future__ import annotations

import wave

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.countdown import Countdown
from kitcop_desktop.tools.agenda import sound
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown, stage_colour


def test_big_countdown_shows_stages_with_words_not_only_colour(qtbot):
    clock = FakeClock()
    widget = BigCountdown()
    qtbot.addWidget(widget)
    seen: list[tuple[int, str]] = []
    widget.second_changed.connect(lambda v, st: seen.append((v, st)))
    assert widget.text() == "" and widget.label() == ""
    cd = Countdown(90, clock)
    widget.set_countdown(cd)
    assert widget.text() == "01:30" and seen == [(90, "idle")]
    cd.start()
    widget.refresh()
    assert widget._timer.isActive() and widget._timer.remainingTime() <= 1001
    clock.advance(45)
    widget.refresh()
    assert widget.label() == "Dernière minute" and seen[-1] == (45, "last_minute")
    clock.advance(50)
    widget.refresh()
    assert widget.text() == "+00:05" and widget.label() == "Dépassement"
    cd.pause()
    widget.refresh()
    assert not widget._timer.isActive()
    widget.refresh()  # nothing changed: no new signal
    assert seen[-1] == (5, "overrun") and len(seen) == 4
    widget.set_countdown(None)
    assert widget.text() == ""


def test_big_countdown_is_a_quarter_of_the_room_at_least(qtbot):
    clock = FakeClock()
    widget = BigCountdown()
    qtbot.addWidget(widget)
    widget.set_room_style(True)
    widget.set_caption("Reprise à 10 h 15")
    cd = Countdown(3725, clock)
    cd.start()
    widget.set_countdown(cd)
    widget.resize(1024, 768)
    widget.grab()
    assert widget.time_pixel_size >= 768 // 4


def test_stage_colours_differ_between_room_and_control():
    assert stage_colour("overrun", dark=True).name() != stage_colour("overrun", dark=False).name()
    assert stage_colour("idle", dark=True).isValid()


def test_tone_files_are_real_wav(tmp_path):
    path = tmp_path / "beep.wav"
    sound.write_tone(path, 880.0, 0.1, 2)
    with wave.open(str(path)) as wav:
        assert wav.getframerate() == 22050 and wav.getnframes() > 4000


def test_no_player_falls_back_to_the_desktop_beep(monkeypatch):
    monkeypatch.setattr(sound.shutil, "which", lambda name: None)
    assert isinstance(sound.make_sound(), sound.BeepSound)
    monkeypatch.setattr(sound.shutil, "which", lambda name: f"/usr/bin/{name}")
    player = sound.make_sound()
    assert isinstance(player, sound.PlayerSound) and player.player.endswith("paplay")


def test_room_text_gets_french_no_break_spaces():
    from kitcop_desktop.ui.widgets.room_text import french_spacing

    text = french_spacing("Question : les besoins ? Oui ! « Bien »")
    assert " :" not in text and " ?" not in text and " !" not in text
    assert text.startswith("Question\u00a0:") and "«\u00a0Bien\u00a0»" in text
