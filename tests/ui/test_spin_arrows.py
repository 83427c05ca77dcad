"""Spin boxes under the app's theme show their arrows (the déroulé's « Durée », the new
workshop's hours): with the border styled, Qt drew an empty frame where the arrows were."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSpinBox, QStyle, QStyleOptionSpinBox, QTimeEdit

from kitcop_desktop.ui import theme


@pytest.mark.parametrize("kind", [QSpinBox, QTimeEdit])
def test_spin_box_arrows_are_drawn(qtbot, kind):
    box = kind()
    box.setStyleSheet(theme.control_stylesheet())
    qtbot.addWidget(box)
    box.resize(200, 30)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    option = QStyleOptionSpinBox()
    box.initStyleOption(option)
    for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        rect = box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, box)
        dark = [
            (x, y)
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
            if image.pixelColor(x, y).lightness() < 140
        ]
        assert len(dark) >= 6, f"no arrow drawn in {part}"
