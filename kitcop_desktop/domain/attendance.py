"""How attendance is said: « 10 présent·es sur 12 inscrit·es », and what contradicts it."""

from __future__ import annotations

from kitcop_desktop.i18n import tr, tr_n


def people_text(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n < 2 else plural}"  # French: 0 and 1 take the singular


def count_text(present: int, registered: int) -> str:
    """« 10 présent·es sur 12 inscrit·es »; « Présence non relevée : 12 inscrit·es » when
    nothing says who came (never « 12 inscrit·es sur 12 inscrit·es »)."""
    registered_text = people_text(registered, tr("inscrit·e"), tr("inscrit·es"))
    if registered == 0:
        return tr("Aucun·e inscrit·e")
    if present == 0:
        return tr("Présence non relevée : {registered_text}").format(
            registered_text=registered_text
        )
    present_text = people_text(present, tr("présent·e"), tr("présent·es"))
    return tr("{present} sur {registered}").format(present=present_text, registered=registered_text)


def warnings(present: int, wall_dots: int, wall_voters: int, unticked: list[str]) -> list[str]:
    """What contradicts the ticks: dots counted by more people than present, people who took
    part without being ticked."""
    found = []
    if wall_voters > present:
        found.append(
            tr(
                "{dots} gommettes comptées au vote, soit au moins {voters}, pour {present} : "
                "cochez qui est là (Espace)."
            ).format(
                dots=wall_dots,
                voters=people_text(wall_voters, tr("votant·e"), tr("votant·es")),
                present=people_text(present, tr("présent·e"), tr("présent·es")),
            )
        )
    if unticked:
        names = ", ".join(unticked[:4]) + (" …" if len(unticked) > 4 else "")
        found.append(
            tr_n(
                "{names} a parlé, voté ou siégé au bocal sans être coché·e présent·e.",
                "{names} ont parlé, voté ou siégé au bocal sans être coché·es présent·es.",
                len(unticked),
            ).format(names=names)
        )
    return found
