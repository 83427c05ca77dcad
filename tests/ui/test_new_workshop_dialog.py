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
