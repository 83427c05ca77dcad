"""A fiche action on the room screen, laid out like the kit's card: défi, ACTION, who, ratings.

Only what the room co-wrote is shown (no private notes exist on a card). Sizes come from the
screen height; texts are never cut: fitted down to 1/20 of the height, then paged (« 1/2 »),
the clicker turning the pages (ActionsEditor.handle_room_key).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.actions.card_data import load_cards, selection
from kitcop_desktop.tools.actions.stars import stars_text
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.room_text import (
    FittedText,
    french_spacing,
    room_pager,
    room_text_font,
    wrap_lines,
)

BODY = 1 / 20


def one_line(text: str) -> str:
    """The whole text on one paragraph (the room wraps it), never shortened."""
    return " ".join((text or "").split())


class ActionCardRoomView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ActionRoom")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        theme.style(self, theme.room_backdrop("ActionRoom"))
        self.kicker = FittedText()
        self.kicker.set_colour(ROOM["accent"])
        self.action = FittedText(bold=True)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, FittedText] = {}
        self.pager = room_pager(ctx, "actions")
        self.pager.changed.connect(self._show_page)
        self._card_id: int | None = None
        grid = self.grid = QGridLayout()
        grid.setHorizontalSpacing(40)
        for col, (key, title) in enumerate(
            (("leads", "Pilotes"), ("contributors", "Contributeurs"))
        ):
            name, value = QLabel(title), FittedText(bold=True)
            theme.style(name, theme.coloured(ROOM["muted"]))
            value.pages_changed.connect(self._count_pages)
            grid.addWidget(name, 0, col)
            grid.addWidget(value, 1, col)
            self.labels[key], self.values[key] = name, value
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        # Impact and faisabilité under each column: stars in colour, and the number too.
        self.ratings = QLabel()
        self.feasibility = QLabel()
        for col, label in enumerate((self.ratings, self.feasibility)):
            label.setTextFormat(Qt.TextFormat.RichText)
            theme.style(label, theme.coloured(ROOM["text"]))
            grid.addWidget(label, 3, col)
        grid.setRowMinimumHeight(2, 16)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kicker, 0)
        layout.addWidget(self.action, 0)
        layout.addSpacing(12)
        layout.addLayout(grid, 1)
        for paged in (self.kicker, self.action):
            paged.pages_changed.connect(self._count_pages)
        # Bound methods (not lambdas): Qt drops the connection when this view is deleted.
        selection(ctx).changed.connect(self._on_selection)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _on_selection(self, _card_id: int) -> None:
        self.reload()

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area == "actions" and workshop_id == self.ctx.workshop_id:
            self.reload()

    def reload(self) -> None:
        cards = load_cards(self.ctx.store, self.ctx.workshop_id)
        wanted = selection(self.ctx).card_id
        card = next((c for c in cards if c.id == wanted), cards[0] if cards else None)
        if (card.id if card else None) != self._card_id:  # another card: its first page
            self._card_id = card.id if card else None
            self.pager.reset()
        if card is None:
            self.kicker.set_text(tr("Fiches actions"))
            self.action.set_text(tr("Les actions retenues deviendront des fiches actions."))
            for value in self.values.values():
                value.set_text("")
            self.ratings.setText("")
            self.feasibility.setText("")
            return
        challenge = card["challenge"]
        self.kicker.set_text(
            tr("Défi : {challenge}").format(challenge=one_line(challenge))
            if challenge
            else "Fiche action"
        )
        self.action.set_text(one_line(card.heading))
        self.values["leads"].set_text(one_line(card["leads"]) or tr("à désigner"))
        self.values["contributors"].set_text(one_line(card["contributors"]) or "—")
        # The longer list gets the wider column (a dozen contributeurs, one pilote).
        for col, key in enumerate(("leads", "contributors")):
            self.grid.setColumnStretch(col, max(2, min(6, len(self.values[key].text()) // 30)))
        self._size_heading()
        self._count_pages()
        parts = []
        for key, title in (("impact", "Impact"), ("feasibility", "Faisabilité")):
            n = card[key]
            rating = (
                f"<span style='color:{ROOM['warning']}'>{stars_text(n)}</span> {n}/3"
                if n
                else tr("non noté")
            )
            parts.append(f"<span style='color:{ROOM['muted']}'>{title}</span> {rating}")
        self.ratings.setText(parts[0])
        self.feasibility.setText(parts[1])

    def _size_heading(self) -> None:
        """The défi and the action take the lines they need (up to a quarter and a third of
        the height); pilotes and contributeurs the rest."""
        h = max(1, self.height())
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        width = max(50, self.width() - margins.left() - margins.right())
        for widget, fraction, share in ((self.kicker, BODY, 0.25), (self.action, 1 / 13, 0.34)):
            font = room_text_font(int(h * fraction), bold=widget is self.action)
            lines = len(wrap_lines(french_spacing(widget.text()), font, width)) or 1
            needed = lines * QFontMetricsF(font).lineSpacing() * 1.3
            widget.setFixedHeight(int(min(h * share, max(h * BODY * 1.4, needed))))

    def paged(self) -> list[FittedText]:
        return [self.kicker, self.action, *self.values.values()]

    def _count_pages(self, *_args) -> None:
        """As many pages as the longest text needs; the clicker turns them all together."""
        self.pager.set_count(max(w.page_count() for w in self.paged()))
        self._show_page()

    def _show_page(self) -> None:
        for widget in self.paged():
            widget.set_page(min(self.pager.page, widget.page_count() - 1))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        h = max(1, self.height())
        for widget in self.paged():
            widget.reference_height = h
        self.kicker.set_fractions(BODY, BODY)
        self.action.set_fractions(BODY, 1 / 13)
        for label in self.labels.values():
            label.setFont(theme.room_font(h, 1 / 20))
        for value in self.values.values():
            value.set_fractions(BODY, BODY)
        self._size_heading()
        for label in (self.ratings, self.feasibility):
            label.setFont(theme.room_font(h, 1 / 18, bold=True))
        margin = max(24, self.width() // 20)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        super().resizeEvent(event)
