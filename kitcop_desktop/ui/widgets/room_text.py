"""Room-screen text that is never cut: fitted as large as its rect allows, then paged.

The size is searched between a floor (body text: 1/20 of the room's height, never smaller)
and a ceiling. When even the floor does not fit (the kit's cadre des échanges on a 1024×768
projector), the text keeps the floor size and is split into pages of whole lines, preferably
at a paragraph; the widget shows « 1/2 » in its corner and the tool's clicker key turns the
page (`set_page`). Nothing is ever elided with « … ».

`wrap_lines` and `fit_pages` are the engine, usable by views that paint themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget

from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.ui import theme

# A page break is moved up to a paragraph's end when that keeps the page at least this full.
PARAGRAPH_BREAK_FILL = 0.55


def room_text_font(pixel_size: int, *, bold: bool = False) -> QFont:
    font = QFont(theme.FONT_FAMILY)
    font.setPixelSize(max(1, int(pixel_size)))
    font.setBold(bold)
    return font


# The no-break spaces French typography needs (before : ; ! ? » and a list's « · », after «):
# kept even when the rest of a no-break run gives way.
TYPOGRAPHIC_NBSP = re.compile("(?<=«)\u00a0|\u00a0(?=[:;!?»·])")
ORDINARY_SPACES = re.compile("( +)")


def loosen(paragraph: str, font: QFont, width: float) -> tuple[str, bool]:
    """A no-break run wider than the line (an answer kept whole that cannot fit on one) gives
    up its no-break spaces but the typographic ones: it then breaks between its words, never
    inside one. Returns the paragraph and whether a run gave way."""
    if "\u00a0" not in paragraph:
        return paragraph, False
    metrics = QFontMetricsF(font)
    parts = ORDINARY_SPACES.split(paragraph)
    gave_way = False
    for index, part in enumerate(parts):
        if "\u00a0" in part and metrics.horizontalAdvance(part) > width:
            kept = TYPOGRAPHIC_NBSP.sub("\x00", part)
            loose = kept.replace("\u00a0", " ").replace("\x00", "\u00a0")
            gave_way = gave_way or loose != part
            parts[index] = loose
    return "".join(parts), gave_way


def keep_whole(items: list[str], separator: str = "·") -> str:
    """Items on one flow, each kept whole on a line where it fits (no-break spaces inside, see
    `loosen`), the separator at the end of a line, never at the start of the next."""
    return f"\u00a0{separator} ".join(item.replace(" ", "\u00a0") for item in items)


def wrap_lines(text: str, font: QFont, width: float) -> list[str]:
    """`text` wrapped at `width` as Qt would paint it: one string per line, "" for an empty
    line. A word longer than the width is broken (it is never drawn past the edge)."""
    return _wrap(text, font, width, whole=False) or []


def _wrap(text: str, font: QFont, width: float, *, whole: bool) -> list[str] | None:
    """`wrap_lines`; with `whole`, None as soon as a run kept whole (`keep_whole`) is wider
    than the line (a run of no-break spaces is otherwise broken anywhere, as Qt does)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        if whole and loosen(paragraph, font, max(1.0, float(width)))[1]:
            return None  # a run kept whole would not fit on a line at this size
        # Qt counts UTF-16 units: an emoji (« Curieuse 🌤 ») is two of them, one character here.
        units = paragraph.encode("utf-16-le")
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, float(width)))
            start, length = line.textStart(), line.textLength()
            lines.append(units[2 * start : 2 * (start + length)].decode("utf-16-le").rstrip())
        layout.endLayout()
    return lines


def paginate(lines: list[str], per_page: int) -> list[list[str]]:
    """Whole lines in pages of at most `per_page`; a page ends at a paragraph when it can."""
    per_page = max(1, per_page)
    pages: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not current and not line:
            continue  # no empty line at the top of a page
        current.append(line)
        if len(current) < per_page:
            continue
        blank = max((i for i, x in enumerate(current) if not x), default=-1)
        if blank >= per_page * PARAGRAPH_BREAK_FILL:
            pages.append(current[:blank])
            current = [x for x in current[blank + 1 :]]
        else:
            pages.append(current)
            current = []
        while current and not current[0]:
            current.pop(0)
    while current and not current[-1]:
        current.pop()
    if current:
        pages.append(current)
    return [_trim(page) for page in pages] or [[]]


