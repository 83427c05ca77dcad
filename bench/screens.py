"""Render every screen of the demo workshop to PNG, at 1024×768 and 1920×1080, for a look.

    .venv/bin/python bench/screens.py [OUT_DIR]      (default bench/out/screens)

Control window and room screen, for the welcome screen and each tool. Offscreen: no display needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

SIZES = ((1024, 768), (1920, 1080))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "out" / "screens")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")

    from kitcop_desktop.app import build_main_window, make_application
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.migrate import open_store

    app = make_application()
    store = open_store(tmp / "demo.sqlite3")
    workshop_id = create_demo(store)
    window = build_main_window(store)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    for width, height in SIZES:
        window.resize(width, height - 28)
        window.show_welcome()
        window.show()
        settle()
        window.grab().save(str(out / f"welcome-{width}.png"))
        window.open_workshop(workshop_id)
        window.room.show()
        window.room.resize(width, height)
        keys = ["workshop"] + [spec.key for spec in window.specs]
        for key in keys:
            window.activate_tool(key)
            settle()
            window.grab().save(str(out / f"{key}-{width}.png"))
            window.room.grab().save(str(out / f"{key}-room-{width}.png"))
        window.room.hide()
    print(out)
    store.close()


if __name__ == "__main__":
    main()
