"""#18: a language twice as long as French still fits a 1024×768 screen. In the pseudo-locale
every string is doubled word by word (« Tous les ateliers » → « [Tous~~~~ les~~~ ateliers~~~~~~~~] »);
every tool of the demo workshop, each of its tabs and pages, is visited in a 1024 px window and
no button, check box, label or box cuts its words, nor does a column around it: they take more
lines instead, a button too narrow for one word shows its icon alone, a column that cannot
narrow its words any more scrolls sideways (ui/narrow_text.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as WaitTimedOut

from kitcop_desktop.app import build_main_window
from kitcop_desktop.i18n import set_language, tr
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.ui import narrow_text
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.workshop_view import WorkshopView
from tests.layout_checks import cut_widgets


@pytest.fixture
def pseudo():
    set_language("pseudo")
    yield
    set_language("fr")


@pytest.fixture
def window(qtbot, store):
    """The shell, which watches every button and label of the app (ui/narrow_text)."""
    window = build_main_window(store)
    qtbot.addWidget(window)
    return window


# How long a layout may take to settle on a loaded two-core machine (four suites at once: the
# printing tool's status line took more than three seconds to get its second line). Each wait
# ends as soon as the layout is right: the figure only costs when something is really cut.
SETTLE_MS = 10_000


def _settle(qtbot) -> None:
    qtbot.wait(30)


def _settled_cuts(qtbot, window) -> list[str]:
    """What is still cut once the layouts have settled (a few turns of the event loop: a
    button that wraps asks its layout again, a squeezed column its words); nothing cut is
    awaited up to SETTLE_MS (a busy machine)."""
    try:
        qtbot.waitUntil(lambda: not cut_widgets(window), timeout=SETTLE_MS)
    except (AssertionError, WaitTimedOut):
        return cut_widgets(window)  # still cut after SETTLE_MS: the test's answer
    return []  # everything fitted at once (a text set a moment later is laid out anew)


def _pages_of(page: QWidget):
    """Each tab and each stacked page of a tool, shown in turn."""
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield f"onglet {index}"
    for stack in page.findChildren(QStackedWidget):
        if isinstance(stack.parent(), QTabWidget):
            continue  # a tab widget's own stack: seen above
        before = stack.currentIndex()
        for index in range(stack.count()):
            stack.setCurrentIndex(index)
            yield f"page {type(stack.widget(index)).__name__}"
        stack.setCurrentIndex(before)


def test_every_tool_in_a_twice_longer_language_fits_a_1024_screen(qtbot, store, pseudo):
    workshop_id = create_demo(store)
    window = build_main_window(store)  # built in the pseudo-locale
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    _settle(qtbot)
    assert cut_widgets(window) == []  # the list of workshops
    assert window.open_workshop(workshop_id)
    view = window.findChild(WorkshopView)
    # The test can fail: the words really are twice as long.
    assert "Tous~~~~ les~~~" in view.back_button.text().replace("\n", " ")
    seen: dict[str, list[str]] = {}
    for key in ["workshop"] + [spec.key for spec in window.specs]:
        window.activate_tool(key)
        cuts = [f"{key}: {cut}" for cut in _settled_cuts(qtbot, window)]
        for where in _pages_of(view.stack.currentWidget()):
            cuts += [f"{key}, {where}: {cut}" for cut in _settled_cuts(qtbot, window)]
        seen[key] = sorted(set(cuts))
    window.room.close()
    assert window.width() <= 1024
    assert seen == {key: [] for key in seen}


def _column(qtbot, width: int, text: str) -> tuple[QWidget, QPushButton]:
    column = QWidget()
    qtbot.addWidget(column)
    layout = QVBoxLayout(column)
    button = QPushButton(text)
    layout.addWidget(button)
    column.setFixedWidth(width)
    column.show()
    qtbot.waitExposed(column)
    return column, button


def test_a_button_narrower_than_its_words_takes_two_lines_and_gets_one_back(qtbot, window):
    text = tr("Coller depuis un tableur…")
    column, button = _column(qtbot, 120, text)
    # Laid out a turn of the event loop later (a while on a busy machine).
    qtbot.waitUntil(lambda: "\n" in button.text(), timeout=SETTLE_MS)  # « Coller depuis / un… »
    assert button.text().replace("\n", " ") == text
    assert narrow_text.source_text(button) == text
    assert cut_widgets(column) == []
    column.setFixedWidth(600)  # room again
    qtbot.waitUntil(lambda: button.text() == text, timeout=SETTLE_MS)


def test_a_button_with_room_is_left_as_it_is(qtbot, window):
    column, button = _column(qtbot, 600, tr("Coller depuis un tableur…"))
    _settle(qtbot)
    assert button.text() == "Coller depuis un tableur…"
    assert button.minimumWidth() == 0  # the layout is not changed where words fit


def test_a_text_set_while_narrow_is_the_one_kept(qtbot, window):
    column, button = _column(qtbot, 120, "Coller depuis un tableur…")
    _settle(qtbot)
    button.setText("Tout le monde est là")
    qtbot.waitUntil(
        lambda: button.text().replace("\n", " ") == "Tout le monde est là", timeout=SETTLE_MS
    )
    assert narrow_text.source_text(button) == "Tout le monde est là"


def _squeezed_column(qtbot, width: int, *buttons: QPushButton) -> QScrollArea:
    """A column that scrolls only vertically (as the vote's and the déroulé's do), whose
    buttons sit in one row: its content wants more than the column has."""
    content = QWidget()
    row = QHBoxLayout(content)
    for button in buttons:
        row.addWidget(button)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    qtbot.addWidget(area)
    area.setFixedWidth(width)
    area.show()
    qtbot.waitExposed(area)
    return area


def test_a_squeezed_column_wraps_its_buttons_instead_of_cutting_them_off(qtbot, window):
    texts = ("Coller depuis un tableur…", "Garder comme modèle…", "Voir les fiches actions")
    buttons = [QPushButton(text) for text in texts]
    area = _squeezed_column(qtbot, 330, *buttons)
    qtbot.waitUntil(lambda: cut_widgets(area) == [], timeout=SETTLE_MS)
    assert all("\n" in button.text() for button in buttons[:2])  # more lines, all in sight
    assert [narrow_text.source_text(b) for b in buttons] == list(texts)
    assert not area.horizontalScrollBar().isVisible()
    area.setFixedWidth(900)  # room again: one line each
    qtbot.waitUntil(lambda: [b.text() for b in buttons] == list(texts), timeout=SETTLE_MS)


def test_a_button_too_narrow_for_one_word_shows_its_icon_and_says_its_word(qtbot, window):
    delete = QPushButton(icon("delete"), "Supprimerdéfinitivementtoutcela")
    delete.setToolTip("")
    others = [QPushButton(text) for text in ("Nouveau vote", "Préparation")]
    area = _squeezed_column(qtbot, 260, *others, delete)
    qtbot.waitUntil(lambda: delete.text() == "", timeout=SETTLE_MS)
    assert delete.toolTip() == "Supprimerdéfinitivementtoutcela"  # its word, on hovering
    assert delete.accessibleName() == "Supprimerdéfinitivementtoutcela"
    assert narrow_text.source_text(delete) == "Supprimerdéfinitivementtoutcela"
    assert cut_widgets(area) == []
    area.setFixedWidth(1000)
    qtbot.waitUntil(lambda: delete.text() == "Supprimerdéfinitivementtoutcela", timeout=SETTLE_MS)
    assert delete.toolTip() == ""  # its own tooltip back


def test_a_word_that_no_line_can_hold_makes_the_column_scroll_sideways(qtbot, window):
    word = QPushButton("Anticonstitutionnellementanticonstitutionnellement")
    area = _squeezed_column(qtbot, 160, word)
    qtbot.waitUntil(lambda: area.horizontalScrollBar().isVisible(), timeout=SETTLE_MS)
    assert cut_widgets(area) == []  # it can be brought into view
    area.setFixedWidth(1000)
    qtbot.waitUntil(
        lambda: area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff,
        timeout=SETTLE_MS,
    )


def test_a_button_broken_in_a_narrow_window_gets_its_line_back_when_the_window_widens(
    qtbot, window
):
    """In a row with a stretch a broken button is only as wide as its lines: without looking
    again when the window widens, it kept its lines for good (seen by the chantier's screens)."""
    row_window = QWidget()
    qtbot.addWidget(row_window)
    row = QHBoxLayout(row_window)
    text = "Exporter les résultats (CSV)…"
    button = QPushButton(text)
    row.addWidget(QPushButton("Nouveau vote"))
    row.addWidget(button)
    row.addStretch(1)
    row_window.setFixedWidth(200)
    row_window.show()
    qtbot.waitExposed(row_window)
    qtbot.waitUntil(lambda: "\n" in button.text(), timeout=SETTLE_MS)
    row_window.setFixedWidth(900)
    qtbot.waitUntil(lambda: button.text() == text, timeout=SETTLE_MS)
    assert cut_widgets(row_window) == []
