"""The chantier's cartographie des acteurs (kit Brique 1-2): actors added, renamed, moved and
deleted (each returning what undo needs), and where each has been met in the chantier: in its
workshops (participants), its interviews (interviewees' structures) and its fiches actions
(pilots). Those links are found by the actor's name or structure, so nothing is typed twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.stakeholder_map import (
    MAX_ACTORS,
    NAME_MAX,
    ZONES,
    Encounter,
    NameIndex,
    category_from_text,
    clamp,
    fold,
    free_spot,
    join_aliases,
    matches_folded,
    names_in,
    require_category,
    split_aliases,
    zone_of,
)
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import chantiers
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import ActionCard, Participant, Workshop
from kitcop_desktop.storage.models.interview import Interview
from kitcop_desktop.storage.models.stakeholders import Actor, GovernanceMember


@dataclass(frozen=True)
class ActorRow:
    id: int
    name: str
    structure: str
    category: str
    influential: bool
    x: float
    y: float
    note: str
    aliases: tuple[str, ...] = ()  # names it was linked to by hand

    @property
    def keys(self) -> set[str]:
        """Its name, structure and aliases folded: what names it in the chantier."""
        return {fold(self.name), fold(self.structure), *map(fold, self.aliases)} - {""}

    @property
    def zone(self) -> int:
        return zone_of(self.x, self.y)

    @property
    def label(self) -> str:
        """The name, and its structure when it says more (« Claire Dubois — DDETS »)."""
        if self.structure and fold(self.structure) != fold(self.name):
            return f"{self.name} — {self.structure}"
        return self.name


def _row(actor: Actor) -> ActorRow:
    return ActorRow(
        actor.id,
        actor.name,
        actor.structure,
        actor.category,
        actor.influential,
        actor.x,
        actor.y,
        actor.note,
        split_aliases(actor.aliases),
    )


def rows(session: Session, chantier_id: int) -> list[ActorRow]:
    """The map's actors, in the order they were added (one query)."""
    found = session.execute(
        select(
            Actor.id,
            Actor.name,
            Actor.structure,
            Actor.category,
            Actor.influential,
            Actor.x,
            Actor.y,
            Actor.note,
            Actor.aliases,
        )
        .where(Actor.chantier_id == chantier_id)
        .order_by(Actor.id)
    ).all()
    return [ActorRow(*r[:-1], split_aliases(r[-1])) for r in found]


