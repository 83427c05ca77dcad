"""What the facilitator's clicks in the fishbowl tab do: each one is one undoable command
around a storage operation, timed by the injected clock.

BowlPanel holds one BowlCommands and gives it what it needs: the tool's context, the tab it
acts for (a BowlScreen: which fishbowl, its loaded facts, the widgets a command updates) and
the widget its questions are asked over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from sqlalchemy.orm import Session

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.domain.french import people_added, plural
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import attendance
from kitcop_desktop.storage import fishbowl as ops
from kitcop_desktop.storage import fishbowl_notes as notes_ops
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.tools.fishbowl.bowl_centre import CentreView
from kitcop_desktop.tools.fishbowl.bowl_data import BowlData
from kitcop_desktop.tools.fishbowl.bowl_notes import NotesView
from kitcop_desktop.tools.fishbowl.clock import clock_of
from kitcop_desktop.tools.fishbowl.focus import room_focus
from kitcop_desktop.ui.attendance import marking, presence_for, said
from kitcop_desktop.ui.changes import Area
from kitcop_desktop.ui.tool_spec import ToolContext

AREA = Area.FISHBOWL


def leaver_question(newcomer: str) -> str:
    """What the « who leaves » dialog asks, with the rule of the person proposed."""
    return tr("{newcomer} s'assoit : qui sort du centre ?\n(proposé·e : {rule})").format(
        newcomer=newcomer, rule=tr(rules.LEAVER_RULE)
    )


class BowlScreen(Protocol):
    """What the commands need from the tab they act for (BowlPanel)."""

    fishbowl_id: int | None  # the fishbowl shown (None: this workshop has none)
    data: BowlData | None  # its facts as last loaded
    loading: bool  # True while the widgets are being filled: their signals are not edits
    centre: CentreView
    notes: NotesView

    def reload(self) -> None:
        """Read the fishbowls again and show the current one."""

    def refresh(self) -> None:
        """Show the loaded facts again (a refused edit puts the stored value back)."""


class BowlCommands:
    def __init__(self, ctx: ToolContext, screen: BowlScreen, parent: QWidget) -> None:
        self.ctx = ctx
        self.screen = screen
        self.parent = parent  # the questions (who leaves, reveal every note) are asked over it
        self.clock = clock_of(ctx)
        self.focus = room_focus(ctx)

    def _push(
        self,
        text: str,
        do: Callable[[Session], Any],
        undo: Callable[[Session, Any], None] | None = None,
    ) -> Any:
        return self.ctx.push(
            text, area=AREA, do=do, undo=undo or (lambda s, snap: ops.restore_live(s, snap))
        )

    def _name(self, member_id: int) -> str:
        data = self.screen.data
        return data.name(member_id) if data is not None else ""

    def new_item(self) -> None:
        """Ctrl+N: a new fishbowl from the attendance list."""

        def do(s: Session) -> int:
            return ops.create(s, self.ctx.workshop_id).id

        created = self.ctx.push(
            tr("Nouveau bocal"),
            area=AREA,
            do=do,
            undo=lambda s, bowl_id: ops.delete_fishbowl(s, bowl_id),
        )
        if created is not None:
            self.screen.fishbowl_id = created
            self.screen.reload()
            self.focus.show("bowl", created)

    def delete_current(self) -> None:
        bowl_id = self.screen.fishbowl_id
        if bowl_id is None:
            return
        self.ctx.push(
            tr("Supprimer le bocal"),
            area=AREA,
            do=lambda s: ops.delete_fishbowl(s, bowl_id),
            undo=lambda s, data: ops.recreate(s, data),
        )

    def save_setup(self, field: str, value: object) -> None:
        data, bowl_id = self.screen.data, self.screen.fishbowl_id
        if self.screen.loading or data is None or bowl_id is None:
            return
        if getattr(data, field) == value:
            return
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
            self.screen.refresh()  # refused: the field shows the stored value again

    def seat(self, member_id: int) -> None:
        """Seat someone on the empty chair; on the last free chair, ask who leaves."""
        bowl_id, now, data = self.screen.fishbowl_id, self.clock.wall(), self.screen.data
        if data is None or bowl_id is None:
            return
        if data.has_left(member_id):
            self.ctx.show_message(rules.left_text(data.name(member_id)))
            return
        centre = data.centre
        try:
            plan = rules.plan_seat(centre, member_id, now, data.turns)
        except ValueError as exc:
            self.ctx.show_message(str(exc))
            return
        marks = self._presence(member_id, tr("s'assoit au centre"))
        if marks is None:
            return
        leaver = None
        if plan.must_leave:
            options = [(who, data.name(who)) for _, who in sorted(centre.seated.items())]
            leaver = self.choose_leaver(data.name(member_id), options, plan.proposed_leaver)
            if leaver is None:
                return
        name = data.name(member_id)
        do, undo = marking(
            marks,
            lambda s: ops.seat(s, bowl_id, member_id, now, leaver),
            lambda s, snap: ops.restore_live(s, snap),
        )
        if self._push(tr("{name} s'assoit au centre").format(name=name), do, undo) is not None:
            said(self.ctx, marks)
            self.screen.centre.focus_next_in_circle()

    def _presence(self, member_id: int, action: str) -> list[int] | None:
        """Who to tick present with this action (someone who sits or speaks is in the room);
        None when the facilitator said no: the action does not happen."""
        with self.ctx.store.read() as s:
            ids = attendance.participant_of_members(s, [member_id])
        return presence_for(self.ctx, self.parent, ids, action)

    def choose_leaver(
        self, newcomer: str, options: list[tuple[int, str]], proposed: int | None
    ) -> int | None:
        """Ask who leaves the centre (LEAVER_RULE's choice proposed first); None = cancelled.

        Tests replace this method: it opens a modal dialog."""
        labels = self.leaver_labels(options)
        ids = [who for who, _ in options]
        current = ids.index(proposed) if proposed in ids else 0
        choice, ok = QInputDialog.getItem(
            self.parent,
            tr("Une chaise doit rester vide"),
            leaver_question(newcomer),
            labels,
            current,
            False,
        )
        return ids[labels.index(choice)] if ok and choice in labels else None

    def leaver_labels(self, options: list[tuple[int, str]]) -> list[str]:
        """« Thomas Girard — silencieux·se depuis 2 min 05 s », « Claire Dubois — parle »."""
        data = self.screen.data
        if data is None:
            return [name for _who, name in options]
        centre, now = data.centre, self.clock.wall()
        quiet = centre.quiet_since(data.turns)
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
        bowl_id, now = self.screen.fishbowl_id, self.clock.wall()
        if bowl_id is None:
            return
        name = self._name(member_id)
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
        bowl_id, now = self.screen.fishbowl_id, self.clock.wall()
        if bowl_id is None:
            return
        self._push(tr("Plus personne ne parle"), lambda s: ops.stop_speaking(s, bowl_id, now))

    def leave(self, member_id: int) -> None:
        bowl_id, now = self.screen.fishbowl_id, self.clock.wall()
        if bowl_id is None:
            return
        self._push(
            tr("{name} sort du centre").format(name=self._name(member_id)),
            lambda s: ops.leave(s, bowl_id, member_id, now),
        )

    def leave_for_good(self, member_id: int) -> None:
        """« Quitte l'atelier »: one undoable command « Départ de X »."""
        bowl_id, now = self.screen.fishbowl_id, self.clock.wall()
        if bowl_id is None:
            return
        name = self._name(member_id)
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
        bowl_id = self.screen.fishbowl_id
        if bowl_id is None:
            return
        self._push(
            tr("Retour de {name}").format(name=self._name(member_id)),
            lambda s: ops.come_back(s, bowl_id, member_id),
        )

    def toggle_timebox(self) -> None:
        bowl_id, now = self.screen.fishbowl_id, self.clock.wall()
        if bowl_id is not None:
            self._push(tr("Minuteur du bocal"), lambda s: ops.toggle_timebox(s, bowl_id, now))

    def extend(self, seconds: int) -> None:
        bowl_id = self.screen.fishbowl_id
        if bowl_id is not None:
            text = tr("Une minute de plus") if seconds > 0 else tr("Une minute de moins")
            self._push(text, lambda s: ops.extend_timebox(s, bowl_id, seconds))

    def finish(self) -> None:
        bowl_id, now = self.screen.fishbowl_id, self.clock.wall()
        if bowl_id is None:
            return
        self._push(tr("Terminer le bocal"), lambda s: ops.finish(s, bowl_id, now))

    def set_shown(self, *, stats: bool) -> None:
        bowl_id = self.screen.fishbowl_id
        if self.screen.loading or bowl_id is None:
            return
        text = tr("Temps de parole à l'écran") if stats else tr("Temps de parole retiré de l'écran")
        self._push(text, lambda s: ops.set_shown(s, bowl_id, stats=stats))

    def reveal(self, revealed: bool, note_id: int | None = None) -> None:
        """Reveal (or hide) one note of the note-taker's board, or all of them.

        A deliberate act, outside the undo history on purpose: Ctrl+Z never puts a note back on
        the projector, and never takes one off behind the facilitator's back either. Revealing
        every note at once asks first."""
        bowl_id, data = self.screen.fishbowl_id, self.screen.data
        if bowl_id is None or data is None:
            return
        hidden = [n for n in data.notes if not n.revealed]
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
            self.parent,
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
        data, bowl_id = self.screen.data, self.screen.fishbowl_id
        if self.screen.loading or data is None or bowl_id is None:
            return
        if data.facilitator_note == text:
            return
        self.ctx.push_update(
            "Note de l'animateur·rice",
            AREA,
            ops.update_setup,
            bowl_id,
            facilitator_note=text,
        )

    def add_latecomer(self, name: str) -> None:
        bowl_id = self.screen.fishbowl_id
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
            self.screen.centre.latecomer.clear()
            self.ctx.hub.notify("participants", self.ctx.workshop_id)

    def sync_members(self) -> None:
        bowl_id = self.screen.fishbowl_id
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
        bowl_id = self.screen.fishbowl_id
        if bowl_id is None:
            return
        added = self.ctx.push(
            tr("Ajouter une note"),
            area=AREA,
            do=lambda s: notes_ops.add_note(s, bowl_id, heading, text),
            undo=lambda s, note_id: notes_ops.delete_note(s, note_id),
        )
        if added is not None:  # refused: what was typed stays in the field
            self.screen.notes.note_added(heading)

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
            self.screen.reload()

    def delete_note(self, note_id: int) -> None:
        self.ctx.push(
            tr("Supprimer une note"),
            area=AREA,
            do=lambda s: notes_ops.delete_note(s, note_id),
            undo=lambda s, data: notes_ops.restore_note(s, data),
        )
