"""The keyboard from the library to the tools, as a facilitator without a mouse goes:
Entrée presses the button Tab reached, Tab walks a form one field at a time, Ctrl+1…8 bring
a tool up with the keyboard on its list — and going through every tool never kills the app."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit, QPushButton

from kitcop_desktop.app import build_main_window
from kitcop_desktop.storage import agenda_run, workshops
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.ui.new_workshop_dialog import NewWorkshopDialog, TimeField
from kitcop_desktop.ui.workshop_view import main_list


def _window(qtbot, store):
    window = build_main_window(store)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # as on a desktop: the keyboard goes to it
    return window


def _press(qtbot, window, keys: str) -> None:
    """A shortcut as the keyboard sends it, to whatever has the keyboard."""
    combo = QKeySequence(keys)[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def _form_with_the_keyboard() -> NewWorkshopDialog | None:
    """The « Nouvel atelier » form once it has the keyboard. With no window manager here,
    nothing gives a new window the keyboard: the test does it, as a desktop would."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, NewWorkshopDialog):
        return None
    if not dialog.isActiveWindow():
        dialog.activateWindow()
        return None
    return dialog


def _tab_to(qtbot, widget, limit: int = 12) -> int:
    """Tabs until `widget` has the keyboard; how many it took."""
    for count in range(limit):
        if QApplication.focusWidget() is widget:
            return count
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"{widget!r} never reached in {limit} Tabs")


def test_entree_on_nouvel_atelier_opens_the_form_and_tab_walks_it_one_field_at_a_time(qtbot, store):
    create_demo(store)
    window = _window(qtbot, store)
    window.show_welcome()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.welcome.table)
    qtbot.keyClick(window.welcome.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.welcome.new_button
    seen: list[str] = []

    def fill_the_form() -> None:
        dialog = _form_with_the_keyboard()
        if dialog is None:
            QTimer.singleShot(50, fill_the_form)  # not up yet
            return
        try:
            walk(dialog)
        finally:
            dialog.reject()

    def walk(dialog) -> None:
        # Title, date, start, end, déroulé, « Créer l'atelier », « Annuler »: one Tab each;
        # the date's day, month and year and the hours' minutes are not stops of their own.
        for _ in range(7):
            seen.append(type(QApplication.focusWidget()).__name__)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.title_edit  # round again

    QTimer.singleShot(200, fill_the_form)
    qtbot.keyClick(window.welcome.new_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(seen) == 7, timeout=3000)
    assert seen == [
        QLineEdit.__name__,
        QDateEdit.__name__,
        TimeField.__name__,
        TimeField.__name__,
        "QComboBox",
        "QPushButton",
        "QPushButton",
    ]


def test_a_workshop_made_from_the_keyboard_opens_and_nothing_is_left_to_crash(qtbot, store):
    """Title typed, then Entrée: the workshop is made and opened (a time box's deferred call
    once outlived the form it was in and took the app down)."""
    window = _window(qtbot, store)
    window.show_welcome()
    before = {w.id for w in _all_workshops(store)}

    def fill_the_form() -> None:
        dialog = _form_with_the_keyboard()
        if dialog is None:
            QTimer.singleShot(50, fill_the_form)  # not up yet
            return
        try:  # through every field once (the time boxes take the keyboard), to the title
            _tab_to(qtbot, dialog.end_edit)
            _tab_to(qtbot, dialog.title_edit)
        except AssertionError:
            dialog.reject()  # the test fails below, it does not hang on the form
            raise
        qtbot.keyClicks(dialog.title_edit, "Atelier au clavier")
        qtbot.keyPress(dialog.title_edit, Qt.Key.Key_Return)  # the form closes on this key

    QTimer.singleShot(200, fill_the_form)
    window.welcome.new_button.setFocus()
    qtbot.keyPress(window.welcome.new_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workshop_view is not None, timeout=5000)
    qtbot.wait(100)  # the deferred calls of the closed form run (they used to crash here)
    made = [w for w in _all_workshops(store) if w.id not in before]
    assert [w.title for w in made] == ["Atelier au clavier"]
    assert window.workshop_view.ctx.workshop_id == made[0].id
    # The keyboard on the list of people: Ctrl+V pastes the sign-in sheet at once (the
    # window's focus: with no window manager here, nothing gives the window back the keyboard
    # once the form has closed, as a desktop does).
    page = window.workshop_view.current_editor()
    assert window.focusWidget() is page.participants.table


def _all_workshops(store):
    with store.read() as session:
        return workshops.list_summaries(session)


def test_ctrl_number_brings_the_tool_up_with_the_keyboard_on_its_list(qtbot, store):
    workshop_id = create_demo(store)
    window = _window(qtbot, store)
    window.open_workshop(workshop_id)
    _press(qtbot, window, "Ctrl+1")
    view = window.workshop_view
    assert view.current_key == "agenda"
    table = main_list(view.current_editor())
    assert table is not None
    assert QApplication.focusWidget() is table
    first = table.currentIndex().row()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == first + 1  # ↓ moves in the déroulé at once
    _press(qtbot, window, "Ctrl+3")
    assert view.current_key == "voting"
    assert QApplication.focusWidget() is main_list(view.current_editor())
    _press(qtbot, window, "Ctrl+2")  # the boards keep their own choice: the post-it line
    assert view.current_key == "boards"
    assert QApplication.focusWidget() is view.current_editor().entry.line


def test_every_tool_in_turn_with_the_keyboard_in_its_list_never_kills_the_app(qtbot, store):
    """Clicking into each tool's list then Ctrl+1, 3…8 took the app down at « Tables »."""
    workshop_id = create_demo(store)
    window = _window(qtbot, store)
    window.open_workshop(workshop_id)
    view = window.workshop_view
    shown = []
    for number in (1, 3, 4, 5, 6, 7, 8, 0, 2, 1):
        _press(qtbot, window, f"Ctrl+{number}")
        qtbot.wait(50)  # hidden pages are let go, the next one laid out
        page = view.current_editor()
        table = main_list(page)
        if table is not None:
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton)
        shown.append(view.current_key)
    assert shown == [
        "agenda",
        "voting",
        "fishbowl",
        "interviews",
        "actions",
        "printing",
        "tables",
        "workshop",
        "boards",
        "agenda",
    ]
    assert window.isVisible()


def test_during_a_run_entree_on_a_focused_button_presses_nothing(qtbot, store):
    """In front of the room no key does what a mouse click would on whatever has the keyboard
    (docs/ux.md): Entrée on the focused « Son » button leaves the sound as it is."""
    workshop_id = create_demo(store)
    with store.write() as session:
        agenda_run.clear_run(session, workshop_id)  # the demo's morning has been run
    window = _window(qtbot, store)
    window.open_workshop(workshop_id)
    _press(qtbot, window, "Ctrl+1")
    editor = window.workshop_view.current_editor()
    editor.tabs.setCurrentWidget(editor.run_view)
    button: QPushButton = editor.run_view.sound_button
    clicks: list[bool] = []
    button.clicked.connect(lambda *_: clicks.append(True))
    editor.live.start()
    assert window.live.run_exists()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.wait(300)  # a click would come 100 ms after the key
    assert clicks == []
    editor.live.finish()
    qtbot.waitUntil(lambda: not window.live.run_exists())
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: clicks == [True])  # no run: Entrée presses it, as Espace does
