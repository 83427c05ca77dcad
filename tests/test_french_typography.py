"""#18 « A lint checks French typography in the French catalogue »: every string wrapped in
`tr()` (the French source) keeps a no-break space before « : ; ! ? » and inside « », writes
« … » rather than three dots, and French quotes rather than straight ones around words."""

from __future__ import annotations

import re

from kitcop_desktop.i18n_extract import extract

RULES = (
    # No space, or a breaking one, before a high punctuation mark: it can start a line.
    (re.compile(r"(?<=[\w)\]}»])[:;!?](?=\s|$)"), "espace insécable manquante avant"),
    (re.compile(r" [:;!?](?=\s|$)"), "espace sécable avant"),
    (re.compile(r"« |«(?=\w)"), "espace sécable ou absente après «"),
    (re.compile(r" »|(?<=\w)»"), "espace sécable ou absente avant »"),
    (re.compile(r"\.\.\."), "trois points au lieu de « … »"),
    (re.compile(r'(^|\s)"\w'), "guillemets droits au lieu de « »"),
)


def problems(text: str) -> list[str]:
    found = []
    for pattern, what in RULES:
        for match in pattern.finditer(text):
            start = max(0, match.start() - 12)
            found.append(f"{what} : …{text[start : match.end() + 12]}…")
    return found


def test_the_rules_catch_what_a_proofreader_would():
    assert problems("Copie enregistrée : {path}")  # a breaking space before the colon
    assert problems("Enregistré...")
    assert problems('Cliquez "Suivant"')
    assert problems("« Tout le tableau »")
    assert not problems("Copie enregistrée\u00a0: {path}")
    assert not problems("«\u00a0Tout le tableau\u00a0» et 12:30 et (CSV) et *.csv")
    assert not problems("Tableur CSV (*.csv)")


def test_the_french_catalogue_follows_french_typography():
    messages, _problems = extract()
    found = {}
    for message in messages:
        seen = problems(message.msgid) + problems(message.plural or "")
        if seen:
            found[message.msgid] = seen
    assert found == {}
