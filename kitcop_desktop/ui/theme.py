"""One palette, one typeface, two looks: the calm control window and the dark room screen.

Okabe–Ito colours (colour-blind safe). Zones keep their colour everywhere, on screen and in print
(printing/ reads ZONE_COLOURS from domain-free constants below via kitcop_desktop.domain.palette).

Every colour the shell and the tools draw with is named here (a role: what it is for, not what
it looks like), and every widget's own style sheet is one of the named looks below, given with
`style(widget, look)`. No tool writes a « #rrggbb » or calls setStyleSheet itself
(tests/ui/test_theme_roles.py keeps it so): a colour changed here changes everywhere at once.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from kitcop_desktop import paths
from kitcop_desktop.domain.palette import CONTROL_STAGES, OKABE_ITO, ROOM, ZONE_COLOURS  # noqa: F401
from kitcop_desktop.domain.visibility import Visibility

# --- Colour roles of the control window (light background) ---------------------------------
INK = "#1d2330"  # body text
INK_MUTED = "#4a5468"  # secondary text, « pas encore », a countdown at rest (≥ 7:1 on white)
INK_LEFT = "#6b7385"  # someone who left the circle: greyed yet readable on white (4.8:1)
NAVY = "#1f2a44"  # titles, section heads, the sidebar, icons by default
ON_NAVY = "#e8ecf4"  # icons and words on the sidebar
WHITE = "#ffffff"  # paper, icons on a primary button
BLACK = "#000000"
ACCENT = OKABE_ITO["blue"]  # the primary action, the one speaking, a section's title
ACCENT_DARK = "#005b8f"  # accent words on white (the vote's winners)
ACCENT_TINT = "#eaf4fb"  # the chair of the one speaking
ACTION_BAND = "#e6f1f8"  # a fiche action's « Action », on a blue band as on the kit's card
SELECTION = "#cfe3f5"  # a chosen row, a section's rule
LINE = "#dde1e8"  # a list's row separator, a card's edge
CHAIR_EDGE = "#c9d1de"  # a chair of the bowl
EMPTY_EDGE = "#8a94a6"  # an empty chair's dashed edge
WINDOW = "#f6f7f9"  # the control window's and dialogs' background
EMPTY_FILL = WINDOW  # an empty chair
SIDEBAR_HOVER = "#2d3b5e"
FIELD_EDGE = "#b9c0cc"  # a button's or a field's edge
HOVER = "#eef3fb"  # a button under the pointer
ACCENT_HOVER = "#0a80c4"  # a primary button under the pointer
DISABLED_FILL = "#e4e7ec"  # a primary button that cannot be pressed
DISABLED_INK = INK_LEFT
DISABLED_EDGE = "#c9ced8"
ALTERNATE_ROW = "#f3f6fa"  # every other row of a list or table
HEADER_FILL = "#eceff4"  # a table's header, the status bar
HEADER_LINE = "#d5dae3"
PAGE_EDGE = "#9aa3b2"  # a printed page's edge in the preview
PREVIEW_BACKDROP = "#d9dde4"  # the table the preview's pages lie on
PRIMARY_DISABLED = "#a9bccb"  # a primary button that cannot be pressed yet (the vote)
STAR = OKABE_ITO["orange"]  # a fiche action's stars
WARNING = "#a13d00"  # a warning or a refusal said in words, a « Danger » button
ERROR_INK = "#8c1d18"  # the déroulé's conflicts (text)
ERROR_FILL = "#fdecea"
ERROR_LINE = "#f1b7b2"
CONFLICT = "#b3261e"  # a pinned time that cannot be kept, in the déroulé's table
NOTICE_FILL = "#fff4d6"  # a notice: the current séquence, the one-screen banner, a guide's hints
NOTICE_LINE = "#b26b00"
NOTICE_INK = "#3d2600"
FACILITATOR_TINT = "#fbf3ef"  # behind what only the facilitator sees (« Ma note »)
EARLY = "#1b6b35"  # ahead of the plan (the run's drift)
ENDING = "#8a6100"  # an interview's last minutes (the discreet timer)

# What each visibility is shown in (its badge, its icon, a private note's frame).
VISIBILITY_INK = {
    Visibility.ROOM: "#1f5f8b",
    Visibility.RESTITUTION: "#7a4d00",
    Visibility.FACILITATOR: "#a3320b",
}
FACILITATOR_INK = VISIBILITY_INK[Visibility.FACILITATOR]
# The run's drift: late, early, on time.
DRIFT_INK = {"late": CONTROL_STAGES["overrun"], "early": EARLY, "on_time": INK}
# An interview's discreet timer, stage by stage.
TIMER_INK = {"idle": INK_MUTED, "normal": INK_MUTED, "ending": ENDING, "over": WARNING}
# A QR code is black on white on the laptop and on the room screen alike (phones read it).
QR_LIGHT = WHITE
QR_DARK = BLACK

# The chantier's page and the tables' harvest.
INK_HINT = "#5b6478"  # a hint under a name (the map's zones), a RACI cell left empty
MAP_EDGE = "#c9cfdb"  # the square around the stakeholder map
BOX_EDGE = "#cfd6e4"  # a brique's box on the chantier's page
CHIP_EDGE = "#8a94a8"  # a toggle chip (a harvest's round or angle, a board's angle)
CAUTION_EDGE = "#e0c060"  # a governance body's warning: on NOTICE_FILL, framed
CAUTION_INK = "#5c4a00"
CAUTION_ICON = "#8a6d00"  # the ⚠ beside a governance body
# The boards.
HIGHLIGHT = OKABE_ITO["yellow"]  # a post-it found by the search
UNKNOWN_ZONE_CARD = "#999999"  # a post-it whose zone the board does not know
UNKNOWN_ZONE_CLUSTER = "#888888"  # a sous-thématique in such a zone
DUPLICATE_FILL = "#fff6d6"  # « déjà présent » under the post-it line
DUPLICATE_EDGE = "#e0c56a"

# --- Colour roles of the room screen (dark background), beside domain.palette.ROOM ----------
ROOM_BLANK = BLACK  # « Écran noir »
ROOM_SEAT = "#1b2438"  # a chair of the bowl's circle
ROOM_SEAT_RING = "#3a4660"  # the bowl's circle
ROOM_BAR = "#7d8799"  # a vote's bar below the first places
ROOM_TRACK = "#1c2333"  # behind a vote's bar
ROOM_ON_WARNING = ROOM["background"]  # words on a yellow badge
ROOM_HULL = "#dfe6f2"  # the speedboat's hull on the room screen
ROOM_CARD = "#1a2133"  # a post-it on the room screen
ROOM_TILE = "#161d2d"  # a zone's tile in the room's summary of a board
# The vote's bars in the control window.
BAR = PAGE_EDGE
TRACK = HEADER_FILL

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


CONTROL_QSS = f"""
QMainWindow, QDialog {{ background: {WINDOW}; }}
QWidget {{ color: {INK}; }}
#Sidebar {{ background: {NAVY}; border: none; }}
#Sidebar QToolButton {{ color: {ON_NAVY}; background: transparent; border: none; padding: 10px 8px;
  text-align: left; font-size: 10.5pt; border-radius: 6px; }}
