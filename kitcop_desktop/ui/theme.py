"""One palette, one typeface, two looks: the calm control window and the dark room screen.

Okabe–Ito colours (colour-blind safe). Zones keep their colour everywhere, on screen and in print
(printing/ reads ZONE_COLOURS from domain-free constants below via kitcop_desktop.domain.palette).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kitcop_desktop import paths
from kitcop_desktop.domain.palette import OKABE_ITO, ROOM, ZONE_COLOURS  # noqa: F401

FONT_FAMILY = "DejaVu Sans"
_loaded = False


def load_fonts() -> str:
    """Register the shipped typeface (same as the PDFs) and return its family name."""
    global _loaded, FONT_FAMILY
    if not _loaded:
        for ttf in sorted(paths.fonts_dir().glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(ttf))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                FONT_FAMILY = families[0]
        _loaded = True
    return FONT_FAMILY


def colour(name: str) -> QColor:
    return QColor(OKABE_ITO.get(name, name))


def room_font(screen_height: int, fraction: float, *, bold: bool = False) -> QFont:
    """A font whose pixel size is a fraction of the room screen's height (1/20 for body)."""
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(12, int(screen_height * fraction)))
    font.setBold(bold)
    return font


CONTROL_QSS = """
QMainWindow, QDialog { background: #f6f7f9; }
QWidget { color: #1d2330; }
#Sidebar { background: #1f2a44; border: none; }
#Sidebar QToolButton { color: #e8ecf4; background: transparent; border: none; padding: 10px 8px;
  text-align: left; font-size: 10.5pt; border-radius: 6px; }
#Sidebar QToolButton:hover { background: #2d3b5e; }
#Sidebar QToolButton:checked { background: #0072B2; color: white; font-weight: bold; }
#PageTitle { font-size: 16pt; font-weight: bold; color: #1f2a44; }
#PageSubtitle { color: #4a5468; }
#Card { background: white; border: 1px solid #dde1e8; border-radius: 8px; }
QPushButton { padding: 6px 12px; border-radius: 5px; border: 1px solid #b9c0cc; background: white; }
QPushButton:hover { background: #eef3fb; }
QPushButton#Primary { background: #0072B2; color: white; border: 1px solid #005b8f; font-weight: bold; }
QPushButton#Primary:hover { background: #0a80c4; }
QPushButton#Primary:disabled { background: #e4e7ec; color: #6b7385; border: 1px solid #c9ced8; }
QPushButton#Danger { color: #a13d00; }
QLineEdit, QPlainTextEdit, QTextEdit, QDateEdit, QTimeEdit, QSpinBox, QComboBox {
  padding: 4px 6px; border: 1px solid #b9c0cc; border-radius: 4px; background: white; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus { border: 2px solid #0072B2; }
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { width: 16px; border: none; }
QAbstractSpinBox::up-arrow { image: url(ICONS/spin-up.svg); width: 8px; height: 5px; }
QAbstractSpinBox::down-arrow { image: url(ICONS/spin-down.svg); width: 8px; height: 5px; }
QTableView, QListView, QTreeView { background: white; border: 1px solid #dde1e8;
  alternate-background-color: #f3f6fa; selection-background-color: #cfe3f5; selection-color: #1d2330; }
QHeaderView::section { background: #eceff4; border: none; border-bottom: 1px solid #d5dae3;
  padding: 5px; font-weight: bold; }
QStatusBar { background: #eceff4; }
QToolBar { background: #ffffff; border-bottom: 1px solid #dde1e8; spacing: 6px; padding: 3px; }
"""


def apply_control_theme(app: QApplication) -> None:
    family = load_fonts()
    app.setFont(QFont(family, 10))
    app.setStyleSheet(control_stylesheet())


def control_stylesheet() -> str:
    """CONTROL_QSS with the shipped icons' folder: a styled spin box draws no arrows of its
    own (« 15 min » looked like a text field with an empty frame at its right)."""
    icons = (paths.resources_dir() / "icons").as_posix()
    return CONTROL_QSS.replace("ICONS/", f"{icons}/")