def _trim(page: list[str]) -> list[str]:
    while page and not page[-1]:
        page = page[:-1]
    return page


@dataclass
class Fitted:
    """How a text is shown: one pixel size for every page, each page a list of lines."""

    pixel_size: int
    line_height: float
    pages: list[list[str]] = field(default_factory=lambda: [[]])

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1


def fit_pages(
    text: str,
    width: float,
    height: float,
    floor_px: int,
    ceiling_px: int,
    *,
    bold: bool = False,
    whole: bool = False,
) -> Fitted:
    """The largest size in [floor, ceiling] showing all of `text` in width × height; when even
    the floor does not fit, the floor size in pages (one line kept free for « 1/2 »). `whole`:
    a size fits only if every run kept whole (`keep_whole`) stays on a line; at the floor, a
    run too long for any line breaks between its words."""
    floor_px = max(1, int(floor_px))
    ceiling_px = max(floor_px, int(ceiling_px))
    if whole:  # a run too long for a line even at the floor breaks between its words at once
        floor_font = room_text_font(floor_px, bold=bold)
        text = "\n".join(loosen(p, floor_font, max(1.0, float(width)))[0] for p in text.split("\n"))
    low, high, best = floor_px, ceiling_px, None
    while low <= high:
        mid = (low + high) // 2
        font = room_text_font(mid, bold=bold)
        wrapped = _wrap(text, font, width, whole=whole)
        spacing = QFontMetricsF(font).lineSpacing()
        if wrapped is not None and len(wrapped) * spacing <= height - spacing * 0.25:
            lines = wrapped  # with a breath before what follows
            best = Fitted(mid, spacing, [lines])
            low = mid + 1
        else:
            high = mid - 1
    if best is not None:
        return best
    font = room_text_font(floor_px, bold=bold)
    spacing = QFontMetricsF(font).lineSpacing()
    lines = wrap_lines(text, font, width)
    per_page = int((height - spacing) // spacing)
    return Fitted(floor_px, spacing, paginate(lines, per_page))


def page_label(page: int, count: int) -> str:
    """« 1/2 ▸ » on a page that has a next one, « 2/2 » on the last."""
    return f"{page + 1}/{count}" + (" ▸" if page + 1 < count else "")


class RoomPager(QObject):
    """Which page of a paged room view is shown; its tool's editor turns it (PageDown /
    PageUp in handle_room_key) and the room view says how many pages it needs."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.page = 0
        self.count = 1

    def set_count(self, count: int) -> None:
        self.count = max(1, int(count))
        if self.page >= self.count:
            self.page = self.count - 1
            self.changed.emit()

    def forward(self) -> bool:
        """The next page; False on the last one (the key then goes on, e.g. to the déroulé)."""
        if self.page + 1 < self.count:
            self.page += 1
            self.changed.emit()
            return True
        return False

    def back(self) -> bool:
        if self.page > 0:
            self.page -= 1
            self.changed.emit()
            return True
        return False

    def reset(self) -> None:
        if self.page:
            self.page = 0
            self.changed.emit()


def room_pager(ctx, key: str) -> RoomPager:
    """The one pager of a tool's room view in this context (shared with its editor)."""
    name = f"room_pager.{key}"
    if name not in ctx.extras:
        ctx.extras[name] = RoomPager()
    return ctx.extras[name]


def french_spacing(text: str) -> str:
    """No-break spaces before : ; ! ? and inside « », as French typography wants.

    Typed text uses ordinary spaces; on the projector a line must never start with « : ».
    """
    for mark, space in ((":", "\u00a0"), (";", "\u202f"), ("!", "\u202f"), ("?", "\u202f")):
        text = text.replace(f" {mark}", f"{space}{mark}")
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


class FittedText(QWidget):
    """A text block of the room screen: fitted, then paged, never cut."""

    # The number of pages changed (after a new text, size or fractions).
    pages_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, bold: bool = False) -> None:
        super().__init__(parent)
        self._text = ""
        self._raw = ""
        self._whole = False  # set_items: each item kept whole on a line where it fits
        self._colour = QColor(ROOM["text"])
        self._muted = QColor(ROOM["muted"])
        self._bold = bold
        self._floor = 1 / 20
        self._ceiling = 1 / 9
        self._centered = False
        self._page = 0
        self._fitted: Fitted | None = None
        self._key: tuple | None = None
        self._count = 1
        self.reference_height = 0  # the room's height; 0 = this widget's top-level height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.shown_text = ""  # the page last painted (tests)
        self.pixel_size = 0

    # --- API -------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show `text` (French spacing applied: « Question : … » never breaks before « : »)."""
        self._raw = text or ""
        self._whole = False
        text = french_spacing(self._raw)
        if text != self._text:
            self._text = text
            self._page = 0
        self._refit()

    def set_items(self, items: list[str], separator: str = "·") -> None:
        """Show `items` on one flow (sixty phones' answers): each kept whole on a line where
        it fits, `separator` between them at the end of a line (`keep_whole`). `text()` gives
        them joined by « · » with ordinary spaces."""
        self._raw = f" {separator} ".join(items)
        self._whole = True
        text = french_spacing(keep_whole(items, separator))
        if text != self._text:
            self._text = text
            self._page = 0
        self._refit()

    def text(self) -> str:
        """The text as given (what is painted has French no-break spaces added)."""
        return self._raw

    def set_colour(self, colour: str) -> None:
        self._colour = QColor(colour)
        self.update()

    def set_fractions(self, floor: float, ceiling: float) -> None:
        """Font pixel size between floor and ceiling fractions of the room's height."""
        self._floor, self._ceiling = floor, ceiling
        self._refit()

    def set_centered(self, centered: bool) -> None:
        self._centered = bool(centered)
        self.update()

    def page(self) -> int:
        return self._page

    def page_count(self) -> int:
        return self._count

    def set_page(self, page: int) -> None:
        page = max(0, min(int(page), self._count - 1))
        if page != self._page:
            self._page = page
            self.update()

    def page_indicator(self) -> str:
        """What the corner says (« 1/2 ▸ »), empty when the text fits on one page."""
        count = self.page_count()
        return page_label(self._page, count) if count > 1 else ""

    def page_text(self, page: int | None = None) -> str:
        """The lines of a page (the current one by default), as painted."""
        fitted = self.fitted()
        index = self._page if page is None else page
        return "\n".join(fitted.pages[max(0, min(index, len(fitted.pages) - 1))])

    # --- fitting -----------------------------------------------------------------------------
    def _room_height(self) -> int:
        return self.reference_height or max(1, self.window().height())

    def fitted(self) -> Fitted:
        h = self._room_height()
        key = (self._text, self.width(), self.height(), h, self._floor, self._ceiling)
        if self._fitted is None or key != self._key:
            floor = max(12, int(h * self._floor))
            ceiling = max(floor, int(h * self._ceiling))
            self._fitted = fit_pages(
                self._text,
                self.width(),
                self.height(),
                floor,
                ceiling,
                bold=self._bold,
                whole=self._whole,
            )
            self._key = key
        return self._fitted

    def _refit(self) -> None:
        fitted = self.fitted()
        if self._text and self.font().pixelSize() != fitted.pixel_size:
            # font() tells the size the text is shown at (as a QLabel's would).
            self.setFont(room_text_font(fitted.pixel_size, bold=self._bold))
        count = len(fitted.pages) if self._text else 1
        self._page = min(self._page, count - 1)
        if count != self._count:
            self._count = count
            self.pages_changed.emit(count)
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._refit()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if not self._text:
            self.shown_text, self.pixel_size = "", 0
            return
        fitted = self.fitted()
        page = fitted.pages[min(self._page, len(fitted.pages) - 1)]
        self.shown_text, self.pixel_size = "\n".join(page), fitted.pixel_size
        font = room_text_font(fitted.pixel_size, bold=self._bold)
        metrics = QFontMetricsF(font)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(self._colour)
        block = len(page) * fitted.line_height
        y = (self.height() - block) / 2 if self._centered and not fitted.paged else 0.0
        for line in page:
            x = (self.width() - metrics.horizontalAdvance(line)) / 2 if self._centered else 0.0
            painter.drawText(QRectF(x, y, self.width() - x, fitted.line_height), 0, line)
            y += fitted.line_height
        if fitted.paged:
            painter.setPen(self._muted)
            painter.drawText(
                QRectF(0, self.height() - fitted.line_height, self.width(), fitted.line_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                self.page_indicator(),
            )
        painter.end()
