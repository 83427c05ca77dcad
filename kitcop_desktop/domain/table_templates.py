"""Ready-made tables (#24): the kit's world café and pro-action café, the speedboat's
sous-groupes. Each template is a list of (name, topic); the facilitator renames them and sets
the hosts afterwards."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableTemplate:
    key: str
    title: str  # French, as offered: « World café : 4 tables, 4 questions »
    tables: tuple[tuple[str, str], ...]  # (name, topic or question)


WORLD_CAFE = TableTemplate(
    "world_cafe",
    "World café : 4 tables, 4 questions",
    tuple((f"Table {n}", f"Question {n} : à écrire") for n in range(1, 5)),
)
PRO_ACTION = TableTemplate(
    "pro_action",
    "Pro-action café : 6 sujets et une table ouverte",
    (
        *((f"Atelier {n}", f"Sujet {n} : à écrire, avec son porteur") for n in range(1, 7)),
        ("Table ouverte", "Un sujet apporté par les participant·es"),
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
