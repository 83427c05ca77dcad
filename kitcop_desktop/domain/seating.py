"""Who sits at which table, round after round (world café, pro-action café, sous-groupes).

The facilitator's rules, in order:
1. everyone present sits at exactly one table per round, the absent nowhere; a table's host
   (porteur·se) stays at their table every round;
2. tables are balanced: sizes within one of each other, no table above its capacity;
3. each table mixes the actor categories (public / privé / para-public) as evenly as the counts
   allow, and spreads the people of one structure over different tables;
4. from the second round on, people meet as many new people as possible;
5. a placement made by hand (`pinned`) is kept: that person sits at that table in that round,
   the table taking a seat more if need be (the largest other tables one fewer), and the rule
   deals only the others.

How: rule 3 holds by construction. The people of each category (largest category first) are
dealt round the tables like cards, one table after the other, each table taking as many as its
size allows; within a category they come grouped by structure, so colleagues land at different
tables. Then, for rule 4 (and what dealing leaves of rule 3's structures), people of the same
category swap tables when the swap lowers the cost: the pairs who have already met, plus the
pairs of colleagues sitting together. Swapping within a category never unbalances categories.

Teams (`plan_team_rounds`, the world café of seed 004: « les 4 équipes constituées »): the
people are dealt once into teams as mixed as tables are (sizes within one, categories dealt
evenly, colleagues apart), and a team stays together from table to table: in round r, team t
sits at the (t + r)-th table, so no team comes back to a table before it has seen them all.
Hosts stay at their tables; a placement by hand takes that person out of their team for that
round only. Dealt again with the teams made before (`earlier_teams`, `keep_teams`), everyone
present stays in their team, the absent leave it and newcomers join the smallest teams.

Pure Python, no Qt and no database; deterministic for a given `seed`.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr, tr_later

NOTHING = tr_later("Rien n'a été modifié.")
MAX_ROUNDS = 12
# Swap attempts per person and pass, and passes per round: enough to reach a local optimum on
# a 120-person café in well under 200 ms (bench/seating.py).
CANDIDATES = 12
PASSES = 3

# A round's plan: table key -> the keys of the people seated there (the host first).
Plan = dict[int, tuple[int, ...]]


@dataclass(frozen=True)
class Guest:
    """Someone to seat: a participant (present) or a guest."""

    key: int
    category: str = ""  # "public", "private", "para_public" or "" (not said)
    structure: str = ""  # their organisation; "" when unknown (never counted as colleagues)


@dataclass(frozen=True)
class TableSpec:
    key: int
    host: int | None = None  # a Guest key: stays at this table every round
    capacity: int | None = None  # seats, host included; None: as many as needed


def table_sizes(count: int, tables: Sequence[TableSpec]) -> dict[int, int]:
    """How many people each table seats: as equal as possible (within one), never above a
    capacity. InvalidInput (French) when the seats do not suffice."""
    if not tables:
        raise InvalidInput(
            tr("Ajoutez au moins une table avant de placer les personnes. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    seats = sum(t.capacity for t in tables if t.capacity is not None)
    if all(t.capacity is not None for t in tables) and seats < count:
        raise InvalidInput(
            tr(
                "Pas assez de places : {count} personnes pour {seats} places autour des tables. Ajoutez une table ou des places. {NOTHING}"
            ).format(count=count, seats=seats, NOTHING=tr(NOTHING))
        )
    sizes = {t.key: 0 for t in tables}
    room = {t.key: t.capacity if t.capacity is not None else count for t in tables}
    hosted = {t.key for t in tables if t.host is not None}
    # Water-filling: one seat at a time to the emptiest table that still has room (a table
    # with a host first: with fewer people than tables, the host still has a seat).
    for _ in range(count):
        key = min(
            (k for k in sizes if sizes[k] < room[k]),
            key=lambda k: (sizes[k], k not in hosted, k),
        )
        sizes[key] += 1
    return sizes


def _check(people: Sequence[Guest], tables: Sequence[TableSpec], rounds: int) -> None:
    if not 1 <= rounds <= MAX_ROUNDS:
        raise InvalidInput(
            tr("De 1 à {MAX_ROUNDS} tours de table. {NOTHING}").format(
                MAX_ROUNDS=MAX_ROUNDS, NOTHING=tr(NOTHING)
            )
        )
    keys = [p.key for p in people]
    if len(set(keys)) != len(keys):
        raise InvalidInput(
            tr("Une même personne figure deux fois dans la liste. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    table_keys = [t.key for t in tables]
    if len(set(table_keys)) != len(table_keys):
        raise InvalidInput(
            tr("Deux tables portent le même numéro. {NOTHING}").format(NOTHING=tr(NOTHING))
        )
    hosts = [t.host for t in tables if t.host is not None]
    if len(set(hosts)) != len(hosts):
        raise InvalidInput(
            tr("Une même personne ne peut pas porter deux tables. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    for table in tables:
        if table.capacity is not None and table.capacity < 1:
            raise InvalidInput(
                tr("Une table a au moins une place. {NOTHING}").format(NOTHING=tr(NOTHING))
            )


class _Round:
    """One round being seated: who is where, and the counts the cost needs."""

    def __init__(self, by_key: Mapping[int, Guest], met: Mapping[int, set[int]]):
        self.by_key = by_key
        self.met = met
        self.members: dict[int, list[int]] = defaultdict(list)
        self.where: dict[int, int] = {}

    def sit(self, key: int, table: int) -> None:
        self.members[table].append(key)
        self.where[key] = table

    def _clash(self, key: int, others: Iterable[int]) -> int:
        """Pairs `key` would make with `others`: met before, or colleagues (weighted 2)."""
        mine = self.by_key[key].structure
        already = self.met.get(key, set())
        cost = 0
        for other in others:
            if other == key:
                continue
            if other in already:
                cost += 1
            if mine and self.by_key[other].structure == mine:
                cost += 2
        return cost

    def swap_gain(self, a: int, b: int) -> int:
        """How much the cost falls if a and b exchange tables (positive: better)."""
        ta, tb = self.where[a], self.where[b]
        at_a = [x for x in self.members[ta] if x != a]
        at_b = [x for x in self.members[tb] if x != b]
        before = self._clash(a, at_a) + self._clash(b, at_b)
        after = self._clash(b, at_a) + self._clash(a, at_b)
        return before - after

    def swap(self, a: int, b: int) -> None:
        ta, tb = self.where[a], self.where[b]
        self.members[ta][self.members[ta].index(a)] = b
        self.members[tb][self.members[tb].index(b)] = a
        self.where[a], self.where[b] = tb, ta


def _deal(
    movable: list[Guest], sizes: dict[int, int], room: _Round, order: list[int], rng: random.Random
) -> None:
    """Deal the people round the tables, category by category, colleagues apart: each goes to
    the table with the fewest of their category, then the most seats left, then the next in
    the round's order (so that two rounds do not deal alike)."""
    by_category: dict[str, list[Guest]] = defaultdict(list)
    for guest in movable:
        by_category[guest.category].append(guest)
    position = {table: index for index, table in enumerate(order)}
    turn = 0
    for category in sorted(by_category, key=lambda c: (-len(by_category[c]), c)):
        group = by_category[category]
        rng.shuffle(group)
        # Grouped by structure (largest first) so that colleagues are dealt one after another,
        # hence to different tables.
        counts = Counter(g.structure for g in group)
        group.sort(key=lambda g: (g.structure == "", -counts[g.structure], g.structure))
        have = {
            t: sum(1 for k in room.members[t] if room.by_key[k].category == category) for t in order
        }
        for guest in group:
            table = min(
                (t for t in order if len(room.members[t]) < sizes[t]),
                key=lambda t: (
                    have[t],
                    len(room.members[t]) - sizes[t],
                    (position[t] - turn) % len(order),
                ),
            )
            room.sit(guest.key, table)
            have[table] += 1
            turn += 1


