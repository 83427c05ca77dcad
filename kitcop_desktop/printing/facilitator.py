"""The facilitator's document, its last pages: what the room has not seen.

Everything here is animateur·rice data, or restitution data not yet revealed (domain/
visibility.py): a fishbowl's facilitator note and the note-taker's notes with whether each
was revealed, a secret vote's tallies before the reveal, participants' e-mail addresses,
interviewees' real names, the phones' answers not shown yet and their post-its still waiting in
a board's tray (#19). Only the « facilitator » part prints this page, and every page of
that document carries « Document de l'animateur·rice — ne pas diffuser ».
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.domain.fishbowl import NOTE_HEADINGS
from kitcop_desktop.domain.visibility import PROMISES, WORDS, Audience, Visibility
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.printing import colours
from kitcop_desktop.printing.common import cells, grid, head_cells, markup, nothing, p
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.printing.text import one_line
from kitcop_desktop.printing.votes import ranking_table, shows_counts
from kitcop_desktop.storage import (
    boards,
    boards_phones,
    fishbowl,
    fishbowl_notes,
    interviews,
    participants,
    rounds,
    rounds_phones,
    tables,
    tables_harvest,
    visibility,
    voting,
    voting_rounds,
)

TITLE = tr_later("Ce que la salle ne voit pas")


def _word(kind: Visibility) -> str:
    return f"<font color='{colours.MARK}'><b>[{one_line(WORDS[kind])}]</b></font>"


def _bowls(doc: Document, session, workshop, width: float) -> None:
    for bowl in fishbowl.list_fishbowls(session, workshop.id):
        doc.add(markup(tr("Bocal à poisson : {title}").format(title=one_line(bowl.title)), "h2"))
        doc.add(markup(f"{_word(Visibility.FACILITATOR)} {tr('Note de l’animateur·rice')}", "h3"))
        doc.add(p(bowl.facilitator_note) if bowl.facilitator_note else nothing(tr("Aucune note.")))
        doc.add(markup(f"{_word(Visibility.RESTITUTION)} {tr('Prise de notes')}", "h3"))
        notes = fishbowl_notes.note_data(session, bowl.id)
        if not notes:
            doc.add(nothing(tr("Aucune note.")))
            continue
        rows = [head_cells(tr("Rubrique"), tr("Note"), tr("À l'écran"))]
        for note in notes:
            shared = visibility.note_visible(note, Audience.PARTICIPANTS)
            state = tr("révélée") if shared else tr("pas encore révélée")
            rows.append(cells(NOTE_HEADINGS.get(note.heading, note.heading), note.text, state))
        doc.add(grid(rows, [36 * mm, width - 72 * mm, 36 * mm]))


def _secret_votes(doc: Document, session, workshop, width: float) -> None:
    for vote in voting.list_for(session, workshop.id):
        hidden = [r for r in vote.rounds if not shows_counts(vote, r)]
        if not vote.hidden or not hidden:
            continue
        doc.add(
            markup(
                tr("{RESTITUTION} Vote secret\u00a0: {title}").format(
                    RESTITUTION=_word(Visibility.RESTITUTION), title=one_line(vote.title)
                ),
                "h2",
            )
        )
        for vote_round in hidden:
            results = voting_rounds.round_results(session, vote_round.id)
            state = tr("en cours") if results.state == "open" else tr("clos, pas encore révélé")
            doc.add(
                p(
                    tr("Tour {number} ({state}) : {dots} gommette(s).").format(
                        number=results.number, state=state, dots=results.total_dots
                    ),
                    "h3",
                )
            )
            doc.add(ranking_table(results.rows, set(), width))


def _contacts(doc: Document, session, workshop, width: float) -> None:
    people = [x for x in participants.list_for(session, workshop.id) if x.email]
    if not people:
        return
    doc.add(
        markup(
            tr("{FACILITATOR} Courriels des participant·es").format(
                FACILITATOR=_word(Visibility.FACILITATOR)
            ),
            "h2",
        )
    )
    rows = [head_cells(tr("Nom"), tr("Structure"), tr("Courriel"))]
    rows += [cells(x.name, x.structure, x.email) for x in people]
    doc.add(grid(rows, [50 * mm, 50 * mm, width - 100 * mm]))


def _interviewees(doc: Document, session, workshop, width: float) -> None:
    named = []
    for summary in interviews.list_interviews(session, workshop.id):
        name = interviews.real_name(session, summary.id)
        if name:
            named.append((summary.pseudonym, name))
    if not named:
        return
    doc.add(
        markup(
            tr("{FACILITATOR} Noms réels des enquêté·es").format(
                FACILITATOR=_word(Visibility.FACILITATOR)
            ),
            "h2",
        )
    )
    rows = [head_cells(tr("Pseudonyme"), tr("Nom réel"))] + [cells(a, b) for a, b in named]
    doc.add(grid(rows, [60 * mm, width - 60 * mm]))


def _private_harvest(session, workshop_id: int) -> list:
    return [x for x in tables_harvest.lines(session, workshop_id) if x.private]


def _harvest(doc: Document, session, workshop, width: float) -> None:
    """The private lines of the tables' harvest (« Note privée » in « Récolte »)."""
    private = _private_harvest(session, workshop.id)
    if not private:
        return
    names = {t.id: t.name for t in tables.list_tables(session, workshop.id)}
    _section(
        doc,
        tr("{FACILITATOR} Récolte des tables\u00a0: notes privées").format(
            FACILITATOR=_word(Visibility.FACILITATOR)
        ),
        (tr("Table"), tr("Tour"), tr("Note")),
        [(names.get(x.table_id, "?"), str(x.round_number), x.text) for x in private],
        [50 * mm, 16 * mm, width - 66 * mm],
    )