#Sidebar QToolButton:hover {{ background: {SIDEBAR_HOVER}; }}
#Sidebar QToolButton:checked {{ background: {ACCENT}; color: white; font-weight: bold; }}
#PageTitle {{ font-size: 16pt; font-weight: bold; color: {NAVY}; }}
#PageSubtitle {{ color: {INK_MUTED}; }}
#Card {{ background: white; border: 1px solid {LINE}; border-radius: 8px; }}
QPushButton {{ padding: 6px 12px; border-radius: 5px; border: 1px solid {FIELD_EDGE}; background: white; }}
QPushButton:hover {{ background: {HOVER}; }}
QPushButton#Primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; font-weight: bold; }}
QPushButton#Primary:hover {{ background: {ACCENT_HOVER}; }}
QPushButton#Primary:disabled {{ background: {DISABLED_FILL}; color: {DISABLED_INK}; border: 1px solid {DISABLED_EDGE}; }}
QPushButton#Danger {{ color: {WARNING}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QDateEdit, QTimeEdit, QSpinBox, QComboBox {{
  padding: 4px 6px; border: 1px solid {FIELD_EDGE}; border-radius: 4px; background: white; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 2px solid {ACCENT}; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 16px; border: none; }}
QAbstractSpinBox::up-arrow {{ image: url(ICONS/spin-up.svg); width: 8px; height: 5px; }}
QAbstractSpinBox::down-arrow {{ image: url(ICONS/spin-down.svg); width: 8px; height: 5px; }}
QTableView, QListView, QTreeView {{ background: white; border: 1px solid {LINE};
  alternate-background-color: {ALTERNATE_ROW}; selection-background-color: {SELECTION}; selection-color: {INK}; }}
QHeaderView::section {{ background: {HEADER_FILL}; border: none; border-bottom: 1px solid {HEADER_LINE};
  padding: 5px; font-weight: bold; }}
QStatusBar {{ background: {HEADER_FILL}; }}
QToolBar {{ background: {WHITE}; border-bottom: 1px solid {LINE}; spacing: 6px; padding: 3px; }}
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


