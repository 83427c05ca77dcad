"""The PDF faces a document does not use are never parsed (#15: Impression weighed 38 MB):
the italics and the emoji font load the first time a text asks for them, and the emoji font's
list of characters is read from a small file kept equal to the font's own table."""

from __future__ import annotations

import json
import subprocess
import sys

from reportlab.pdfbase.ttfonts import TTFont

from kitcop_desktop import paths
from kitcop_desktop.printing.emoji import font_codepoints

PROBE = """
import json, os, sys, tempfile
from pathlib import Path
os.environ["KITCOP_DATA_DIR"] = tempfile.mkdtemp()
from reportlab.pdfbase import pdfmetrics
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage import workshops, boards
from kitcop_desktop.printing.parts import render_pdf
store = open_store(Path(os.environ["KITCOP_DATA_DIR"]) / "t.sqlite3")
with store.write() as s:
    w = workshops.create(s, "Atelier de mars").id
    board = boards.create_board(s, w, "speedboat", "Diagnostic")
    boards.add_card(s, board.id, "levers", sys.argv[1])
sizes = []
with store.read() as s:
    sizes.append(len(render_pdf(s, w, ["boards"])))
print(json.dumps(sorted(pdfmetrics.getRegisteredFontNames())))
"""


def _faces_loaded(text: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, text], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_document_without_italics_nor_emoji_parses_only_the_faces_it_uses():
    assert _faces_loaded("Des CFA tout proches") == ["KitSans", "KitSans-Bold"]


def test_an_emoji_typed_loads_the_emoji_font_and_prints():
    assert "KitEmoji" in _faces_loaded("Un forum des métiers 🚀")


def test_the_emoji_list_is_the_fonts_own():
    font = TTFont("KitEmojiCheck", str(paths.fonts_dir() / "emoji" / "KitEmoji.ttf"))
    assert font_codepoints() == frozenset(font.face.charToGlyph)
