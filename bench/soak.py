"""Random-click soak: thousands of random clicks, keys and hostile texts on the demo workshop.

    .venv/bin/python bench/soak.py [SEED] [STEPS] [empty]   (default 1, 1500; offscreen)

`empty` starts from a new, empty workshop instead of the demo (empty states: no séquence,
no board, no participant, no vote).

Every tool of the demo is driven at random: visible buttons clicked (not the ones that delete
a workshop or quit), fields filled with hostile text (`<`, `&`, emoji, 300 characters, tabs and
newlines, negative numbers) then Enter, rows selected, combos changed, clicker keys pressed,
undo and redo. Modal dialogs answer at once (cancel, or a random yes/no). Any Python exception raised in
a slot is collected; the run ends with the distinct ones and `kitcop check` on the database.
Each step is written to bench/out/soak-SEED.log before it runs, so a hang names its culprit.
Not a test (random, minutes long): run it after changing a tool, and fix what it finds.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXTS = (
    "Idée",
    "",
    "<b>&amp;</b> « guillemets »",
    "🎉 émoji",
    "x" * 300,
    "12",
    "-5",
    "99999",
    "Café, thé\tstructure\n2e ligne",
)
SKIP = ("Quitter", "Supprimer", "Effacer définitivement", "Tous les ateliers")
TOOLS = (
    "agenda",
    "boards",
    "voting",
    "fishbowl",
    "interviews",
    "actions",
    "printing",
    "tables",
    "workshop",
)


def main() -> int:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QColorDialog,
        QComboBox,
        QDialog,
        QFileDialog,
        QInputDialog,
        QLineEdit,
        QMenu,
        QMessageBox,
        QPlainTextEdit,
        QProgressDialog,
    )

    from kitcop_desktop.app import build_main_window, make_application
    from kitcop_desktop.storage.check import run_check
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.migrate import open_store

    rnd = random.Random(seed)
    errors: list[str] = []
    sys.excepthook = lambda t, v, tb: errors.append("".join(traceback.format_exception(t, v, tb)))
    app = make_application()
    store = open_store(tmp / "demo.sqlite3")
    if len(sys.argv) > 3 and sys.argv[3] == "empty":
        from kitcop_desktop.storage import workshops

        with store.write() as session:
            workshop_id = workshops.create(session, "Atelier vide").id
    else:
        workshop_id = create_demo(store)

    # No modal loop may block: dialogs answer at once.
    for cls in (QDialog, QMessageBox, QInputDialog, QFileDialog, QColorDialog, QProgressDialog):
        cls.exec = lambda self: 0
    yes_no = (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)
    QMessageBox.question = staticmethod(lambda *a, **k: rnd.choice(yes_no))
    for name in ("warning", "information", "critical"):
        setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))
    # The static dialogs run their own modal loop in C++ (the `exec` above never reaches
    # them): each answers at once too (« Coller une liste… » is getMultiLineText).
    QInputDialog.getText = staticmethod(lambda *a, **k: (rnd.choice(TEXTS), rnd.random() < 0.7))
    QInputDialog.getMultiLineText = staticmethod(
        lambda *a, **k: (rnd.choice(TEXTS), rnd.random() < 0.7)
    )
    QInputDialog.getInt = staticmethod(lambda *a, **k: (rnd.randint(-2, 14), rnd.random() < 0.7))
    QInputDialog.getItem = staticmethod(
        lambda _parent, _title, _label, items, *a, **k: (
            (rnd.choice(list(items)) if items else ""),
            rnd.random() < 0.7,
        )
    )
    QMenu.exec = lambda self, *a, **k: None

    window = build_main_window(store)
    window.resize(1024, 768)
    window.show()
    window.open_workshop(workshop_id)
    keys = (
        Qt.Key.Key_PageDown,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_Space,
        Qt.Key.Key_Return,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Minus,
        Qt.Key.Key_0,
        Qt.Key.Key_1,
        Qt.Key.Key_2,
        Qt.Key.Key_R,
        Qt.Key.Key_L,
        Qt.Key.Key_B,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_F5,
    )
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    log = (out / f"soak-{seed}.log").open("w", encoding="utf-8")

    def note(*what) -> None:
        log.write(repr(what) + "\n")
        log.flush()

    def visible(kind):
        return [w for w in window.findChildren(kind) if w.isVisible() and w.isEnabled()]

    def step() -> None:
        r = rnd.random()
        if r < 0.05:
            tool = rnd.choice(TOOLS)
            note("tool", tool)
            window.activate_tool(tool)
        elif r < 0.10:  # Ctrl+Z, sometimes Ctrl+Y: each tool's history meets the others' rows
            if rnd.random() < 0.7:
                note("undo")
                window.undo_group.undo()
            else:
                note("redo")
                window.undo_group.redo()
        elif r < 0.55:
            buttons = [
                b
                for b in visible(QAbstractButton)
                if not any(s in b.text() for s in SKIP)
                and not (hasattr(b, "menu") and b.menu() is not None)  # a popup would block
            ]
            if buttons:
                button = rnd.choice(buttons)
                note("click", button.text() or button.toolTip()[:40])
                button.click()
        elif r < 0.70:
            fields = [f for f in visible(QLineEdit) + visible(QPlainTextEdit) if not f.isReadOnly()]
            if fields:
                field, text = rnd.choice(fields), rnd.choice(TEXTS)
                note("type", type(field).__name__, text[:20])
                field.setFocus()
                if isinstance(field, QLineEdit):
                    field.setText(text)
                    QTest.keyClick(field, Qt.Key.Key_Return)
                else:
                    field.insertPlainText(text)
        elif r < 0.80:
            views = [v for v in visible(QAbstractItemView) if v.model() and v.model().rowCount()]
            if views:
                view = rnd.choice(views)
                row = rnd.randrange(view.model().rowCount())
                note("select", type(view).__name__, row)
                view.setCurrentIndex(view.model().index(row, 0))
                view.setFocus()
                if rnd.random() < 0.3:
                    key = rnd.choice((Qt.Key.Key_Return, Qt.Key.Key_Delete, Qt.Key.Key_Down))
                    QTest.keyClick(view, key)
        elif r < 0.85:
            combos = [c for c in visible(QComboBox) if c.count()]
            if combos:
                combo = rnd.choice(combos)
                index = rnd.randrange(combo.count())
                note("combo", combo.toolTip()[:30], index)
                combo.setCurrentIndex(index)
                combo.activated.emit(index)
        else:
            key = rnd.choice(keys)
            note("key", key.name)
            window.setFocus()
            QTest.keyClick(window, key)
        for _ in range(2):
            app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the event loop would
        if window.room.isVisible() and rnd.random() < 0.1:
            window.room.grab()  # paint the room screen too

    done = 0
    while done < steps and len(errors) <= 20:
        done += 1
        try:
            step()
        except Exception:
            errors.append(traceback.format_exc())
    healthy = run_check(store).healthy
    print(f"seed {seed}: {done} steps, {len(errors)} errors, kitcop check healthy: {healthy}")
    seen: set[str] = set()
    for error in errors:
        last = error.strip().splitlines()[-1]
        if last not in seen:
            seen.add(last)
            print("-----\n" + error[-2500:])
    return 0 if not errors and healthy else 1


if __name__ == "__main__":
    sys.exit(main())
