"""Keep the translation catalogues in step with the code.

    .venv/bin/python -m kitcop_desktop.i18n_extract          # add new strings, drop old ones
    .venv/bin/python -m kitcop_desktop.i18n_extract --check  # exit 1 if a catalogue lags

Reads every `tr("…")`, `tr_later("…")` and `tr_n("…", "…", n)` call of the package (a literal string; a
`tr(f"…")` is reported, its words could never be looked up, and `tr(name)` is left to
the `tr_later("…")` that marked the value), and rewrites each
`resources/locale/<lang>.po`, keeping the translations already there, with the files each
string is used in as comments, in the order the code first uses them.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kitcop_desktop.i18n import LANGUAGES, SOURCE, catalogue_path, read_po

PACKAGE = Path(__file__).resolve().parent


@dataclass
class Message:
    msgid: str
    plural: str = ""
    places: list[str] = field(default_factory=list)
    context: str = ""  # tr_in("undo", "Annuler"): the same French, another English

    @property
    def key(self) -> str:
        prefix = self.context + "\x04" if self.context else ""
        return prefix + self.msgid + ("\x00" + self.plural if self.plural else "")


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract(root: Path = PACKAGE) -> tuple[list[Message], list[str]]:
    """The messages of the code (first use first) and the calls that cannot be translated."""
    messages: dict[str, Message] = {}
    problems: list[str] = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root.parent).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=where)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            name = node.func.id
            if name not in ("tr", "tr_later", "tr_n", "tr_in") or not node.args:
                continue
            args = node.args[: 2 if name in ("tr_n", "tr_in") else 1]
            if any(isinstance(a, ast.JoinedStr | ast.BinOp) for a in args):
                # An f-string or a sum is made at run time: no catalogue can hold its words.
                problems.append(f"{where}:{node.lineno}: {name}() needs a literal string")
                continue
            texts = [_literal(a) for a in args]
            if any(t is None for t in texts):
                continue  # a name: its value was marked where it was written (tr_later)
            if name == "tr_in":
                message = Message(texts[1] or "", context=texts[0] or "")
            else:
                message = Message(texts[0] or "", (texts[1] or "") if name == "tr_n" else "")
            found = messages.setdefault(message.key, message)
            # Files, not lines: moving code must not put the catalogues out of step.
            if where not in found.places:
                found.places.append(where)
    return list(messages.values()), problems


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\t", "\\t") + '"'


def render(messages: list[Message], translations: dict[str, str], language: str) -> str:
    lines = [
        f"# KitCOP Atelier — {language} translation of the French interface.",
        "# Written by `python -m kitcop_desktop.i18n_extract`; translate the msgstr lines only.",
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Language: {language}\\n"',
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
        "",
    ]
    for message in messages:
        lines.append("#: " + " ".join(message.places[:3]))
        if message.context:
            lines.append(f"msgctxt {_quote(message.context)}")
        lines.append(f"msgid {_quote(message.msgid)}")
        done = translations.get(message.key, "")
        if message.plural:
            one, _sep, many = done.partition("\x00")
            lines.append(f"msgid_plural {_quote(message.plural)}")
            lines.append(f"msgstr[0] {_quote(one)}")
            lines.append(f"msgstr[1] {_quote(many)}")
        else:
            lines.append(f"msgstr {_quote(done)}")
        lines.append("")
    return "\n".join(lines)


def _spacing(key: str) -> str:
    """A message's key with every kind of space alike: correcting « : » to « \u00a0: »
    in the French must not lose the English already written for it."""
    return re.sub(r"\s+", " ", key)


def carry_over(messages: list[Message], translations: dict[str, str]) -> dict[str, str]:
    """The translations, plus those of messages whose French changed only in its spaces."""
    by_spacing = {_spacing(key): text for key, text in translations.items() if text}
    carried = dict(translations)
    for message in messages:
        if not carried.get(message.key) and _spacing(message.key) in by_spacing:
            carried[message.key] = by_spacing[_spacing(message.key)]
    return carried


def missing(messages: list[Message], translations: dict[str, str]) -> list[str]:
    return [m.msgid for m in messages if not translations.get(m.key)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kitcop_desktop.i18n_extract")
    parser.add_argument("--check", action="store_true", help="change nothing, exit 1 if behind")
    args = parser.parse_args(argv)
    messages, problems = extract()
    status = 0
    for problem in problems:
        print(problem, file=sys.stderr)
        status = 1
    for language in LANGUAGES:
        if language == SOURCE:
            continue
        path = catalogue_path(language)
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        translations = carry_over(messages, read_po(old))
        new = render(messages, translations, language)
        lacking = missing(messages, translations)
        if args.check:
            if new != old:
                print(f"{path.name}: not in step with the code (run i18n_extract)", file=sys.stderr)
                status = 1
            for msgid in lacking:
                print(f"{path.name}: untranslated: {msgid!r}", file=sys.stderr)
                status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8")
            print(f"{path}: {len(messages)} messages, {len(lacking)} to translate")
    return status


if __name__ == "__main__":
    sys.exit(main())
