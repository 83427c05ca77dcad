"""What the harvest page says after sending its lines to a board or a vote (one sentence,
in the app's language, counting what was already there)."""

from __future__ import annotations

from kitcop_desktop.i18n import tr_n


def sent_to_board(made: int, skipped: int, title: str, where: str) -> str:
    said = tr_n(
        "{n} post-it envoyé au tableau «\u00a0{title}\u00a0» ({where})",
        "{n} post-it envoyés au tableau «\u00a0{title}\u00a0» ({where})",
        made,
    ).format(n=made, title=title, where=where)
    if skipped:
        said += tr_n(
            "\u00a0; {n} ligne y était déjà", "\u00a0; {n} lignes y étaient déjà", skipped
        ).format(n=skipped)
    return said + "."


def sent_to_vote(made: int, skipped: int) -> str:
    said = tr_n(
        "{n} proposition envoyée au vote", "{n} propositions envoyées au vote", made
    ).format(n=made)
    if skipped:
        said += tr_n("\u00a0; {n} y était déjà", "\u00a0; {n} y étaient déjà", skipped).format(
            n=skipped
        )
    return said + "."
