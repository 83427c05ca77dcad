"""What the room screen can put forward on a board: the whole board, one zone, one cluster."""

from __future__ import annotations

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.tools.boards.board_data import BoardData

WHOLE_BOARD = tr_later("Tout le tableau")


def spotlight_entries(data: BoardData) -> list[tuple[str, str]]:
    """(value, French label) in clicker order: the board, its zones, then its clusters."""
    entries = [("", tr(WHOLE_BOARD))]
    if data.combined:
        return entries
    kind = KINDS[data.kind]
    entries += [(f"zone:{z.key}", tr("Zone « {label} »").format(label=z.label)) for z in kind.zones]
    for zone in kind.zone_keys:  # clusters follow their zone's order, like on the board
        entries += [
            (f"cluster:{c.id}", tr("Sous-thématique « {title} »").format(title=c.title))
            for c in sorted(data.clusters, key=lambda c: (c.position, c.id))
            if c.zone == zone
        ]
    return entries


def step_spotlight(data: BoardData, step: int) -> str:
    """The next (step=1) or previous (-1) spotlight after the current one, wrapping around."""
    values = [value for value, _label in spotlight_entries(data)]
    index = values.index(data.spotlight) if data.spotlight in values else 0
    return values[(index + step) % len(values)]


def spotlight_label(data: BoardData, value: str) -> str:
    return dict(spotlight_entries(data)).get(value, tr(WHOLE_BOARD))
