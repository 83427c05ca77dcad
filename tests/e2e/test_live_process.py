"""The live run in real app processes (several seconds each): kill -9 mid-run and restart
(#13 item 3), the room window beside the control window on one screen at 1024×768 and
1920×1080, fullscreen on a second screen, and the F1 dialog over the control window (#13 item
10). The app is driven by its debug probe (ui/probe.py): real keys in, its state out as JSON."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from kitcop_desktop.storage import agenda_run
from kitcop_desktop.storage.migrate import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")


@pytest.fixture
def demo_db(tmp_path, demo_template):
    db = tmp_path / "atelier.sqlite3"
    template, workshop_id = demo_template
    shutil.copyfile(template, db)
    store = open_store(db)
    with store.write() as s:
        agenda_run.clear_run(s, workshop_id)  # the demo's run is over: start a fresh one
    store.close()
    return db


def screens_config(tmp_path, *sizes) -> str:
    screens, x = [], 0
    for i, (w, h) in enumerate(sizes):
        screens.append(
            {
                "name": f"screen{i}",
                "x": x,
                "y": 0,
                "width": w,
                "height": h,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        )
        x += w
    path = tmp_path / f"screens-{'-'.join(f'{w}x{h}' for w, h in sizes)}.json"
    path.write_text(json.dumps({"windowFrameMargins": False, "screens": screens}))
    return f"offscreen:configfile={path}"


def launch(tmp_path, db, platform, state, keys="", open_demo=True) -> subprocess.Popen:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=platform,
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        KITCOP_DATA_DIR=str(tmp_path / "data"),
    )
    args = [sys.executable, "-m", "kitcop_desktop", "--db", str(db), "--probe-state", str(state)]
    if keys:
        args += ["--probe-keys", keys]
    if open_demo:
        args += ["demo", "--reuse", "--open"]
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for(proc, state_path, wanted, timeout=90.0) -> dict:
    deadline = time.monotonic() + timeout
    last: dict = {}
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the app stopped: {proc.stderr.read().decode()[-2000:]}")
        try:
            last = json.loads(state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            last = {}
        if last and wanted(last):
            return last
        time.sleep(0.1)
    raise AssertionError(f"never reached the wanted state; last seen: {last}")


def stop(proc) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)


def overlaps(a, b) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def inside(inner, outer) -> bool:
    ix, iy, iw, ih = inner
    ox, oy, ow, oh = outer
    return ox <= ix and oy <= iy and ix + iw <= ox + ow and iy + ih <= oy + oh


def running_with_room(state) -> bool:
    return state["keys_left"] == 0 and state["run"] == "running" and state["room"] != "hidden"


def test_process_kill_9_mid_run_reopens_the_live_view_with_the_room_screen(tmp_path, demo_db):
    platform = screens_config(tmp_path, (1024, 768))
    first = launch(tmp_path, demo_db, platform, tmp_path / "before.json", "Ctrl+1 F5 Space")
    try:
        before = wait_for(first, tmp_path / "before.json", running_with_room)
    finally:
        stop(first)  # kill -9: no closeEvent, nothing saved on the way out
    assert first.returncode == -9
    assert (before["tool"], before["view"]) == ("agenda", "run")

    again = launch(tmp_path, demo_db, platform, tmp_path / "after.json", open_demo=False)
    try:
        after = wait_for(again, tmp_path / "after.json", lambda s: s["room"] != "hidden")
    finally:
        stop(again)
    assert after["page"] == "workshop" and after["workshop"] == before["workshop"]
    assert (after["tool"], after["view"], after["run"]) == ("agenda", "run", "running")
    assert after["room"] == "window" and after["room_stage"] == "AgendaRoomView"
    # One 1024×768 screen: the room window beside the control window, never over it.
    assert after["banner"]
    assert not overlaps(after["room_geometry"], after["control_geometry"])
    for rect in (after["room_geometry"], after["control_geometry"]):
        assert inside(rect, [0, 0, 1024, 768])
    assert after["control_geometry"][2] >= 700  # still a usable control window


def test_process_one_1920_screen_room_beside_and_f1_over_the_control_window(tmp_path, demo_db):
    platform = screens_config(tmp_path, (1920, 1080))
    proc = launch(tmp_path, demo_db, platform, tmp_path / "s.json", "Ctrl+1 F5 Space F1")
    try:
        state = wait_for(proc, tmp_path / "s.json", lambda s: running_with_room(s) and s["dialogs"])
    finally:
        stop(proc)
    assert state["banner"] and state["room"] == "window"
    room, control = state["room_geometry"], state["control_geometry"]
    assert not overlaps(room, control)
    assert room[2] == 640  # a third of the screen, 4:3
    assert control[2] >= 1200
    (dialog,) = state["dialogs"]
    assert not overlaps(dialog, room)
    assert inside(dialog, control)


def test_process_two_screens_room_fullscreen_on_the_projector(tmp_path, demo_db):
    platform = screens_config(tmp_path, (1366, 768), (1024, 768))
    proc = launch(tmp_path, demo_db, platform, tmp_path / "s.json", "Ctrl+1 F5 Space F1")
    try:
        state = wait_for(proc, tmp_path / "s.json", lambda s: running_with_room(s) and s["dialogs"])
    finally:
        stop(proc)
    assert state["room"] == "fullscreen" and state["room_screen"] == "screen1"
    assert not state["banner"]
    assert state["room_geometry"] == [1366, 0, 1024, 768]
    (dialog,) = state["dialogs"]
    assert inside(dialog, [0, 0, 1366, 768])  # F1 opens on the facilitator's screen


def test_process_f5_after_an_escape_puts_the_room_back_on_the_projector(tmp_path, demo_db):
    """A clicker's Esc leaves the projector's fullscreen; its « present » key (F5) must put the
    room back, never hide it in front of everyone."""
    platform = screens_config(tmp_path, (1366, 768), (1024, 768))
    proc = launch(tmp_path, demo_db, platform, tmp_path / "s.json", "Ctrl+1 F5 Space Escape F5")
    try:
        state = wait_for(proc, tmp_path / "s.json", running_with_room)
    finally:
        stop(proc)
    assert state["room"] == "fullscreen" and state["room_screen"] == "screen1"
    assert state["room_geometry"] == [1366, 0, 1024, 768]


@pytest.fixture
def xvfb_two_screens():
    """A real X server (Xvfb) with a laptop screen and a projector (RandR monitors): the xcb
    platform, where showing a window can take the keyboard from another."""
    if not (shutil.which("Xvfb") and shutil.which("xrandr")):
        pytest.skip("needs Xvfb and xrandr")
    display = f":{400 + os.getpid() % 500}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "2048x768x24", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = dict(os.environ, DISPLAY=display)
    try:
        for _ in range(50):
            if subprocess.run(["xrandr"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        for name, x, output in (("laptop", 0, "screen"), ("projector", 1024, "none")):
            geometry = f"1024/271x768/203+{x}+0"
            subprocess.run(["xrandr", "--setmonitor", name, geometry, output], env=env, check=True)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_process_the_room_on_the_projector_leaves_the_keyboard_to_the_control_window(
    tmp_path, demo_db, xvfb_two_screens, monkeypatch
):
    """F5 sent the room fullscreen with showFullScreen(), which activates it once mapped: the
    control window lost the keyboard (Ctrl+N did nothing, a post-it was typed nowhere)."""
    monkeypatch.setenv("DISPLAY", xvfb_two_screens)
    proc = launch(tmp_path, demo_db, "xcb", tmp_path / "s.json", "Ctrl+1 F5 Space")
    try:
        wait_for(proc, tmp_path / "s.json", lambda s: running_with_room(s))
        time.sleep(1.0)  # the room window is mapped: a deferred activation would happen now
        state = wait_for(proc, tmp_path / "s.json", lambda s: True)
    finally:
        stop(proc)
    assert state["room"] == "fullscreen" and state["room_geometry"] == [1024, 0, 1024, 768]
    assert state["active"] == "MainWindow"
