"""Reading a DOCX back with python-docx, as the COP secretariat's word processor would."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def all_text(data: bytes) -> str:
    """Every word of the document, in the order of the XML (paragraphs, then table cells,
    nested tables included)."""
    body = open_docx(data).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def headings(data: bytes, level: int = 1) -> list[str]:
    return [p.text for p in open_docx(data).paragraphs if p.style.name == f"Heading {level}"]


def contents(data: bytes) -> list[str]:
    """The sommaire's lines (the bullet list under « Sommaire »)."""
    return [p.text for p in open_docx(data).paragraphs if p.style.name == "List Bullet"]


def page_breaks(data: bytes) -> int:
    body = open_docx(data).element.body
    return sum(1 for br in body.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
