"""The document frame every printable shares: pages, header, footer, « 3 / 12 » numbering.

A `Document` collects flowables; `portrait()`, `landscape()` and `poster()` switch the page
format (A4, A4 landscape, A3 landscape) from the next page on; `section(name)` names what the
header shows. `build()` returns the PDF bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from kitcop_desktop import APP_NAME
from kitcop_desktop.printing.drawing import wrap_lines
from kitcop_desktop.printing.emoji import MixedCanvas, text_width
from kitcop_desktop.printing.fonts import BOLD, FAMILY, register_fonts
from kitcop_desktop.printing.styles import INK, MARK, MUTED, RULE, styles
from kitcop_desktop.printing.text import one_line, plain

MARGIN = 16 * mm
HEADER = 10 * mm
FORMATS = {"portrait": A4, "landscape": landscape(A4), "poster": landscape(A3)}


@dataclass(frozen=True)
class Heading:
    """What every page's header and footer say."""

    workshop: str  # the workshop's title
    footer: str  # « mardi 3 mars 2026 — Préfecture de région, Lyon »


class _NumberedCanvas(MixedCanvas):
    """Keeps every page until the end, so that each can say « 3 / 12 »."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Without this every page would also reference Helvetica, a font we do not embed.
        kwargs["initialFontName"] = FAMILY
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    # Set by Document.build: where the sommaire's page numbers go, and the sections' pages.
    contents_slots: list = []
    section_pages: dict = {}

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width, _height = self._pagesize
            self.setFont(FAMILY, 9)
            self.setFillColor(MUTED)
            self.drawRightString(width - MARGIN, MARGIN / 2, f"{number} / {total}")
            self.setFont(FAMILY, 10)
            self.setFillColor(INK)
            for page, name, x, y in self.contents_slots:
                if page == number and name in self.section_pages:
                    self.drawRightString(x, y, str(self.section_pages[name]))
            super().showPage()
        super().save()


class _Section(Flowable):
    """Invisible marker: from here on, the header names this section (and the sommaire
    learns on which page it starts)."""

    def __init__(self, name: str, pages: dict[str, int] | None = None):
        super().__init__()
        self.name = name
        self.pages = pages
        self.width = self.height = 0

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.canv._kit_section = self.name
        if self.pages is not None:
            self.pages.setdefault(self.name, self.canv.getPageNumber())


class _WhenContents(Flowable):
    """The sommaire's heading, drawn only when the sommaire lists something."""

    def __init__(self, heading: Flowable, document: Document):
        super().__init__()
        self.heading = heading
        self.document = document
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        if not self.document.contents_names():
            self.width = self.height = 0
            return 0, 0
        self.width, self.height = self.heading.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self):
        if self.height:
            self.heading.drawOn(self.canv, 0, 0)


class _Contents(Flowable):
    """The sommaire: every section after it, with the page it starts on.

    One build only: the rows are laid out now, and their page numbers are written at the
    very end (in _NumberedCanvas.save), when every section's first page is known.
    """

    def __init__(self, document: Document, names: list[str] | None = None):
        super().__init__()
        self.document = document
        self.names = names
        self._table: Table | None = None
        self._origin = (0.0, 0.0)

    def _names(self) -> list[str]:
        return self.names if self.names is not None else self.document.contents_names()

    def _make_table(self, width: float, names: list[str]) -> Table:
        body = styles()["body"]
        rows = [[Paragraph(one_line(name), body), ""] for name in names]
        table = Table(rows, colWidths=[width - 20 * mm, 20 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return table

    def wrap(self, available_width, available_height):
        if not self._names():  # nothing follows: no sommaire at all
            self._table = None
            self.width = self.height = 0
            return 0, 0
        self._table = self._make_table(available_width, self._names())
        self.width, self.height = self._table.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width, available_height):
        """Whole rows on this page, the rest as another sommaire on the next."""
        names = self._names()
        if not names:
            return []
        table = self._make_table(available_width, names)
        table.wrap(available_width, available_height)
        used, fit = 0.0, 0
        for height in table._rowHeights:
            if used + height > available_height:
                break
            used += height
            fit += 1
        if fit == 0 or fit >= len(names):
            return []
        return [_Contents(self.document, names[:fit]), _Contents(self.document, names[fit:])]

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab API
        self._origin = (x, y)
        super().drawOn(canvas, x, y, _sW)

    def draw(self):
        if self._table is None:
            return
        self._table.drawOn(self.canv, 0, 0)
        x, y = self._origin
        page = self.canv.getPageNumber()
        bottoms = self._table._rowpositions[1:]
        for name, bottom in zip(self._names(), bottoms, strict=False):
            # Baseline of a one-line 10 pt paragraph sitting on the row's bottom padding.
            self.document.contents_slots.append((page, name, x + self.width, y + bottom + 6))


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut a header line with « … » so that it never runs into the other side."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


HEAD_SIZE = 9  # running heads and feet: no printed text under 9 pt


def _lines(text: str, font: str, width: float) -> list[str]:
    """A running head in one line, or two when it is long: whole words, never « … »."""
    if text_width(text, font, HEAD_SIZE) <= width:
        return [text]
    lines = wrap_lines(text, font, HEAD_SIZE, width, 2)
    return lines[:2]


def _decorate(heading: Heading, marking: str = ""):
    def on_page_end(canvas, doc):
        width, height = canvas._pagesize
        section = plain(getattr(canvas, "_kit_section", ""))
        canvas.saveState()
        y = height - MARGIN + 3 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, y - 2 * mm, width - MARGIN, y - 2 * mm)
        canvas.line(MARGIN, MARGIN - 2 * mm, width - MARGIN, MARGIN - 2 * mm)
        usable = width - 2 * MARGIN - 8 * mm
        # The section takes what it needs up to half the line; the workshop the rest.
        right_w = min(text_width(section, FAMILY, HEAD_SIZE), usable / 2)
        step = HEAD_SIZE * 1.2
        canvas.setFont(BOLD, HEAD_SIZE)
        canvas.setFillColor(INK)
        for k, line in enumerate(reversed(_lines(plain(heading.workshop), BOLD, usable - right_w))):
            canvas.drawString(MARGIN, y + k * step, line)
        canvas.setFont(FAMILY, HEAD_SIZE)
        canvas.setFillColor(MUTED)
        for k, line in enumerate(reversed(_lines(section, FAMILY, right_w or 1))):
            canvas.drawRightString(width - MARGIN, y + k * step, line)
        # Leave room on the right for « 12 / 120 »; a long footer takes a second line below.
        footer = f"{plain(heading.footer)} · {APP_NAME}"
        for k, line in enumerate(_lines(footer, FAMILY, usable - 20 * mm)):
            canvas.drawString(MARGIN, MARGIN / 2 - k * step, line)
        if marking:  # every page of the facilitator's document says so, above the header
            canvas.setFont(BOLD, 9)
            canvas.setFillColor(MARK)
            canvas.drawCentredString(width / 2, height - 7 * mm, _fit(marking, BOLD, 9, usable))
        canvas.restoreState()

    return on_page_end


