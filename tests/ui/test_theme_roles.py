"""One look: every colour the shell and the tools draw with is a named role of ui/theme.py,
every widget's own style sheet one of its named looks, and the printed documents' colours are
named in printing/colours.py. A « #rrggbb » or a setStyleSheet written anywhere else would
make two looks drift apart; these tests find them. (The screens were compared pixel by pixel
before and after the colours moved here: identical.)
"""

from __future__ import annotations

import re
from pathlib import Path

from kitcop_desktop.domain.palette import contrast_ratio
from kitcop_desktop.ui import theme

PACKAGE = Path(__file__).resolve().parents[2] / "kitcop_desktop"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
STYLE_SHEET = re.compile(r"\.setStyleSheet\(")

# Files still to move, each with its reason; the test fails when one of them is clean (then
# take it off the list), so the list only shrinks.
NOT_YET = {
    # The start-up window shows before the theme is imported (start-up time, issue #15).
    "ui/startup_window.py",
}
HOMES = {"ui/theme.py", "printing/colours.py"}


def offenders(layer: str, pattern: re.Pattern[str]) -> set[str]:
    found = set()
    for path in (PACKAGE / layer).rglob("*.py"):
        name = path.relative_to(PACKAGE).as_posix()
        if name not in HOMES and pattern.search(path.read_text(encoding="utf-8")):
            found.add(name)
    return found


def test_no_colour_is_written_outside_the_theme():
    found = offenders("ui", HEX) | offenders("tools", HEX)
    assert found - NOT_YET == set(), "name the colour in ui/theme.py and use the role"


def test_no_widget_styles_itself_outside_the_theme():
    found = offenders("ui", STYLE_SHEET) | offenders("tools", STYLE_SHEET)
    assert found - NOT_YET == set(), "name the look in ui/theme.py and give it with theme.style"


def test_printed_colours_are_named_in_one_palette():
    assert offenders("printing", HEX) - NOT_YET == set(), "name it in printing/colours.py"


def test_the_list_of_files_not_yet_moved_only_shrinks():
    found = set()
    for layer in ("ui", "tools", "printing"):
        found |= offenders(layer, HEX) | offenders(layer, STYLE_SHEET)
    assert NOT_YET - found == set(), "these files are clean now: take them off NOT_YET"


def test_words_in_the_control_window_read_on_white():
    """Text roles keep WCAG's 4.5:1 on white (secondary text and warnings included)."""
    roles = {
        "INK": theme.INK,
        "INK_MUTED": theme.INK_MUTED,
        "INK_LEFT": theme.INK_LEFT,
        "NAVY": theme.NAVY,
        "ACCENT_DARK": theme.ACCENT_DARK,
        "WARNING": theme.WARNING,
        "ERROR_INK": theme.ERROR_INK,
        "CONFLICT": theme.CONFLICT,
        "EARLY": theme.EARLY,
        "ENDING": theme.ENDING,
        **{f"VISIBILITY_INK[{v}]": c for v, c in theme.VISIBILITY_INK.items()},
        **{f"DRIFT_INK[{k}]": c for k, c in theme.DRIFT_INK.items()},
    }
    weak = {name: round(contrast_ratio(c, theme.WHITE), 2) for name, c in roles.items()}
    assert {name: r for name, r in weak.items() if r < 4.5} == {}
    # Words on a notice or an error band read too.
    assert contrast_ratio(theme.NOTICE_INK, theme.NOTICE_FILL) >= 7
    assert contrast_ratio(theme.ERROR_INK, theme.ERROR_FILL) >= 4.5


def test_a_look_is_given_as_the_widget_s_own_sheet(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel("Attention")
    qtbot.addWidget(label)
    theme.style(label, theme.WARNING_TEXT)
    assert theme.WARNING in label.styleSheet()
    theme.style(label, "")
    assert label.styleSheet() == ""
