"""Render the .kitcop import and export flow to PNG, for a look (offscreen, no display needed).

    .venv/bin/python bench/exchange_screens.py [OUT_DIR]     (default bench/out/exchange)

The real main window imports a zipped workshop, then a sous-groupe's board into the open
workshop (the dialogs are grabbed as they appear and answered), plus the export choices and
a refused file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "out" / "exchange")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

    from kitcop_desktop.app import build_main_window, make_application
    from kitcop_desktop.storage import boards, exchange, workshops
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.migrate import open_store
    from kitcop_desktop.ui import exchange_dialogs

    app = make_application()
    other = open_store(tmp / "other.sqlite3")
    demo_id = create_demo(other)
    with other.write() as s:
        workshop = exchange.export_workshop(s, demo_id, zipped=True)
        table = workshops.create(s, "Table 3").id
        board = boards.create_board(s, table, "speedboat", "Speedboat", subgroup="Table 3")
        for text in ("Manque de formateurs en alternance", "Aides de la Région"):
            boards.add_card(s, board.id, "levers", text)
        board_file = exchange.export_board(s, board.id)
    other.close()
    (tmp / "atelier.kitcop").write_bytes(workshop)
    (tmp / "table3.kitcop").write_bytes(board_file)

    store = open_store(tmp / "main.sqlite3")
    window = build_main_window(store)
    window.resize(1024, 740)
    window.show_welcome()
    window.show()
    shots: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        name = f"{len(shots) + 1:02d}-dialog.png"
        dialog.grab().save(str(out / name))
        shots.append(name)
        for button in dialog.findChildren(QAbstractButton):
            if button.text() in ("Importer", "OK", "&OK"):
                button.click()
                return
        dialog.reject()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(50)

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    settle()
    window.import_file(str(tmp / "atelier.kitcop"))
    settle()
    window.grab().save(str(out / "workshop-imported.png"))
    window.import_file(str(tmp / "table3.kitcop"))
    settle()
    window.grab().save(str(out / "board-merged.png"))
    timer.stop()

    boards_list = [(1, "Speedboat — enquête de terrain"), (2, "Speedboat — Table 3")]
    options = exchange_dialogs.ExportOptionsDialog(
        None,
        "Rénovation énergétique : les compétences de 2030",
        real_names=2,
        emails=1,
        boards=boards_list,
    )
    options.real_names.setChecked(True)
    options.show()
    settle()
    options.grab().save(str(out / "export-options.png"))
    (tmp / "futur.kitcop").write_bytes(
        b'{"format": "kitcop", "format_version": 3, "kind": "workshop", "tables": {}}'
    )
    try:
        exchange.read_file(tmp / "futur.kitcop")
    except exchange.ExchangeError as exc:
        refused = QMessageBox(QMessageBox.Icon.Warning, "Import impossible", str(exc))
        refused.show()
        settle()
        refused.grab().save(str(out / "refused-newer-version.png"))
    store.close()
    print(out)


if __name__ == "__main__":
    main()