class Document:
    """Flowables plus page-format switches; `build()` makes the PDF."""

    def __init__(self, heading: Heading, title: str, marking: str = ""):
        """`marking`: a line every page carries above its header (the facilitator's document:
        « Document de l'animateur·rice — ne pas diffuser »)."""
        register_fonts()
        self.heading = heading
        self.title = title
        self.marking = marking
        self.story: list = []
        self._first_format: str | None = None
        self._current: str | None = None
        self.section_pages: dict[str, int] = {}
        self.contents_slots: list[tuple[int, str, float, float]] = []
        self._contents: _Contents | None = None

    def _switch(self, fmt: str, *, new_page: bool) -> None:
        if self._first_format is None:
            self._first_format = self._current = fmt
            return
        if fmt != self._current:
            self.story.append(NextPageTemplate(fmt))
            self._current = fmt
            self.story.append(PageBreak())
        elif new_page and self.story:
            self.story.append(PageBreak())

    def page(self, fmt: str = "portrait", *, new_page: bool = True) -> None:
        """Start a new page in this format (or go on in the same one if new_page is False)."""
        self._switch(fmt, new_page=new_page)

    def section(self, name: str) -> None:
        """Name the section shown in the header, from the page this marker lands on."""
        self.story.append(_Section(name, self.section_pages))

    def contents(self, heading=None) -> None:
        """Put the sommaire here: the sections that follow and their first pages, under
        `heading` (a flowable); neither is printed when no section follows."""
        self._contents = _Contents(self)
        if heading is not None:
            self.story.append(_WhenContents(heading, self))
        self.story.append(self._contents)

    def contents_names(self) -> list[str]:
        """The names of the sections after the sommaire, in order, each once."""
        names: list[str] = []
        if self._contents is None:
            return names
        after = self.story[next(i for i, x in enumerate(self.story) if x is self._contents) :]
        for item in after:
            if isinstance(item, _Section) and item.name not in names:
                names.append(item.name)
        return names

    def add(self, *flowables) -> None:
        for item in flowables:
            if isinstance(item, list | tuple):
                self.story.extend(item)
            else:
                self.story.append(item)

    def _pdf_title(self) -> str:
        """The PDF's own title: the facilitator's mark first when there is one (it names the
        document already, « Document de l'animateur·rice — ne pas diffuser »)."""
        title = self.title
        if self.marking:
            title = self.marking if self.marking.startswith(title) else f"{title} — {self.marking}"
        return f"{title} — {self.heading.workshop}"

    def build(self) -> bytes:
        self.section_pages.clear()
        self.contents_slots.clear()
        buffer = io.BytesIO()
        first = self._first_format or "portrait"
        templates = []
        # The first template is the one the document starts with.
        for fmt in [first] + [f for f in FORMATS if f != first]:
            width, height = FORMATS[fmt]
            frame = Frame(
                MARGIN,
                MARGIN,
                width - 2 * MARGIN,
                height - 2 * MARGIN - HEADER / 2,
                id=f"{fmt}-frame",
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
            templates.append(
                PageTemplate(
                    id=fmt,
                    frames=[frame],
                    onPageEnd=_decorate(self.heading, self.marking),
                    pagesize=(width, height),
                )
            )
        doc = BaseDocTemplate(
            buffer,
            pagesize=FORMATS[first],
            pageTemplates=templates,
            title=plain(self._pdf_title()),
            author=APP_NAME,
            creator=APP_NAME,
            lang="fr-FR",
        )
        # build() consumes the list it is given, marks what it pushed to the next page and
        # switches keepWithNext off on headings it grouped: hand it a clean copy, the story
        # may be built twice (the sommaire's first pass).
        for flowable in self.story:
            flowable.__dict__.pop("_postponed", None)
            flowable.__dict__.pop("keepWithNext", None)
        story = list(self.story) or [_Section(self.title)]
        document = self

        class Canvas(_NumberedCanvas):
            contents_slots = document.contents_slots
            section_pages = document.section_pages

        doc.build(story, canvasmaker=Canvas)
        return buffer.getvalue()


def frame_width(fmt: str) -> float:
    """The usable width of a page format, for tables that fill it."""
    return FORMATS[fmt][0] - 2 * MARGIN


def frame_height(fmt: str) -> float:
    return FORMATS[fmt][1] - 2 * MARGIN - HEADER / 2
