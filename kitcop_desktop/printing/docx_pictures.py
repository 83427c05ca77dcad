"""A drawn flowable (a board, a vote's bars, the speedboat) as a picture for the DOCX copy.

The flowable draws itself on a one-page PDF the size it asks for, exactly as in the printed
document, and pypdfium2 (already the preview's renderer) turns that page into a PNG.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from reportlab.platypus import Flowable

from kitcop_desktop.printing.emoji import MixedCanvas
from kitcop_desktop.printing.fonts import FAMILY

DPI = 150  # sharp once printed, small enough to mail
TALLEST = 2000  # points: what a drawing may ask for at most (an A3 page is 1191)


def picture_png(drawing: Flowable, width: float) -> tuple[bytes | None, tuple[float, float]]:
    """The PNG of `drawing` laid out `width` points wide, and its size in points.

    (None, (0, 0)) for a drawing that takes no room (an invisible marker).
    """
    w, h = drawing.wrap(width, TALLEST)
    if w <= 1 or h <= 1:
        return None, (0.0, 0.0)
    buffer = io.BytesIO()
    page = MixedCanvas(buffer, pagesize=(w, h), initialFontName=FAMILY)
    drawing.drawOn(page, 0, 0)
    page.showPage()
    page.save()
    pdf = pdfium.PdfDocument(buffer.getvalue())
    try:
        image = pdf[0].render(scale=DPI / 72).to_pil()
    finally:
        pdf.close()
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue(), (w, h)
