"""A printed document's story written again as a DOCX file (Word, LibreOffice), to edit.

The COP secretariat pastes the restitution and the fiches actions into its own forms. Rather
than a second set of builders that would drift from the PDF, the very story the PDF is made of
(`Document.story`: paragraphs, tables, drawings, page switches, section markers) is walked and
each piece written in its Word form: a paragraph keeps its words, bold, italics and colour and
takes the matching Word style (Titre 1, 2, 3…); a table stays a table, its header row repeated
on each page; a drawing (a board, a vote's bars) becomes a picture; A4, landscape and A3 pages
stay so. So the DOCX holds the same sections in the same order, by construction.
"""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from reportlab.lib.colors import Color
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from kitcop_desktop import APP_NAME
from kitcop_desktop.printing.document import (
    FORMATS,
    Document,
    _Contents,
    _Section,
    _WhenContents,
    frame_width,
)
from kitcop_desktop.printing.docx_pictures import picture_png
from kitcop_desktop.printing.styles import INK
from kitcop_desktop.printing.text import plain

# Our paragraph styles → Word's built-in ones (the names Word translates: « Titre 1 »…).
WORD_STYLES = {
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "cover_title": "Title",
    "cover_sub": "Subtitle",
    "quote": "Quote",
    "poster_title": "Title",
}
MARGIN_MM = 16
BODY_PT = 10
# On every facilitator's and secretariat's machine (LibreOffice maps it to Liberation Sans).
FONT = "Arial"


