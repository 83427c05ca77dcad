"""#22 « done when »: a KISS retrospective from Modèle KISS, run from the keyboard alone with
the room screen up.

A workshop made from Modèle KISS (its chemin, KISS board and rounds made with it, empty; the
attendance list signed afterwards), opened in the real main window. From then on only keys,
each sent to whatever widget has the focus: Ctrl+1, F5 (the room screen), Space, PageDown
through the séquences (B on the way); on the chemin Ctrl+N, post-its typed with Alt+A / Alt+R
for their angle and Tab for the zone; on the KISS board a post-it or more in each of the kit's
four zones, ↓ down onto the board, ↓ / ↑ / Maj+↓ to choose, the Menu key to group « on
commence » post-its (named at once), Maj+F10 to make the group a fiche action; PageDown walks
the zones; at the déclusion PageDown gives the floor, Ctrl+N, a word, Alt+O, Enter for each
person; PageDown to the end.

At each step it asserts what the room sees (every text the room window draws) and what the
facilitator sees: a press the room cannot see is a misfire; the room never shows a private
note (the séquences' facilitator notes, the participants' e-mails).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QKeyEvent, QPicture
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView, QLineEdit, QMenu

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.domain.agenda_templates import MODEL_KISS
from kitcop_desktop.storage import actions, agenda, boards, participants, rounds
from kitcop_desktop.ui.main_window import MainWindow

Key = Qt.Key
Mod = Qt.KeyboardModifier
CLOCK = re.compile(r"\+?\d{1,2}[:\u2236]\d{2}")
SPACES = "\u00a0\u202f\u2009"  # French typography's spaces, which Python calls unprintable
PEOPLE = ("Alice Martin", "Bruno Petit", "Chloé Roux")
WORDS = ("Confiante", "Fatigué mais content", "Motivée")
PRIVATE = tuple(q.facilitator_notes[:40] for q in MODEL_KISS.sequences if q.facilitator_notes)
KISS = {
    "keep": ("Le café du matin", "Les binômes"),
    "stop": ("Les réunions trop longues",),
    "improve": ("Le minutage",),
    "start": ("Un comité de pilotage", "Un comité des usagers", "Un forum des métiers"),
}


def settle() -> None:
    """What the event loop does between two real key presses (the room redraws then)."""
    for _ in range(3):
        QApplication.processEvents()


def press(window, key, modifiers=Mod.NoModifier) -> None:
    """A real key press, delivered to the focused widget (or the active window)."""
    target = QApplication.focusWidget() or QApplication.activeWindow() or window
    QTest.keyClick(target, key, modifiers)
    settle()


def type_text(window, text: str) -> None:
    """Typed key by key into the focused widget (QTest.keyClicks aborts on « é »)."""
    for char in text:
        target = QApplication.focusWidget() or window
        code = ord(char.upper()) if char.isascii() and (char.isalnum() or char == " ") else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, code, Mod.NoModifier, char))
    settle()


def _strings(data: bytes) -> list[str]:
    """The strings a QPicture recorded (QDataStream: a 32-bit byte length, then UTF-16)."""
    found, i, end = [], 0, len(data) - 4
    while i < end:
        size = int.from_bytes(data[i : i + 4], "big")
        if 2 <= size <= 8000 and size % 2 == 0 and i + 4 + size <= len(data):
            try:
                text = data[i + 4 : i + 4 + size].decode("utf-16-be")
            except UnicodeDecodeError:
                text = ""
            if text and all(c.isprintable() or c in SPACES for c in text):
                found.append(text)
                i += 4 + size
                continue
        i += 1
    return found


def seen(window) -> str:
    """Every text the room window draws now, one per line (its board drawn afresh, not from
    the cache its items keep), without the running clocks' digits."""
    for view in window.room.findChildren(QGraphicsView):
        for item in view.scene().items() if view.scene() else ():
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    picture = QPicture()
    window.room.render(picture)
    fonts = {*QFontDatabase.families(), "Sans Serif"}  # recorded with each text: not drawn
    text = "\n".join(t for t in _strings(bytes(picture.data())) if t not in fonts)
    for space in SPACES:
        text = text.replace(space, " ")
    return CLOCK.sub("", text)


def shows(window, text: str) -> bool:
    """The room shows `text` (perhaps wrapped on several lines)."""
    room = seen(window)
    return all(word in room for word in text.split())


def counted(window, zone: str, count: int) -> bool:
    """The room shows `zone` with its number of post-its (« On garde · 2 »)."""
    pattern = re.escape(zone).replace(r"\ ", r"\s+") + rf"\s*·\s*{count}\b"
    return re.search(pattern, seen(window)) is not None


def menu_key(window, key, modifiers, choose: str) -> list[str]:
    """Press the menu key on the board; in the menu that opens, choose `choose`."""
    entries: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu), "no menu opened"
        entries.extend(a.text().split("\t")[0] for a in menu.actions() if a.text())
        action = next(a for a in menu.actions() if a.text().split("\t")[0] == choose)
        menu.close()
        action.trigger()

    QTimer.singleShot(50, pick)
    press(window, key, modifiers)
    return entries


