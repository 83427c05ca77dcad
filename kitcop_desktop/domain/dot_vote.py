"""Vote par gommettes: limits, tallies, ranking with ties (ex æquo), rounds. Pure rules.

Ties are never broken silently: `rank` gives tied items the same rank and says so; only a
recorded decision (an order chosen by the facilitator, with its reason) or a new round among the
tied items separates them. `cut` tells where the first N stop and which tied items straddle it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import current_language, tr, tr_later, tr_n

DEFAULT_CRITERIA = (
    tr_later("Réalisable d'ici 2030"),
    tr_later("Finançable"),
    tr_later("Bonne échelle / bonne instance pour la porter"),
    tr_later("Capacité des acteurs présents à se mobiliser"),
)
MAX_DOTS_PER_PARTICIPANT = 20
MAX_WALL_COUNT = 999
MAX_WINNERS = 20
NOTHING = tr_later("Rien n'a été modifié.")


def dots_text(n: int) -> str:
    """« 1 gommette », « 3 gommettes »."""
    return tr("{n} gommette").format(n=n) if abs(n) == 1 else tr("{n} gommettes").format(n=n)


def ordinal(rank: int, feminine: bool = False) -> str:
    """A rank in the app's language: « 1er » (« 1re » for a place), « 2e »; 1st, 2nd, 3rd."""
    if current_language() == "en":
        suffix = (
            "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
        )
        return f"{rank}{suffix}"
    if rank == 1:
        return "1re" if feminine else "1er"
    return f"{rank}e"


@dataclass(frozen=True)
class VoteRules:
    dots_per_participant: int = 3
    max_per_item: int = 1


