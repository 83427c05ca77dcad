"""Who sits where, from the tables page (#24): « Répartir automatiquement », « Par équipes… »
and one person moved by hand.

`SeatingCommands` is a part the page (editor.TablesEditor) holds; each gesture is one undo
step (ctx.push) and the status line says what was done: storage/tables_seating does the
seating (domain/seating.plan_rounds, plan_team_rounds, keep_teams).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import tables, tables_seating

if TYPE_CHECKING:
    from kitcop_desktop.tools.tables.editor import TablesEditor

AREA = "tables"
NO_TEAMS = -1  # « Par équipes… »'s last choice: no teams, new people met at each round


class SeatingCommands:
    """The page's seating gestures."""

    def __init__(self, page: TablesEditor) -> None:
        self.page = page
        self.ctx = page.ctx

    def assign(self) -> bool:
        """« Répartir automatiquement »: everyone present seated at every round; the people
        placed by hand stay where they were put, the teams made with « Par équipes… » stay
        (the absent leave theirs, newcomers join the smallest), and the status line says so."""
        wid = self.ctx.workshop_id
        done = self.ctx.push(
            tr("Répartir automatiquement"),
            area=AREA,
            do=lambda s: tables_seating.assign_automatically(s, wid),
            undo=lambda s, before: tables_seating.restore_seating(s, wid, before),
            redo=lambda s, _before: tables_seating.assign_automatically(s, wid),
        )
        if done is None:
            return False
        with self.ctx.store.read() as session:
            kept = tables_seating.hand_placements(session, wid)
            teams = len(tables_seating.current_teams(session, wid))
        if teams:
            hands = (
                tr_n(
                    "\u00a0; {n} placement fait à la main, gardé",
                    "\u00a0; {n} placements faits à la main, gardés",
                    kept,
                ).format(n=kept)
                if kept
                else ""
            )
            self.ctx.show_message(
                tr(
                    "Personnes placées à chaque tour, les {teams}\u00a0équipes gardées{hands}\u00a0: chacune reste ensemble («\u00a0Par équipes…\u00a0» pour en changer)."
                ).format(teams=teams, hands=hands)
            )
            return True
        if kept:
            self.ctx.show_message(
                tr_n(
                    "Personnes placées à chaque tour\u00a0; {n} placement fait à la main gardé "
                    "tel quel.",
                    "Personnes placées à chaque tour\u00a0; {n} placements faits à la main gardés "
                    "tels quels.",
                    kept,
                ).format(n=kept)
            )
        else:
            self.ctx.show_message(tr("Personnes placées à chaque tour."))
        return True

    def ask_teams(self) -> None:
        """« Par équipes… »: how many teams (the teams now, else one a table), or none."""
        count = max(2, self.page.table_count)
        with self.ctx.store.read() as session:
            now = len(tables_seating.current_teams(session, self.ctx.workshop_id))
        choices = [
            (n, tr_n("{n} équipe", "{n} équipes", n).format(n=n)) for n in range(count, 1, -1)
        ]
        choices.append((NO_TEAMS, tr("Sans équipes\u00a0: de nouvelles rencontres à chaque tour")))
        current = next((i for i, (n, _label) in enumerate(choices) if n == now), 0)
        chosen, ok = QInputDialog.getItem(
            self.page,
            tr("Répartir par équipes"),
            tr("Nombre d'équipes (chacune reste ensemble et change de table à chaque tour)\u00a0:"),
            [label for _n, label in choices],
            current,
            False,
        )
        if ok:
            teams = next(n for n, label in choices if label == chosen)
            if teams == NO_TEAMS:
                self.assign_without_teams()
            else:
                self.assign_teams(teams)

    def assign_teams(self, teams: int) -> bool:
        """« Par équipes… »: `teams` mixed teams, each staying together from table to table
        (the world café of seed 004), hosts at home, hand moves kept; one undo step."""
        wid = self.ctx.workshop_id
        done = self.ctx.push(
            tr("Répartir par équipes"),
            area=AREA,
            do=lambda s: tables_seating.assign_automatically(s, wid, teams=teams),
            undo=lambda s, before: tables_seating.restore_seating(s, wid, before),
            redo=lambda s, _before: tables_seating.assign_automatically(s, wid, teams=teams),
        )
        if done is None:
            return False
        self.ctx.show_message(
            tr_n(
                "{n} équipe placée\u00a0: elle reste ensemble et change de table à chaque tour.",
                "{n} équipes placées\u00a0: chacune reste ensemble et change de table à chaque "
                "tour.",
                teams,
            ).format(n=teams)
        )
        return True

    def assign_without_teams(self) -> bool:
        """« Sans équipes »: the teams forgotten, new people met at each round (hand moves
        kept); one undo step."""
        wid = self.ctx.workshop_id
        done = self.ctx.push(
            tr("Répartir sans équipes"),
            area=AREA,
            do=lambda s: tables_seating.assign_automatically(s, wid, teams=0),
            undo=lambda s, before: tables_seating.restore_seating(s, wid, before),
            redo=lambda s, _before: tables_seating.assign_automatically(s, wid, teams=0),
        )
        if done is None:
            return False
        self.ctx.show_message(tr("Sans équipes\u00a0: de nouvelles rencontres à chaque tour."))
        return True

    def move_person(self, round_id: int, participant_id: int, table_id: int) -> bool:
        """One person to another table for one round, by hand (dragged, Alt+→ / Alt+←,
        « Changer de table »): one undo step; « Répartir automatiquement » keeps it."""
        with self.ctx.store.read() as session:
            before = tables_seating.seat_of(session, round_id, participant_id)
            names = {t.id: t.name for t in tables.list_tables(session, self.ctx.workshop_id)}
        if before is not None and before["table_id"] == table_id:
            return False  # dropped where they already sit: nothing to undo
        done = self.ctx.push(
            f"Changer de table ({names.get(table_id, 'table')})",
            area=AREA,
            do=lambda s: tables_seating.move_person(s, round_id, participant_id, table_id),
            undo=lambda s, _previous: tables_seating.restore_seat(
                s, round_id, participant_id, before
            ),
        )
        if done is not None:
            self.page.seating.select(participant_id)
        return done is not None
