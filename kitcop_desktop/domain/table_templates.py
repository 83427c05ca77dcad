"""Ready-made tables (#24): the kit's world café and pro-action café, the speedboat's
sous-groupes. Each template is a list of (name, topic) and, for a café, its rounds: the
« Rotation » séquences the déroulé needs (title, minutes, the round's question). The
facilitator renames the tables and types the hosts afterwards.

- Pro-action café (seed 003, CNFPT): six ateliers, each with its porteur·se, the sixth an open
  table, and three rotations: the purpose, the needs, the actions.
- World café (seed 004, France Travail): four tables, one question each, four rounds so that
  every team meets every question."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableTemplate:
    key: str
    title: str  # French, as offered: « World café : 4 tables, 4 questions »
    tables: tuple[tuple[str, str], ...]  # (name, topic or question)
    # The café's rounds: (séquence title, minutes, what the room reads), in order.
    rounds: tuple[tuple[str, int, str], ...] = ()


WORLD_CAFE = TableTemplate(
    "world_cafe",
    "World café : 4 tables, 4 questions, 4 tours",
    tuple((f"Table {n}", f"Question {n} : à écrire") for n in range(1, 5)),
    tuple(
        (
            f"Rotation {n} — Tour {n} des questions",
            30,
            "Table suivante ! L'hôte·sse résume ce que la table précédente a dit, puis "
            "votre équipe enrichit la question de la table : trois idées à retenir.",
        )
        for n in range(1, 5)
    ),
)
PRO_ACTION = TableTemplate(
    "pro_action",
    "Pro-action café : 6 ateliers avec leur porteur·se (dont une table ouverte), 3 rotations",
    (
        *((f"Atelier {n}", f"Sujet {n} : à écrire, avec son porteur") for n in range(1, 6)),
        ("Table ouverte", "Espace de réflexion ouvert : un sujet apporté le jour même"),
    ),
    tuple(
        (
            f"Rotation {n} — {theme}",
            minutes,
            f"Table suivante ! Question du tour : {theme.lower()}.\n"
            "Le porteur ou la porteuse résume en une minute ce qui a été dit avant vous.",
        )
        for n, (theme, minutes) in enumerate(
            (
                ("Le sens, les finalités", 20),
                ("Les besoins", 25),
                ("Les actions à mettre en place", 30),
            ),
            start=1,
        )
    ),
)
SUBGROUPS = TableTemplate(
    "subgroups",
    "Sous-groupes de 6 (speedboat)",
    tuple((f"Sous-groupe {n}", "") for n in range(1, 5)),
)
TEMPLATES: tuple[TableTemplate, ...] = (WORLD_CAFE, PRO_ACTION, SUBGROUPS)


def by_key(key: str) -> TableTemplate | None:
    return next((t for t in TEMPLATES if t.key == key), None)


def split_pasted(text: str) -> list[tuple[str, str]]:
    """Pasted lines, one table each: « Nom : sujet » (or « Nom — sujet », « Nom<Tab>sujet »),
    else the line is the topic and the table is numbered. Bullets and blank lines dropped."""
    out: list[tuple[str, str]] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip().lstrip("-•*·").strip()
        if not line:
            continue
        for separator in ("\t", " : ", "\u00a0: ", " — ", " – "):
            name, found, topic = line.partition(separator)
            if found and name.strip() and len(name.strip()) <= 60:
                out.append((name.strip(), topic.strip()))
                break
        else:
            out.append(("", line))
    return out
