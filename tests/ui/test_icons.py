"""The icons are qtawesome's Font Awesome glyphs drawn without importing qtawesome (its qtpy
layer loads every Qt module and QtOpenGL at start-up): they must look exactly as qtawesome
draws them, in every size and state the shell uses."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QIcon

from kitcop_desktop.ui import icons


def _qtawesome_icon(name: str, colour: str) -> QIcon:
    import qtawesome

    return qtawesome.icon(icons.ICONS[name], color=colour)


def test_every_icon_is_qtawesomes_glyph_pixel_for_pixel(qapp):
    for name in icons.ICONS:
        for colour in ("#1f2a44", "#e8ecf4"):
            ours, theirs = icons.icon(name, colour), _qtawesome_icon(name, colour)
            for size in (16, 24, 48):
                for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Active):
                    mine = ours.pixmap(size, size, mode).toImage()
                    assert mine == theirs.pixmap(size, size, mode).toImage(), (name, size, mode)


def test_drawing_an_icon_imports_neither_qtawesome_nor_qtpy():
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from kitcop_desktop.ui import icons\n"
        "assert not icons.icon('boards').pixmap(24, 24).isNull()\n"
        "print(sorted(m for m in ('qtawesome', 'qtpy', 'PySide6.QtOpenGL') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
