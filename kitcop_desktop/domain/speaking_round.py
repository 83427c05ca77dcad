"""Tours de parole (speaking rounds): météo, brise-glace, présentation croisée, déclusion,
and the end-of-session ROTI (return on time invested, 1 to 5: `domain/roti.py`).

Everyone speaks once, in order, with a per-speaker time. « Plus tard » sends the speaker to the
end of the queue; skipped a second time, they pass. Pure rules on plain records.
"""

from __future__ import annotations

from dataclasses import dataclass

from kitcop_desktop.domain.countdown import Countdown, Stage
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import TrMap, tr, tr_later

MIN_SPEAKER_SECONDS = 10
MAX_SPEAKER_SECONDS = 30 * 60

KINDS = TrMap(
    {
        "check_in": tr_later("Météo"),
        "icebreaker": tr_later("Brise-glace"),
        "cross_intro": tr_later("Présentation croisée"),
        "closing": tr_later("Déclusion"),
        "roti": "ROTI",
    }
)
DEFAULT_PROMPTS = TrMap(
    {
        "check_in": tr_later("En un mot ou une phrase : comment arrivez-vous ce matin ?"),
        "icebreaker": tr_later(
            "Votre prénom, votre structure, et ce que vous attendez de cet atelier."
        ),
        "cross_intro": tr_later(
            "Nous sommes en 2030 et vous exercez un métier différent de celui exercé actuellement. Ce métier contribue à la transition écologique et à la régénération du vivant ! Lequel exercez-vous ? Qu'est-ce qui vous attire dans ce métier ?"
        ),
        "closing": tr_later(
            "Un mot sur ce que vous ressentez, et souhaitez-vous rester impliqué·e dans la suite ?"
        ),
        "roti": tr_later(
            "De 1 (temps perdu) à 5 (temps très bien investi) : que vous a rapporté le "
            "temps passé ici ? Un mot pour le dire, si vous voulez."
        ),
    }
)
STATUS_LABELS = TrMap(
    {
        "waiting": tr_later("À venir"),
        "later": tr_later("Plus tard"),
        "done": tr_later("A parlé"),
        "passed": tr_later("A passé son tour"),
    }
)


def require_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InvalidInput(tr("Type de tour de parole inconnu. Rien n'a été modifié."))
    return kind


def require_speaker_seconds(value: int | str) -> int:
    """Time per speaker: 10 seconds to 30 minutes."""
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(
            tr("Le temps par personne doit être un nombre de secondes. Rien n'a été modifié.")
        ) from None
    if seconds < MIN_SPEAKER_SECONDS:
        raise InvalidInput(
            tr("Le temps par personne doit être d'au moins 10 secondes. Rien n'a été modifié.")
        )
    if seconds > MAX_SPEAKER_SECONDS:
        raise InvalidInput(
            tr("Le temps par personne ne peut pas dépasser 30 minutes. Rien n'a été modifié.")
        )
    return seconds


@dataclass(frozen=True)
class Entry:
    id: int
    position: int
    status: str  # waiting, later, done, passed


def next_speaker(entries: list[Entry], current: int | None = None) -> int | None:
    """Who speaks next: the first waiting in order, else the first « plus tard » (not current)."""
    ordered = sorted(entries, key=lambda e: (e.position, e.id))
    for status in ("waiting", "later"):
        for e in ordered:
            if e.status == status and e.id != current:
                return e.id
    return None


def previous_speaker(entries: list[Entry], current: int | None) -> int | None:
    """The person who spoke just before `current` in order (to come back after a wrong click)."""
    ordered = sorted(entries, key=lambda e: (e.position, e.id))
    ids = [e.id for e in ordered]
    spoken = [e.id for e in ordered if e.status in ("done", "passed") and e.id != current]
    if not spoken:
        return None
    if current is None or current not in ids:
        return spoken[-1]
    before = [i for i in spoken if ids.index(i) < ids.index(current)]
    return before[-1] if before else spoken[-1]


def skipped_status(status: str) -> str:
    """« Plus tard » once sends to the end of the queue; a second time, the person passes."""
    return "passed" if status == "later" else "later"


def progress(entries: list[Entry]) -> tuple[int, int]:
    """(people who have had their turn, everyone)."""
    done = sum(1 for e in entries if e.status in ("done", "passed"))
    return done, len(entries)


class SpeakerCountdown(Countdown):
    """A speaker's countdown. A turn of a minute or two would spend its whole time in « last
    minute »: short turns warn in their last 20 % only, then show the overrun."""

    SHORT_TURN = 180

    def stage(self) -> Stage:
        stage = super().stage()
        if stage == Stage.LAST_MINUTE and self.total_seconds <= self.SHORT_TURN:
            return Stage.WARNING if self.remaining() <= 0.2 * self.total_seconds else Stage.NORMAL
        return stage