def get(session: Session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(tr("Cet acteur n'est plus sur la carte."))
    return actor


def _name(value: object) -> str:
    return require_text(value if isinstance(value, str) else None, tr("Le nom de l'acteur"))


def _unique(session: Session, chantier_id: int, name: str, *, except_id: int = 0) -> str:
    """The name, unless another actor of the map has it already (a second gommette of the same
    actor would split its encounters and its places in the gouvernance)."""
    same = session.scalar(
        select(Actor.id).where(
            Actor.chantier_id == chantier_id,
            func.lower(Actor.name) == name.lower(),
            Actor.id != except_id,
        )
    )
    if same is not None:
        raise InvalidInput(
            tr("«\u00a0{name}\u00a0» est déjà sur la carte. Rien n'a été modifié.").format(
                name=name
            )
        )
    return name


def _structure(value: object) -> str:
    text = " ".join(clean_text(value if isinstance(value, str) else "").split())
    if len(text) > NAME_MAX:
        raise InvalidInput(
            tr(
                "Le nom de la structure est trop long ({count} caractères, {NAME_MAX} au plus). Rien n'a été modifié."
            ).format(count=len(text), NAME_MAX=NAME_MAX)
        )
    return text


def add(
    session: Session,
    chantier_id: int,
    name: str,
    *,
    structure: str = "",
    category: str = "public",
    influential: bool = False,
    zone: int = 2,
    place: tuple[float, float] | None = None,
) -> Actor:
    """A new actor; without `place` it lands in `zone` where no other actor stands."""
    chantiers.get(session, chantier_id)
    count = session.scalar(
        select(func.count()).select_from(Actor).where(Actor.chantier_id == chantier_id)
    )
    if (count or 0) >= MAX_ACTORS:
        raise InvalidInput(
            tr(
                "La carte compte déjà {MAX_ACTORS} acteurs, le plus qu'elle puisse lisiblement montrer. Rien n'a été ajouté."
            ).format(MAX_ACTORS=MAX_ACTORS)
        )
    clean_name = _unique(session, chantier_id, _name(name))
    if place is None:
        taken = [(r.x, r.y) for r in rows(session, chantier_id)]
        place = free_spot(zone, taken)
    x, y = clamp(*place)
    actor = Actor(
        chantier_id=chantier_id,
        name=clean_name,
        structure=_structure(structure),
        category=require_category(category),
        influential=bool(influential),
        x=x,
        y=y,
        note="",
    )
    session.add(actor)
    session.flush()
    return actor


FIELDS = ("name", "structure", "category", "influential", "note")


def update(session: Session, actor_id: int, **fields: object) -> Snapshot:
    """Change some of an actor's fields; returns their previous values (what undo needs)."""
    actor = get(session, actor_id)
    cleaned: dict[str, object] = {}
    for key, value in fields.items():
        if key == "name":
            cleaned[key] = _unique(session, actor.chantier_id, _name(value), except_id=actor_id)
        elif key == "structure":
            cleaned[key] = _structure(value)
        elif key == "category":
            cleaned[key] = require_category(value)
        elif key == "influential":
            cleaned[key] = bool(value)
        elif key == "note":
            cleaned[key] = clean_text(value if isinstance(value, str) else "")
        elif key == "aliases":
            names = split_aliases(value) if isinstance(value, str) else value
            if not isinstance(names, list | tuple):
                raise TypeError("aliases: a list of names or their lines")
            cleaned[key] = join_aliases(clean_text(str(n)) for n in names)
        elif key in ("x", "y"):
            if not isinstance(value, int | float):
                raise InvalidInput(
                    tr("Cette place sur la carte n'est pas valide. Rien n'a été modifié.")
                )
            cleaned[key] = clamp(float(value), 0.0)[0]
        else:
            raise TypeError(f"unknown actor field {key!r}")
    previous = {key: getattr(actor, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(actor, key, value)
    session.flush()
    return previous


def move(session: Session, actor_id: int, x: float, y: float) -> Snapshot:
    """Put the actor at (x, y) (kept inside the map); returns where it was."""
    return update(session, actor_id, x=x, y=y)


def delete(session: Session, actor_id: int) -> Snapshot:
    """Take the actor off the map, and out of the gouvernance's instances; returns both."""
    actor = get(session, actor_id)
    members = list(
        session.scalars(select(GovernanceMember).where(GovernanceMember.actor_id == actor_id))
    )
    data = {"row": row_dict(actor), "members": [row_dict(m) for m in members]}
    session.delete(actor)
    session.flush()
    return data


def recreate(session: Session, data: Snapshot) -> Actor:
    actor = Actor(**data["row"])
    session.add(actor)
    session.flush()
    for member in data.get("members", ()):
        session.add(GovernanceMember(**member))
    session.flush()
    return actor


@dataclass(frozen=True)
class Pasted:
    ids: list[int]  # the actors added, in the pasted order
    skipped: int  # lines naming an actor already on the map (or twice in the paste)


def paste(session: Session, chantier_id: int, text: str) -> Pasted:
    """Actors pasted from a spreadsheet, one a line: name, structure, category (public, privé,
    para-public), and « oui » / « x » / « ★ » for influence. A line without a name, a heading
    line and an actor already on the map are skipped."""
    lines = [line for line in (text or "").replace("\r", "\n").split("\n") if line.strip()]
    if not lines:
        raise InvalidInput(tr("Rien à coller\u00a0: un acteur par ligne. Rien n'a été modifié."))
    if len(lines) > MAX_ACTORS:
        raise InvalidInput(
            tr("Trop de lignes ({MAX_ACTORS} au plus). Rien n'a été modifié.").format(
                MAX_ACTORS=MAX_ACTORS
            )
        )
    existing = rows(session, chantier_id)
    known = {fold(r.name) for r in existing}
    taken = [(r.x, r.y) for r in existing]
    ids, skipped = [], 0
    for line in lines:
        cells = [cell.strip() for cell in line.split("\t")] + ["", "", ""]
        name, structure, category, mark = cells[0], cells[1], cells[2], cells[3]
        if not fold(name) or fold(name) in ("nom", "acteur", "name", "nom de l'acteur"):
            continue  # a heading line, or a line without a name
        if fold(name) in known:
            skipped += 1
            continue
        code = category_from_text(category) or "public"
        influential = fold(mark) in ("oui", "x", "★", "1", "yes", "influence")
        place = free_spot(len(ZONES) - 1, taken)
        actor = add(
            session,
            chantier_id,
            name,
            structure=structure,
            category=code,
            influential=influential,
            place=place,
        )
        known.add(fold(actor.name))
        taken.append(place)
        ids.append(actor.id)
    if not ids and not skipped:
        raise InvalidInput(
            tr(
                "Aucun acteur dans ce qui a été collé (la première colonne, le nom, est vide). "
                "Rien n'a été modifié."
            )
        )
    return Pasted(ids, skipped)


def delete_many(session: Session, actor_ids: list[int]) -> list[Snapshot]:
    return [delete(session, actor_id) for actor_id in actor_ids]


# ---------------------------------------------------------------------------- who has been met
def encounters(session: Session, chantier_id: int) -> dict[int, Encounter]:
    """For each actor of the map, where the chantier has met it: four queries whatever the
    size (actors, participants, interviews, fiches actions of its workshops out of the trash)."""
    actors = rows(session, chantier_id)
    if not actors:
        return {}
    alive = select(Workshop.id).where(
        Workshop.chantier_id == chantier_id, Workshop.deleted_at.is_(None)
    )
    titles = dict(
        session.execute(select(Workshop.id, Workshop.title).where(Workshop.id.in_(alive))).all()
    )
    people = session.execute(
        select(
            Participant.workshop_id, Participant.name, Participant.structure, Participant.present
        ).where(Participant.workshop_id.in_(alive))
    ).all()
    # A workshop where someone was ticked present: those were met; before the day, those
    # registered stand for it.
    ticked = {w for w, _n, _s, present in people if present}
    # Indexes of every text that may name an actor: looking an actor up costs the same with
    # 10 workshops of 100 fiches as with the demo's two.
    came = NameIndex()
    for index, (w, n, st, present) in enumerate(people):
        if present or w not in ticked:
            came.add(fold(n or ""), index)
            came.add(fold(st or ""), index)
    heard = NameIndex()
    pseudonyms = NameIndex()  # an interview linked by hand by its pseudonym
    for index, (st, pseudonym) in enumerate(
        session.execute(
            select(Interview.structure, Interview.pseudonym).where(Interview.workshop_id.in_(alive))
        ).all()
    ):
        heard.add(fold(st or ""), index)
        pseudonyms.add(fold(pseudonym or ""), index)
    led_by = NameIndex()
    headings = []
    for index, (leads, action, challenge) in enumerate(
        session.execute(
            select(ActionCard.leads, ActionCard.action, ActionCard.challenge)
            .where(ActionCard.workshop_id.in_(alive))
            .order_by(ActionCard.workshop_id, ActionCard.position, ActionCard.id)
        ).all()
    ):
        headings.append(action or challenge or "")
        for name in names_in(leads or ""):
            led_by.add(name, index)
    order = {w: rank for rank, w in enumerate(sorted(titles))}
    out: dict[int, Encounter] = {}
    for actor in actors:
        keys = actor.keys
        seen = sorted({people[i][0] for i in came.refs(keys)}, key=order.__getitem__)
        aliases = {fold(a) for a in actor.aliases}
        out[actor.id] = Encounter(
            tuple(titles[w] for w in seen),
            len(heard.refs(keys) | {i for i in pseudonyms.refs(aliases) if aliases}),
            tuple(headings[i] for i in sorted(led_by.refs(keys))),
        )
    return out


def structures_off_the_map(session: Session, chantier_id: int) -> list[str]:
    """Structures of the chantier's participants that no actor of the map names: who came and
    is not on the map yet (each once, in the order met)."""
    actors = rows(session, chantier_id)
    keys = set().union(*(a.keys for a in actors)) if actors else set()
    alive = select(Workshop.id).where(
        Workshop.chantier_id == chantier_id, Workshop.deleted_at.is_(None)
    )
    out: list[str] = []
    seen: set[str] = set()
    for name, structure in session.execute(
        select(Participant.name, Participant.structure)
        .where(Participant.workshop_id.in_(alive))
        .order_by(Participant.workshop_id, Participant.position)
    ):
        key = fold(structure or "")
        if matches_folded(keys, fold(name or "")):
            continue  # linked by hand to an actor by this person's name
        if key and key not in seen and not matches_folded(keys, key):
            seen.add(key)
            out.append(structure)
    return out


# ------------------------------------------------------------------------------ linked by hand
@dataclass(frozen=True)
class Candidate:
    """Someone the chantier met, that an actor of the map may be linked to by hand."""

    kind: str  # « participant », « interview », « pilot »
    name: str  # what the link keeps (a person's name, a structure, a pseudonym, a pilot)
    label: str  # how the list shows it
    structure: str = ""  # a participant's or interviewee's, which may name the actor already


def candidates(session: Session, chantier_id: int) -> list[Candidate]:
    """The participants of the chantier's workshops, its interviews and its fiches actions'
    pilots, each once, in the order met (three queries)."""
    alive = select(Workshop.id).where(
        Workshop.chantier_id == chantier_id, Workshop.deleted_at.is_(None)
    )
    titles = dict(
        session.execute(select(Workshop.id, Workshop.title).where(Workshop.id.in_(alive))).all()
    )
    out: list[Candidate] = []
    seen: set[tuple[str, str]] = set()

    def keep(kind: str, name: str, label: str, structure: str = "") -> None:
        key = (kind, fold(name))
        if key[1] and key not in seen:
            seen.add(key)
            out.append(Candidate(kind, " ".join(name.split()), label, structure or ""))

    for wid, name, structure in session.execute(
        select(Participant.workshop_id, Participant.name, Participant.structure)
        .where(Participant.workshop_id.in_(alive))
        .order_by(Participant.workshop_id, Participant.position, Participant.id)
    ):
        who = f"{name} — {structure}" if structure else name
        keep("participant", name or "", f"Participant·e\u00a0: {who} ({titles[wid]})", structure)
    for pseudonym, structure in session.execute(
        select(Interview.pseudonym, Interview.structure)
        .where(Interview.workshop_id.in_(alive))
        .order_by(Interview.workshop_id, Interview.number, Interview.id)
    ):
        name = structure or pseudonym or ""
        who = f"{pseudonym} — {structure}" if structure else pseudonym
        keep("interview", name, f"Entretien\u00a0: {who}", structure)
    for leads, action, challenge in session.execute(
        select(ActionCard.leads, ActionCard.action, ActionCard.challenge)
        .where(ActionCard.workshop_id.in_(alive))
        .order_by(ActionCard.workshop_id, ActionCard.position, ActionCard.id)
    ):
        for part in _pilots(leads or ""):
            heading = (action or challenge or "")[:60]
            keep(
                "pilot",
                part,
                tr("Pilote\u00a0: {part} (fiche «\u00a0{heading}\u00a0»)").format(
                    part=part, heading=heading
                ),
            )
    return out


def _pilots(leads: str) -> list[str]:
    """The pilots of a fiche as typed (names_in folds them; the list shows them as typed)."""
    text = leads
    for sep in (",", "/", "\n", " et "):
        text = text.replace(sep, ";")
    return [" ".join(part.split()) for part in text.split(";") if part.strip()]


def linked_by_name(row: ActorRow, candidate: Candidate) -> bool:
    """Whether the map already knows this candidate is the actor by its name or structure
    (nothing to link by hand)."""
    keys = {fold(row.name), fold(row.structure)} - {""}
    return matches_folded(keys, fold(candidate.name)) or matches_folded(
        keys, fold(candidate.structure)
    )


def set_aliases(session: Session, actor_id: int, names: list[str]) -> Snapshot:
    """Link the actor by hand to these names (those before are replaced); returns what undo
    needs (`update(session, actor_id, **previous)`)."""
    return update(session, actor_id, aliases=list(names))
