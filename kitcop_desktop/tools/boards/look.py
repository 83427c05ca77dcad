"""The two looks of a board: calm on the control window, dark and large on the room screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.ui import theme


@dataclass(frozen=True)
class Look:
    room: bool
    card_px: int
    small_px: int
    zone_px: int
    hint_px: int
    cluster_px: int
    banner_px: int
    background: str
    text: str
    muted: str
    card_fill: str
    zone_alpha: int  # 0..255, how strongly a zone is tinted with its colour
    card_width: float = 260.0  # scene units; the room's cards are wider for its larger type
    hull_gap: float = 130.0  # speedboat: room between sky and water for the hull

    def font(self, px: int, *, bold: bool = False) -> QFont:
        font = QFont(theme.FONT_FAMILY)
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def tint(self, colour: str, alpha: int | None = None) -> QColor:
        c = QColor(colour)
        c.setAlpha(self.zone_alpha if alpha is None else alpha)
        return c

    def card_colour(self, colour: str) -> QColor:
        """A card's fill: pale post-it on the laptop, dark slate on the projector."""
        base = QColor(colour)
        paper = QColor(self.card_fill)
        mix = 0.16 if self.room else 0.22
        return QColor(
            int(paper.red() * (1 - mix) + base.red() * mix),
            int(paper.green() * (1 - mix) + base.green() * mix),
            int(paper.blue() * (1 - mix) + base.blue() * mix),
        )


CONTROL = Look(
    room=False,
    card_px=20,
    small_px=14,
    zone_px=26,
    hint_px=15,
    cluster_px=18,
    banner_px=24,
    background=theme.WINDOW,
    text=theme.INK,
    muted=theme.INK_MUTED,
    card_fill=theme.WHITE,
    zone_alpha=26,
    hull_gap=100.0,
)

# On the projector a card's text is larger for the same card width: fewer, bigger words.
# Every text of the room at least a post-it's size (room_view measures the post-its' against
# 1/20 of the room's height): a sous-thématique's title, a footer, a chemin's lanes.
ROOM_LOOK = Look(
    room=True,
    card_px=34,
    small_px=34,
    zone_px=38,
    hint_px=28,
    cluster_px=34,
    banner_px=40,
    background=ROOM["background"],
    text=ROOM["text"],
    muted=ROOM["muted"],
    card_fill=theme.ROOM_CARD,
    zone_alpha=40,
    card_width=330.0,
)
