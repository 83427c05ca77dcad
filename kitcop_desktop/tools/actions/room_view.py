"""A fiche action on the room screen, laid out like the kit's card: défi, ACTION, who, ratings.

Only what the room co-wrote is shown (no private notes exist on a card). Sizes come from the
screen height; long texts wrap, and the longest are shortened with « … » rather than cut.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.tools.actions.card_data import load_cards, selection
from kitcop_desktop.tools.actions.stars import stars_text
from kitcop_desktop.ui import theme


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters, French spacing before « ; » and « : »."""
    text = " ".join(text.split()).replace(" ;", "\u00a0;").replace(" :", "\u00a0:")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ActionCardRoomView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ActionRoom")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"#ActionRoom {{ background: {ROOM['background']}; }}")
        self.kicker = QLabel()
        self.action = QLabel()
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for label in (self.kicker, self.action):
            label.setWordWrap(True)
        self.kicker.setStyleSheet(f"color: {ROOM['accent']};")
        self.action.setStyleSheet(f"color: {ROOM['text']};")
        grid = QGridLayout()
        grid.setHorizontalSpacing(40)
        for col, (key, title) in enumerate(
            (("leads", "Pilotes"), ("contributors", "Contributeurs"))
        ):
            name, value = QLabel(title), QLabel()
            name.setStyleSheet(f"color: {ROOM['muted']};")
            value.setStyleSheet(f"color: {ROOM['text']};")
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
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
            label.setStyleSheet(f"color: {ROOM['text']};")
            grid.addWidget(label, 3, col)
        grid.setRowMinimumHeight(2, 16)
        grid.setRowStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kicker)
        layout.addWidget(self.action)
        layout.addSpacing(12)
        layout.addLayout(grid, 1)
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
        if card is None:
            self.kicker.setText("Fiches actions")
            self.action.setText("Les actions retenues deviendront des fiches actions.")
            for value in self.values.values():
                value.setText("")
            self.ratings.setText("")
            self.feasibility.setText("")
            return
        challenge = card["challenge"]
        self.kicker.setText(f"Défi : {shorten(challenge, 80)}" if challenge else "Fiche action")
        self.action.setText(shorten(card.heading, 110))
        self.values["leads"].setText(shorten(card["leads"], 80) or "à désigner")
        self.values["contributors"].setText(shorten(card["contributors"], 80) or "—")
        parts = []
        for key, title in (("impact", "Impact"), ("feasibility", "Faisabilité")):
            n = card[key]
            rating = (
                f"<span style='color:{ROOM['warning']}'>{stars_text(n)}</span> {n}/3"
                if n
                else "non noté"
            )
            parts.append(f"<span style='color:{ROOM['muted']}'>{title}</span> {rating}")
        self.ratings.setText(parts[0])
        self.feasibility.setText(parts[1])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        h = max(1, self.height())
        self.kicker.setFont(theme.room_font(h, 1 / 20))
        self.action.setFont(theme.room_font(h, 1 / 13, bold=True))
        for label in self.labels.values():
            label.setFont(theme.room_font(h, 1 / 20))
        for value in self.values.values():
            value.setFont(theme.room_font(h, 1 / 20, bold=True))
        for label in (self.ratings, self.feasibility):
            label.setFont(theme.room_font(h, 1 / 18, bold=True))
        margin = max(24, self.width() // 20)
        self.layout().setContentsMargins(margin, margin // 2, margin, margin // 2)
        super().resizeEvent(event)