def _improve(room: _Round, movable: list[Guest], rng: random.Random) -> None:
    """Same-category swaps that lower the cost, until a pass finds none."""
    same: dict[str, list[int]] = defaultdict(list)
    for guest in movable:
        same[guest.category].append(guest.key)
    keys = [g.key for g in movable]
    for _ in range(PASSES):
        improved = False
        rng.shuffle(keys)
        for a in keys:
            pool = same[room.by_key[a].category]
            for b in rng.sample(pool, min(CANDIDATES, len(pool))):
                if room.where[a] != room.where[b] and room.swap_gain(a, b) > 0:
                    room.swap(a, b)
                    improved = True
                    break
        if not improved:
            return


def plan_rounds(
    people: Sequence[Guest],
    tables: Sequence[TableSpec],
    rounds: int,
    *,
    earlier: Sequence[Mapping[int, Sequence[int]]] = (),
    pinned: Sequence[Mapping[int, int]] = (),
    seed: int = 0,
) -> list[Plan]:
    """Seat `people` (those present) at `tables` for `rounds` rounds.

    `earlier`: rounds already held or placed by hand, whose meetings count (people who sat
    together there are not seated together again if it can be helped). `pinned`: for each new
    round, person key -> table key placed by hand, kept as they are (someone absent, a host or
    an unknown table is ignored). Returns one plan per new round. InvalidInput (French) for
    impossible requests; nothing is changed then.
    """
    _check(people, tables, rounds)
    by_key = {p.key: p for p in people}
    hosts = {t.key: t.host for t in tables if t.host is not None and t.host in by_key}
    present_hosts = [t for t in tables if t.host is None or t.host in by_key]
    sizes = table_sizes(
        len(people),
        [t if t in present_hosts else TableSpec(t.key, None, t.capacity) for t in tables],
    )
    movable = [p for p in people if p.key not in set(hosts.values())]
    met: dict[int, set[int]] = defaultdict(set)
    for held in earlier:
        _meet(met, held.values())
    rng = random.Random(seed)
    out: list[Plan] = []
    order = [t.key for t in tables]
    host_keys = set(hosts.values())
    for number in range(rounds):
        room = _Round(by_key, met)
        for table, host in hosts.items():
            room.sit(host, table)
        wanted = pinned[number] if number < len(pinned) else {}
        fixed = {
            key: table
            for key, table in wanted.items()
            if key in by_key and key not in host_keys and table in sizes
        }
        for key, table in fixed.items():
            room.sit(key, table)
        free = [p for p in movable if p.key not in fixed]
        # Each round deals from a different table, so the first dealt are not always together.
        shift = number % len(order)
        _deal(free, _room_for(sizes, room.members), room, order[shift:] + order[:shift], rng)
        _improve(room, free, rng)  # the first round too: colleagues apart
        plan = {t.key: tuple(room.members.get(t.key, ())) for t in tables}
        _meet(met, plan.values())
        out.append(plan)
    return out


