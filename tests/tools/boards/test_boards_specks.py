"""A board of thousands seen whole (issue 15): a post-it a few pixels tall shows its lines as
faint strokes, without laying its words out; zoomed in to read, its words are there."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

from kitcop_desktop.tools.boards.board_data import CardData
from kitcop_desktop.tools.boards.items import GREEK_BELOW_PX, CardItem
from kitcop_desktop.tools.boards.look import CONTROL


def _card() -> CardData:
    return CardData(
        id=1,
        board_id=1,
        zone="levers",
        cluster_id=None,
        position=0,
        text="Former les artisans à la rénovation énergétique « dès le CFA » !",
        author="",
        colour="",
        weight=1,
        angle="",
        source="",
        fiche=0,
        subgroup="",
    )


def _drawn(item: CardItem, scale: float) -> QImage:
    image = QImage(
        int(item.width * scale) + 2, int(item.height * scale) + 2, QImage.Format.Format_RGB32
    )
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    item.paint(painter, None)
    painter.end()
    return image


def _inked(image: QImage, fill: QColor) -> int:
    """Pixels clearly darker than the post-it's own fill, right of its coloured band."""
    return sum(
        1
        for x in range(image.width() // 4, image.width() - 1)
        for y in range(1, image.height() - 1)
        if QColor(image.pixel(x, y)).lightness() < fill.lightness() - 12
    )


def test_a_speck_shows_strokes_and_a_post_it_read_up_close_its_words(qapp):
    speck_scale = (GREEK_BELOW_PX - 0.5) / CONTROL.card_px
    far = CardItem(_card(), CONTROL, keep_layout=False)
    fill = CONTROL.card_colour(far.colour())
    speck = _drawn(far, speck_scale)
    assert far._drawn is None  # nothing laid out for a speck
    assert _inked(speck, fill) > 0  # its lines still show, faintly
    near = CardItem(_card(), CONTROL, keep_layout=False)
    close = _drawn(near, 1.0)
    assert near._drawn is not None and near._drawn.text().startswith("Former les artisans")
    assert _inked(close, fill) > 100  # glyphs in ink
