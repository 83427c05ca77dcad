"""The one icon registry: every qtawesome name lives here, under a name the code uses.

The glyphs are qtawesome's Font Awesome 6 solid font, drawn by a small QIconEngine here. Never
`addPixmap`/`addFile` on these icons: detaching a QIcon whose engine is written in Python
crashes PySide6 (it did with qtawesome's engine too)."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QApplication

from kitcop_desktop.ui.theme import NAVY

ICONS = {
    # tools
    "agenda": "fa6s.list-check",
    "boards": "fa6s.sailboat",
    "voting": "fa6s.circle-dot",
    "fishbowl": "fa6s.people-group",
    "interviews": "fa6s.clipboard-user",
    "actions": "fa6s.flag-checkered",
    "printing": "fa6s.print",
    "tables": "fa6s.users-rectangle",
    "teams": "fa6s.people-arrows",  # teams that rotate together (tables, #24)
    "docx": "fa6s.file-word",
    "csv": "fa6s.file-csv",
    "workshop": "fa6s.house",
    # commands
    "new": "fa6s.plus",
    "shuffle": "fa6s.shuffle",
    "open": "fa6s.folder-open",
    "duplicate": "fa6s.copy",
    "delete": "fa6s.trash-can",
    "restore": "fa6s.trash-arrow-up",
    "import": "fa6s.file-import",
    "export": "fa6s.file-export",
    "template": "fa6s.shapes",
    "undo": "fa6s.rotate-left",
    "redo": "fa6s.rotate-right",
    "room_screen": "fa6s.display",
    "blank": "fa6s.eye-slash",
    "help": "fa6s.keyboard",
    "paste": "fa6s.paste",
    "up": "fa6s.arrow-up",
    "down": "fa6s.arrow-down",
    "play": "fa6s.play",
    "pause": "fa6s.pause",
    "next": "fa6s.forward-step",
    "previous": "fa6s.backward-step",
    "stop": "fa6s.stop",
    "plus_minute": "fa6s.plus",
    "minus_minute": "fa6s.minus",
    "sound_on": "fa6s.volume-high",
    "sound_off": "fa6s.volume-xmark",
    "search": "fa6s.magnifying-glass",
    "zoom_in": "fa6s.magnifying-glass-plus",
    "zoom_out": "fa6s.magnifying-glass-minus",
    "fit": "fa6s.expand",
    "reveal": "fa6s.eye",
    "hide": "fa6s.eye-slash",
    "lock": "fa6s.lock",
    "star": "fa6s.star",
    "warning": "fa6s.triangle-exclamation",
    "check": "fa6s.check",
    "pin": "fa6s.thumbtack",
    "clock": "fa6s.clock",
    "speaker": "fa6s.microphone",
    "chair": "fa6s.chair",
    "leave": "fa6s.door-open",
    "come_back": "fa6s.person-walking-arrow-loop-left",
    "note": "fa6s.note-sticky",
    "user": "fa6s.user",
    "save": "fa6s.floppy-disk",
    "pdf": "fa6s.file-pdf",
    "phones": "fa6s.mobile-screen-button",
    # visibility (domain/visibility.py): salle, restitution, animateur·rice
    "visibility_room": "fa6s.users",
    "visibility_restitution": "fa6s.share-from-square",
    "visibility_facilitator": "fa6s.user-lock",
    # boards
    "edit": "fa6s.pen",
    "group": "fa6s.object-group",
    "ungroup": "fa6s.object-ungroup",
    "colour": "fa6s.palette",
    "merge": "fa6s.code-merge",
    # chantier (#17)
    "chantier": "fa6s.helmet-safety",
    "action_plan": "fa6s.table-list",
    "protocol": "fa6s.vial",
    "move": "fa6s.arrow-right-to-bracket",
    "actors_map": "fa6s.circle-nodes",
    "governance": "fa6s.sitemap",
    "initiatives": "fa6s.lightbulb",
    "key_figures": "fa6s.chart-column",
    "link": "fa6s.link",
}


@cache
def _glyphs() -> tuple[str, dict[str, str]] | None:
    """qtawesome's Font Awesome 6 solid font, loaded without importing qtawesome (its qtpy
    layer star-imports every Qt module and loads QtOpenGL: ≈ 20 MB and 0.1–0.3 s at start-up,
    bench/RESULTS-memory.md and RESULTS-startup.md): (font family, name → character), or None
    when qtawesome's files are not where they were (its own `icon()` is then used)."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return None
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    ttfs = sorted(fonts.glob("fontawesome6-solid-webfont-[0-9]*.ttf"))
    if not ttfs:
        return None
    charmap = ttfs[-1].with_name(ttfs[-1].name.replace("webfont-", "webfont-charmap-"))
    try:
        codes = json.loads(charmap.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    families = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFontFromData(ttfs[-1].read_bytes())
    )
    if not families:
        return None
    return families[0], {name: chr(int(code, 16)) for name, code in codes.items()}


class _Glyph(QIconEngine):
    """One Font Awesome character drawn in one colour at any size, as qtawesome draws it
    (7/8 of the height, centred; the palette's disabled text colour when disabled)."""

    def __init__(self, family: str, char: str, colour: str) -> None:
        super().__init__()
        self._family, self._char, self._colour = family, char, colour

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        if mode == QIcon.Mode.Disabled:
            app = QApplication.instance()
            colour = (
                app.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                if isinstance(app, QApplication)
                else QColor(150, 150, 150)
            )
        else:
            colour = QColor(self._colour)
        painter.setPen(colour)
        font = QFont()
        font.setFamily(self._family)
        font.setPixelSize(max(1, round(0.875 * rect.height())))
        font.setStyleName("Solid")
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self._char)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _Glyph(self._family, self._char, self._colour)


@cache
def _qtawesome_font():
    """qtawesome itself (only when its font files were not found): the solid set alone, since
    qtawesome.icon() would load its twelve bundled fonts and their charmaps (about 10 MB)."""
    import qtawesome

    try:
        from qtawesome.iconic_font import IconicFont

        (solid,) = [font for font in qtawesome._BUNDLED_FONTS if font[0] == "fa6s"]
        return IconicFont(solid)
    except Exception:  # another qtawesome layout: its full singleton still works
        return qtawesome


@cache
def icon(name: str, color: str = NAVY) -> QIcon:
    """A QIcon by registry name. Unknown names are a programming error (KeyError)."""
    qta_name = ICONS[name]
    glyphs = _glyphs()
    if glyphs is not None and qta_name.removeprefix("fa6s.") in glyphs[1]:
        family, chars = glyphs
        return QIcon(_Glyph(family, chars[qta_name.removeprefix("fa6s.")], color))
    return _qtawesome_font().icon(qta_name, color=color)
