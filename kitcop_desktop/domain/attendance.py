"""How attendance is said: « 10 présent·es sur 12 inscrit·es », and what contradicts it."""

from __future__ import annotations


def people_text(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n < 2 else plural}"  # French: 0 and 1 take the singular


def count_text(present: int, registered: int) -> str:
    """« 10 présent·es sur 12 inscrit·es »; « Présence non relevée : 12 inscrit·es » when
    nothing says who came (never « 12 inscrit·es sur 12 inscrit·es »)."""
    registered_text = people_text(registered, "inscrit·e", "inscrit·es")
    if registered == 0:
        return "Aucun·e inscrit·e"
    if present == 0:
        return f"Présence non relevée\u00a0: {registered_text}"
    return f"{people_text(present, 'présent·e', 'présent·es')} sur {registered_text}"


def warnings(present: int, wall_dots: int, wall_voters: int, unticked: list[str]) -> list[str]:
    """What contradicts the ticks: dots counted by more people than present, people who took
    part without being ticked."""
    found = []
    if wall_voters > present:
        found.append(
            f"{wall_dots} gommettes comptées au vote, soit au moins "
            f"{people_text(wall_voters, 'votant·e', 'votant·es')}, pour "
            f"{people_text(present, 'présent·e', 'présent·es')} : cochez qui est là (Espace)."
        )
    if unticked:
        names = ", ".join(unticked[:4]) + (" …" if len(unticked) > 4 else "")
        verb = "a" if len(unticked) == 1 else "ont"
        found.append(
            f"{names} {verb} parlé, voté ou siégé au bocal sans être coché·e(s) présent·e(s)."
        )
    return found
