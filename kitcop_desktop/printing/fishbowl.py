"""Bocal à poisson and tours de parole in the restitution.

Fishbowl: the question, who spoke how long (bars, shares, by category, who stayed silent) and
the note-taker's notes the facilitator revealed (visibility restitution: a note never revealed
is printed only in the facilitator's document, printing/facilitator.py). Rounds: each person's word (météo, déclusion) and,
for the déclusion, whether they want to stay involved; the answers phones sent that the
facilitator showed (#19), and a ROTI's scores and comments.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.domain import roti
from kitcop_desktop.domain.fishbowl import (
    CATEGORY_LABELS,
    NOTE_HEADINGS,
    percent,
    shown_name,
    speaking_clock,
)
from kitcop_desktop.domain.speaking_round import STATUS_LABELS
from kitcop_desktop.domain.visibility import Audience
from kitcop_desktop.i18n import decimal, tr, tr_n
from kitcop_desktop.printing.common import cells, grid, head_cells, markup, nothing, p
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.printing.sections import round_ran
from kitcop_desktop.printing.text import one_line
from kitcop_desktop.printing.votes import Bar
from kitcop_desktop.storage import fishbowl, fishbowl_notes, rounds, rounds_phones, visibility


def _fishbowl(doc: Document, session, bowl) -> None:
    width = frame_width("portrait")
    doc.add(markup(one_line(bowl.title), "h2"))
    if bowl.question:
        doc.add(p(bowl.question, "quote"))
    stats = fishbowl.stats(session, bowl.id)
    spoken = [x for x in stats.people if x.turns]
    doc.add(
        p(
            tr(
                "{chairs} chaises au centre, {timebox_minutes} min prévues\u202f; temps de parole total\u00a0: {total_seconds}\u202f; {count} personne(s) ont pris la parole."
            ).format(
                chairs=bowl.chairs,
                timebox_minutes=bowl.timebox_minutes,
                total_seconds=speaking_clock(stats.total_seconds),
                count=len(spoken),
            ),
            "muted",
        )
    )
    if spoken:
        longest = max(int(x.seconds) for x in spoken)
        rows = [
            head_cells(
                tr("Personne"),
                tr("Catégorie"),
                tr("Prises de parole"),
                tr("Temps de parole"),
                tr("Part"),
            )
        ]
        for person in spoken:
            rows.append(
                [
                    *cells(
                        shown_name(person),  # « (parti·e) » for who left the workshop early
                        CATEGORY_LABELS.get(person.category, person.category),
                        str(person.turns),
                    ),
                    Bar(int(person.seconds), longest, 40 * mm, label=False),
                    *cells(f"{speaking_clock(person.seconds)} · {percent(person.share)}"),
                ]
            )
        doc.add(grid(rows, [width - 148 * mm, 28 * mm, 26 * mm, 46 * mm, 48 * mm]))
        shares = [
            f"{CATEGORY_LABELS.get(k, k)}\u00a0: {percent(v)}"
            for k, v in stats.category_share.items()
            if stats.by_category.get(k)
        ]
        if shares:
            doc.add(p(tr("Par catégorie d'acteur : ") + "\u202f; ".join(shares), "small"))
    else:
        doc.add(nothing(tr("Personne n'a encore pris la parole au centre.")))
    if stats.silent and spoken:
        silent = ", ".join(stats.silent)
        doc.add(p(tr("N'ont pas pris la parole : {names}.").format(names=silent), "small"))
    notes = [
        n
        for n in fishbowl_notes.note_data(session, bowl.id)
        if visibility.note_visible(n, Audience.PARTICIPANTS)
    ]
    doc.add(markup(tr("Notes partagées"), "h3"))
    if not notes:
        doc.add(nothing(tr("Aucune note partagée avec la salle.")))
    for key, label in NOTE_HEADINGS.items():
        texts = [n.text for n in notes if n.heading == key]
        if texts:
            doc.add(markup(f"<b>{one_line(label)}</b>", "body"))
            doc.add(
                grid(
                    [cells("•", t) for t in texts],
                    [6 * mm, width - 6 * mm],
                    header=False,
                    zebra=False,
                )
            )
            doc.add(Spacer(1, 2 * mm))


def add_fishbowl(doc: Document, session, workshop) -> None:
    """Every bocal à poisson of the workshop."""
    doc.page("portrait")
    doc.section(tr("Bocal à poisson"))
    doc.add(markup(tr("Bocal à poisson"), "h1"))
    bowls = fishbowl.list_fishbowls(session, workshop.id)
    if not bowls:
        doc.add(nothing(tr("Pas de bocal à poisson dans cet atelier.")))
        return
    for bowl in bowls:
        _fishbowl(doc, session, bowl)


def _involved(value: bool | None) -> str:
    return "—" if value is None else (tr("oui") if value else tr("non"))


def add_rounds(doc: Document, session, workshop) -> None:
    """Every tour de parole, with the words people said (météo, déclusion…)."""
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section(tr("Tours de parole"))
    doc.add(markup(tr("Tours de parole"), "h1"))
    # A round nobody has spoken in yet would print every name « À venir »: left out.
    # The phones' answers print once the facilitator showed them (restitution content).
    phoned = {
        r.id: rounds_phones.shown_words(session, r.id)
        for r in rounds.list_rounds(session, workshop.id)
    }
    all_rounds = [
        r for r in rounds.list_rounds(session, workshop.id) if round_ran(r) or phoned[r.id]
    ]
    if not all_rounds:
        doc.add(nothing(tr("Aucun tour de parole n'a encore eu lieu dans cet atelier.")))
        return
    for data in all_rounds:
        title = data.kind_label + (
            f" — {data.title}" if data.title and data.title != data.kind_label else ""
        )
        doc.add(markup(one_line(title), "h2"))
        if data.prompt:
            doc.add(p(data.prompt, "muted"))
        closing = data.kind == "closing"
        head = [tr("Personne"), tr("Mot ou phrase")] + (
            [tr("Reste impliqué·e")] if closing else [tr("Statut")]
        )
        rows = [head_cells(*head)]
        for entry in data.entries:
            last = (
                _involved(entry.stay_involved)
                if closing
                else STATUS_LABELS.get(entry.status, entry.status)
            )
            rows.append(cells(entry.name, entry.word or "—", last))
        if len(rows) > 1:
            doc.add(grid(rows, [48 * mm, width - 80 * mm, 32 * mm]))
        elif not phoned[data.id]:
            doc.add(nothing(tr("Personne dans ce tour.")))
            continue
        _phone_answers(doc, data.kind, phoned[data.id])
        words = [e.word for e in data.entries if e.word.strip()]
        if closing and words:
            doc.add(p(tr("En un mot : ") + " · ".join(words), "small"))
        doc.add(Spacer(1, 3 * mm))


def _phone_answers(doc: Document, kind: str, words: list) -> None:
    """The answers sent from phones and shown (#19): a ROTI's average and spread, then the
    words and comments (no name: a phone is never identified)."""
    if not words:
        return
    scores = [w.score for w in words if w.score is not None]
    if scores:
        summary = roti.summarise(scores)
        spread = " · ".join(f"{score}\u00a0: {n}" for score, n in summary.counts.items())
        answers = tr_n("{n} réponse", "{n} réponses", len(scores)).format(n=len(scores))
        doc.add(
            p(
                tr("ROTI\u00a0: {value} sur 5 ({answers}) — {spread}").format(
                    value=decimal(summary.average or 0, 1), answers=answers, spread=spread
                ),
                "body",
            )
        )
    said = [w for w in words if w.word.strip()]
    if said:
        heading = tr("Commentaires") if scores else tr("Depuis les téléphones")
        doc.add(p(f"{heading} ({len(said)})\u00a0:", "body"))
        for w in said:
            mark = ""
            if kind == "closing" and w.stay_involved is not None:
                mark = tr(" (reste impliqué·e)") if w.stay_involved else tr(" (ne reste pas)")
            score = f"{w.score}/5 — " if w.score is not None else ""
            doc.add(p(f"• {score}{w.word}{mark}", "body"))
