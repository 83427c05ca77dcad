"""Editable copies as DOCX (Word, LibreOffice): the restitution, the fiches actions and every
printed part but the paper supports, holding the same sections as their PDF (docx_story)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kitcop_desktop.i18n import tr
from kitcop_desktop.printing.part_names import PART_NAMES

# The paper supports are drawn to be cut and folded: nothing there to edit.
DOCX_PARTS = tuple(x for x in PART_NAMES if x != "blank")


def render_docx(session: Session, workshop_id: int, parts: list[str]) -> bytes:
    """The DOCX of these parts (an empty list means the restitution, « all »).

    Raises NotFound for an unknown workshop and ValueError (French) for a part that has no
    editable copy.
    """
    paper = [x for x in parts if x in PART_NAMES and x not in DOCX_PARTS]
    if paper:
        raise ValueError(
            tr(
                "Les supports vierges sont faits pour être imprimés et découpés : ils n'existent qu'en PDF. Rien n'a été enregistré."
            )
        )
    # python-docx and lxml (≈ 9 MB, 0.15 s), and reportlab's story, only when a copy is
    # written: the printing screen's PDFs are made by the print worker (printing/worker.py).
    from kitcop_desktop.printing.docx_story import story_to_docx
    from kitcop_desktop.printing.parts import compose

    return story_to_docx(compose(session, workshop_id, parts))
