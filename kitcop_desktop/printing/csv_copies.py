"""Editable copies for the COP secretariat's own forms: fiches actions and vote results as CSV.

What a French spreadsheet opens as it is: UTF-8 with a BOM, « ; » between cells. A participants'
document like the restitution: a secret vote's tallies stay out until revealed. A cell that a
spreadsheet would run as a formula (« = », « + », « - », « @ ») is written as text.
"""

from __future__ import annotations

import csv
import io

from sqlalchemy.orm import Session

from kitcop_desktop.i18n import TrMap, tr, tr_later
from kitcop_desktop.storage import actions, voting, voting_rounds
from kitcop_desktop.storage.models.action import ACTION_CARD_FIELDS

PARTS = TrMap({"actions": tr_later("fiches actions"), "votes": tr_later("résultats des votes")})
ORIGINS = TrMap({"vote": tr_later("vote"), "kiss": tr_later("rétrospective KISS"), "manual": ""})


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_cell(x) for x in row])
    return "\ufeff" + out.getvalue()


def actions_csv(session: Session, workshop_id: int) -> str:
    """One line per fiche action, a column per field of the kit's card."""
    fields = list(ACTION_CARD_FIELDS)
    head = [ACTION_CARD_FIELDS[k] for k in fields] + [
        tr("Impact (sur 3)"),
        tr("Faisabilité (sur 3)"),
    ]
    rows = [head + [tr("Origine")]]
    for card in actions.list_for(session, workshop_id):
        rating = [card.impact or "", card.feasibility or ""]
        rows.append([getattr(card, k) for k in fields] + rating + [ORIGINS.get(card.origin, "")])
    return _csv(rows)


def votes_csv(session: Session, workshop_id: int) -> str:
    """One line per proposal and round: its rank, its gommettes and whether it was kept."""
    # Here, not at the top: the printing screen imports this module without reportlab.
    from kitcop_desktop.printing.votes import shows_counts

    rows: list[list[object]] = [
        [tr("Vote"), tr("Tour"), tr("Rang"), tr("Proposition"), tr("Gommettes"), tr("Retenue")]
    ]
    for vote in voting.list_for(session, workshop_id):
        every_round = [voting_rounds.round_results(session, r.id) for r in vote.rounds]
        kept: set[int] = set()
        if every_round and all(shows_counts(vote, r) for r in vote.rounds):
            kept = set(voting_rounds.standing_of(every_round, vote.winners_count).cut.selected)
        for results in every_round:
            visible = shows_counts(vote, results)
            for row in results.rows:
                count, rank = (row.count, row.rank) if visible else ("", "")
                won = tr("oui") if row.item_id in kept else (tr("non") if kept else "")
                rows.append([vote.title, results.number, rank, row.text, count, won])
    return _csv(rows)


def render_csv(session: Session, workshop_id: int, part: str) -> bytes:
    """The CSV of `part` (« actions » or « votes ») as bytes."""
    build = {"actions": actions_csv, "votes": votes_csv}[part]
    return build(session, workshop_id).encode("utf-8")
