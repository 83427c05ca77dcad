"""The preview holds every page of a long document but draws only the pages in view (#15:
the preview drew 40 pages at 720 px up front, +66 MB, and never showed the rest)."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from kitcop_desktop.tools.printing.preview import MARGIN_PAGES, PagePreview


def _pdf(pages: int, tmp_path) -> bytes:
    path = tmp_path / "long.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 40)
        c.drawString(100, 400, f"Page {n}")
        c.showPage()
    c.save()
    return path.read_bytes()


def test_a_long_restitution_draws_only_what_is_in_view(qtbot, tmp_path):
    preview = PagePreview()
    qtbot.addWidget(preview)
    preview.resize(1024, 700)
    preview.show()
    qtbot.waitExposed(preview)
    total = preview.show_pdf(_pdf(72, tmp_path), 720)
    assert total == 72 and len(preview.pages) == 72  # every page has its place, none left out
    drawn = preview.drawn()
    assert drawn[0] == 0 and len(drawn) <= 1 + 2 * MARGIN_PAGES + 1  # the first pages only
    # Scrolled to the end: the last page is drawn, the first ones forgotten.
    bar = preview.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert 71 in preview.drawn() and 0 not in preview.drawn()
    assert len(preview.drawn()) <= 1 + 2 * MARGIN_PAGES + 1
    # A drawn page is the page it says it is, at the width asked.
    last = preview.pages[71]
    assert last.pixmap().width() == 720 and last.toolTip() == "Page 72 / 72"


def test_pages_left_hidden_hold_no_pixels_and_come_back_when_shown(qtbot, tmp_path):
    """Another tool on screen: the preview's pages are forgotten (#15: memory after every
    tool); back on Impression, the same pages are drawn again, where the facilitator was."""
    preview = PagePreview()
    qtbot.addWidget(preview)
    preview.resize(1024, 700)
    preview.show()
    qtbot.waitExposed(preview)
    preview.show_pdf(_pdf(12, tmp_path), 720)
    bar = preview.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = preview.drawn()
    image = preview.pages[before[0]].pixmap().toImage()
    preview.hide()
    assert preview.drawn() == []
    preview.show()
    assert preview.drawn() == before
    assert preview.pages[before[0]].pixmap().toImage() == image