def plan_team_rounds(
    people: Sequence[Guest],
    tables: Sequence[TableSpec],
    rounds: int,
    teams: int,
    *,
    pinned: Sequence[Mapping[int, int]] = (),
    earlier_teams: Sequence[Sequence[int]] = (),
    seed: int = 0,
) -> list[Plan]:
    """Seat `people` in `teams` teams that rotate together over `tables` for `rounds` rounds
    (from 2 teams to one per table). `earlier_teams`: the teams made before, kept as they were
    for those still here (`deal_teams`). Returns one plan per round; InvalidInput (French) for
    impossible requests (too many or too few teams, a team larger than a table's seats)."""
    _check(people, tables, rounds)
    try:
        teams = int(teams)
    except (TypeError, ValueError):
        raise InvalidInput(
            tr("Le nombre d'équipes doit être un nombre entier. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        ) from None
    if not 2 <= teams <= len(tables):
        raise InvalidInput(
            tr(
                "De 2 à {count} équipes pour {count} tables (une équipe par table au plus). {NOTHING}"
            ).format(count=len(tables), NOTHING=tr(NOTHING))
            if len(tables) >= 2
            else tr("Des équipes qui tournent demandent au moins deux tables. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    by_key = {p.key: p for p in people}
    hosts = {t.key: t.host for t in tables if t.host is not None and t.host in by_key}
    host_keys = set(hosts.values())
    members = deal_teams(people, tables, teams, earlier=earlier_teams, seed=seed)
    largest = max((len(m) for m in members), default=0)
    for spec in tables:
        room = largest + (1 if spec.key in hosts else 0)
        if spec.capacity is not None and spec.capacity < room:
            raise InvalidInput(
                tr(
                    "Une équipe compte jusqu'à {largest} personnes\u00a0: une table de {capacity} places ne peut pas la recevoir. Ajoutez des places ou des équipes. {NOTHING}"
                ).format(largest=largest, capacity=spec.capacity, NOTHING=tr(NOTHING))
            )
    order = [t.key for t in tables]
    out: list[Plan] = []
    for number in range(rounds):
        wanted = pinned[number] if number < len(pinned) else {}
        fixed = {
            key: table
            for key, table in wanted.items()
            if key in by_key and key not in host_keys and table in order
        }
        seated: dict[int, list[int]] = {t: [] for t in order}
        for table, host in hosts.items():
            seated[table].append(host)
        for team, keys in enumerate(members):
            table = order[(team + number) % len(order)]
            seated[table].extend(k for k in keys if k not in fixed)
        for key, table in fixed.items():
            seated[table].append(key)
        out.append({t: tuple(seated[t]) for t in order})
    return out


def make_teams(people: Sequence[Guest], teams: int, *, seed: int = 0) -> list[list[int]]:
    """`people` dealt into `teams` teams: sizes within one, categories evenly, colleagues
    apart (the first round's dealing, with teams for tables). Each team in a stable order."""
    specs = [TableSpec(n) for n in range(teams)]
    sizes = table_sizes(len(people), specs) if people else {n: 0 for n in range(teams)}
    room = _Round({p.key: p for p in people}, {})
    rng = random.Random(seed)
    movable = list(people)
    _deal(movable, sizes, room, list(range(teams)), rng)
    _improve(room, movable, rng)
    position = {p.key: n for n, p in enumerate(people)}
    return [sorted(room.members.get(n, []), key=position.__getitem__) for n in range(teams)]


def deal_teams(
    people: Sequence[Guest],
    tables: Sequence[TableSpec],
    teams: int,
    *,
    earlier: Sequence[Sequence[int]] = (),
    seed: int = 0,
) -> list[list[int]]:
    """Who is in which team (`plan_team_rounds`'s teams): the people present but the hosts
    present, the teams made before kept (`keep_teams`), else dealt (`make_teams`)."""
    here = {p.key for p in people}
    host_keys = {t.host for t in tables if t.host is not None and t.host in here}
    movable = [p for p in people if p.key not in host_keys]
    return keep_teams(movable, teams, earlier, seed=seed)


def keep_teams(
    people: Sequence[Guest],
    teams: int,
    earlier: Sequence[Sequence[int]],
    *,
    seed: int = 0,
) -> list[list[int]]:
    """The teams made before (`earlier`, one list of keys a team), for `people` (those here
    now, hosts left out by the caller): whoever is absent leaves their team, nobody present
    changes team, and newcomers join the smallest teams (among those, the one with fewest of
    their category, then of their structure). Another count of teams than before, or no
    teams before: dealt anew (`make_teams`)."""
    if len(earlier) != teams or not any(earlier):
        return make_teams(people, teams, seed=seed)
    by_key = {p.key: p for p in people}
    kept: list[list[int]] = [[] for _ in range(teams)]
    placed: set[int] = set()
    for team, keys in enumerate(earlier):
        for key in keys:
            if key in by_key and key not in placed:
                kept[team].append(key)
                placed.add(key)
    # The most common categories first, so they spread before the rarer ones fill gaps.
    counts = Counter(p.category for p in people)
    newcomers = sorted(
        (p for p in people if p.key not in placed),
        key=lambda p: (-counts[p.category], p.category, p.structure),
    )
    for person in newcomers:
        team = min(
            range(teams),
            key=lambda t: (
                len(kept[t]),
                sum(by_key[k].category == person.category for k in kept[t]),
                sum(
                    bool(person.structure) and by_key[k].structure == person.structure
                    for k in kept[t]
                ),
                t,
            ),
        )
        kept[team].append(person.key)
    position = {p.key: n for n, p in enumerate(people)}
    return [sorted(keys, key=position.__getitem__) for keys in kept]


def _room_for(sizes: Mapping[int, int], seated: Mapping[int, list[int]]) -> dict[int, int]:
    """The round's sizes once the hosts and the hand placements sit: a table holding more
    than its share keeps them all, and as many seats are taken from the largest of the tables
    that still have free seats (so those stay within one of each other)."""
    out = dict(sizes)
    excess = 0
    for table, size in sizes.items():
        held = len(seated.get(table, ()))
        if held > size:
            out[table] = held
            excess += held - size
    for _ in range(excess):
        open_tables = [t for t in out if out[t] > len(seated.get(t, ()))]
        if not open_tables:
            break
        largest = max(open_tables, key=lambda t: (out[t], out[t] - len(seated.get(t, ())), -t))
        out[largest] -= 1
    return out


def _meet(met: dict[int, set[int]], tables: Iterable[Sequence[int]]) -> None:
    for seated in tables:
        for key in seated:
            met[key].update(x for x in seated if x != key)


def repeated_pairs(plans: Sequence[Mapping[int, Sequence[int]]]) -> int:
    """How many times two people sat together again after a first time (a quality measure)."""
    seen: set[frozenset[int]] = set()
    repeats = 0
    for plan in plans:
        for seated in plan.values():
            for i, a in enumerate(seated):
                for b in seated[i + 1 :]:
                    pair = frozenset((a, b))
                    if pair in seen:
                        repeats += 1
                    else:
                        seen.add(pair)
    return repeats
