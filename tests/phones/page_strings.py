"""The French sentences of the phone page (#19): its `t("…")` calls, its `data-t` elements and
its aria-labels marked `data-t-label`, read from resources/phones/page.html."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from kitcop_desktop.phones.page_text import folder

# Words the page translates through a table rather than a t("…") literal.
TABLES = ("Oui", "Non", "Je ne sais pas encore")


class _Marked(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._open: list[list[str]] = []  # texts of data-t elements being read
        self._tags: list[bool] = []

    def handle_starttag(self, tag, attrs) -> None:
        names = dict(attrs)
        if "data-t-label" in names and names.get("aria-label"):
            self.found.append(names["aria-label"])
        marked = "data-t" in names
        if tag in ("input", "meta", "br", "link"):
            return
        self._tags.append(marked)
        if marked:
            self._open.append([])

    def handle_endtag(self, tag) -> None:
        if tag in ("input", "meta", "br", "link") or not self._tags:
            return
        if self._tags.pop():
            text = "".join(self._open.pop())
            self.found.append(re.sub(r"[ \n\t\r]+", " ", text).strip(" \n\t\r"))

    def handle_data(self, data) -> None:
        for texts in self._open:
            texts.append(data)


def page_sentences() -> list[str]:
    html = (folder() / "page.html").read_text(encoding="utf-8")
    script = html[html.index("<script>") :]
    found = [json.loads(f'"{lit}"') for lit in re.findall(r'\bt\("((?:[^"\\]|\\.)*)"', script)]
    parser = _Marked()
    parser.feed(html[: html.index("<script>")])
    return list(dict.fromkeys([*parser.found, *found, *TABLES]))