def check_rules(dots_per_participant: int | str, max_per_item: int | str) -> VoteRules:
    """Validated settings: 1 to 20 dots each, 1 to that many dots on one item."""
    try:
        dots, per_item = int(dots_per_participant), int(max_per_item)
    except (TypeError, ValueError):
        raise InvalidInput(
            tr("Le nombre de gommettes doit être un nombre entier. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        ) from None
    if not 1 <= dots <= MAX_DOTS_PER_PARTICIPANT:
        raise InvalidInput(
            tr(
                "Chaque participant·e a de 1 à {MAX_DOTS_PER_PARTICIPANT} gommettes. {NOTHING}"
            ).format(MAX_DOTS_PER_PARTICIPANT=MAX_DOTS_PER_PARTICIPANT, NOTHING=tr(NOTHING))
        )
    if not 1 <= per_item <= dots:
        raise InvalidInput(
            tr(
                "Le maximum par proposition va de 1 à {dots} "
                "(le nombre de gommettes de chacun·e). {nothing}"
            ).format(dots=dots_text(dots), nothing=tr(NOTHING))
        )
    return VoteRules(dots, per_item)


def check_winners(value: int | str) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(
            tr("Le nombre d'actions retenues doit être un nombre. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        ) from None
    if not 1 <= n <= MAX_WINNERS:
        raise InvalidInput(
            tr("On retient de 1 à {MAX_WINNERS} actions. {NOTHING}").format(
                MAX_WINNERS=MAX_WINNERS, NOTHING=tr(NOTHING)
            )
        )
    return n


def parse_count(text: int | str) -> int:
    """A dot count typed from the wall: a whole number from 0 to 999."""
    raw = str(text).strip()
    if raw == "":
        return 0
    try:
        count = int(raw)
    except ValueError:
        raise InvalidInput(
            tr("« {raw} » n'est pas un nombre de gommettes. {nothing}").format(
                raw=raw[:40], nothing=tr(NOTHING)
            )
        ) from None
    if count < 0:
        raise InvalidInput(
            tr("Un nombre de gommettes ne peut pas être négatif. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    if count > MAX_WALL_COUNT:
        raise InvalidInput(
            tr(
                "{count} gommettes sur une seule proposition ? C'est plus que possible "
                "({most} au plus). {nothing}"
            ).format(count=count, most=MAX_WALL_COUNT, nothing=tr(NOTHING))
        )
    return count


def check_ballot(
    rules: VoteRules, dots: Mapping[int, int], allowed_items: Iterable[int]
) -> dict[int, int]:
    """A ballot as {item id: dots}, zeros dropped; raises InvalidInput on any broken limit."""
    allowed = set(allowed_items)
    cleaned: dict[int, int] = {}
    for item_id, n in dots.items():
        if not isinstance(n, int) or isinstance(n, bool):
            raise InvalidInput(
                tr("Un nombre de gommettes doit être un nombre entier. {NOTHING}").format(
                    NOTHING=tr(NOTHING)
                )
            )
        if n < 0:
            raise InvalidInput(
                tr("Un nombre de gommettes ne peut pas être négatif. {NOTHING}").format(
                    NOTHING=tr(NOTHING)
                )
            )
        if n == 0:
            continue
        if item_id not in allowed:
            raise InvalidInput(
                tr("Cette proposition ne fait pas partie de ce tour. {NOTHING}").format(
                    NOTHING=tr(NOTHING)
                )
            )
        if n > rules.max_per_item:
            raise InvalidInput(
                tr("Au plus {dots} par proposition. {nothing}").format(
                    dots=dots_text(rules.max_per_item), nothing=tr(NOTHING)
                )
            )
        cleaned[item_id] = n
    total = sum(cleaned.values())
    if total > rules.dots_per_participant:
        extra = total - rules.dots_per_participant
        raise InvalidInput(
            tr("{placed} placées pour {allowed} autorisées : retirez-en {extra}. {nothing}").format(
                placed=dots_text(total),
                allowed=rules.dots_per_participant,
                extra=extra,
                nothing=tr(NOTHING),
            )
        )
    if total == 0:
        raise InvalidInput(
            tr("Placez au moins une gommette avant de valider. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    return cleaned


def place_dot(rules: VoteRules, dots: Mapping[int, int], item_id: int) -> dict[int, int]:
    """One more dot on an item of a ballot being filled in; refuses beyond the limits."""
    current = dots.get(item_id, 0)
    if sum(dots.values()) + 1 > rules.dots_per_participant:
        raise InvalidInput(
            tr("Vos {dots} sont placées : retirez-en une pour changer d'avis.").format(
                dots=dots_text(rules.dots_per_participant)
            )
        )
    if current + 1 > rules.max_per_item:
        raise InvalidInput(
            tr("Au plus {dots} par proposition : choisissez-en une autre.").format(
                dots=dots_text(rules.max_per_item)
            )
        )
    return {**dots, item_id: current + 1}


def remove_dot(dots: Mapping[int, int], item_id: int) -> dict[int, int]:
    current = dots.get(item_id, 0)
    result = dict(dots)
    if current <= 1:
        result.pop(item_id, None)
    else:
        result[item_id] = current - 1
    return result


def tally(
    item_ids: Sequence[int],
    wall_counts: Mapping[int, int] | None = None,
    ballots: Iterable[Mapping[int, int]] = (),
) -> dict[int, int]:
    """Dots per item of a round: the wall counts plus every ballot; other items are ignored."""
    counts = {item_id: 0 for item_id in item_ids}
    for item_id, n in (wall_counts or {}).items():
        if item_id in counts:
            counts[item_id] += n
    for ballot in ballots:
        for item_id, n in ballot.items():
            if item_id in counts:
                counts[item_id] += n
    return counts


@dataclass(frozen=True)
class Ranked:
    item_id: int
    count: int
    rank: int  # competition ranking: 1, 2, 2, 4
    tied: bool  # shares its rank with another item: « ex æquo »
    decided: bool = False  # its place inside a tie was set by a recorded decision
    round_number: int = 0  # in a vote's standing: the round whose count placed it (0: this one)


def rank(
    counts: Mapping[int, int],
    order: Sequence[int] | None = None,
    decisions: Iterable[Sequence[int]] = (),
) -> list[Ranked]:
    """Items best first. Equal counts share a rank unless a decision orders exactly that group.

    `order` (the items' display order) only orders tied items on screen; it never separates them.
    """
    order = list(order) if order is not None else list(counts)
    position = {item_id: i for i, item_id in enumerate(order)}
    items = sorted(counts, key=lambda i: (-counts[i], position.get(i, len(position)), i))
    by_group = {frozenset(d): list(d) for d in decisions if len(d) > 1}
    result: list[Ranked] = []
    start = 0
    while start < len(items):
        end = start
        while end < len(items) and counts[items[end]] == counts[items[start]]:
            end += 1
        group = items[start:end]
        decided = by_group.get(frozenset(group))
        if decided is not None and len(decided) == len(group):
            for offset, item_id in enumerate(decided):
                result.append(Ranked(item_id, counts[item_id], start + offset + 1, False, True))
        else:
            tied = len(group) > 1
            result.extend(Ranked(i, counts[i], start + 1, tied) for i in group)
        start = end
    return result


def tie_groups(ranked: Sequence[Ranked]) -> list[list[int]]:
    """The unsettled ex æquo groups, best first."""
    groups: dict[int, list[int]] = {}
    for r in ranked:
        if r.tied:
            groups.setdefault(r.rank, []).append(r.item_id)
    return [groups[k] for k in sorted(groups)]


@dataclass(frozen=True)
class Cut:
    """The first N of a ranking: who is in for sure, and the tied group straddling the line."""

    selected: list[int]
    straddling: list[int] = field(default_factory=list)
    seats_left: int = 0  # how many of `straddling` could still be kept

    @property
    def settled(self) -> bool:
        return not self.straddling


def cut(ranked: Sequence[Ranked], n: int) -> Cut:
    """Never breaks a tie: when the N-th place is shared, those items are `straddling`."""
    selected: list[int] = []
    for group in _groups(ranked):
        if len(selected) + len(group) <= n:
            selected.extend(group)
        elif len(selected) < n:
            return Cut(selected, group, n - len(selected))
        else:
            break
    return Cut(selected)


def _groups(ranked: Sequence[Ranked]) -> list[list[int]]:
    """Consecutive items that cannot be told apart (one unsettled tie), or single items."""
    groups: list[list[int]] = []
    previous: Ranked | None = None
    for r in ranked:
        if r.tied and previous is not None and previous.tied and previous.rank == r.rank:
            groups[-1].append(r.item_id)
        else:
            groups.append([r.item_id])
        previous = r
    return groups


def top_with_ties(ranked: Sequence[Ranked], n: int) -> list[int]:
    """The items for a next round « top N »: the first N, plus everyone tied with the N-th."""
    result = cut(ranked, n)
    return result.selected + result.straddling


def rules_warning(rules: VoteRules, item_count: int) -> str | None:
    """Why these rules cannot rank `item_count` proposals, or None when they can."""
    if item_count <= 0:
        return None
    room = item_count * rules.max_per_item
    proposals = tr("proposition") if item_count == 1 else tr("propositions")
    if rules.dots_per_participant > room:
        return tr(
            "{count} {proposals} et {most} au plus sur chacune : personne "
            "ne pourra placer ses {dots} ({room} au plus)."
        ).format(
            count=item_count,
            proposals=proposals,
            most=rules.max_per_item,
            dots=dots_text(rules.dots_per_participant),
            room=room,
        )
    if item_count > 1 and rules.dots_per_participant == room:
        return tr(
            "{dots} chacun·e pour {count} {proposals} à {most} au plus : tout le monde "
            "couvrira toutes les propositions et le tour ne départagera rien."
        ).format(
            dots=dots_text(rules.dots_per_participant),
            count=item_count,
            proposals=proposals,
            most=rules.max_per_item,
        )
    return None


def check_wall_count(rules: VoteRules, count: int, *, voters: int, others_total: int) -> int:
    """A wall count that `voters` people with these rules could have placed, else refused.

    `voters` is the number of people on the attendance list (0: unknown, only the absolute
    ceiling applies); `others_total` is what the round's other proposals already hold.
    """
    if voters <= 0:
        return count
    people = tr_n("{count} participant·e", "{count} participant·es", voters).format(count=voters)
    per_item = voters * rules.max_per_item
    if count > per_item:
        raise InvalidInput(
            tr(
                "{count} gommettes sur une proposition pour {people} à {most} au plus "
                "chacun·e : c'est {per_item} au plus. Ajoutez les personnes manquantes à la "
                "liste d'émargement si besoin. {nothing}"
            ).format(
                count=count,
                people=people,
                most=rules.max_per_item,
                per_item=per_item,
                nothing=tr(NOTHING),
            )
        )
    total = voters * rules.dots_per_participant
    if others_total + count > total:
        raise InvalidInput(
            tr(
                "Ce tour compterait {count} gommettes pour {people} à {dots} chacun·e : "
                "c'est {total} au plus en tout. Vérifiez les nombres déjà saisis. {nothing}"
            ).format(
                count=others_total + count,
                people=people,
                dots=rules.dots_per_participant,
                total=total,
                nothing=tr(NOTHING),
            )
        )
    return count


def fewest_voters(total_dots: int, rules: VoteRules) -> int:
    """How many people at least placed `total_dots` gommettes with these rules."""
    return -(-total_dots // rules.dots_per_participant) if total_dots > 0 else 0
