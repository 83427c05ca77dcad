"""What the facilitator's clicks in the fishbowl tab do: each one is one undoable command
around a storage operation, timed by the injected clock (`self.clock`).

A mixin of BowlPanel, which provides ctx, clock, focus, fishbowl_id, data and the widgets.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.domain.french import people_added, plural
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import attendance
from kitcop_desktop.storage import fishbowl as ops
from kitcop_desktop.storage import fishbowl_notes as notes_ops
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.ui.attendance import marking, presence_for, said
from kitcop_desktop.ui.changes import Area

AREA = Area.FISHBOWL


def leaver_question(newcomer: str) -> str:
    """What the « who leaves » dialog asks, with the rule of the person proposed."""
    return tr("{newcomer} s'assoit : qui sort du centre ?\n(proposé·e : {rule})").format(
        newcomer=newcomer, rule=tr(rules.LEAVER_RULE)
    )


class BowlCommands:
    def _push(self, text: str, do, undo=None):
        return self.ctx.push(
            text, area=AREA, do=do, undo=undo or (lambda s, snap: ops.restore_live(s, snap))
        )

    def new_item(self) -> None:
        """Ctrl+N: a new fishbowl from the attendance list."""

        def do(s):
            return ops.create(s, self.ctx.workshop_id).id

        created = self.ctx.push(
            tr("Nouveau bocal"),
            area=AREA,
            do=do,
            undo=lambda s, bowl_id: ops.delete_fishbowl(s, bowl_id),
        )
        if created is not None:
            self.fishbowl_id = created
            self.reload()
            self.focus.show("bowl", created)

    def delete_current(self) -> None:
        bowl_id = self.fishbowl_id
        if bowl_id is None:
            return
        self.ctx.push(
            tr("Supprimer le bocal"),
            area=AREA,
            do=lambda s: ops.delete_fishbowl(s, bowl_id),
            undo=lambda s, data: ops.recreate(s, data),
        )

    def _save_setup(self, field: str, value) -> None:
        if self._loading or self.data is None or getattr(self.data, field) == value:
            return
        bowl_id = self.fishbowl_id
        if (
            self.ctx.push_update(
                tr("Modifier le bocal"),
                AREA,
                ops.update_setup,
                bowl_id,
                **{field: value},
            )
            is None
        ):
            self._show()  # refused: the field shows the stored value again

    def seat(self, member_id: int) -> None:
        """Seat someone on the empty chair; on the last free chair, ask who leaves."""
        bowl_id, now = self.fishbowl_id, self.clock.wall()
        if self.data is None:
            return
        if self.data.has_left(member_id):
            self.ctx.show_message(rules.left_text(self.data.name(member_id)))
            return
        centre = self.data.centre
        try:
            plan = rules.plan_seat(centre, member_id, now, self.data.turns)
        except ValueError as exc:
            self.ctx.show_message(str(exc))
            return
        marks = self._presence(member_id, tr("s'assoit au centre"))
        if marks is None:
            return
        leaver = None
        if plan.must_leave:
            options = [(who, self.data.name(who)) for _, who in sorted(centre.seated.items())]
            leaver = self.choose_leaver(self.data.name(member_id), options, plan.proposed_leaver)
            if leaver is None:
                return
        name = self.data.name(member_id)
        do, undo = marking(
            marks,
            lambda s: ops.seat(s, bowl_id, member_id, now, leaver),
            lambda s, snap: ops.restore_live(s, snap),
        )
        if self._push(tr("{name} s'assoit au centre").format(name=name), do, undo) is not None:
            said(self.ctx, marks)
            self.centre.focus_next_in_circle()

    def _presence(self, member_id: int, action: str) -> list[int] | None:
        """Who to tick present with this action (someone who sits or speaks is in the room);
        None when the facilitator said no: the action does not happen."""
        with self.ctx.store.read() as s:
            ids = attendance.participant_of_members(s, [member_id])
        return presence_for(self.ctx, self, ids, action)

    def choose_leaver(self, newcomer: str, options: list[tuple[int, str]], proposed: int | None):
        """Ask who leaves the centre (LEAVER_RULE's choice proposed first); None = cancelled.

        Tests replace this method: it opens a modal dialog."""
        labels = self.leaver_labels(options)
        ids = [who for who, _ in options]
        current = ids.index(proposed) if proposed in ids else 0
        choice, ok = QInputDialog.getItem(
            self,
            tr("Une chaise doit rester vide"),
            leaver_question(newcomer),
            labels,
            current,
            False,
        )
        return ids[labels.index(choice)] if ok and choice in labels else None

    def leaver_labels(self, options: list[tuple[int, str]]) -> list[str]:
        """« Thomas Girard — silencieux·se depuis 2 min 05 s », « Claire Dubois — parle »."""
        centre, now = self.data.centre, self.clock.wall()
        quiet = centre.quiet_since(self.data.turns)
        labels = []
        for who, name in options:
            if who == centre.speaker:
                labels.append(tr("{name} — parle en ce moment").format(name=name))
            elif who in quiet:
                silent = rules.speaking_clock(rules.duration(quiet[who], None, now))
                labels.append(f"{name} — silencieux·se depuis {silent}")
            else:
                labels.append(name)
        return labels

    def speak(self, member_id: int) -> None:
        bowl_id, now = self.fishbowl_id, self.clock.wall()
        name = self.data.name(member_id) if self.data else ""
        marks = self._presence(member_id, tr("parle au centre"))
        if marks is None:
            return
        do, undo = marking(
            marks,
            lambda s: ops.speak(s, bowl_id, member_id, now),
            lambda s, snap: ops.restore_live(s, snap),
        )
        if self._push(tr("{name} parle").format(name=name), do, undo) is not None:
            said(self.ctx, marks)

    def stop_speaking(self) -> None:
        bowl_id, now = self.fishbowl_id, self.clock.wall()
        self._push(tr("Plus personne ne parle"), lambda s: ops.stop_speaking(s, bowl_id, now))

    def leave(self, member_id: int) -> None:
        bowl_id, now = self.fishbowl_id, self.clock.wall()
        name = self.data.name(member_id) if self.data else ""
        self._push(
            tr("{name} sort du centre").format(name=name),
            lambda s: ops.leave(s, bowl_id, member_id, now),
        )

    def leave_for_good(self, member_id: int) -> None:
        """« Quitte l'atelier »: one undoable command « Départ de X »."""
        bowl_id, now = self.fishbowl_id, self.clock.wall()
        name = self.data.name(member_id) if self.data else ""
        if (
            self._push(
                tr("Départ de {name}").format(name=name),
                lambda s: ops.leave_for_good(s, bowl_id, member_id, now),
            )
            is not None
        ):
            self.ctx.show_message(
                tr("{name} a quitté l'atelier (Ctrl+Z pour annuler).").format(name=name)
            )

    def come_back(self, member_id: int) -> None:
        bowl_id = self.fishbowl_id
        name = self.data.name(member_id) if self.data else ""
        self._push(
            tr("Retour de {name}").format(name=name), lambda s: ops.come_back(s, bowl_id, member_id)
        )

    def toggle_timebox(self) -> None:
        bowl_id, now = self.fishbowl_id, self.clock.wall()
        if bowl_id is not None:
            self._push(tr("Minuteur du bocal"), lambda s: ops.toggle_timebox(s, bowl_id, now))

    def extend(self, seconds: int) -> None:
        bowl_id = self.fishbowl_id
        if bowl_id is not None:
            text = tr("Une minute de plus") if seconds > 0 else tr("Une minute de moins")
            self._push(text, lambda s: ops.extend_timebox(s, bowl_id, seconds))

    def finish(self) -> None:
        bowl_id, now = self.fishbowl_id, self.clock.wall()
        self._push(tr("Terminer le bocal"), lambda s: ops.finish(s, bowl_id, now))

    def _set_shown(self, *, stats: bool) -> None:
        if self._loading or self.fishbowl_id is None:
            return
        bowl_id = self.fishbowl_id
        text = tr("Temps de parole à l'écran") if stats else tr("Temps de parole retiré de l'écran")
        self._push(text, lambda s: ops.set_shown(s, bowl_id, stats=stats))

    def reveal(self, revealed: bool, note_id: int | None = None) -> None:
        """Reveal (or hide) one note of the note-taker's board, or all of them.

        A deliberate act, outside the undo history on purpose: Ctrl+Z never puts a note back on
        the projector, and never takes one off behind the facilitator's back either. Revealing
        every note at once asks first."""
        bowl_id = self.fishbowl_id
        if bowl_id is None or self.data is None:
            return
        hidden = [n for n in self.data.notes if not n.revealed]
        if revealed and note_id is None:
            if not hidden or not self.confirm_reveal(len(hidden)):
                return
            self.focus.notes_page = 0
        ids = None if note_id is None else [note_id]
        try:
            with self.ctx.store.write() as s:
                changed = notes_ops.reveal(s, bowl_id, revealed, ids)
        except (ValueError, StoreError) as exc:
            self.ctx.show_message(str(exc))
            return
        if not changed:
            return
        if revealed:
            message = plural(len(changed), tr("note révélée"), tr("notes révélées")) + tr(
                " à la salle."
            )
        else:
            message = plural(len(changed), tr("note retirée"), tr("notes retirées")) + tr(
                " de l'écran."
            )
        self.ctx.hub.notify(AREA, self.ctx.workshop_id, message)
        self.ctx.show_message(message + " (Hors annulation.)")

    def confirm_reveal(self, count: int) -> bool:
        """Ask before showing every hidden note to the room. Tests replace this method."""
        answer = QMessageBox.question(
            self,
            tr("Révéler les notes"),
            tr_n(
                "Montrer à la salle {n} note de la prise de notes ?\n",
                "Montrer à la salle {n} notes de la prise de notes ?\n",
                count,
            ).format(n=count)
            + tr(
                "Elles seront aussi dans la restitution imprimée. « Tout masquer » les retire de l'écran ; Ctrl+Z ne le fait pas."
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_facilitator_note(self, text: str) -> None:
        """The facilitator's own note (animateur·rice): one undoable edit, never on screen."""
        if self._loading or self.data is None or self.data.facilitator_note == text:
            return
        self.ctx.push_update(
            "Note de l'animateur·rice",
            AREA,
            ops.update_setup,
            self.fishbowl_id,
            facilitator_note=text,
        )

    def add_latecomer(self, name: str) -> None:
        bowl_id = self.fishbowl_id
        if bowl_id is None:
            return
        if (
            self.ctx.push(
                tr("Ajouter {strip}").format(strip=name.strip()),
                area=AREA,
                do=lambda s: ops.add_latecomer(s, bowl_id, name),
                undo=lambda s, added: ops.undo_latecomer(s, added),
            )
            is not None
        ):
            self.centre.latecomer.clear()
            self.ctx.hub.notify("participants", self.ctx.workshop_id)

    def sync_members(self) -> None:
        bowl_id = self.fishbowl_id
        if bowl_id is None:
            return
        added = self.ctx.push(
            tr("Reprendre la liste d'émargement"),
            area=AREA,
            do=lambda s: ops.sync_members(s, bowl_id),
            undo=lambda s, ids: ops.remove_members(s, ids),
        )
        if added is not None:
            count = len(added) if isinstance(added, list) else 0
            self.ctx.show_message(
                people_added(count, tr("au cercle"), tr("Tout le monde est déjà dans le cercle."))
            )

    def add_note(self, heading: str, text: str) -> None:
        bowl_id = self.fishbowl_id
        added = self.ctx.push(
            tr("Ajouter une note"),
            area=AREA,
            do=lambda s: notes_ops.add_note(s, bowl_id, heading, text),
            undo=lambda s, note_id: notes_ops.delete_note(s, note_id),
        )
        if added is not None:  # refused: what was typed stays in the field
            self.notes.note_added(heading)

    def edit_note(self, note_id: int, text: str) -> None:
        if (
            self.ctx.push(
                tr("Modifier une note"),
                area=AREA,
                do=lambda s: notes_ops.update_note(s, note_id, text),
                undo=lambda s, previous: notes_ops.update_note(s, note_id, previous),
            )
            is None
        ):
            self.reload()

    def delete_note(self, note_id: int) -> None:
        self.ctx.push(
            tr("Supprimer une note"),
            area=AREA,
            do=lambda s: notes_ops.delete_note(s, note_id),
            undo=lambda s, data: notes_ops.restore_note(s, data),
        )
