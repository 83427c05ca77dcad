"""Every deferred call names the widget it belongs to (`QTimer.singleShot(ms, receiver, slot)`):
Qt then drops it when that widget is gone. Without one, a time box's « select the hour »
outlived the « Nouvel atelier » form closed by Entrée and took the app down."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kitcop_desktop"


def test_every_single_shot_has_a_receiver():
    bare = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "singleShot"
                and len(node.args) + len(node.keywords) == 2
            ):
                bare.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert bare == []