def _unshown_answers(session, workshop_id: int) -> list[tuple[str, str]]:
    """The phones' answers to speaking rounds not shown yet (#19): (round, answer)."""
    found = []
    for rnd in rounds.rounds_of(session, workshop_id):
        for w in rounds_phones.words(session, rnd.id):
            if not w.shown:
                score = f"{w.score}/5 — " if w.score is not None else ""
                found.append((rnd.title, f"{score}{w.word or '—'}"))
    return found


def _section(
    doc: Document,
    heading: str,
    heads: tuple[str, ...],
    rows: Sequence[tuple[str, ...]],
    widths: list[float],
) -> None:
    """A heading, then one line of `rows` each under the column titles `heads` (translated by
    the caller, as the heading is); nothing at all when there is no row."""
    if not rows:
        return
    doc.add(markup(heading, "h2"))
    doc.add(grid([head_cells(*heads)] + [cells(*row) for row in rows], widths))


def _phone_answers(doc: Document, session, workshop, width: float) -> None:
    """Answers sent from phones that the facilitator has not shown (« Montrer à l'écran »)."""
    _section(
        doc,
        tr("{RESTITUTION} Réponses des téléphones pas encore montrées").format(
            RESTITUTION=_word(Visibility.RESTITUTION)
        ),
        (tr("Tour"), tr("Réponse")),
        _unshown_answers(session, workshop.id),
        [50 * mm, width - 50 * mm],
    )


def _waiting_posts(session, workshop_id: int) -> list[tuple[str, str, str]]:
    """Post-its sent from phones still waiting in a board's tray (#19): (board, zone, text)."""
    found = []
    for board in boards.list_boards(session, workshop_id):
        kind = KINDS.get(board.kind)
        for post in boards_phones.waiting(session, board.id):
            zone = kind.zone(post.zone).label if kind is not None else post.zone
            found.append((board.title, zone, post.text))
    return found


def _phone_posts(doc: Document, session, workshop, width: float) -> None:
    """Post-its from phones the facilitator has neither accepted nor discarded yet."""
    _section(
        doc,
        f"{_word(Visibility.FACILITATOR)} " + tr("Post-it des téléphones en attente"),
        (tr("Tableau"), tr("Zone"), tr("Post-it")),
        _waiting_posts(session, workshop.id),
        [45 * mm, 35 * mm, width - 80 * mm],
    )


def has_unseen(session, workshop_id: int) -> bool:
    """Whether anything here would print: a bowl, a secret vote not yet revealed, an e-mail,
    an interviewee's real name, a private line of a table's harvest, a phone's answer not shown
    yet or its post-it still waiting."""
    if fishbowl.list_fishbowls(session, workshop_id):
        return True
    for vote in voting.list_for(session, workshop_id):
        if vote.hidden and any(not shows_counts(vote, r) for r in vote.rounds):
            return True
    if any(x.email for x in participants.list_for(session, workshop_id)):
        return True
    if _private_harvest(session, workshop_id) or _unshown_answers(session, workshop_id):
        return True
    if _waiting_posts(session, workshop_id):
        return True
    return any(
        interviews.real_name(session, summary.id)
        for summary in interviews.list_interviews(session, workshop_id)
    )


def add_unseen(doc: Document, session, workshop) -> None:
    """The facilitator's document's last pages: each private datum with its visibility word.
    Left out when there is none (a page of legend alone said nothing)."""
    if not has_unseen(session, workshop.id):
        return
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section(tr(TITLE))
    doc.add(markup(tr(TITLE), "h1"))
    for kind in (Visibility.FACILITATOR, Visibility.RESTITUTION):
        doc.add(markup(f"{_word(kind)} {one_line(PROMISES[kind])}", "small"))
    doc.add(Spacer(1, 3 * mm))
    _bowls(doc, session, workshop, width)
    _secret_votes(doc, session, workshop, width)
    _contacts(doc, session, workshop, width)
    _interviewees(doc, session, workshop, width)
    _harvest(doc, session, workshop, width)
    _phone_answers(doc, session, workshop, width)
    _phone_posts(doc, session, workshop, width)