def never_private(window) -> None:
    room = seen(window)
    for note in PRIVATE:
        assert note not in room, f"a facilitator note reached the room: {note}"
    assert "@exemple.fr" not in room  # the participants' e-mails


def next_press(window, live, what: str) -> None:
    """PageDown, which the room must see."""
    before = seen(window)
    press(window, Key.Key_PageDown)
    if not live.runner.finished and seen(window) == before:
        pytest.fail(f"PageDown did nothing the room could see ({what})")
    never_private(window)


def test_a_kiss_retrospective_runs_from_the_keyboard_with_the_room_screen_up(
    qtbot, store, workshop_id
):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")  # prepared days before
    with store.write() as s:  # the attendance list, signed on the day
        for name in PEOPLE:
            email = name.split()[0].lower() + "@exemple.fr"
            participants.add(s, workshop_id, name, email=email)
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(workshop_id)
    qtbot.waitUntil(lambda: window.isActiveWindow())

    press(window, Key.Key_1, Mod.ControlModifier)
    press(window, Key.Key_F5)
    assert window.room.isVisible()
    window.room.resize(1024, 768)
    settle()
    live = window.workshop_view.editor("agenda").live
    press(window, Key.Key_Space)
    assert live.runner.state() == "running"
    never_private(window)

    # -- to the chemin, the room seeing each press; B blacks the room out and back ------------
    while live.runner.current.title != "Rétrospective":
        assert live.runner.current.title in seen(window)
        if live.runner.current.title == "Introduction" and not window.room.blanked:
            press(window, Key.Key_B)
            assert window.room.blanked
            press(window, Key.Key_B)
            assert not window.room.blanked
        next_press(window, live, live.runner.current.title)

    assert "Deux angles" in seen(window)  # an empty chemin: the room reads its consignes

    # -- the chemin: Ctrl+N, type, Alt+R / Alt+A choose the angle, Tab the zone ---------------
    board = window.workshop_view.editor("boards")
    press(window, Key.Key_N, Mod.ControlModifier)
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    type_text(window, "Le chantier école a tenu")
    press(window, Key.Key_Return)
    press(window, Key.Key_R, Mod.AltModifier)
    type_text(window, "Fiers du groupe")
    press(window, Key.Key_Return)
    press(window, Key.Key_Tab)
    press(window, Key.Key_A, Mod.AltModifier)
    type_text(window, "Les délais intenables")
    press(window, Key.Key_Return)
    with store.read() as s:
        chemin = {c.text: (c.zone, c.angle) for c in boards.cards_of(s, board.data.board_id)}
    assert chemin == {
        "Le chantier école a tenu": ("worked", "actions"),
        "Fiers du groupe": ("worked", "feelings"),
        "Les délais intenables": ("did_not_work", "actions"),
    }
    # The whole chemin: each zone with its count (seven zones: the room may summarise them).
    assert counted(window, "Ça a marché", 2) and counted(window, "Ça n'a pas marché", 1)
    # PageDown walks the chemin's zones, each with its post-its and its two angles' lanes,
    # then moves the déroulé on.
    while live.runner.current.title == "Rétrospective":
        next_press(window, live, f"chemin, {board.data.spotlight}")
        if board.data.spotlight == "zone:worked":
            assert shows(window, "Le chantier école a tenu") and shows(window, "Fiers du groupe")
            assert "Actions" in seen(window) and "Ressentis" in seen(window)
        if board.data.spotlight == "zone:did_not_work":
            assert shows(window, "Les délais intenables")

    # -- the KISS board: a post-it or more in each of the kit's four zones ---------------------
    assert live.runner.current.title == "La méthode KISS"
    assert board.data.kind == "kiss"
    assert "On jette" in seen(window)  # an empty board: the séquence's consignes
    press(window, Key.Key_N, Mod.ControlModifier)
    for zone, texts in KISS.items():
        assert board.entry.zone == zone
        for text in texts:
            type_text(window, text)
            press(window, Key.Key_Return)
        press(window, Key.Key_Tab)
    for zone, label in (
        ("keep", "On garde"),
        ("stop", "On jette"),
        ("improve", "On améliore"),
        ("start", "On commence"),
    ):
        assert counted(window, label, len(KISS[zone]))  # each zone's count, on the room
        assert board.scene.zones[zone].count == len(KISS[zone])  # and on the laptop
    never_private(window)

    # -- ↓ onto the board, choose the two last « on commence » post-its, the Menu key -----------
    press(window, Key.Key_Down)
    assert board.view.hasFocus()
    assert [c.text for c in board.selected_cards()] == ["Le café du matin"]
    for _ in range(6):
        press(window, Key.Key_Down)
    assert [c.text for c in board.selected_cards()] == ["Un forum des métiers"]
    press(window, Key.Key_Up)
    press(window, Key.Key_Down, Mod.ShiftModifier)
    chosen = ["Un comité des usagers", "Un forum des métiers"]
    assert [c.text for c in board.selected_cards()] == chosen
    entries = menu_key(window, Key.Key_Menu, Mod.NoModifier, "Regrouper en sous-thématique")
    assert "«\u00a0On commence\u00a0» → fiche action" in entries
    # The new sous-thématique is named at once: its title opens for typing where it is drawn,
    # and the facilitator types once they see it (the menu has gone: on a loaded machine its
    # closing can come a turn of the event loop after the choice).
    qtbot.waitUntil(lambda: QApplication.focusWidget() is board.view.editor)
    type_text(window, "Instances")
    press(window, Key.Key_Return)
    assert [(c.title, c.zone) for c in board.data.clusters] == [("Instances", "start")]
    assert re.search(r"2 · Instances|Instances \(2\)", seen(window))  # its two post-its
    assert board.view.hasFocus()
    # Maj+F10 on them: one fiche action for their sous-thématique.
    assert [c.text for c in board.selected_cards()] == chosen  # still chosen
    menu_key(window, Key.Key_F10, Mod.ShiftModifier, "«\u00a0On commence\u00a0» → fiche action")
    with store.read() as s:
        fiches = [(f.origin, f.description) for f in actions.list_for(s, workshop_id)]
    assert len(fiches) == 1 and fiches[0][0] == "kiss"
    assert "Un comité des usagers" in fiches[0][1] and "Un forum des métiers" in fiches[0][1]
    # The board marks it, on the laptop and on the room screen.
    assert [c.fiche for c in board.data.clusters] == [1]
    (group,) = board.scene.clusters.values()
    assert "✓ fiche action 1" in group._title_text()
    assert "✓ fiche action 1" in seen(window)  # whole board (or its overview)
    never_private(window)

    # -- PageDown walks the four zones, then the déroulé moves on ------------------------------
    shown: dict[str, str] = {}  # what the room showed while each zone was put forward
    while live.runner.current.title == "La méthode KISS":
        next_press(window, live, f"KISS, {board.data.spotlight}")
        spot = board.data.spotlight if board.data else ""
        shown[spot] = shown.get(spot, "") + seen(window)
    assert list(shown)[:4] == ["zone:keep", "zone:stop", "zone:improve", "zone:start"]
    for zone, texts in KISS.items():  # one zone fills the room (page by page): every post-it
        assert all(word in shown[f"zone:{zone}"] for text in texts for word in text.split())

    # -- the déclusion: PageDown gives the floor, Ctrl+N, the word, Alt+O, Enter -----------------
    assert live.runner.current.title == "Déclusion"
    panel = window.workshop_view.editor("fishbowl").rounds
    next_press(window, live, "déclusion, start")
    for name, word in zip(PEOPLE, WORDS, strict=True):
        assert name in seen(window)  # who has the floor, large
        press(window, Key.Key_N, Mod.ControlModifier)
        assert QApplication.focusWidget() is panel.word
        type_text(window, word)
        press(window, Key.Key_O, Mod.AltModifier)
        press(window, Key.Key_Return)
        never_private(window)
    with store.read() as s:
        spoken = rounds.round_data(s, panel.round_id)
    assert [(e.name, e.word, e.stay_involved) for e in spoken.entries] == [
        (name, word, True) for name, word in zip(PEOPLE, WORDS, strict=True)
    ]
    assert spoken.state == "finished"
    for _ in range(5):
        if live.runner.finished:
            break
        press(window, Key.Key_PageDown)
    assert live.runner.finished
    assert "Merci" in seen(window)
    with store.read() as s:  # everyone who spoke is present (#22 item 7)
        assert all(p.present for p in participants.list_for(s, workshop_id))
    window.room.close()


def test_b_twice_keeps_the_page_of_consignes_the_room_was_on(qtbot, store, workshop_id):
    """Found by the run: B (black) then B (back) on the second page of a séquence's consignes
    brought the room back on page 1, and the next PageDown showed page 2 again: the clicker
    then never left « Introduction » if the facilitator blanked the screen on each page."""
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(workshop_id)
    qtbot.waitUntil(lambda: window.isActiveWindow())
    press(window, Key.Key_1, Mod.ControlModifier)
    press(window, Key.Key_F5)
    window.room.resize(1024, 768)
    settle()
    live = window.workshop_view.editor("agenda").live
    press(window, Key.Key_Space)
    press(window, Key.Key_PageDown)  # Introduction, its objectives
    assert live.runner.current.title == "Introduction"
    assert "Nos objectifs" in seen(window)
    press(window, Key.Key_PageDown)  # its second page: the frame of the exchanges
    assert "Notre cadre" in seen(window)
    press(window, Key.Key_B)
    press(window, Key.Key_B)
    assert not window.room.blanked
    assert "Notre cadre" in seen(window)  # the same page as before the black
    press(window, Key.Key_PageDown)
    assert live.runner.current.title == "Brise-glace"
    window.room.close()
