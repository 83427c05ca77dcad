"""Painting a ranking (classement): rank badge, proposal, a bar and its dot count, per row.

The same drawing serves the control window (light) and the room screen (dark, sizes from the
screen height). `progress` (0 to 1) drives the reveal: bars grow and counts rise from the last
place up to the first (rows not yet reached are not drawn, so the order stays a surprise); the
top three are highlighted once their bars are full. Ties read
« ex æquo » in words, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from kitcop_desktop.domain.dot_vote import dots_text
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.voting_rounds import ResultRow
from kitcop_desktop.ui import theme


@dataclass(frozen=True)
class Look:
    text: str
    muted: str
    bar: str
    bar_top: str
    badge_top: str
    badge_top_text: str
    track: str


DARK = Look(
    text=ROOM["text"],
    muted=ROOM["muted"],
    bar=theme.ROOM_BAR,
    bar_top=ROOM["accent"],
    badge_top=ROOM["warning"],
    badge_top_text=theme.ROOM_ON_WARNING,
    track=theme.ROOM_TRACK,
)
LIGHT = Look(
    text=theme.INK,
    muted=theme.INK_MUTED,
    bar=theme.BAR,
    bar_top=theme.ACCENT,
    badge_top=theme.STAR,
    badge_top_text=theme.INK,
    track=theme.TRACK,
)
TOP = 3


def row_progress(progress: float, index: int, count: int) -> float:
    """How far row `index` (0 = first place) is revealed: the last place comes first."""
    if count <= 1:
        return max(0.0, min(1.0, progress))
    delay = (count - 1 - index) / (count - 1) * 0.6
    return max(0.0, min(1.0, (progress - delay) / 0.4))


def tie_label(row: ResultRow, round_number: int = 0) -> str:
    """« ex æquo », « départagé »; in a standing, « tour 1 » beside a count from another round."""
    words = []
    if row.tied:
        words.append("ex æquo")
    elif row.decided:
        words.append("départagé")
    if row.round_number and round_number and row.round_number != round_number:
        words.append(tr("tour {round_number}").format(round_number=row.round_number))
    return " · ".join(words)


def row_height(font_px: int) -> float:
    metrics = QFontMetricsF(_font(font_px))
    return metrics.height() + max(6.0, font_px * 0.5) + font_px * 0.5


def rows_that_fit(height: float, font_px: int) -> int:
    return max(1, int(height // row_height(font_px)))


def _font(font_px: int) -> QFont:
    font = QFont(theme.FONT_FAMILY)
    font.setPixelSize(font_px)
    return font


def paint_ranking(
    painter: QPainter,
    rect: QRectF,
    rows: Sequence[ResultRow],
    *,
    font_px: int,
    look: Look,
    progress: float = 1.0,
    round_number: int = 0,
) -> int:
    """Draw as many rows as fit in `rect`; returns how many were drawn.

    In a vote's standing (`round_number` the latest round), a row placed by an earlier round
    says « tour N », and each bar is measured against the best count of its own round."""
    if not rows:
        return 0
    font = _font(font_px)
    bold = QFont(font)
    bold.setBold(True)
    small = QFont(font)
    small.setPixelSize(max(10, int(font_px * 0.72)))
    metrics = QFontMetricsF(font)
    bar_h = max(6.0, font_px * 0.5)
    row_h = row_height(font_px)
    fits = rows_that_fit(rect.height(), font_px)
    shown = list(rows)[:fits]
    best: dict[int, int] = {}
    for r in rows:
        best[r.round_number] = max(best.get(r.round_number, 0), r.count)
    badge = font_px * 1.5
    count_w = QFontMetricsF(bold).horizontalAdvance("888") + font_px * 0.4
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index, row in enumerate(shown):
        local = row_progress(progress, index, len(shown))
        if local <= 0.0:
            continue  # not revealed yet: the room must not guess the order
        # Each row fades in as its turn comes, from the last place up to the first.
        painter.setOpacity(min(1.0, local * 3))
        top = rect.top() + index * row_h
        highlighted = row.rank <= TOP and local >= 1.0 and row.count > 0
        # Rank badge: a filled disc for the top three, an outline otherwise.
        disc = QRectF(rect.left(), top + (row_h - badge) / 2 - font_px * 0.1, badge, badge)
        if highlighted:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(look.badge_top))
            painter.drawEllipse(disc)
            painter.setPen(QColor(look.badge_top_text))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(look.muted), max(1.5, font_px / 14)))
            painter.drawEllipse(disc)
            painter.setPen(QColor(look.text))
        painter.setFont(bold)
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(row.rank))
        left = rect.left() + badge + font_px * 0.6
        width = rect.right() - left
        # The proposal, on one line, elided rather than cut.
        label = tie_label(row, round_number)
        label_w = QFontMetricsF(small).horizontalAdvance(label) + font_px * 0.5 if label else 0
        painter.setFont(bold if highlighted else font)
        text_rect = QRectF(left, top, width - label_w, metrics.height())
        elided = QFontMetricsF(painter.font()).elidedText(
            row.text, Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.setPen(QColor(look.text))
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        if label:
            painter.setFont(small)
            painter.setPen(QColor(look.muted))
            painter.drawText(
                QRectF(rect.right() - label_w, top, label_w, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        # The bar and its count, growing with the reveal.
        bar_top = top + metrics.height() + font_px * 0.15
        track = QRectF(left, bar_top, max(0.0, width - count_w), bar_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(look.track))
        painter.drawRoundedRect(track, bar_h / 2, bar_h / 2)
        filled = track.width() * (row.count / (best[row.round_number] or 1)) * local
        if filled > 0:
            painter.setBrush(QColor(look.bar_top if highlighted else look.bar))
            painter.drawRoundedRect(
                QRectF(track.left(), bar_top, max(bar_h, filled), bar_h), bar_h / 2, bar_h / 2
            )
        shown_count = round(row.count * local)
        painter.setFont(bold)
        painter.setPen(QColor(look.text))
        painter.drawText(
            QRectF(track.right(), bar_top - font_px * 0.5, count_w, bar_h + font_px),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(shown_count),
        )
    painter.setOpacity(1.0)
    painter.restore()
    return len(shown)


def count_tooltip(row: ResultRow) -> str:
    label = tie_label(row)
    return f"{row.rank} — {dots_text(row.count)}" + (f" ({label})" if label else "")
