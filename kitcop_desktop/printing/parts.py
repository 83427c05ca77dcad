"""Part names → documents. `render_pdf` is what the printing screen and `kitcop pdf` call.

« all » is the workshop's full restitution: cover, participants, agenda planned vs actual,
boards, votes, fishbowl, rounds, KISS decisions, the interviews' synthesis and fiches actions;
with « interview_sheets » too, each interview's sheet follows the synthesis. Every other part prints alone, or after the restitution when several are ticked; a section
two ticked parts share is printed once (`plan`).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from kitcop_desktop.domain.visibility import FACILITATOR_MARK
from kitcop_desktop.i18n import tr
from kitcop_desktop.printing.action_cards import add_action_cards
from kitcop_desktop.printing.action_plan import add_workshop_plan
from kitcop_desktop.printing.agenda import (
    add_agenda,
    add_agenda_review,
    add_facilitator,
    has_run,
)
from kitcop_desktop.printing.attendance import add_attendance
from kitcop_desktop.printing.blanks import add_blanks
from kitcop_desktop.printing.boards import add_boards, add_kiss_decisions
from kitcop_desktop.printing.common import heading_for
from kitcop_desktop.printing.document import Document
from kitcop_desktop.printing.facilitator import add_unseen
from kitcop_desktop.printing.fishbowl import add_fishbowl, add_rounds
from kitcop_desktop.printing.interviews import (
    add_blank_kit,
    add_campaign_synthesis,
    add_interview_sheets,
)
from kitcop_desktop.printing.part_names import (  # noqa: F401 - the names callers import here
    PART_LABELS,
    PART_NAMES,
    RESTITUTION_CONTENTS,
)
from kitcop_desktop.printing.restitution import add_cover, add_participants
from kitcop_desktop.printing.sections import worth_printing
from kitcop_desktop.printing.tables import add_tables
from kitcop_desktop.printing.votes import add_votes
from kitcop_desktop.storage import boards, workshops

Builder = Callable[[Document, Session, object], None]
# A section of the PDF: its key (a section printed once, whichever part asks for it first) and
# what prints it.
Step = tuple[str, Builder]


def _agenda_review_once_run(doc: Document, session: Session, workshop) -> None:
    """Alone, the déroulé adds the planned-vs-actual page only once it has been run."""
    if has_run(session, workshop.id):
        add_agenda_review(doc, session, workshop)


def _kiss_decisions_if_any(doc: Document, session: Session, workshop) -> None:
    """Alone, the boards add the KISS decisions only when there is a KISS retrospective."""
    if boards.list_boards(session, workshop.id, "kiss"):
        add_kiss_decisions(doc, session, workshop)


PART_STEPS: dict[str, tuple[Step, ...]] = {
    "agenda": (("agenda", add_agenda), ("agenda_review", _agenda_review_once_run)),
    # The facilitator's document: the déroulé with materials and notes, then what the room has
    # not seen (animateur·rice data, restitution not yet revealed).
    "facilitator": (("facilitator", add_facilitator), ("unseen", add_unseen)),
    "boards": (("boards", add_boards), ("kiss_decisions", _kiss_decisions_if_any)),
    "votes": (("votes", add_votes),),
    "fishbowl": (("fishbowl", add_fishbowl),),
    "rounds": (("rounds", add_rounds),),
    "tables": (("tables", add_tables),),
    "interviews": (
        ("campaign_synthesis", add_campaign_synthesis),
        ("interview_sheets", add_interview_sheets),
        ("interview_kit", add_blank_kit),
    ),
    "interview_sheets": (("interview_sheets", add_interview_sheets),),
    "actions": (("actions", add_action_cards),),
    "action_plan": (("action_plan", add_workshop_plan),),
    "attendance": (("attendance", add_attendance),),
    "blank": (("blank", add_blanks),),
}

# The restitution, in the order of the workshop.
RESTITUTION_STEPS: tuple[Step, ...] = (
    ("cover", add_cover),
    ("participants", add_participants),
    ("agenda_review", add_agenda_review),
    ("boards", add_boards),
    ("votes", add_votes),
    ("fishbowl", add_fishbowl),
    ("rounds", add_rounds),
    ("tables", add_tables),
    ("kiss_decisions", add_kiss_decisions),
    ("campaign_synthesis", add_campaign_synthesis),
    ("actions", add_action_cards),
)
RESTITUTION: tuple[Builder, ...] = tuple(build for _key, build in RESTITUTION_STEPS)


def _restitution(chosen: list[str]) -> list[Step]:
    """The restitution's sections; with « interview_sheets », the sheets after the synthesis."""
    steps = list(RESTITUTION_STEPS)
    if "interview_sheets" in chosen:
        at = [key for key, _build in steps].index("campaign_synthesis") + 1
        steps.insert(at, ("interview_sheets", add_interview_sheets))
    return steps


def plan(parts: list[str]) -> list[Step]:
    """The sections these parts print, in order, each once: the restitution first, then the
    other parts in PART_NAMES order, leaving out what an earlier part already printed
    (« Restitution complète » + « Fiches actions » prints each fiche once)."""
    chosen = [x for x in ("all", *PART_NAMES[:-1]) if x in parts] or ["all"]
    steps: list[Step] = []
    done: set[str] = set()
    for part in chosen:
        for key, build in _restitution(chosen) if part == "all" else PART_STEPS[part]:
            if key not in done:
                done.add(key)
                steps.append((key, build))
    return steps


def document_title(parts: list[str]) -> str:
    """The PDF's title: the part's label, or a general one when several are combined."""
    if len(parts) == 1:
        return tr(PART_LABELS[parts[0]]).split(" (")[0]
    return tr("Impression de l'atelier")


def compose(session: Session, workshop_id: int, parts: list[str]) -> Document:
    """The document of these parts of the workshop, its builders run but not yet laid out:
    the restitution first, then the others in PART_NAMES order. An empty list means « all ».
    The PDF builds it (`render_pdf`); the editable DOCX copy walks the same story.

    Raises NotFound (French message) for an unknown or trashed workshop and ValueError for an
    unknown part name.
    """
    workshop = workshops.get(session, workshop_id)
    unknown = [x for x in parts if x not in PART_NAMES]
    if unknown:
        raise ValueError(
            tr("Partie inconnue : {parts}. Rien n'a été imprimé.").format(parts=", ".join(unknown))
        )
    chosen = [x for x in ("all", *PART_NAMES[:-1]) if x in parts] or ["all"]
    # A file holding the facilitator's part is the facilitator's document, every page of it.
    marking = tr(FACILITATOR_MARK) if "facilitator" in chosen else ""
    doc = Document(heading_for(workshop), document_title(chosen), marking)
    # A part ticked beside the restitution was asked for: it says it is empty, as alone.
    asked = {key for part in chosen if part != "all" for key, _build in PART_STEPS[part]}
    for key, build in plan(chosen):
        # The partners' restitution leaves out a section with nothing in it (and its line in
        # the contents); a part printed alone says it is empty.
        if "all" in chosen and key not in asked and not worth_printing(key, session, workshop.id):
            continue
        build(doc, session, workshop)
    return doc


def render_pdf(session: Session, workshop_id: int, parts: list[str]) -> bytes:
    """The PDF of these parts of the workshop as bytes (see `compose`)."""
    return compose(session, workshop_id, parts).build()
