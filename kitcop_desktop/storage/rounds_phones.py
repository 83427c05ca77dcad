"""Words sent from phones to a speaking round (#19): météo, déclusion, and the ROTI's score.

One per phone and round (a phone sending again replaces its word), until the round is
finished. The same validation as a word typed on the laptop (`rounds.set_word`: control
characters out, blanks folded, `rounds.WORD_MAX` at most), a ROTI's score by
`domain/roti.require_score`. A phone's word is restitution content: neither projected nor
printed until the facilitator shows it (`show_all`); changed afterwards, it waits to be shown
again. Functions take a Session first and never commit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.domain import roti
from kitcop_desktop.domain.validation import clean_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import phone_inputs
from kitcop_desktop.storage.base import Snapshot
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.fishbowl import SpeakingRound
from kitcop_desktop.storage.models.phones import PhoneWord
from kitcop_desktop.storage.phone_inputs import refused
from kitcop_desktop.storage.rounds import WORD_MAX, get


def send_word(
    session: Session,
    round_id: int,
    device: str,
    word: Any,
    stay_involved: Any = None,
    score: Any = None,
) -> int:
    """Store this phone's word in the round (replacing its earlier one); its row id.
    Refused, nothing stored: a finished round, a word that is not text, too long or empty (a
    ROTI needs its score instead, its word is a free comment), a score outside 1–5."""
    rnd = get(session, round_id)
    if rnd.state == "finished":
        raise refused(tr("Ce tour est terminé\u00a0: votre réponse ne peut plus changer."))
    if word is None:
        word = ""
    if not isinstance(word, str) or not (stay_involved is None or isinstance(stay_involved, bool)):
        raise refused(tr("Cette réponse est illisible\u00a0: rechargez la page."))
    cleaned = " ".join(clean_text(word, max_len=WORD_MAX).split())
    if rnd.kind == "roti":
        score = roti.require_score(score)
    elif score is not None:
        raise refused(tr("Ce tour ne demande pas de note."))
    if not cleaned and rnd.kind != "roti":
        raise refused(tr("Écrivez un mot ou une phrase avant d'envoyer."))
    involved = stay_involved if rnd.kind == "closing" else None
    row = _of_phone(session, round_id, device)
    if row is None:
        row = PhoneWord(round_id=round_id, device=device)
        session.add(row)
    row.word, row.stay_involved, row.score, row.shown = cleaned, involved, score, False
    session.flush()
    return row.id


def _of_phone(session: Session, round_id: int, device: str) -> PhoneWord | None:
    return phone_inputs.one_of(
        session, PhoneWord, PhoneWord.round_id == round_id, PhoneWord.device == device
    )


def words(session: Session, round_id: int) -> list[PhoneWord]:
    """Every phone's word in the round, in the order they first arrived."""
    return list(
        session.scalars(
            select(PhoneWord).where(PhoneWord.round_id == round_id).order_by(PhoneWord.id)
        )
    )


def shown_words(session: Session, round_id: int) -> list[PhoneWord]:
    """What the room screen and the restitution may show."""
    return [w for w in words(session, round_id) if w.shown]


def mine(session: Session, round_id: int, device: str) -> dict[str, Any] | None:
    """What this phone sent (what it is shown again), or None."""
    row = _of_phone(session, round_id, device)
    if row is None:
        return None
    return {"word": row.word, "stay_involved": row.stay_involved, "score": row.score}


def word_count(session: Session, round_id: int) -> tuple[int, int]:
    """(words received, of which not shown yet)."""
    total = phone_inputs.count(session, PhoneWord, PhoneWord.round_id == round_id)
    hidden = phone_inputs.count(
        session, PhoneWord, PhoneWord.round_id == round_id, PhoneWord.shown.is_(False)
    )
    return total, hidden


def show_all(session: Session, round_id: int) -> list[int]:
    """Show every word not shown yet; their ids (undo: `hide`)."""
    get(session, round_id)
    hidden = [w for w in words(session, round_id) if not w.shown]
    for w in hidden:
        w.shown = True
    session.flush()
    return [w.id for w in hidden]


def hide(session: Session, word_ids: list[int]) -> None:
    for word_id in word_ids:
        row = session.get(PhoneWord, word_id)
        if row is not None:
            row.shown = False
    session.flush()


def remove(session: Session, word_id: int) -> Snapshot:
    """Take a phone's word out (an insult, a test); undo puts it back as it was."""
    if session.get(PhoneWord, word_id) is None:
        raise NotFound(tr("Ce mot n'est plus là."))
    return phone_inputs.take_out(session, PhoneWord, word_id, "")


def restore(session: Session, data: Snapshot) -> None:
    """Put a word taken out back, hidden (undo never shows anything: the facilitator shows it
    again with M), unless its round went away meanwhile."""
    phone_inputs.put_back(session, PhoneWord, {**data, "shown": False}, SpeakingRound, "round_id")


def roti_summary(rows: list[PhoneWord]) -> roti.RotiSummary:
    return roti.summarise([w.score for w in rows if w.score is not None])
