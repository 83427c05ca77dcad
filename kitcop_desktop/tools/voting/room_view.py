"""The vote on the room screen: proposals and criteria while voting, then the reveal.

A secret vote never shows a count before its round is revealed: while counting, the room sees
only how many ballots are in. The reveal grows the bars from the last place up to the first.
All sizes come from the screen height (body text 1/20 at least).
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from kitcop_desktop.domain.dot_vote import dots_text
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.tools.voting import vote_data
from kitcop_desktop.tools.voting.ranking_paint import DARK, paint_ranking, rows_that_fit
from kitcop_desktop.ui import theme

BODY = 1 / 20
REVEAL_MS = 3500


def others_text(n: int) -> str:
    return "… et 1 autre" if n == 1 else f"… et {n} autres"


class VotingRoomView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state: vote_data.VoteState | None = None
        self._revealed_round: int | None = None
        self.progress = 1.0
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(REVEAL_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._on_progress)
        self._selection = vote_data.selection(ctx)
        # Bound methods (not lambdas): Qt drops the connection when this view is deleted.
        self._selection.changed.connect(self._on_selection)
        self._selection.skip_reveal.connect(self.finish_reveal)
        ctx.hub.changed.connect(self._on_changed)
        self.setMinimumSize(320, 240)
        self.reload(animate=False)

    # --- data ---------------------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in ("voting", "participants"):
            self.reload(animate=True)

    def _on_selection(self, _vote_id: int) -> None:
        self.reload(animate=False)

    def reload(self, *, animate: bool = True) -> None:
        vote_id = self._selection.vote_id
        if not vote_id:  # the editor has not chosen yet: the latest vote
            votes = vote_data.list_votes(self.ctx.store, self.ctx.workshop_id)
            vote_id = votes[-1][0] if votes else 0
        self.state = vote_data.load(self.ctx.store, vote_id)
        current = self.state.current if self.state else None
        revealed_now = current.id if current and current.revealed else None
        if revealed_now != self._revealed_round:
            if revealed_now is not None and animate:
                self._animation.stop()
                self.progress = 0.0
                self._animation.start()
            else:
                self._animation.stop()
                self.progress = 1.0
        self._revealed_round = revealed_now
        self.update()

    def _on_progress(self, value) -> None:
        self.progress = float(value)
        self.update()

    def finish_reveal(self) -> None:
        """Jump to the end of the reveal (a second R, or a test)."""
        self._animation.stop()
        self.progress = 1.0
        self.update()

    @property
    def revealing(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def shows_counts(self) -> bool:
        """True when this view draws dot counts (never for a secret, unrevealed round)."""
        return bool(self.state and self.state.tallies_visible(self.state.current))

    # --- painting -------------------------------------------------------------------------------
    def _font(self, fraction: float, bold: bool = False) -> QFont:
        return theme.room_font(self.height(), fraction, bold=bold)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(ROOM["background"]))
        w, h = self.width(), self.height()
        margin = max(20, w // 20)
        area = QRectF(margin, h * 0.05, w - 2 * margin, h * 0.9)
        if self.state is None:
            painter.setFont(self._font(1 / 12, bold=True))
            painter.setPen(QColor(ROOM["text"]))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "Vote par gommettes")
            return
        state, current = self.state, self.state.current
        top = self._header(painter, area, state, current)
        body = QRectF(area.left(), top, area.width(), area.bottom() - top)
        if state.tallies_visible(current) and self.ranking_rows():
            self._ranking(painter, body, current)
        elif current.open:
            self._voting(painter, body, state, current)
        else:
            self._counting_done(painter, body, current)

    def _header(self, painter: QPainter, area: QRectF, state, current) -> float:
        kicker = self._font(BODY)
        title = self._font(1 / 16 if current.revealed else 1 / 13, bold=True)
        if current.revealed and state.several_rounds:
            what = f"Classement après le tour {current.number}"
        elif current.revealed:
            what = f"Résultats du tour {current.number}"
        elif current.open:
            what = f"Vote par gommettes — tour {current.number}"
        else:
            what = f"Tour {current.number} clos"
        painter.setFont(kicker)
        painter.setPen(QColor(ROOM["accent"]))
        kh = QFontMetricsF(kicker).height()
        painter.drawText(QRectF(area.left(), area.top(), area.width(), kh), 0, what)
        painter.setFont(title)
        painter.setPen(QColor(ROOM["text"]))
        metrics = QFontMetricsF(title)
        text = metrics.elidedText(state.title, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(
            QRectF(area.left(), area.top() + kh, area.width(), metrics.height()), 0, text
        )
        return area.top() + kh + metrics.height() + self.height() * 0.03

    def _voting(self, painter: QPainter, body: QRectF, state, current) -> None:
        body_font = self._font(BODY)
        metrics = QFontMetricsF(body_font)
        line = metrics.height() * 1.15
        y = body.top()
        painter.setFont(body_font)
        if state.criteria:
            painter.setPen(QColor(ROOM["muted"]))
            text = "Critères : " + " · ".join(state.criteria)
            rect = painter.boundingRect(
                QRectF(body.left(), y, body.width(), line * 3), Qt.TextFlag.TextWordWrap, text
            )
            rect = rect.intersected(QRectF(body.left(), y, body.width(), line * 3))
            painter.drawText(rect, Qt.TextFlag.TextWordWrap, text)
            y += rect.height() + line * 0.4
        rules = current.rules
        rule = (
            f"{dots_text(rules.dots_per_participant)} chacun·e · {rules.max_per_item} max. par idée"
        )
        lines = [rule]
        if current.mode == "ballots":
            voted = sum(1 for v in state.voters if v.ballot_id)
            lines.append(f"bulletins : {voted} sur {len(state.voters)}")
            if metrics.horizontalAdvance(" · ".join(lines)) <= body.width():
                lines = [" · ".join(lines)]
            else:
                lines[1] = lines[1].capitalize()
        footer_h = line * len(lines)
        items = [state.item(i) for i in current.item_ids]
        items = [i for i in items if i is not None]
        space = body.bottom() - footer_h - line * 0.3 - y
        painter.setPen(QColor(ROOM["text"]))
        if not self._wrapped_items(painter, QRectF(body.left(), y, body.width(), space), items):
            self._elided_items(painter, QRectF(body.left(), y, body.width(), space), items)
        painter.setPen(QColor(ROOM["accent"]))
        for index, text in enumerate(lines):
            rect = QRectF(body.left(), body.bottom() - footer_h + index * line, body.width(), line)
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()),
            )

    def _wrapped_items(self, painter: QPainter, rect: QRectF, items) -> bool:
        """One column, long proposals on several lines; False when that does not fit."""
        metrics = QFontMetricsF(painter.font())
        indent = metrics.horizontalAdvance(f"{len(items)}. ") + 4
        gap = metrics.height() * 0.2
        blocks = []
        for item in items:
            bound = painter.boundingRect(
                QRectF(rect.left() + indent, 0, rect.width() - indent, 10_000),
                Qt.TextFlag.TextWordWrap,
                item.text,
            )
            blocks.append(min(bound.height(), metrics.height() * 3))
        if sum(blocks) + gap * (len(blocks) - 1) > rect.height():
            return False
        y = rect.top()
        for number, (item, height) in enumerate(zip(items, blocks, strict=True), start=1):
            painter.drawText(QRectF(rect.left(), y, indent, metrics.height()), 0, f"{number}.")
            painter.drawText(
                QRectF(rect.left() + indent, y, rect.width() - indent, height),
                Qt.TextFlag.TextWordWrap,
                item.text,
            )
            y += height + gap
        return True

    def _elided_items(self, painter: QPainter, rect: QRectF, items) -> None:
        """Many proposals: two columns of one line each, and « … et N autres » if need be."""
        metrics = QFontMetricsF(painter.font())
        line = metrics.height()
        per_column = max(1, int(rect.height() // line))
        columns = 1 if len(items) <= per_column else 2
        capacity = per_column * columns
        shown = items if len(items) <= capacity else items[: capacity - 1]
        col_w = rect.width() / columns
        for index, item in enumerate(shown):
            col, row = divmod(index, per_column)
            cell = QRectF(rect.left() + col * col_w, rect.top() + row * line, col_w - 20, line)
            text = metrics.elidedText(
                f"{index + 1}. {item.text}", Qt.TextElideMode.ElideRight, cell.width()
            )
            painter.drawText(cell, Qt.AlignmentFlag.AlignVCenter, text)
        if len(shown) < len(items):
            painter.setPen(QColor(ROOM["muted"]))
            col, row = divmod(len(shown), per_column)
            painter.drawText(
                QRectF(rect.left() + col * col_w, rect.top() + row * line, col_w, line),
                Qt.AlignmentFlag.AlignVCenter,
                others_text(len(items) - len(shown)),
            )

    def _counting_done(self, painter: QPainter, body: QRectF, current) -> None:
        painter.setFont(self._font(1 / 12, bold=True))
        painter.setPen(QColor(ROOM["text"]))
        painter.drawText(body, Qt.AlignmentFlag.AlignCenter, "Dépouillement terminé")
        painter.setFont(self._font(BODY))
        painter.setPen(QColor(ROOM["muted"]))
        below = QRectF(body.left(), body.center().y() + self.height() * 0.08, body.width(), 100)
        painter.drawText(below, Qt.AlignmentFlag.AlignHCenter, "Les résultats arrivent…")

    def ranking_rows(self) -> list:
        """The rows the reveal draws, best first: after a round among ex æquo, the whole
        standing (round 1's clear winner stays n° 1; rows of an earlier round say « tour 1 »)."""
        if self.state is None:
            return []
        if self.state.several_rounds and self.state.standing is not None:
            return self.state.standing.rows
        return self.state.current.results.rows

    def _ranking(self, painter: QPainter, body: QRectF, current) -> None:
        rows = self.ranking_rows()
        font_px = max(12, int(self.height() * BODY))
        if rows_that_fit(body.height(), font_px) < len(rows):
            body = body.adjusted(0, 0, 0, -QFontMetricsF(self._font(BODY)).height())
        drawn = paint_ranking(
            painter,
            body,
            rows,
            font_px=font_px,
            look=DARK,
            progress=self.progress,
            round_number=current.number,
        )
        if drawn < len(rows):
            painter.setFont(self._font(BODY))
            painter.setPen(QColor(ROOM["muted"]))
            painter.drawText(
                body.adjusted(0, 0, 0, QFontMetricsF(self._font(BODY)).height()),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight,
                others_text(len(rows) - drawn),
            )
