"""Words that take more lines instead of being cut when a widget is narrower than they are.

A button, a check box or a one-line label is as wide as its words in French. In a longer
language (English in places, German one day; the pseudo-locale of the layout tests doubles every
string) or in a narrow window (the control window beside the room screen on one 1024 px screen),
its column can be narrower than its words: Qt then cuts them (« Enregistrer le PD »).

Installed once on the application (through ui/app_events, for resize events only), this filter
looks at each button and one-line label Qt resizes: narrower than its words, a
button's text is broken at its spaces onto lines that fit (Qt draws and sizes multi-line button
text), and a label turns on its word wrap. Wide enough again, the button gets its one line back.
The code that owns the widget keeps calling `setText` as usual; the text it set is kept, and is
what `source_text` returns.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

_SOURCE = "kitcop_text"  # the text the code set, on a button whose words were broken
_SHOWN = "kitcop_shown"  # the broken text this filter set, to tell it from a new setText
_FLOOR = "kitcop_floor"  # the minimum width this filter set (the code set none)
_HEIGHT = "kitcop_height"  # the minimum height this filter set on a wrapping label
_WRAPPED = "kitcop_wrapped"  # a one-line label this filter let wrap
_HELD = "kitcop_held"  # the column (its id) whose squeeze set the floor
_TIP = "kitcop_tip"  # the tooltip its code set, on a button showing its icon alone
_HELD_ROOM = "kitcop_held_room"  # the width a squeezed column had when it held its words
_SIDEWAYS = "kitcop_sideways"  # a vertical column this filter let scroll sideways too
# Set on a window whose words are sized by its own code (the room screen fits its fonts to the
# projector): this filter leaves its widgets alone.
OWN_SIZES = "kitcop_own_text_sizes"


def _plain(text: str) -> str:
    """What is drawn: « && » shows one « & », a single « & » marks the shortcut letter."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def line_width(metrics: QFontMetrics, text: str) -> int:
    """The drawn width of `text`'s widest line."""
    return max((metrics.horizontalAdvance(_plain(line)) for line in text.split("\n")), default=0)


