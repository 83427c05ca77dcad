"""Issue #21, item 3: a secret vote's counts typed from the wall were masked with one ● per
digit (7 → ●, 12 → ●●), which told their size to anyone seeing the laptop's screen mirrored.
Masked counts all look the same, whatever their value."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.storage import participants, voting
from kitcop_desktop.tools.voting.spec import SPEC

TEXTS = ("Guichet unique", "Former les formateurs", "Chantiers-écoles")


@pytest.fixture
def editor(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        participants.paste(s, workshop_id, "\n".join(f"Personne {i}" for i in range(20)))
        voting.create_vote_from_texts(s, workshop_id, [(t, None) for t in TEXTS], "Priorités")
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    return widget


def shown(field) -> str:
    """What the laptop's screen shows in a count field: its text as drawn, or its placeholder."""
    return field.displayText() or field.placeholderText()


def test_masked_counts_never_tell_their_size(editor):
    assert editor.state.hidden  # a new vote is secret
    editor.wall.focus_first()
    for digits in ("12", "7", "0"):
        field = next(f for f in editor.wall.fields if f.hasFocus())
        QTest.keyClicks(field, digits)
        QTest.keyClick(field, Qt.Key.Key_Return)
    editor.setFocus()  # the last field is left: every count is stored and masked
    assert [r.count for r in editor.state.current.results.rows] == [12, 7, 0]
    masks = {shown(f) for f in editor.wall.fields}
    assert len(masks) == 1, masks  # 12, 7 and 0 look alike
    (mask,) = masks
    assert not any(ch.isdigit() for ch in mask)
