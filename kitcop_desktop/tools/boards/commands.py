"""Every change the boards tool makes, as one undoable command around storage operations.

Each method is one user action (a drag of five cards is one command). Redo keeps the ids
created the first time, so later commands in the stack still find their cards.
"""

from __future__ import annotations

from kitcop_desktop.domain.board_kinds import KINDS, LANE_LABELS
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import actions, boards, voting
from kitcop_desktop.storage import boards_actions as kiss_actions
from kitcop_desktop.storage import boards_clusters as clusters
from kitcop_desktop.ui.changes import Area

AREA = Area.BOARDS


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.format(n=n)


class BoardCommands:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def _push(self, text, do, undo, redo=None, area=AREA):
        return self.ctx.push(text, area=area, do=do, undo=undo, redo=redo)

    # -- boards -------------------------------------------------------------------------------
    def new_board(self, kind: str, title: str, subgroup: str = "") -> int | None:
        result = self._push(
            tr("Créer le tableau « {title} »").format(title=title),
            lambda s: boards.snapshot_board(
                s, boards.create_board(s, self.ctx.workshop_id, kind, title, subgroup).id
            ),
            lambda s, r: boards.delete_board(s, r["board"]["id"]),
            lambda s, r: boards.restore_board(s, r),
        )
        return None if result is None else result["board"]["id"]

    def update_board(self, board_id: int, label: str, **fields) -> bool:
        return (
            self._push(
                label,
                lambda s: boards.update_board(s, board_id, **fields),
                lambda s, prev: boards.update_board(s, board_id, **prev),
            )
            is not None
        )

    def delete_board(self, board_id: int, title: str) -> bool:
        return (
            self._push(
                tr("Supprimer le tableau « {title} »").format(title=title),
                lambda s: boards.delete_board(s, board_id),
                lambda s, r: boards.restore_board(s, r),
                lambda s, r: boards.delete_board(s, board_id),
            )
            is not None
        )

    # -- cards --------------------------------------------------------------------------------
    def add_card(
        self, board_id: int, zone: str, text: str, author: str = "", angle: str = ""
    ) -> int | None:
        result = self._push(
            tr("Ajouter un post-it"),
            lambda s: boards.card_data(
                boards.add_card(s, board_id, zone, text, author=author, angle=angle)
            ),
            lambda s, r: boards.delete_card(s, r["id"]),
            lambda s, r: boards.restore_card(s, r),
        )
        return None if result is None else result["id"]

    def add_pasted(self, board_id: int, zone: str, text: str, author: str = "") -> list[int]:
        result = self._push(
            tr("Coller des post-it"),
            lambda s: [
                boards.card_data(c)
                for c in boards.add_pasted(s, board_id, zone, text, author=author)
            ],
            lambda s, rows: [boards.delete_card(s, r["id"]) for r in rows],
            lambda s, rows: boards.restore_cards(s, rows),
        )
        return [] if result is None else [r["id"] for r in result]

    def edit_card(self, card_id: int, label: str, **fields) -> bool:
        return (
            self._push(
                label,
                lambda s: boards.update_card(s, card_id, **fields),
                lambda s, prev: boards.update_card(s, card_id, **prev),
            )
            is not None
        )

    def delete_cards(self, card_ids: list[int]) -> bool:
        n = len(card_ids)
        return (
            self._push(
                _plural(n, tr("Supprimer un post-it"), "Supprimer {n} post-it"),
                lambda s: boards.delete_cards(s, card_ids),
                lambda s, rows: boards.restore_cards(s, rows),
            )
            is not None
        )

    def recolour(self, card_ids: list[int], colour: str) -> bool:
        """One command for the whole selection; "" gives the cards their zone's colour back."""
        return (
            self._push(
                _plural(
                    len(card_ids), tr("Changer la couleur"), tr("Changer la couleur de {n} post-it")
                ),
                lambda s: [(cid, boards.update_card(s, cid, colour=colour)) for cid in card_ids],
                lambda s, prev: [boards.update_card(s, cid, **p) for cid, p in prev],
            )
            is not None
        )

    def set_angles(self, card_ids: list[int], angle: str) -> bool:
        """Chemin: these post-its take this angle (one undo step for them all)."""
        label = LANE_LABELS.get(angle, angle) or "Sans angle"
        return (
            self._push(
                _plural(
                    len(card_ids),
                    tr("Angle « {label} »").format(label=label),
                    tr("Angle « {label} » pour {{n}} post-it").format(label=label),
                ),
                lambda s: [(cid, boards.update_card(s, cid, angle=angle)) for cid in card_ids],
                lambda s, prev: [boards.update_card(s, cid, **p) for cid, p in prev],
            )
            is not None
        )

    def count_again(self, card_id: int, author: str = "") -> bool:
        """« déjà présent » → fusionner: the existing card counts one more post-it."""

        def do(s):
            card = boards.get_card(s, card_id)
            authors = ", ".join(dict.fromkeys(a for a in (card.author, author.strip()) if a))
            return boards.update_card(s, card_id, weight=card.weight + 1, author=authors[:200])

        return (
            self._push(
                tr("Fusionner avec un post-it déjà présent"),
                do,
                lambda s, prev: boards.update_card(s, card_id, **prev),
            )
            is not None
        )

    def merge_cards(self, keep_id: int, other_ids: list[int]) -> bool:
        def unmerge(s, merged) -> None:
            for m in reversed(merged):
                boards.unmerge_cards(s, m)

        return (
            self._push(
                tr("Fusionner des post-it"),
                lambda s: [boards.merge_cards(s, keep_id, o) for o in other_ids],
                unmerge,
            )
            is not None
        )

    def set_split(self, board_id: int, split: bool) -> bool:
        """Chemin: « Séparer actions / ressentis », on or off (one undo step)."""
        label = (
            tr("Séparer actions / ressentis")
            if split
            else tr("Ne plus séparer actions / ressentis")
        )
        return self.update_board(board_id, label, split_by_angle=split)

    def drop_cards(self, board_id: int, card_ids: list[int], target) -> bool:
        """A drag released on a zone, a cluster, or another loose card (→ new sous-thématique).

        On a chemin split by angle, target's fourth element is the lane's angle: the cards
        take it, in the same undo step as the move.
        """
        what, zone, ref = target[:3]
        angle = target[3] if len(target) > 3 else None
        n = len(card_ids)

        def set_angles(s) -> list:
            if angle is None:
                return []
            return [(cid, boards.update_card(s, cid, angle=angle)) for cid in card_ids]

        def put_back_angles(s, previous) -> None:
            for cid, p in reversed(previous):
                boards.update_card(s, cid, **p)

        if what == "card":

            def group(s):
                created = clusters.create_cluster(
                    s, board_id, zone, "Sous-thématique", [ref, *card_ids]
                )
                return created, set_angles(s)

            def ungroup(s, result):
                put_back_angles(s, result[1])
                clusters.undo_create_cluster(s, result[0])

            def regroup(s, result):
                clusters.redo_create_cluster(s, result[0])
                set_angles(s)

            return (
                self._push(tr("Regrouper en sous-thématique"), group, ungroup, regroup) is not None
            )
        cluster_id = ref if what == "cluster" else None
        label = (
            tr("dans la sous-thématique")
            if cluster_id
            else tr("vers « {zone} »").format(zone=zone_word(zone))
        )
        if angle is not None and cluster_id is None:
            label += f" · {LANE_LABELS[angle]}"

        def move(s):
            moved = [(cid, boards.move_card(s, cid, zone, cluster_id)) for cid in card_ids]
            return moved, set_angles(s)

        def unmove(s, result):
            put_back_angles(s, result[1])
            for cid, p in reversed(result[0]):
                boards.move_card(s, cid, **p)

        return (
            self._push(
                _plural(
                    n,
                    tr("Déplacer un post-it {label}").format(label=label),
                    tr("Déplacer {{n}} post-it {label}").format(label=label),
                ),
                move,
                unmove,
            )
            is not None
        )

    # -- clusters -----------------------------------------------------------------------------
    def group(self, board_id: int, zone: str, card_ids: list[int], title: str) -> int | None:
        result = self._push(
            tr("Regrouper en sous-thématique"),
            lambda s: clusters.create_cluster(s, board_id, zone, title, card_ids),
            lambda s, created: clusters.undo_create_cluster(s, created),
            lambda s, created: clusters.redo_create_cluster(s, created),
        )
        return None if result is None else result["cluster_id"]

    def update_cluster(self, cluster_id: int, label: str, **fields) -> bool:
        return (
            self._push(
                label,
                lambda s: clusters.update_cluster(s, cluster_id, **fields),
                lambda s, prev: clusters.update_cluster(s, cluster_id, **prev),
            )
            is not None
        )

    def dissolve_cluster(self, cluster_id: int) -> bool:
        return (
            self._push(
                tr("Dissoudre la sous-thématique"),
                lambda s: clusters.dissolve_cluster(s, cluster_id),
                lambda s, data: clusters.restore_cluster(s, data),
            )
            is not None
        )

    def move_cluster(self, cluster_id: int, zone: str) -> bool:
        return (
            self._push(
                tr("Déplacer la sous-thématique vers « {zone} »").format(zone=zone_word(zone)),
                lambda s: clusters.move_cluster(s, cluster_id, zone),
                lambda s, prev: clusters.move_cluster(s, cluster_id, prev["zone"]),
            )
            is not None
        )

    # -- across tools -------------------------------------------------------------------------
    def send_to_vote(self, items: list[tuple[str, int | None]], title: str) -> int | None:
        """« Envoyer au vote »: a dot vote whose items are these cards (and cluster titles)."""
        saved: dict = {}  # what undo removed, so that redo puts back the same vote (same id)

        def undo(s, vote_id):
            saved["vote"] = voting.delete_vote(s, vote_id)

        result = self._push(
            tr("Envoyer au vote"),
            lambda s: voting.create_vote_from_texts(s, self.ctx.workshop_id, items, title).id,
            undo,
            lambda s, _vote_id: voting.restore_vote(s, saved["vote"]),
            area="voting",
        )
        if result is not None:
            self.ctx.show_message(
                _plural(
                    len(items), tr("Un post-it envoyé au vote."), tr("{n} post-it envoyés au vote.")
                )
            )
            self.ctx.activate_tool("voting", result)
        return result

    def start_to_actions(self, board_id: int, card_ids=(), cluster_ids=()) -> list[int]:
        """KISS « on commence » → fiches actions: one per sous-thématique (its post-its listed
        in it), one per loose post-it; all of the zone when nothing is chosen. Skips done ones."""
        wid = self.ctx.workshop_id
        result = self._push(
            tr("Créer les fiches actions de « On commence »"),
            lambda s: kiss_actions.start_to_actions(s, wid, board_id, card_ids, cluster_ids),
            lambda s, ids: [actions.delete(s, i) for i in ids],
            area="actions",
        )
        if result is None:
            return []
        if not result:
            self.ctx.show_message(tr("Tout cela a déjà sa fiche action. Rien n'a été créé."))
        else:
            self.ctx.show_message(
                _plural(
                    len(result), tr("Une fiche action créée."), tr("{n} fiches actions créées.")
                )
            )
        return result


def zone_word(zone: str) -> str:
    """The French label of a zone key, whatever the board kind."""
    for kind in KINDS.values():
        if zone in kind.zone_keys:
            return kind.zone(zone).label
    return zone