# --- Named looks: a widget's own style sheet -------------------------------------------------
BOLD = "font-weight: bold;"
WARNING_TEXT = f"color: {WARNING};"
WARNING_BOLD = f"color: {WARNING}; font-weight: bold;"
MUTED_TEXT = f"color: {INK_MUTED};"
MUTED_ITALIC = f"color: {INK_MUTED}; font-style: italic; padding: 8px;"
BIG_TITLE = "font-size: 22pt;"  # the welcome and start-up windows
HEADING = "font-weight: bold; font-size: 12pt;"
HEADING_SMALL = "font-weight: bold; font-size: 11pt;"
HEADING_LARGE = "font-size: 16pt; font-weight: bold;"  # the speaker of a round
SUBHEADING = "font-size: 13pt; font-weight: bold;"  # the question being asked
LARGE = "font-size: 12pt;"
SECTION_NAVY = f"font-weight: bold; color: {NAVY}; margin-top: 6px;"  # a form's section
GROUP_NAVY = f"font-weight: bold; color: {NAVY}; margin-top: 8px;"  # a group of printable parts
NAVY_LARGE = f"color: {NAVY}; font-size: 12pt;"
ACCENT_WORDS = f"color: {ACCENT_DARK}; font-weight: bold;"
ACCENT_MARKS = f"font-size: 16pt; color: {ACCENT};"  # the dots of a ballot
STAR_BUTTON = f"font-size: 18pt; color: {STAR}; border: none;"
SMALL_MUTED = f"color: {INK_MUTED}; font-size: 9pt;"
INDENTED = "margin-left: 22px;"
SPACED_ABOVE = "padding-top: 12px;"
WIDE_MESSAGE = "QLabel#qt_msgbox_label { min-width: 460px; }"
# A section of a fiche action, as on the kit's card: capitals, blue, a rule under.
FORM_SECTION = (
    f"font-weight: bold; color: {ACCENT}; letter-spacing: 1px; margin-top: 8px;"
    f" border-bottom: 1px solid {SELECTION};"
)
ACTION_FIELD = (
    f"QPlainTextEdit {{ font-size: 13pt; font-weight: bold; background: {ACTION_BAND}; }}"
)
ROOMY_LIST = (
    f"QListView::item {{ padding: 6px 4px; border-bottom: 1px solid {LINE}; }}"
    f" QListView::item:selected {{ background: {SELECTION}; color: {INK}; }}"
)
CONFLICTS = (
    f"background: {ERROR_FILL}; color: {ERROR_INK}; border: 1px solid {ERROR_LINE};"
    " border-radius: 5px; padding: 6px;"
)
HINTS = (
    f"background: {NOTICE_FILL}; border: 1px solid {OKABE_ITO['orange']}; border-radius: 4px;"
    " padding: 6px;"
)
ONE_SCREEN_BANNER = (
    f"#OneScreenBanner {{ background: {NOTICE_FILL}; border-bottom: 2px solid {NOTICE_LINE}; }}"
    f" #OneScreenBanner QLabel {{ color: {NOTICE_INK}; font-size: 11pt; }}"
)
FACILITATOR_BOX = (
    f"QGroupBox#FacilitatorNote {{ border: 1px dashed {FACILITATOR_INK}; border-radius: 4px; "
    f"margin-top: 4px; background: {FACILITATOR_TINT}; }}"
)
CHAIR_CARDS = f"""
#ChairCard {{ background: white; border: 2px solid {CHAIR_EDGE}; border-radius: 10px; }}
#ChairCard[speaking="true"] {{ border: 3px solid {ACCENT}; background: {ACCENT_TINT}; }}
#ChairCard[empty="true"] {{ background: {EMPTY_FILL}; border: 2px dashed {EMPTY_EDGE}; }}
"""
PREVIEW_AREA = f"QScrollArea {{ background: {PREVIEW_BACKDROP}; border: none; }}"
PREVIEW_INNER = f"background: {PREVIEW_BACKDROP};"
PREVIEW_PAGE = f"QLabel {{ border: 1px solid {PAGE_EDGE}; background: white; }}"
VOTE_PAGE = (
    f"QPushButton#Primary:disabled {{ background: {PRIMARY_DISABLED};"
    f" border-color: {PRIMARY_DISABLED}; }}"
    " QScrollArea#Rows, QScrollArea#Rows > QWidget > QWidget { background: transparent; }"
)
ROOM_BLANK_LOOK = f"background: {ROOM_BLANK};"
ROOM_SCREEN = (
    f"#RoomScreen {{ background: {ROOM['background']}; }}"
    f" QWidget {{ color: {ROOM['text']}; }}"
    " QLabel { background: transparent; }"
)
ROOM_PANEL = f"background: {ROOM['background']};"
ROOM_FLOATING_TEXT = f"color: {ROOM['text']}; background: transparent;"


