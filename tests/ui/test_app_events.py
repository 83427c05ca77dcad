"""The shell's application-wide filters, behind one (#15), still do their work: a dialog that
would open over the room screen opens over the control window, and a closed window's filters
no longer act."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from kitcop_desktop.ui.main_window import MainWindow


def _window(qtbot, store):
    window = MainWindow(store, specs=[])
    qtbot.addWidget(window)
    window.setGeometry(0, 0, 600, 700)
    window.show()
    window.room.setGeometry(620, 0, 400, 700)
    window.room.show()
    qtbot.waitExposed(window.room)
    return window


def _dialog(window) -> QDialog:
    dialog = QDialog(window)
    QVBoxLayout(dialog).addWidget(QLabel("Raccourcis «\u00a0F1\u00a0»\u00a0!"))
    dialog.resize(300, 200)
    dialog.move(680, 100)  # over the room screen
    return dialog


def test_a_dialog_over_the_room_screen_opens_over_the_control_window(qtbot, store):
    window = _window(qtbot, store)
    dialog = _dialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert window.frameGeometry().contains(dialog.frameGeometry().center())
    assert not dialog.frameGeometry().intersects(window.room.frameGeometry())
    dialog.close()


def test_a_closed_window_leaves_dialogs_where_they_are(qtbot, store):
    window = _window(qtbot, store)
    window.live.uninstall()  # what closing the window does
    dialog = _dialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.frameGeometry().topLeft().x() >= 620  # nobody moved it
    dialog.close()
