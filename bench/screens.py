"""Render every screen of the demo workshop to PNG, at 1024×768 and 1920×1080, for a look.

    .venv/bin/python bench/screens.py [OUT_DIR]      (default bench/out/screens)

Control window and room screen, for the welcome screen and each tool. Offscreen: no display needed.
"""

from __future__ import annotations

import sys

from screen_support import SIZES, demo_window


def main() -> None:
    _app, store, window, settle, out, workshop_id = demo_window("screens", sys.argv)
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
