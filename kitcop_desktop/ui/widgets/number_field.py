"""A spin box that refuses an absurd number out loud instead of silently changing it.

A plain QSpinBox limited to 480 turns « 9999 » into « 99 » while it is typed (the third 9 is
rejected) and stores 99 without a word. This one lets the whole number be typed, then refuses
it on Enter or when the field is left: `refused` carries a French sentence for the status line
(« Une séquence dure au plus 480 minutes. Rien n'a été modifié. ») and the field shows the
value it had before, so `editingFinished` changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from kitcop_desktop.i18n import tr, tr_later

NOTHING = tr_later("Rien n'a été modifié.")


class NumberField(QSpinBox):
    refused = Signal(str)

    def __init__(
        self,
        minimum: int,
        maximum: int,
        too_big: str,
        too_small: str = "",
        *,
        suffix: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """`too_big` / `too_small` may use {value}, {minimum} and {maximum}."""
        super().__init__(parent)
        self.setRange(minimum, maximum)
        self.setSuffix(suffix)
        self._too_big = too_big
        self._too_small = too_small or "Au moins {minimum}."
        self._before = self.value()
        self.editingFinished.connect(self._remember)

    def set_messages(self, too_big: str, too_small: str = "") -> None:
        """Change the sentences (a bound that depends on the data, say)."""
        self._too_big = too_big
        self._too_small = too_small or self._too_small

    def typed_number(self) -> int | None:
        """The whole number in the field, whatever the limits (None: not a number)."""
        text = self.cleanText().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
        if text.lstrip("-").isdigit():
            return int(text)
        return None

    def validate(self, text: str, pos: int):  # noqa: D102 - Qt API
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid:
            core = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()
            if core.lstrip("-").isdigit():  # a number out of range: let it be typed whole
                return QValidator.State.Intermediate, text, pos
        return result

    def setValue(self, value: int) -> None:  # noqa: N802 - Qt API
        # Only code calls this (Qt's own typing does not): the value shown is the one to keep.
        super().setValue(value)
        self._before = self.value()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._before = self.value()
        super().focusInEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check()
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._check()
        super().focusOutEvent(event)

    def _check(self) -> bool:
        """Refuse a number out of range: say why and show the value from before."""
        value = self.typed_number()
        if value is None or self.minimum() <= value <= self.maximum():
            return True
        template = self._too_big if value > self.maximum() else self._too_small
        message = template.format(value=value, minimum=self.minimum(), maximum=self.maximum())
        if tr(NOTHING) not in message:
            message = f"{message} {tr(NOTHING)}"
        self.blockSignals(True)
        super().setValue(self._before)
        self.blockSignals(False)
        self.lineEdit().setText(self.textFromValue(self._before) + self.suffix())
        self.refused.emit(message)
        return False

    def _remember(self) -> None:
        self._before = self.value()
