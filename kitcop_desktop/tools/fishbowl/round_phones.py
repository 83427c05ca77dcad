"""A speaking round opened to phones (#19): « Ouvrir aux téléphones » (the shared bar), then the
words the phones sent (météo, déclusion) or their ROTI scores, waiting until the facilitator
shows them: « Montrer à l'écran » (M from the list) puts every word not shown yet on the room
screen and in the restitution; Suppr takes one out (an insult, a test). One undo step each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kitcop_desktop.domain import roti
from kitcop_desktop.i18n import decimal, tr, tr_n
from kitcop_desktop.phones.round_room import RoundRoom
from kitcop_desktop.storage import rounds_phones
from kitcop_desktop.tools.fishbowl.round_word import AREA
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.phone_bar import PhoneBar
from kitcop_desktop.ui.widgets.phone_list import PhoneList


def words_text(n: int) -> str:
    return tr_n("{n} réponse", "{n} réponses", n).format(n=n)


def roti_text(summary: roti.RotiSummary) -> str:
    """« ROTI 4,2 sur 5 · 5 : 3 · 4 : 6 · 3 : 1 · 2 : 0 · 1 : 0 »."""
    if summary.average is None:
        return tr("ROTI\u00a0: pas encore de note")
    spread = " · ".join(f"{score}\u00a0: {n}" for score, n in summary.counts.items())
    return tr("ROTI {average} sur 5 · {spread}").format(
        average=decimal(summary.average, 1), spread=spread
    )


def involved_mark(value: bool | None) -> str:
    return "" if value is None else (tr(" (reste impliqué·e)") if value else tr(" (ne reste pas)"))


class RoundPhones(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id = 0
        self.bar = PhoneBar(
            ctx,
            AREA,
            lambda round_id: RoundRoom(ctx.store, round_id),
            self._summary,
            tr(
                "Chaque participant·e répond depuis son téléphone (un mot, une phrase, une note de "
                "ROTI), sur le réseau de la salle, sans internet\u00a0: les réponses attendent ici "
                "que vous les montriez."
            ),
        )
        self.title = QLabel()
        theme.style(self.title, theme.BOLD)
        self.title.setWordWrap(True)
        self.show_button = QPushButton(icon("reveal"), tr("Montrer à l'écran (M)"))
        self.show_button.setToolTip(
            tr(
                "Montrer sur l'écran de la salle (et dans la restitution) les réponses pas encore "
                "montrées"
            )
        )
        self.show_button.clicked.connect(self.show_all)
        self.remove_button = QPushButton(icon("delete"), "Retirer (Suppr)")
        self.remove_button.clicked.connect(self.remove_current)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.show_button)
        head.addWidget(self.remove_button)
        # M shows the waiting words, Suppr takes the chosen one out.
        self.list = PhoneList(
            {
                Qt.Key.Key_Delete: self.remove_current,
                Qt.Key.Key_Backspace: self.remove_current,
                Qt.Key.Key_M: self.show_all,
            }
        )
        self.list.setMaximumHeight(130)
        self.words = QWidget()
        words = QVBoxLayout(self.words)
        words.setContentsMargins(0, 0, 0, 0)
        words.addLayout(head)
        words.addWidget(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.words)
        self.words.hide()  # the round panel reloads it on the rounds' changes

    def _summary(self, round_id: int) -> str:
        with self.ctx.store.read() as s:
            total, _hidden = rounds_phones.word_count(s, round_id)
        return words_text(total)

    def show_round(self, round_id: int | None) -> None:
        self.round_id = round_id or 0
        self.bar.show_item(self.round_id)
        self.reload()

    def reload(self) -> None:
        rows, summary = [], None
        if self.round_id:
            with self.ctx.store.read() as s:
                found = rounds_phones.words(s, self.round_id)
                if any(w.score is not None for w in found):
                    summary = rounds_phones.roti_summary(found)
                for w in found:
                    text = w.word or "—"
                    if w.score is not None:
                        text = f"{w.score}/5 · {text}"
                    text += involved_mark(w.stay_involved)
                    rows.append(
                        (
                            w.id,
                            text
                            if w.shown
                            else tr("{text}   [pas encore montrée]").format(text=text),
                        )
                    )
        self.list.fill(rows)
        hidden = sum(1 for _i, text in rows if text.endswith(tr("[pas encore montrée]")))
        title = tr("Réponses des téléphones\u00a0: {value}").format(value=words_text(len(rows)))
        if hidden:
            title += tr_n(" ({n} pas encore montrée)", " ({n} pas encore montrées)", hidden).format(
                n=hidden
            )
        if summary is not None:
            title += " — " + roti_text(summary)
        self.title.setText(title)
        self.show_button.setEnabled(bool(hidden))
        self.words.setVisible(bool(rows))
        self.bar.refresh()

    def show_all(self) -> bool:
        round_id = self.round_id
        if not round_id:
            return False
        done = self.ctx.push(
            tr("Montrer les réponses des téléphones"),
            area=AREA,
            do=lambda s: rounds_phones.show_all(s, round_id),
            undo=lambda s, ids: rounds_phones.hide(s, ids),
        )
        return bool(done)

    def remove_current(self) -> bool:
        word_id = self.list.chosen()
        if word_id is None:
            return False
        row = self.list.currentRow()
        done = self.ctx.push(
            tr("Retirer une réponse du téléphone"),
            area=AREA,
            do=lambda s: rounds_phones.remove(s, word_id),
            undo=lambda s, data: rounds_phones.restore(s, data),
        )
        self.list.choose_after(row)
        return done is not None
