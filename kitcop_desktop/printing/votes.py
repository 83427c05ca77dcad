"""Vote results: every round of every vote, bars and counts, ties said in words, the winners.

A round still open prints as « résultats non révélés », and so does a secret vote's round until
it is revealed (visibility restitution, storage/visibility.tallies_visible): the paper does not
leak a hidden tally any more than the room screen does. The facilitator's document prints them
(printing/facilitator.py).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kitcop_desktop.domain.visibility import Audience
from kitcop_desktop.i18n import TrMap, tr, tr_later
from kitcop_desktop.printing import colours
from kitcop_desktop.printing.common import cells, grid, head_cells, markup, nothing, p
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.printing.fonts import BOLD
from kitcop_desktop.printing.styles import ACCENT, INK, SHADE
from kitcop_desktop.printing.text import one_line
from kitcop_desktop.storage import visibility, voting, voting_rounds

MODES = TrMap(
    {"wall": tr_later("gommettes comptées au mur"), "ballots": tr_later("bulletins saisis")}
)
HIDDEN_OPEN = tr_later("Tour en cours : résultats non révélés.")
HIDDEN_SECRET = tr_later("Vote secret : résultats pas encore révélés à la salle.")


class Bar(Flowable):
    """A horizontal bar proportional to a count, its number at the end."""

    def __init__(
        self, count: int, maximum: int, width: float, *, highlight: bool = False, label: bool = True
    ):
        super().__init__()
        self.count, self.maximum = count, max(1, maximum)
        self.width, self.height = width, 4.2 * mm
        self.highlight = highlight
        self.label = label

    def wrap(self, *_):
        return self.width, self.height

    def draw(self):
        c = self.canv
        room = self.width - (12 * mm if self.label else 0)
        c.setFillColor(SHADE)
        c.rect(0, 0.6 * mm, room, self.height - 1.2 * mm, stroke=0, fill=1)
        c.setFillColor(ACCENT if self.highlight else colors.HexColor(colours.VOTE_BAR))
        c.rect(
            0, 0.6 * mm, room * self.count / self.maximum, self.height - 1.2 * mm, stroke=0, fill=1
        )
        if self.label:
            c.setFillColor(INK)
            c.setFont(BOLD, 9)
            c.drawRightString(self.width, 1.3 * mm, str(self.count))


def ranking_table(result_rows, winners: set[int], width: float):
    bar_width = 62 * mm
    rows = [head_cells(tr("Rang"), tr("Proposition"), tr("Gommettes"), "")]
    maximum = max((r.count for r in result_rows), default=0)
    for row in result_rows:
        rank = f"{row.rank}" + (tr(" ex æquo") if row.tied else "")
        notes = [tr("tour {number}").format(number=row.round_number)] if row.round_number else []
        if row.item_id in winners:
            notes.append(tr("retenue"))
        if row.decided:
            notes.append(tr("départagée"))
        rows.append(
            [
                *cells(rank, row.text),
                Bar(row.count, maximum, bar_width, highlight=row.item_id in winners),
                p(", ".join(notes), "cell"),
            ]
        )
    return grid(
        rows, [22 * mm, width - 22 * mm - bar_width - 8 * mm - 22 * mm, bar_width + 8 * mm, 22 * mm]
    )


def shows_counts(vote, vote_round) -> bool:
    """Whether a participants' document prints this round's counts: counting is over and the
    room may see them (a secret vote's round once revealed)."""
    finished = vote_round.revealed or vote_round.state == "closed"
    return finished and visibility.tallies_visible(
        vote.hidden, vote_round.revealed, Audience.PARTICIPANTS
    )


def add_vote(doc: Document, session, vote) -> None:
    width = frame_width("portrait")
    doc.add(markup(one_line(vote.title), "h2"))
    criteria = voting.criteria_of(vote)
    settings = tr(
        "{dots} gommette(s) par personne, {most} au plus par proposition\u202f; "
        "{winners} proposition(s) à retenir."
    ).format(dots=vote.dots_per_participant, most=vote.max_per_item, winners=vote.winners_count)
    doc.add(p(settings, "muted"))
    if criteria:
        doc.add(p(tr("Critères de tri : ") + "\u202f; ".join(criteria), "muted"))
    if not vote.rounds:
        doc.add(nothing(tr("Ce vote n'a pas encore eu lieu.")))
        return
    winners: set[int] = set()
    straddling: set[int] = set()
    final = None
    # Each round read once: the standing is put together from the same results.
    every_round = [voting_rounds.round_results(session, r.id) for r in vote.rounds]
    # The standing merges every round: only when the room may see each of them.
    if all(shows_counts(vote, r) for r in vote.rounds):
        final = voting_rounds.standing_of(every_round, vote.winners_count)
        chosen = final.cut
        winners, straddling = set(chosen.selected), set(chosen.straddling)
    for results in every_round:
        title = tr("Tour {number}").format(number=results.number)
        if results.reason:
            title += f" — {results.reason}"
        visible = shows_counts(vote, results)
        details = MODES.get(results.entry_mode, results.entry_mode)
        if visible:
            details += ", " + tr("{dots} gommette(s)").format(dots=results.total_dots)
        if results.entry_mode == "ballots":
            details += ", " + tr("{ballots} bulletin(s)").format(ballots=results.ballots)
        if (results.rules.dots_per_participant, results.rules.max_per_item) != (
            vote.dots_per_participant,
            vote.max_per_item,
        ):
            details += ", " + tr(
                "{dots} gommette(s) par personne, {most} au plus par proposition"
            ).format(dots=results.rules.dots_per_participant, most=results.rules.max_per_item)
        doc.add(
            markup(
                f"{one_line(title)} <font color='{colours.MUTED}'>({one_line(details)})</font>",
                "h3",
            )
        )
        if not visible:
            doc.add(nothing(tr(HIDDEN_OPEN if results.state == "open" else HIDDEN_SECRET)))
            continue
        single = len(vote.rounds) == 1
        doc.add(ranking_table(results.rows, winners if single else set(), width))
        for ids, reason in results.decisions:
            texts = {r.item_id: r.text for r in results.rows}
            order = " > ".join(texts.get(i, "?") for i in ids)
            doc.add(
                p(
                    tr("Égalité départagée : {order}. Motif : {reason}").format(
                        order=order, reason=reason
                    ),
                    "small",
                )
            )
        if results.ties:
            doc.add(
                p(tr("{count} égalité(s) dans ce tour.").format(count=len(results.ties)), "small")
            )
    if final is not None and len(vote.rounds) > 1:
        # Later rounds reorder only their own proposals: the standing puts the rounds together.
        doc.add(markup(tr("Classement final (tous les tours)"), "h3"))
        doc.add(ranking_table(final.rows, winners, width))
    if final is not None:
        chosen_texts = [r.text for r in final.rows if r.item_id in winners]
        doc.add(Spacer(1, 2 * mm))
        if chosen_texts:
            doc.add(
                markup(
                    "<b>"
                    + tr("Retenu :")
                    + "</b> "
                    + "\u202f; ".join(one_line(t) for t in chosen_texts),
                    "body",
                )
            )
        tied = [r.text for r in final.rows if r.item_id in straddling]
        if tied:
            doc.add(p(tr("Égalité à départager pour la dernière place : ") + "\u202f; ".join(tied)))


def add_votes(doc: Document, session, workshop) -> None:
    """Every vote of the workshop."""
    doc.page("portrait")
    doc.section(tr("Résultats des votes"))
    doc.add(markup(tr("Résultats des votes"), "h1"))
    votes = voting.list_for(session, workshop.id)
    if not votes:
        doc.add(nothing(tr("Aucun vote dans cet atelier.")))
        return
    for vote in votes:
        add_vote(doc, session, vote)
        doc.add(Spacer(1, 5 * mm))
