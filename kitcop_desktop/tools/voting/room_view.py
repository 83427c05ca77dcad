"""The vote on the room screen: proposals and criteria while voting, then the reveal.

A secret vote never shows a count before its round is revealed: while counting, the room sees
only how many ballots are in. The reveal grows the bars from the last place up to the first.
All sizes come from the screen height (body text 1/20 at least). Proposals are never cut:
each is shown whole, on as many lines as it needs; when they do not all fit, they are paged
(« 1/2 ») and the clicker turns the pages (VotingEditor.handle_room_key).
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from kitcop_desktop.domain.dot_vote import dots_text
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.voting import vote_data
from kitcop_desktop.tools.voting.ranking_paint import DARK, paint_ranking, rows_that_fit
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.phones import phone_door
from kitcop_desktop.ui.widgets.room_text import page_label, room_pager, wrap_lines

BODY = 1 / 20
REVEAL_MS = 3500


def others_text(n: int) -> str:
    return tr("… et 1 autre") if n == 1 else tr("… et {n} autres").format(n=n)


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
        self.pager = room_pager(ctx, "voting")
        self.pager.changed.connect(self.update)
        self._paged_what: tuple | None = None
        self.shown_items: list[str] = []  # the proposals painted last (tests)
        self.item_pixel_size = 0
        self.door = phone_door(ctx)
        self.door.changed.connect(self.update)
        self._qr: tuple[str, list[list[bool]]] = ("", [])
        self.phone_texts: list[str] = []  # what the phones' corner drew last (tests)
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
        what = (vote_id, current.id if current else None)
        if what != self._paged_what:  # another vote or round: its first page
            self._paged_what = what
            self.pager.reset()
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
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, tr("Vote par gommettes"))
            return
        state, current = self.state, self.state.current
        self.phone_texts = []
        qr = None
        ranking = state.tallies_visible(current) and self.ranking_rows()
        if current.open and self.door.is_open_for("voting", state.id):
            qr = self._qr_code(painter, area)  # top right, beside the title and criteria
        beside = area.adjusted(0, 0, -(qr.width() + h * 0.03), 0) if qr is not None else area
        top = self._header(painter, beside, state, current)
        body = QRectF(area.left(), top, area.width(), area.bottom() - top)
        if ranking:
            if qr is not None:  # a vote that is not secret, counted live while phones vote
                body = self._below_qr_code(painter, body, qr)
            self._ranking(painter, body, current)
        elif current.open:
            self._voting(painter, body, state, current, qr)
        else:
            self._counting_done(painter, body, current)

    def _header(self, painter: QPainter, area: QRectF, state, current) -> float:
        kicker = self._font(BODY)
        title = self._font(1 / 16 if current.revealed else 1 / 13, bold=True)
        if current.revealed and state.several_rounds:
            what = tr("Classement après le tour {number}").format(number=current.number)
        elif current.revealed:
            what = tr("Résultats du tour {number}").format(number=current.number)
        elif current.open:
            what = tr("Vote par gommettes — tour {number}").format(number=current.number)
        else:
            what = tr("Tour {number} clos").format(number=current.number)
        painter.setFont(kicker)
        painter.setPen(QColor(ROOM["accent"]))
        kh = QFontMetricsF(kicker).height()
        painter.drawText(QRectF(area.left(), area.top(), area.width(), kh), 0, what)
        # The title steps down to the body size before anything is cut (beside a QR code).
        for fraction in (1 / 16 if current.revealed else 1 / 13, 1 / 16, BODY):
            title = self._font(fraction, bold=True)
            if QFontMetricsF(title).horizontalAdvance(state.title) <= area.width():
                break
        painter.setFont(title)
        painter.setPen(QColor(ROOM["text"]))
        metrics = QFontMetricsF(title)
        text = metrics.elidedText(state.title, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(
            QRectF(area.left(), area.top() + kh, area.width(), metrics.height()), 0, text
        )
        return area.top() + kh + metrics.height() + self.height() * 0.03

    def _voting(self, painter: QPainter, body: QRectF, state, current, qr=None) -> None:
        """Criteria, proposals and rules. Open to phones (#19), the QR code `qr` stands at the
        top right beside the title and criteria; the proposals keep the whole width below it
        and the address and code take a line of the footer."""
        body_font = self._font(BODY)
        metrics = QFontMetricsF(body_font)
        line = metrics.height() * 1.15
        y = body.top()
        painter.setFont(body_font)
        gap = self.height() * 0.03
        narrow = body.width() - (qr.width() + gap if qr is not None else 0)
        if state.criteria:
            painter.setPen(QColor(ROOM["muted"]))
            text = tr("Critères : ") + " · ".join(state.criteria)
            if qr is None:
                rect = painter.boundingRect(
                    QRectF(body.left(), y, body.width(), line * 3), Qt.TextFlag.TextWordWrap, text
                )
                rect = rect.intersected(QRectF(body.left(), y, body.width(), line * 3))
                painter.drawText(rect, Qt.TextFlag.TextWordWrap, text)
                y += rect.height() + line * 0.4
            else:  # beside the QR code, then the whole width below it: never cut
                spacing = metrics.lineSpacing()
                while text:
                    width = narrow if y < qr.bottom() else body.width()
                    first = wrap_lines(text, body_font, width)[0]
                    painter.drawText(QRectF(body.left(), y, width, spacing), 0, first)
                    text = text[len(first) :].lstrip()
                    y += spacing
                y += line * 0.4
        if qr is not None:
            y = max(y, qr.bottom() + gap * 0.5)  # no criteria: the proposals start below it
        rules = current.rules
        rule = tr("{dots_per_participant} chacun·e · {max_per_item} max. par idée").format(
            dots_per_participant=dots_text(rules.dots_per_participant),
            max_per_item=rules.max_per_item,
        )
        lines = [rule]
        if current.mode == "ballots":
            voted = sum(1 for v in state.voters if v.ballot_id)
            lines.append(
                tr("bulletins : {voted} sur {count}").format(voted=voted, count=len(state.voters))
            )
            if metrics.horizontalAdvance(" · ".join(lines)) <= body.width():
                lines = [" · ".join(lines)]
            else:
                lines[1] = lines[1].capitalize()
        phone_lines = self._phone_lines(metrics, body.width()) if qr is not None else []
        if phone_lines and len(lines) == 1:  # the rules and the address on one line if they fit
            both = f"{lines[0]} · {phone_lines[0]}"
            if QFontMetricsF(self._font(BODY, bold=True)).horizontalAdvance(both) <= body.width():
                phone_lines = [both]
                lines = []
        if qr is not None:  # the footer's lines close up: the proposals get the room
            line = metrics.lineSpacing()
        footer_h = line * (len(lines) + len(phone_lines))
        items = [state.item(i) for i in current.item_ids]
        items = [i for i in items if i is not None]
        space = body.bottom() - footer_h - (line * 0.3 if qr is None else 0) - y
        items_rect = QRectF(body.left(), y, body.width(), space)
        label_rect = None
        if qr is not None:  # « 1/4 ▸ » at the end of the footer's first line when it fits
            first = (lines or phone_lines)[0]
            font = body_font if lines else self._font(BODY, bold=True)
            label_w = metrics.horizontalAdvance(page_label(8, 9)) + line * 0.5
            if QFontMetricsF(font).horizontalAdvance(first) + label_w <= body.width():
                label_rect = QRectF(body.left(), body.bottom() - footer_h, body.width(), line)
        painter.setPen(QColor(ROOM["text"]))
        self._paged_items(painter, items_rect, items, label_rect)
        painter.setPen(QColor(ROOM["accent"]))
        for index, text in enumerate(lines):
            rect = QRectF(body.left(), body.bottom() - footer_h + index * line, body.width(), line)
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()),
            )
        bold = self._font(BODY, bold=True)
        for index, text in enumerate(phone_lines, start=len(lines)):
            painter.setFont(bold)
            painter.setPen(QColor(ROOM["text"]))
            rect = QRectF(body.left(), body.bottom() - footer_h + index * line, body.width(), line)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)

    def _below_qr_code(self, painter: QPainter, body: QRectF, qr: QRectF) -> QRectF:
        """The live counts of a vote that is not secret, open to phones (#19): the address and
        the code take the footer, the ranking starts below the QR code; its rectangle."""
        metrics = QFontMetricsF(self._font(BODY))
        lines = self._phone_lines(metrics, body.width())
        line = metrics.lineSpacing()
        footer_top = body.bottom() - line * len(lines)
        painter.setFont(self._font(BODY, bold=True))
        painter.setPen(QColor(ROOM["text"]))
        for index, text in enumerate(lines):
            rect = QRectF(body.left(), footer_top + index * line, body.width(), line)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)
        top = max(body.top(), qr.bottom() + self.height() * 0.015)
        return QRectF(body.left(), top, body.width(), footer_top - top)

    def _phone_lines(self, metrics: QFontMetricsF, width: float) -> list[str]:
        """The address and the code phones type, on one line when it fits, else two."""
        server = self.door.server
        assert server is not None
        address = server.address.removeprefix("http://")
        code = f"code {server.code}"
        self.phone_texts = [address, code]
        one = f"{address} · {code}"
        bold = QFontMetricsF(self._font(BODY, bold=True))
        return [one] if bold.horizontalAdvance(one) <= width else [address, code]

    def _qr_code(self, painter: QPainter, area: QRectF) -> QRectF:
        """The QR code at the top right of `area`, sized from the room; its rectangle."""
        server = self.door.server
        assert server is not None
        if self._qr[0] != server.url:
            from kitcop_desktop.phones.qr import qr_modules  # segno: only once opened

            self._qr = (server.url, qr_modules(server.url))
        modules = self._qr[1]
        # A fifth of the room's height: on a projected wall a phone reads it from the middle
        # of the room; what is left goes to the proposals.
        side = min(self.height() * 0.2, self.width() * 0.2)
        cell = max(1, int(side // len(modules)))
        side = cell * len(modules)
        left, top = int(area.right() - side), int(area.top())
        painter.fillRect(QRectF(left, top, side, side), QColor(theme.QR_LIGHT))
        dark = QColor(theme.QR_DARK)
        for row, modules_row in enumerate(modules):
            for col, on in enumerate(modules_row):
                if on:
                    painter.fillRect(left + col * cell, top + row * cell, cell, cell, dark)
        return QRectF(left, top, side, side)

    def _paged_items(self, painter: QPainter, rect: QRectF, items, label_rect=None) -> None:
        """Numbered proposals, each whole on as many lines as it needs, at the body size;
        those that do not fit go to the next page (« 1/2 ▸ » in the corner, or in
        `label_rect` when given: then no line is kept for it)."""
        font = painter.font()
        metrics = QFontMetricsF(font)
        spacing = metrics.lineSpacing()
        indent = metrics.horizontalAdvance(f"{len(items)}. ") + 4
        gap = spacing * 0.2
        blocks = [
            (number, wrap_lines(item.text, font, rect.width() - indent) or [""])
            for number, item in enumerate(items, start=1)
        ]

        def height(block) -> float:
            return len(block[1]) * spacing

        total = sum(height(b) for b in blocks) + gap * max(0, len(blocks) - 1)
        Block = tuple[int, list[str]]
        pages: list[list[Block]] = [blocks]
        if total > rect.height():
            room = rect.height() - (spacing if label_rect is None else 0)  # a line for « 1/2 »
            page: list[Block] = []
            pages, used = [], 0.0
            for block in blocks:
                needed = height(block) + (gap if page else 0.0)
                if page and used + needed > room:
                    pages.append(page)
                    page, used = [], 0.0
                    needed = height(block)
                page.append(block)
                used += needed
            pages.append(page)
        self.pager.set_count(len(pages))
        shown = pages[min(self.pager.page, len(pages) - 1)]
        self.shown_items = [items[number - 1].text for number, _lines in shown]
        self.item_pixel_size = font.pixelSize()
        y = rect.top()
        for number, lines in shown:
            painter.drawText(QRectF(rect.left(), y, indent, spacing), 0, f"{number}.")
            for line in lines:
                painter.drawText(
                    QRectF(rect.left() + indent, y, rect.width() - indent, spacing), 0, line
                )
                y += spacing
            y += gap
        if len(pages) > 1:
            painter.setPen(QColor(ROOM["muted"]))
            painter.drawText(
                label_rect or QRectF(rect.left(), rect.bottom() - spacing, rect.width(), spacing),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                page_label(self.pager.page, len(pages)),
            )
            painter.setPen(QColor(ROOM["text"]))

    def _counting_done(self, painter: QPainter, body: QRectF, current) -> None:
        painter.setFont(self._font(1 / 12, bold=True))
        painter.setPen(QColor(ROOM["text"]))
        painter.drawText(body, Qt.AlignmentFlag.AlignCenter, tr("Dépouillement terminé"))
        painter.setFont(self._font(BODY))
        painter.setPen(QColor(ROOM["muted"]))
        below = QRectF(body.left(), body.center().y() + self.height() * 0.08, body.width(), 100)
        painter.drawText(below, Qt.AlignmentFlag.AlignHCenter, tr("Les résultats arrivent…"))

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
