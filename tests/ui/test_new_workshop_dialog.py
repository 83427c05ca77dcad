"""« Nouvel atelier » offers one blank déroulé, « Déroulé vierge », never also « Déroulé vide »."""

from __future__ import annotations

from kitcop_desktop.ui.new_workshop_dialog import NewWorkshopDialog


def _items(dialog) -> list[tuple[str, str]]:
    box = dialog.template_box
    return [(box.itemText(i), box.itemData(i)) for i in range(box.count())]


def test_one_blank_deroule_chosen_by_default(qtbot):
    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    texts = [text for text, _key in _items(dialog)]
    assert texts.count("Déroulé vierge") == 1
    assert not any("vide" in text.lower() for text in texts)
    assert dialog.template_box.currentText() == "Déroulé vierge"
    dialog.title_edit.setText("Atelier")
    assert dialog.values()[2] == "blank"


def test_a_kit_template_asked_for_is_chosen(qtbot):
    dialog = NewWorkshopDialog(template_key="modele_1")
    qtbot.addWidget(dialog)
    assert dialog.values()[2] == "modele_1"
    assert [key for _text, key in _items(dialog)].count("modele_1") == 1


# #23 item 4: the form asks for the hours, takes typed digits, and points out a Sunday.
def _type_time(qtbot, field, digits: str) -> None:
    from PySide6.QtCore import QPoint, Qt

    field.setFocus()
    edit = field.lineEdit()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(6, edit.height() // 2))
    qtbot.waitUntil(lambda: edit.selectedText() != "")  # the hour, chosen by the click
    qtbot.keyClicks(field, digits)


def test_hours_are_asked_and_digits_typed_in_a_time_box_replace_them(qtbot):
    from datetime import time

    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.hours() == (time(9, 0), time(12, 30))  # a blank déroulé: 09:00–12:30
    _type_time(qtbot, dialog.start_edit, "1330")
    _type_time(qtbot, dialog.end_edit, "1700")
    assert dialog.hours() == (time(13, 30), time(17, 0))
    dialog.template_box.setCurrentIndex(dialog.template_box.findData("modele_1"))
    assert dialog.hours() == (time(13, 30), time(17, 0))  # typed hours are kept


def test_the_hours_follow_the_template_until_typed(qtbot):
    from datetime import time

    dialog = NewWorkshopDialog(template_key="modele_1")
    qtbot.addWidget(dialog)
    assert dialog.hours() == (time(9, 30), time(12, 0))  # the kit's Modèle 1 morning


def test_an_end_before_the_start_is_refused_in_french(qtbot):
    from PySide6.QtCore import QTime

    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Atelier")
    dialog.start_edit.setTime(QTime(14, 0))
    dialog.end_edit.setTime(QTime(13, 0))
    dialog._accept()
    assert dialog.result() == 0 and "fin doit être après" in dialog.error.text()


def test_a_sunday_is_pointed_out(qtbot):
    from PySide6.QtCore import QDate

    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setDate(QDate(2026, 12, 6))
    assert dialog.date_warning.isVisible()
    assert "c'est un dimanche" in dialog.date_warning.text()
    dialog.date_edit.setDate(QDate(2026, 12, 7))
    assert not dialog.date_warning.isVisible()


def test_the_workshop_is_created_with_the_hours_typed(qtbot, ctx, store, monkeypatch):
    from datetime import time

    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QDialog

    from kitcop_desktop.storage.models import Workshop
    from kitcop_desktop.ui import welcome

    class Answered(NewWorkshopDialog):
        def exec(self):  # the facilitator fills the form and presses « Créer l'atelier »
            self.title_edit.setText("World café — France Travail")
            self.start_edit.setTime(QTime(13, 30))
            self.end_edit.setTime(QTime(17, 0))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(welcome, "NewWorkshopDialog", Answered)
    screen = welcome.WelcomeScreen(ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.open_requested) as opened:
        screen.new_workshop()
    with store.read() as s:
        made = s.get(Workshop, opened.args[0])
        assert (made.title, made.start_time, made.end_time) == (
            "World café — France Travail",
            time(13, 30),
            time(17, 0),
        )
