"""#13 item 4: a fiche action's contributors were cut with « … » on the room screen while half
of it was empty. Now every name is shown at 1/20 of the height at least, paged if need be."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.storage import actions
from kitcop_desktop.tools.actions.spec import SPEC

NAMES = ", ".join(
    f"{first} {last} ({org})"
    for first, last, org in [
        ("Awa", "Diallo", "CFA du BTP"),
        ("Jean", "Martin", "Pôle emploi"),
        ("Léa", "Roux", "Région AURA"),
        ("Marc", "Petit", "Capeb"),
        ("Inès", "Haddad", "Mission locale"),
        ("Paul", "Girard", "OPCO"),
        ("Chloé", "Bernard", "Lycée pro"),
        ("Hugo", "Lambert", "Fédération du bâtiment"),
        ("Sarah", "Nguyen", "Chambre des métiers"),
        ("Yanis", "Moreau", "Agence de l'énergie"),
        ("Emma", "Fontaine", "Département"),
        ("Karim", "Benali", "Association d'insertion"),
    ]
)


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_every_contributor_is_shown_large_and_paged_never_cut(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        card = actions.create(
            s, workshop_id, action="Chantiers-écoles partagés", leads="Région", contributors=NAMES
        )
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.focus_item(card.id)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    contributors = room.values["contributors"]
    count = contributors.page_count()
    assert count > 1
    seen = []
    for page in range(count):
        room.grab()
        assert contributors.pixel_size >= 768 // 20
        assert "…" not in contributors.shown_text
        assert contributors.page_indicator().startswith(f"{page + 1}/{count}")
        seen.append(contributors.shown_text)
        moved = editor.handle_room_key(
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
        )
        assert moved == (page + 1 < count)  # the last page hands PageDown on (the déroulé)
    assert squeezed("".join(seen)) == squeezed(NAMES)
    assert room.action.text() == "Chantiers-écoles partagés"
