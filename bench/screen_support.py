"""What the screen scripts share (bench/screens.py, bench/chantier_screens.py): a fresh data
folder, the app, the demo in a real file, the main window, and a way to let Qt paint.

    from screen_support import demo_window
    app, store, window, settle, out = demo_window("screens", sys.argv)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

SIZES = ((1024, 768), (1920, 1080))


def output_folder(name: str, argv: list[str]) -> Path:
    out = Path(argv[1] if len(argv) > 1 else Path(__file__).parent / "out" / name)
    out.mkdir(parents=True, exist_ok=True)
    return out


def demo_window(name: str, argv: list[str], *, rounds: int = 5):
    """(app, store, window, settle, out, workshop_id): the demo opened in the real window,
    in a data folder of its own (nothing of the user's is read or written)."""
    out = output_folder(name, argv)
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
        for _ in range(rounds):
            app.processEvents()

    return app, store, window, settle, out, workshop_id