class _Writer:
    """Walks a story once, appending to one Word document."""

    def __init__(self, source: Document):
        self.source = source
        self.word = WordDocument()
        self.format = source._first_format or "portrait"
        self._page_pending = False
        self._pending_title = ""
        self._titled: set[int] = set()
        self._set_up()

    # -- the document's frame --------------------------------------------------------------

    def _set_up(self) -> None:
        word, source = self.word, self.source
        normal = word.styles["Normal"]
        normal.font.size = Pt(BODY_PT)
        normal.font.name = FONT
        _language(normal, "fr-FR")
        props = word.core_properties
        props.title = plain(source._pdf_title())
        props.author = APP_NAME
        props.language = "fr-FR"
        props.comments = source.heading.footer
        self._shape(word.sections[0], self.format)
        header = word.sections[0].header.paragraphs[0]
        header.text = plain(" — ".join(x for x in (source.marking, source.heading.workshop) if x))
        header.runs[0].font.size = Pt(9)
        footer = word.sections[0].footer.paragraphs[0]
        footer.add_run(plain(source.heading.footer) + "    ").font.size = Pt(9)
        _page_number(footer)

    @staticmethod
    def _shape(section, fmt: str) -> None:
        width, height = FORMATS[fmt]
        section.orientation = WD_ORIENT.LANDSCAPE if width > height else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Pt(width), Pt(height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN_MM))

    def _break(self) -> None:
        """Start the next page: a new Word section when the format changes, else a break."""
        self._page_pending = False
        body = self.word.paragraphs
        if not body or not any(p.text or p.runs for p in body):
            return  # nothing written yet: no blank first page
        self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _switch(self, fmt: str) -> None:
        if fmt == self.format:
            return
        self.format = fmt
        self._page_pending = False
        section = self.word.add_section(WD_SECTION.NEW_PAGE)
        self._shape(section, fmt)

    # -- the story -------------------------------------------------------------------------

    def write(self) -> bytes:
        self._titled = _sections_with_title(self.source.story)
        for item in self.source.story:
            self._item(item, self.word)
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue()

    def _item(self, item, into) -> None:
        if isinstance(item, NextPageTemplate):
            self._switch(item.action[1] if isinstance(item.action, list | tuple) else item.action)
            return
        if isinstance(item, PageBreak):
            self._page_pending = True
            return
        if isinstance(item, _Section) and id(item) not in self._titled:
            # A section the PDF names only in its page header (the fiches actions): the
            # DOCX has no such header per section, so the name becomes its title.
            self._pending_title = item.name
            return
        if isinstance(item, _Section | Spacer) or item is None:
            return
        if self._page_pending and into is self.word:
            self._break()
        if self._pending_title and into is self.word:
            self.word.add_paragraph(plain(self._pending_title), style="Heading 1")
            self._pending_title = ""
        if isinstance(item, list | tuple):
            for part in item:
                self._item(part, into)
        elif isinstance(item, KeepTogether):
            for part in item._content:
                self._item(part, into)
        elif isinstance(item, _WhenContents):
            if self.source.contents_names():
                self._item(item.heading, into)
        elif isinstance(item, _Contents):
            for name in item._names():
                into.add_paragraph(plain(name), style="List Bullet")
        elif isinstance(item, Paragraph):
            self._paragraph(item, into)
        elif isinstance(item, Table):
            self._table(item, into)
        elif isinstance(item, str):
            if item.strip():
                into.add_paragraph(plain(item))
        elif isinstance(getattr(item, "plain_text", None), str):  # text drawn as lines
            if item.plain_text.strip():
                into.add_paragraph(item.plain_text)
        elif isinstance(item, Flowable):
            self._picture(item, into)

    def _paragraph(self, para: Paragraph, into) -> None:
        name = getattr(para.style, "name", "body")
        paragraph = into.add_paragraph(style=WORD_STYLES.get(name))
        base = getattr(para.style, "fontSize", BODY_PT)
        for frag in getattr(para, "frags", []) or []:
            if getattr(frag, "lineBreak", False):
                paragraph.add_run().add_break()
                continue
            text = getattr(frag, "text", "")
            if not text:
                continue
            run = paragraph.add_run(text)
            run.bold = bool(getattr(frag, "bold", 0)) or None
            run.italic = bool(getattr(frag, "italic", 0)) or None
            size = getattr(frag, "fontSize", base)
            if name not in WORD_STYLES and size and abs(size - BODY_PT) >= 1:
                run.font.size = Pt(size)
            colour = _rgb(getattr(frag, "textColor", None))
            if colour is not None and name not in WORD_STYLES:
                run.font.color.rgb = colour

    def _table(self, table: Table, into) -> None:
        rows = table._cellvalues
        if not rows or not rows[0]:
            return
        if len(rows) == 1 and len(rows[0]) == 1:
            # A framed box (a fiche's « Description », the problématique): its content, plain.
            self._cell_content(rows[0][0], into)
            return
        word_table = into.add_table(rows=len(rows), cols=len(rows[0]))
        word_table.style = "Table Grid"
        widths = [w for w in (table._argW or []) if isinstance(w, int | float)]
        scale = 1.0
        if widths and len(widths) == len(rows[0]):
            usable = frame_width(self.format)
            scale = min(1.0, usable / max(sum(widths), 1))
        if widths and len(widths) == len(rows[0]):
            word_table.autofit = False
            for column, width in zip(word_table.columns, widths, strict=True):
                column.width = Pt(width * scale)
        head = getattr(table, "repeatRows", 0) or 0
        for r, row in enumerate(rows):
            word_row = word_table.rows[r]
            if r < head:
                _repeat_header(word_row)
            for c, value in enumerate(row):
                cell = word_row.cells[c]
                if widths and len(widths) == len(row):
                    cell.width = Pt(widths[c] * scale)
                first = cell.paragraphs[0]
                self._cell_content(value, cell)
                if not first.text and not first.runs and len(cell.paragraphs) > 1:
                    first._element.getparent().remove(first._element)
                if r < head:
                    _shade(cell, INK.hexval()[2:].upper())
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            run.bold = True
                            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        into.add_paragraph() if into is self.word else None

    def _cell_content(self, value, into) -> None:
        if isinstance(value, list | tuple):
            for part in value:
                self._item(part, into)
        elif isinstance(value, str | int | float):
            text = plain(value)
            if text.strip():
                into.add_paragraph(text)
        elif value is not None:
            self._item(value, into)

    def _picture(self, drawing: Flowable, into) -> None:
        width = frame_width(self.format)
        png, size = picture_png(drawing, width)
        if png is None:
            return
        paragraph = into.add_paragraph()
        paragraph.add_run().add_picture(io.BytesIO(png), width=Pt(size[0]))


def _rgb(colour) -> RGBColor | None:
    """A reportlab colour as Word's, leaving black (the default ink) alone, and pale ink too:
    white words on the PDF's coloured band would vanish on the DOCX's white page."""
    if not isinstance(colour, Color):
        return None
    red, green, blue = (round(255 * x) for x in (colour.red, colour.green, colour.blue))
    luminance = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255
    if max(red, green, blue) < 60 or luminance > 0.55:
        return None
    return RGBColor(red, green, blue)


def _language(style, tag: str) -> None:
    properties = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    properties.append(lang)


def _page_number(paragraph) -> None:
    """« 3 » in the footer: Word's PAGE field, computed by the word processor."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _shade(cell, hex_colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_colour)
    properties.append(shading)


def _is_title(item) -> bool:
    return isinstance(item, Paragraph) and getattr(item.style, "name", "") in ("h1", "cover_title")


def _sections_with_title(story: list) -> set[int]:
    """The section markers followed by their own title (an h1) before the next marker."""
    titled: set[int] = set()
    current = None
    for item in story:
        if isinstance(item, _Section):
            current = id(item)
        elif current is not None and _is_title(item):
            titled.add(current)
            current = None
    return titled


def story_to_docx(document: Document) -> bytes:
    """The DOCX of a document whose builders have run (its story filled, not yet built)."""
    return _Writer(document).write()