def broken(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` broken at its spaces into lines no wider than `width` (a longer word keeps its
    own line: it is never split). Line breaks already in `text` are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        indent = paragraph[: len(paragraph) - len(paragraph.lstrip(" "))]
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else indent + word
            if line and metrics.horizontalAdvance(_plain(candidate)) > width:
                lines.append(line)
                line = indent + word  # the lines stay aligned
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


def source_text(button: QAbstractButton) -> str:
    """The text the code gave `button`, before any line break this filter added."""
    shown = button.property(_SHOWN)
    if shown is not None and shown == button.text():
        return str(button.property(_SOURCE))
    return button.text()


def _fit_button(button: QAbstractButton) -> None:
    text = button.text()
    source = source_text(button)
    if not source.strip():
        return
    metrics = button.fontMetrics()
    chrome = button.sizeHint().width() - line_width(metrics, text)  # icon, box, margins
    room = button.width() - chrome
    if _may_show_icon_only(button) and room < _widest_word(metrics, source):
        wanted = ""  # not even one word fits: its icon alone, its words in its tooltip
    elif room <= 0:
        return
    else:
        wanted = source if line_width(metrics, source) <= room else broken(source, metrics, room)
    if wanted == text:
        return
    _show(button, source, wanted)


def _show(button: QAbstractButton, source: str, wanted: str) -> None:
    """`wanted` on `button` in place of the `source` text its code set."""
    if button.text() == "" and button.property(_TIP) is not None:
        button.setToolTip(str(button.property(_TIP)))  # its words are back on it
        button.setProperty(_TIP, None)
    button.setText(wanted)
    if wanted == source:
        button.setProperty(_SHOWN, None)
        return
    button.setProperty(_SOURCE, source)
    button.setProperty(_SHOWN, wanted)
    if wanted == "":
        button.setProperty(_TIP, button.toolTip())
        if not button.toolTip():
            button.setToolTip(_plain(source))
        button.setAccessibleName(_plain(source))


def _may_show_icon_only(button: QAbstractButton) -> bool:
    """Only a button with an icon, in a column squeezed beyond what its words can take."""
    return bool(button.property(_HELD)) and not button.icon().isNull()


def _widest_word(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(_plain(w)) for w in text.split()), default=0)


def _fit_label(label: QLabel) -> None:
    if label.wordWrap() or not label.text() or label.width() <= 0:
        return
    if label.width() < label.sizeHint().width() - 1 and " " in label.text().strip():
        label.setWordWrap(True)
        label.setProperty(_WRAPPED, True)


def words_width(widget: QAbstractButton | QLabel) -> int:
    """How narrow `widget` may go once its words take more lines: its widest word, plus what
    its text does not account for (check box, icon, margins)."""
    text = source_text(widget) if isinstance(widget, QAbstractButton) else widget.text()
    metrics = widget.fontMetrics()
    widest = _widest_word(metrics, text)
    if isinstance(widget, QAbstractButton) and _may_show_icon_only(widget):
        widest = 0  # it may show its icon alone
    if isinstance(widget, QLabel) and widget.wordWrap():
        margins = widget.contentsMargins()
        return widest + margins.left() + margins.right() + 2 * widget.margin()
    return widest + widget.sizeHint().width() - line_width(metrics, widget.text())


def _set_floor(widget: QAbstractButton | QLabel) -> None:
    """Let layouts give `widget` less than its one-line width, down to its widest word (its
    words then wrap), unless its own code chose a minimum width."""
    mine = widget.property(_FLOOR)
    if widget.minimumWidth() not in (0, mine):
        return
    hint = widget.sizeHint().width()
    if hint <= 0:
        return
    floor = max(0, min(words_width(widget), hint))
    if floor != widget.minimumWidth():
        widget.setMinimumWidth(floor)
        widget.setProperty(_FLOOR, floor)


def _fit_wrapped_label(label: QLabel) -> None:
    """A wrapping label of a fixed height (never squeezed) is as tall as its lines at the width
    it was given: Qt sizes it for a width of its own choosing, and a longer language's last
    lines were cut."""
    need = label.heightForWidth(label.width())
    mine = label.property(_HEIGHT)
    if label.minimumHeight() in (0, mine) and need > 0 and need != label.minimumHeight():
        label.setMinimumHeight(need)
        label.setProperty(_HEIGHT, need)


def _watched(widget: QObject) -> bool:
    if isinstance(widget, QLabel):
        if widget.wordWrap():
            # Its lines need their height where Qt would not give it: a fixed height, or a
            # row of a form that was one line before this filter wrapped it.
            fixed = widget.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Fixed
            return fixed or bool(widget.property(_WRAPPED))
        return not widget.pixmap() and " " in widget.text().strip()
    if isinstance(widget, QToolButton):
        return widget.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly and not (
            isinstance(widget.parent(), QToolBar)
        )
    return isinstance(widget, QAbstractButton) and bool(widget.text().strip())


def shortens_long_entries(combo: QComboBox, characters: int = 16) -> None:
    """A box of titles (rounds, guides) as wide as its longest title when there is room, and
    otherwise down to `characters` characters, its title shortened where it sits and whole in
    its list, rather than pushing the buttons beside it off a 1024 px screen."""
    policy = combo.sizeAdjustPolicy()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.setMinimumWidth(combo.minimumSizeHint().width())
    combo.setSizeAdjustPolicy(policy)


def _squeezed_content(container: QWidget) -> tuple[QWidget, int, int] | None:
    """A column that would cut its content off on its right when narrower than the least the
    content needs: a splitter (its parts), or an area that scrolls only vertically (its
    content). Returns the content, the room it has and the width its words want on one line;
    None for any other widget."""
    if isinstance(container, QSplitter):
        if container.orientation() != Qt.Orientation.Horizontal:
            return None
        return container, container.width(), container.sizeHint().width()
    if isinstance(container.parentWidget(), QStackedWidget):  # a tool's page, a tab
        return container, container.width(), container.sizeHint().width()
    if isinstance(container, QScrollArea) and container.widgetResizable():
        content = container.widget()
        off = container.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if content is None or not (off or container.property(_SIDEWAYS)):
            return None
        return content, container.viewport().width(), content.sizeHint().width()
    return None


def _hold_or_release(container: QWidget) -> None:
    """Squeezed below its content's minimum, a column lets every button and one-line label in
    it go down to its widest word (the words then take more lines, as in a narrow layout).
    Given more room than it had then, it gives them their minimums back and looks again: a
    column at the same width never goes back and forth, and one squeezed only while a window
    was being laid out is left as its code made it."""
    found = _squeezed_content(container)
    if found is None or container.window().property(OWN_SIZES):
        return
    content, room, _wanted = found
    if room <= 0:
        return
    held_at = container.property(_HELD_ROOM)
    if held_at is not None and room > int(held_at):
        _release(container, content)
        QTimer.singleShot(0, container, lambda: _hold_or_release(container))
    elif room < content.minimumSizeHint().width() - 1:
        _hold(container, content, room)


def _words_in(content: QWidget) -> list[QAbstractButton | QLabel]:
    """The buttons and labels inside `content`, hidden pages included."""
    return [*content.findChildren(QAbstractButton), *content.findChildren(QLabel)]


def _hold(container: QWidget, content: QWidget, room: int) -> None:
    mark = id(container)
    held: list[QWidget] = []
    for widget in _words_in(content):
        if not _watched(widget) or widget.property(_HELD) is not None:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        widget.setProperty(_HELD, mark)  # first: a held button may show its icon alone
        _set_floor(widget)
        if widget.property(_FLOOR) is None:
            widget.setProperty(_HELD, None)  # its code chose its width
        else:
            held.append(widget)
    container.setProperty(_HELD_ROOM, room)
    _ask_again(content, held)
    if isinstance(container, QScrollArea):
        QTimer.singleShot(0, container, lambda: _sideways_if_still_squeezed(container))


def _release(container: QWidget, content: QWidget) -> None:
    mark = id(container)
    container.setProperty(_HELD_ROOM, None)
    released: list[QWidget] = []
    for widget in _words_in(content):
        if widget.property(_HELD) != mark:
            continue
        widget.setProperty(_HELD, None)
        _release_floor(widget)
        if isinstance(widget, QAbstractButton) and widget.property(_SHOWN) is not None:
            _show(widget, source_text(widget), source_text(widget))
        released.append(widget)
    _ask_again(content, released)
    if isinstance(container, QScrollArea) and container.property(_SIDEWAYS):
        container.setProperty(_SIDEWAYS, None)
        container.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        container.updateGeometry()


def _sideways_if_still_squeezed(area: QScrollArea) -> None:
    """Words that cannot take more lines (one long word) would still be cut: the column then
    scrolls sideways too, until it has room again."""
    content = area.widget()
    if content is None or area.property(_SIDEWAYS):
        return
    if area.viewport().width() < content.minimumSizeHint().width() - 1:
        area.setProperty(_SIDEWAYS, True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        area.updateGeometry()


def _ask_again(content: QWidget, changed: list[QWidget]) -> None:
    """Qt does not pass a new minimum on from a hidden widget (a stacked page not shown, a tab
    behind another), so the column would keep wanting the old width: every widget between the
    ones changed and the column forgets its cached sizes."""
    seen: set[int] = set()
    for widget in changed:
        if not shiboken6.isValid(widget):
            continue
        parent = widget.parentWidget()
        while parent is not None and id(parent) not in seen:
            seen.add(id(parent))
            parent.updateGeometry()
            layout = parent.layout()
            if layout is not None:
                _invalidate(layout)
            if parent is content:
                break
            parent = parent.parentWidget()


def _invalidate(layout: QLayout) -> None:
    """`layout` and the layouts nested in it (its children) compute their sizes afresh."""
    for nested in layout.findChildren(QLayout):
        nested.invalidate()
    layout.invalidate()


def _release_floor(widget: QAbstractButton | QLabel) -> None:
    if widget.property(_FLOOR) is not None and widget.minimumWidth() == widget.property(_FLOOR):
        widget.setMinimumWidth(0)  # room again: the layout gives it its one line
        widget.setProperty(_FLOOR, None)


class NarrowText(QObject):
    """Sees the application's resize and layout-request events (ui/app_events): a button or a
    one-line label given less than its words breaks them onto lines, and may from then on go
    down to its widest word. A text changed by its code asks its parent's layout again: the
    parent's layout request marks its children, looked at once the layout has run (the next
    turn of the event loop), never at the passing sizes of a layout under way."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[int, QWidget] = {}
        self._wider: dict[int, QWidget] = {}  # windows and pages that just got wider

    def _later(self) -> None:
        if not self._pending and not self._wider:
            QTimer.singleShot(0, self, self._flush)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and _got_wider(watched, event):
            self._later()
            self._wider[id(watched)] = watched
        if event.type() == QEvent.Type.LayoutRequest:
            for child in watched.children():
                if child.isWidgetType() and _watched(child) and child.isVisible():
                    self._later()
                    self._pending[id(child)] = child
        elif _watched(watched):
            _fit(watched, resized=event.type() == QEvent.Type.Resize)
        elif isinstance(watched, (QScrollArea, QSplitter)) or isinstance(
            watched.parent(), QStackedWidget
        ):
            # Looked at once its resize is done (a scroll area sizes its viewport then).
            self._later()
            self._pending[id(watched)] = watched
        return False

    def _flush(self) -> None:
        wider, self._wider = list(self._wider.values()), {}
        unbroken: set[int] = set()
        for widget in wider:
            if shiboken6.isValid(widget):
                unbroken.update(id(button) for button in _unbreak_inside(widget))
        pending, self._pending = list(self._pending.values()), {}
        for widget in pending:
            if not (shiboken6.isValid(widget) and widget.isVisible()) or id(widget) in unbroken:
                continue  # one given its line back is looked at once its layout has run
            if isinstance(widget, (QScrollArea, QSplitter)) or isinstance(
                widget.parent(), QStackedWidget
            ):
                _hold_or_release(widget)
            elif isinstance(widget, (QAbstractButton, QLabel)):
                _fit(widget, resized=False)


def _got_wider(watched: QObject, event: QEvent) -> bool:
    """A window, or a tool's page or tab, given more width than it had."""
    if not isinstance(watched, QWidget) or not isinstance(event, QResizeEvent):
        return False
    if not (watched.isWindow() or isinstance(watched.parent(), QStackedWidget)):
        return False
    return event.size().width() > event.oldSize().width()


def _unbreak_inside(widget: QWidget) -> list[QAbstractButton]:
    """Buttons whose words were broken onto lines get their one line back, and their layout
    looks again: the squeeze, if it is still there, breaks them anew. Without this a button
    broken while its window was narrow (or while laid out hidden, at Qt's default size) kept
    its lines for good: its size hint had become that of its lines."""
    unbroken = []
    for button in widget.findChildren(QAbstractButton):
        if button.property(_SHOWN) is None or button.property(_HELD) is not None:
            continue
        source = source_text(button)
        _release_floor(button)
        _show(button, source, source)
        unbroken.append(button)
    return unbroken


def _fit(widget: QAbstractButton | QLabel, *, resized: bool) -> None:
    if widget.window().property(OWN_SIZES):
        return
    # Narrower than a word: a layout under way (its passing sizes), or beyond what more lines
    # can help; only the floor below applies.
    fits_a_word = widget.width() >= words_width(widget)
    if isinstance(widget, QLabel) and widget.wordWrap():
        if fits_a_word:
            _fit_wrapped_label(widget)
        return
    squeezed = 0 < widget.width() < widget.sizeHint().width() - 1
    if (resized or squeezed) and fits_a_word:
        if isinstance(widget, QAbstractButton):
            _fit_button(widget)
        else:
            _fit_label(widget)
    if squeezed:
        # Only while the window is narrower than its layouts want (a longer language, one
        # screen shared with the room): the squeeze then goes to words that can wrap, and a
        # layout with room is never changed.
        _set_floor(widget)
    elif not widget.property(_HELD):
        _release_floor(widget)