def style(widget: QWidget, look: str) -> None:
    """Give `widget` one of the named looks above as its own style sheet (« » clears it)."""
    widget.setStyleSheet(look)


def coloured(colour: str) -> str:
    """The look of words in one of the roles above."""
    return f"color: {colour};"


def drift_look(tone: str) -> str:
    """The run's drift line: large, bold, in the tone's colour (`DRIFT_INK`)."""
    return f"font-size: 13pt; font-weight: bold; color: {DRIFT_INK[tone]};"


def room_words(colour: str) -> str:
    """Words on the room screen over its dark background, in one of the room's roles."""
    return f"color: {colour}; background: transparent;"


def room_backdrop(object_name: str) -> str:
    """The room's dark background on the widget named `object_name` only (not its children)."""
    return f"#{object_name} {{ background: {ROOM['background']}; }}"


def room_strip(object_name: str) -> str:
    """The room's dark background with a muted rule on top: the déroulé's strip under a tool."""
    return (
        f"#{object_name} {{ background: {ROOM['background']}; "
        f"border-top: 2px solid {ROOM['muted']}; }}"
    )


def edge_mark(colour: str) -> str:
    """A button marked by a thick coloured left edge (the interview's marks)."""
    return f"QPushButton {{ border-left: 6px solid {colour}; }}"


def heading_group(colour: str) -> str:
    """A group box titled in bold with a coloured rule on its left (the bowl's notes)."""
    return (
        f"QGroupBox {{ font-weight: bold; border-left: 5px solid "
        f"{colour}; padding-top: 14px; margin-top: 6px; }}"
    )


def visibility_words(visibility: Visibility) -> str:
    """A visibility badge's word: bold, in its visibility's colour."""
    return f"color: {VISIBILITY_INK[visibility]}; font-weight: bold;"


def chip_toggle(radius: int, padding: str) -> str:
    """A checkable chip: white with a grey edge, navy when checked (a harvest's round, angle)."""
    return (
        f"QPushButton {{ border: 1px solid {CHIP_EDGE}; border-radius: {radius}px;"
        f" padding: {padding}; background: {WHITE}; }}"
        f" QPushButton:checked {{ background: {NAVY}; color: {WHITE}; font-weight: bold; }}"
    )


def bold_words(colour: str) -> str:
    """Bold words in one of the roles (a legend's chip, a count over its limit)."""
    return f"color: {colour}; font-weight: bold;"


def segment_toggle(left: str, right: str) -> str:
    """One of a row of joined toggles (a board's angles): rounded only at the row's ends."""
    return (
        f"QPushButton {{ border: 1px solid {CHIP_EDGE}; padding: 4px 9px; background: {WHITE};"
        f" border-top-left-radius: {left}; border-bottom-left-radius: {left};"
        f" border-top-right-radius: {right}; border-bottom-right-radius: {right}; }}"
        f" QPushButton:checked {{ background: {NAVY}; color: {WHITE}; font-weight: bold; }}"
    )


def zone_toggle(colour: str) -> str:
    """A zone's button above the post-it line: framed in the zone's colour, filled when chosen."""
    return (
        f"QPushButton {{ border: 2px solid {colour}; border-radius: 14px; padding: 4px 10px; }}"
        f"QPushButton:checked {{ background: {colour}; color: white; font-weight: bold; }}"
    )


# « déjà présent »: the bar under a board's post-it line.
DUPLICATE_BAR = (
    f"#DuplicateBar {{ background: {DUPLICATE_FILL}; border: 1px solid {DUPLICATE_EDGE};"
    " border-radius: 5px; }"
)
# A private note's toggle on the harvest line: dashed in the facilitator's colour.
PRIVATE_TOGGLE = (
    f"QPushButton {{ border: 1px dashed {FACILITATOR_INK}; border-radius: 12px;"
    f" padding: 3px 10px; color: {FACILITATOR_INK}; background: {WHITE}; }}"
    f" QPushButton:checked {{ background: {FACILITATOR_TINT}; font-weight: bold;"
    " border-style: solid; }"
)
HARVEST_TITLE = "font-weight: bold; font-size: 15px;"
ACCENT_HEADING = f"font-weight: bold; font-size: 12pt; color: {ACCENT};"  # a chantier's section
BRIQUE_BOX = (
    f"#BriqueBox {{ border: 1px solid {BOX_EDGE}; border-radius: 6px; background: white; }}"
)
LEFT_ALIGNED = "text-align: left;"
CAUTION = (
    f"background: {NOTICE_FILL}; color: {CAUTION_INK}; border: 1px solid {CAUTION_EDGE}; "
    "border-radius: 4px; padding: 4px 8px;"
)
