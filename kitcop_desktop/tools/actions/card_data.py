"""Fiches actions as plain data for the views, the shared selection, and the undoable commands."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from kitcop_desktop.i18n import TrMap, tr, tr_later
from kitcop_desktop.storage import actions
from kitcop_desktop.storage.models.action import ACTION_CARD_FIELDS, ACTION_CARD_LABELS
from kitcop_desktop.ui.changes import Area

AREA = Area.ACTIONS
FIELDS = tuple(ACTION_CARD_FIELDS) + ("impact", "feasibility")
LABELS = TrMap(
    {**ACTION_CARD_LABELS, "impact": tr_later("Impact"), "feasibility": tr_later("Faisabilité")}
)
ORIGINS = TrMap(
    {
        "vote": tr_later("issue d'un vote"),
        "kiss": tr_later("issue d'un « on commence » (KISS)"),
        "manual": "",
    }
)


@dataclass(frozen=True)
class CardData:
    id: int
    position: int
    origin: str
    origin_ref: str
    values: dict

    def __getitem__(self, key: str):
        return self.values[key]

    @property
    def heading(self) -> str:
        return self.values["action"] or self.values["challenge"] or "Fiche sans titre"


def load_cards(store, workshop_id: int) -> list[CardData]:
    with store.read() as s:
        return [
            CardData(c.id, c.position, c.origin, c.origin_ref, {f: getattr(c, f) for f in FIELDS})
            for c in actions.list_for(s, workshop_id)
        ]


class CardSelection(QObject):
    changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.card_id = 0

    def set(self, card_id: int | None) -> None:
        card_id = int(card_id or 0)
        if card_id != self.card_id:
            self.card_id = card_id
            self.changed.emit(card_id)


def selection(ctx) -> CardSelection:
    if "actions.selection" not in ctx.extras:
        ctx.extras["actions.selection"] = CardSelection()
    return ctx.extras["actions.selection"]


class CardCommands:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def create(self, **fields) -> int | None:
        return self.ctx.push(
            tr("Nouvelle fiche action"),
            area=AREA,
            do=lambda s: actions.create(s, self.ctx.workshop_id, **fields).id,
            undo=lambda s, card_id: actions.delete(s, card_id),
        )

    def update(self, card_id: int, field: str, value) -> bool:
        return (
            self.ctx.push_update(
                tr("Modifier « {LABELS} »").format(LABELS=LABELS[field]),
                AREA,
                actions.update,
                card_id,
                **{field: value},
            )
            is not None
        )

    def delete(self, card_id: int, heading: str) -> bool:
        return (
            self.ctx.push(
                tr("Supprimer la fiche « {heading} »").format(heading=heading[:40]),
                area=AREA,
                do=lambda s: actions.delete(s, card_id),
                undo=lambda s, data: actions.recreate(s, data),
                redo=lambda s, data: actions.delete(s, card_id),
            )
            is not None
        )
