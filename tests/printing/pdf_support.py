"""Reading PDFs back the way a user would: page count, text, fonts, page sizes."""

from __future__ import annotations

import io
import math

from pypdf import PdfReader


def reader(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-"), "not a PDF"
    return PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(data).pages)


def squeeze(text: str) -> str:
    """Whitespace removed: wrapping inserts line breaks where the typist had spaces."""
    return "".join(text.split())


def fonts_of(data: bytes) -> set[tuple[str, bool]]:
    """(base font name, embedded?) for every font every page uses."""
    found = set()
    for page in reader(data).pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font.get("/BaseFont"))
            descriptor = font.get("/FontDescriptor")
            embedded = False
            if descriptor is not None:
                d = descriptor.get_object()
                embedded = any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.add((name, embedded))
    return found


def page_sizes_mm(data: bytes) -> list[tuple[int, int]]:
    out = []
    for page in reader(data).pages:
        box = page.mediabox
        out.append((round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)))
    return out


def flat(text: str) -> str:
    """Runs of whitespace (including wrapping's line breaks) as one space."""
    return " ".join(text.split())


def text_sizes(page) -> list[tuple[float, str]]:
    """(size in points as printed, text) of every piece of text on a page: the font size
    scaled by the text and transformation matrices (a drawing shrunk to fit counts small)."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            scale = math.sqrt(abs(tm[0] * tm[3] - tm[1] * tm[2]))
            scale *= math.sqrt(abs(cm[0] * cm[3] - cm[1] * cm[2]))
            found.append((size * scale, text.strip()))

    page.extract_text(visitor_text=visit)
    return found
