"""Every change the voting tool makes, as one undoable command around storage operations.

Each method returns the operation's result, or None when it was refused (the French message is
already in the status line). Redo keeps ids created the first time where later commands need them.
"""

from __future__ import annotations

from kitcop_desktop.domain.dot_vote import DEFAULT_CRITERIA, dots_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import voting, voting_entries, voting_rounds
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.storage.voting_actions import winners_to_action_cards
from kitcop_desktop.ui.attendance import marking, presence_for, said
from kitcop_desktop.ui.changes import Area

AREA = Area.VOTING


class VoteCommands:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def _push(self, text, do, undo, redo=None, area=AREA):
        return self.ctx.push(text, area=area, do=do, undo=undo, redo=redo)

    # -- the vote ------------------------------------------------------------------------------
    def new_vote(self, title: str) -> int | None:
        result = self._push(
            tr("Créer le vote « {title} »").format(title=title),
            lambda s: (
                voting.create_vote(
                    s, self.ctx.workshop_id, title, [tr(c) for c in DEFAULT_CRITERIA]
                ).id
            ),
            lambda s, vote_id: voting.delete_vote(s, vote_id),
        )
        return result

    def delete_vote(self, vote_id: int, title: str) -> bool:
        return (
            self._push(
                tr("Supprimer le vote « {title} »").format(title=title),
                lambda s: voting.delete_vote(s, vote_id),
                lambda s, data: voting.restore_vote(s, data),
                lambda s, data: voting.delete_vote(s, vote_id),
            )
            is not None
        )

    def rename(self, vote_id: int, title: str) -> bool:
        return (
            self._push(
                tr("Renommer le vote"),
                lambda s: voting.rename(s, vote_id, title),
                lambda s, previous: voting.rename(s, vote_id, previous),
            )
            is not None
        )

    def set_criteria(self, vote_id: int, lines: list[str]) -> bool:
        return (
            self._push(
                tr("Modifier les critères de tri"),
                lambda s: voting.set_criteria(s, vote_id, lines),
                lambda s, previous: voting.set_criteria(s, vote_id, previous),
            )
            is not None
        )

    def set_settings(self, vote_id: int, label: str, **fields) -> bool:
        return (
            self._push(
                label,
                lambda s: voting.set_settings(s, vote_id, **fields),
                lambda s, previous: voting.set_settings(s, vote_id, **previous),
            )
            is not None
        )

    def set_secret(self, vote_id: int, hidden: bool) -> bool:
        """« Vote secret » on or off: who may see the counts (visibility restitution or salle).
        A deliberate act outside the undo history, like a reveal: Ctrl+Z never turns a secret
        vote public behind the facilitator's back."""
        try:
            with self.ctx.store.write() as s:
                voting.set_settings(s, vote_id, hidden=hidden)
        except (ValueError, StoreError) as exc:
            self.ctx.show_message(str(exc))
            return False
        said = (
            tr("Vote secret : les résultats restent masqués jusqu'à la révélation (R).")
            if hidden
            else tr("Vote à découvert : les résultats s'affichent ici et à l'écran de salle.")
        )
        self.ctx.hub.notify(AREA, self.ctx.workshop_id, said)
        self.ctx.show_message(said + " (Hors annulation.)")
        return True

    # -- items ---------------------------------------------------------------------------------
    def add_item(self, vote_id: int, text: str) -> int | None:
        return self._push(
            tr("Ajouter « {text} »").format(text=text.strip()[:40]),
            lambda s: voting.add_item(s, vote_id, text).id,
            lambda s, item_id: voting.delete_item(s, item_id),
        )

    def update_item(self, item_id: int, text: str) -> bool:
        return (
            self._push(
                tr("Modifier une proposition"),
                lambda s: voting.update_item(s, item_id, text),
                lambda s, previous: voting.update_item(s, item_id, previous),
            )
            is not None
        )

    def move_item(self, item_id: int, new_index: int) -> bool:
        """Move a proposal in the vote's order (Alt+↑/↓, the arrows, a drag); one undo."""
        return (
            self._push(
                tr("Déplacer une proposition"),
                lambda s: voting.move_item(s, item_id, new_index),
                lambda s, old: voting.move_item(s, item_id, old),
            )
            is not None
        )

    def delete_item(self, item_id: int, text: str) -> bool:
        return (
            self._push(
                tr("Retirer « {text} »").format(text=text[:40]),
                lambda s: voting.delete_item(s, item_id),
                lambda s, data: voting.restore_item(s, data),
                lambda s, data: voting.delete_item(s, item_id),
            )
            is not None
        )

    # -- entries -------------------------------------------------------------------------------
    def set_wall_count(self, round_id: int, item_id: int, value, text: str) -> bool:
        def do(s):
            return voting_entries.set_wall_count(s, round_id, item_id, value)

        return (
            self._push(
                tr("Gommettes de « {text} »").format(text=text[:30]),
                do,
                lambda s, previous: voting_entries.restore_wall_count(
                    s, round_id, item_id, previous
                ),
                lambda s, previous: voting_entries.set_wall_count(s, round_id, item_id, value),
            )
            is not None
        )

    def cast_ballot(self, round_id: int, participant_id: int, dots: dict, name: str) -> bool:
        """One ballot; whoever votes is in the room: ticked present in the same undo step (asked
        once, see ui/attendance.py). « Annuler » to that question: no ballot."""
        marks = presence_for(self.ctx, None, [participant_id], tr("vote"))
        if marks is None:
            return False
        do, undo = marking(
            marks,
            lambda s: voting_entries.cast_ballot(s, round_id, participant_id, dots),
            lambda s, ballot_id: voting_entries.reopen_ballot(s, ballot_id),
        )
        if self._push(tr("Bulletin de {name}").format(name=name), do, undo) is None:
            return False
        said(self.ctx, marks)
        return True

    def reopen_ballot(self, ballot_id: int, name: str) -> bool:
        return (
            self._push(
                tr("Rouvrir le bulletin de {name}").format(name=name),
                lambda s: voting_entries.reopen_ballot(s, ballot_id),
                lambda s, data: voting_entries.restore_ballot(s, data),
                lambda s, data: voting_entries.reopen_ballot(s, ballot_id),
            )
            is not None
        )

    # -- rounds --------------------------------------------------------------------------------
    def set_mode(self, round_id: int, mode: str) -> bool:
        label = "Saisie au mur" if mode == "wall" else "Saisie par bulletins"
        return (
            self._push(
                label,
                lambda s: voting_rounds.set_entry_mode(s, round_id, mode),
                lambda s, previous: voting_rounds.set_entry_mode(s, round_id, previous),
            )
            is not None
        )

    def set_state(self, round_id: int, label: str, *, state: str, revealed: bool) -> bool:
        # Undo puts the round's state back but never its reveal: undoing « Rouvrir » after a
        # reveal must not put the counts back on the projector (R does, on purpose).
        return (
            self._push(
                label,
                lambda s: voting_rounds.set_state(s, round_id, state=state, revealed=revealed),
                lambda s, prev: voting_rounds.set_state(s, round_id, state=prev[0], revealed=False),
            )
            is not None
        )

    def new_round(self, vote_id: int, item_ids: list[int], reason: str, rules=None) -> int | None:
        return self._push(
            tr("Nouveau tour"),
            lambda s: voting_rounds.new_round(s, vote_id, item_ids, reason, rules),
            lambda s, round_id: voting_rounds.delete_round(s, round_id),
        )

    def record_decision(self, round_id: int, ordered_ids: list[int], reason: str) -> bool:
        return (
            self._push(
                tr("Départager un ex æquo"),
                lambda s: voting_rounds.record_decision(s, round_id, ordered_ids, reason),
                lambda s, decision_id: voting_rounds.delete_decision(s, decision_id),
            )
            is not None
        )

    def winners_to_cards(self, vote_id: int) -> list[int] | None:
        from kitcop_desktop.domain.validation import InvalidInput
        from kitcop_desktop.storage import actions
        from kitcop_desktop.storage.voting_actions import pending_winners

        try:
            with self.ctx.store.read() as s:
                pending = pending_winners(s, vote_id)
        except InvalidInput as exc:
            self.ctx.show_message(str(exc))
            return None
        if not pending:
            self.ctx.show_message(tr("Les actions retenues ont déjà leur fiche action."))
            return []
        result = self._push(
            tr("Créer les fiches actions des actions retenues"),
            lambda s: winners_to_action_cards(s, vote_id),
            lambda s, ids: [actions.delete(s, i) for i in ids],
            area="actions",
        )
        if result is None:
            return None
        n = len(result)
        self.ctx.show_message(
            tr("Une fiche action créée.")
            if n == 1
            else tr("{n} fiches actions créées.").format(n=n)
        )
        return result


def ballot_summary(dots: dict[int, int]) -> str:
    return dots_text(sum(dots.values()))
