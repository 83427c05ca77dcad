"""Results in the control window: the ranking with bars and counts, the ties and what to do
about them (a round among them, or a decision with its reason), the next round, the fiches."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.dot_vote import cut, dots_text, ordinal, top_with_ties
from kitcop_desktop.storage.voting_rounds import ResultRow
from kitcop_desktop.tools.voting.commands import VoteCommands
from kitcop_desktop.tools.voting.decision_dialog import DecisionDialog
from kitcop_desktop.tools.voting.ranking_paint import LIGHT, paint_ranking, row_height
from kitcop_desktop.tools.voting.vote_data import RoundState, VoteState
from kitcop_desktop.ui.icons import icon

FONT_PX = 15
# Proposals are quoted whole in the results; only a very long one is shortened, with « … ».
QUOTE_MAX = 160


def quoted(text: str, limit: int = QUOTE_MAX) -> str:
    """« text », cut at a word boundary with an ellipsis when longer than `limit`."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut_at = text.rfind(" ", 0, limit)
        text = text[: cut_at if cut_at > limit // 2 else limit].rstrip(" ,;:.") + "…"
    return f"« {text} »"


STALE_TIE = (
    "Les résultats viennent de changer : regardez les ex æquo à nouveau. Rien n'a été modifié."
)


class RankingWidget(QWidget):
    """The ranking drawn as bars (light look), as tall as its rows need."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.rows = list(rows)
        self.setFixedHeight(int(row_height(FONT_PX) * len(self.rows)) + 4)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        paint_ranking(
            painter,
            QRectF(self.rect()).adjusted(2, 2, -2, 0),
            self.rows,
            font_px=FONT_PX,
            look=LIGHT,
        )


class ResultsPanel(QWidget):
    def __init__(self, commands: VoteCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.state: VoteState | None = None
        self._round_count = 0
        self.all_made = False
        self.round_box = QComboBox()
        self.round_box.currentIndexChanged.connect(self._show_selected_round)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.masked = QLabel()
        self.masked.setWordWrap(True)
        self.masked.setStyleSheet("color: #4a5468; font-style: italic; padding: 8px;")
        self.ranking = RankingWidget()
        self.winners_label = QLabel()
        self.winners_label.setWordWrap(True)
        self.winners_label.setTextFormat(Qt.TextFormat.PlainText)
        self.winners_label.setStyleSheet("color: #005b8f; font-weight: bold;")
        self.ties = QVBoxLayout()
        self.next_round_button = QPushButton("Nouveau tour avec les premiers")
        self.next_round_button.clicked.connect(self.next_round_top)
        self.cards_button = QPushButton(icon("actions", "#ffffff"), "Créer les fiches actions")
        self.cards_button.setObjectName("Primary")
        self.cards_button.clicked.connect(self.make_cards)
        head = QHBoxLayout()
        title = QLabel("Résultats")
        title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.round_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_round_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cards_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.masked)
        layout.addWidget(self.ranking)
        layout.addWidget(self.winners_label)
        layout.addLayout(self.ties)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_state(self, state: VoteState | None) -> None:
        self.state = state
        if state is None:
            return
        wanted = self.round_box.currentData()
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for r in state.rounds:
            self.round_box.addItem(f"Tour {r.number}", r.id)
        index = self.round_box.findData(wanted)
        if index < 0 or len(state.rounds) != self._round_count:
            index = len(state.rounds) - 1  # a new round (or a new vote): show the latest
        self._round_count = len(state.rounds)
        self.round_box.setCurrentIndex(index)
        self.round_box.blockSignals(False)
        self._show_selected_round()

    def selected_round(self) -> RoundState | None:
        if self.state is None:
            return None
        rid = self.round_box.currentData()
        return next((r for r in self.state.rounds if r.id == rid), self.state.current)

    def _show_selected_round(self) -> None:
        vote_round = self.selected_round()
        if vote_round is None:
            return
        state, results = self.state, vote_round.results
        visible = state.tallies_visible(vote_round)
        status = "ouvert" if vote_round.open else ("révélé" if vote_round.revealed else "clos")
        counted = (
            ("1 bulletin" if results.ballots == 1 else f"{results.ballots} bulletins")
            if vote_round.mode == "ballots"
            else "au mur"
        )
        text = f"Tour {vote_round.number} ({status}, {counted})"
        if vote_round.reason:
            text += f" — {vote_round.reason}"
        if visible:
            text += f" : {dots_text(results.total_dots)} au total."
        self.summary.setText(text)
        self.masked.setVisible(not visible)
        self.masked.setText(
            "Vote secret : les résultats restent masqués, ici comme sur l'écran de salle, "
            "jusqu'à la révélation (touche R)."
        )
        self.ranking.setVisible(visible)
        self.ranking.set_rows(results.rows if visible else [])
        self._show_ties(vote_round if visible else None)
        is_last = vote_round.id == state.current.id
        closed_last = is_last and not vote_round.open and visible
        settled = closed_last and cut(results.ranked, state.winners_count).settled
        self.next_round_button.setText(f"Nouveau tour avec les {state.winners_count} premiers")
        self.next_round_button.setEnabled(closed_last and len(results.rows) > 2)
        winners = cut(results.ranked, state.winners_count).selected if settled else []
        self.all_made = bool(winners) and all(i in state.cards_made for i in winners)
        self.cards_button.setText(
            "Voir les fiches actions" if self.all_made else "Créer les fiches actions"
        )
        self.cards_button.setEnabled(bool(settled and results.total_dots))
        self.cards_button.setToolTip(
            "Une fiche action préremplie par action retenue"
            if settled
            else "Clôturez et révélez le dernier tour, sans ex æquo à la dernière place retenue."
        )
        texts = {r.item_id: r.text for r in results.rows}
        kept = [texts[i] for i in winners if i in texts]
        self.winners_label.setVisible(bool(kept))
        self.winners_label.setText(
            ("Action retenue : " if len(kept) == 1 else "Actions retenues : ")
            + " ; ".join(quoted(t) for t in kept)
        )

    def _show_ties(self, vote_round: RoundState | None) -> None:
        while self.ties.count():
            row = self.ties.takeAt(0)
            while row.layout() and row.layout().count():
                w = row.layout().takeAt(0).widget()
                if w is not None:
                    w.hide()  # at once: deleteLater waits for the event loop
                    w.deleteLater()
            if row.widget() is not None:
                row.widget().hide()
                row.widget().deleteLater()
        if vote_round is None:
            return
        texts = {r.item_id: r for r in vote_round.results.rows}
        last = vote_round.id == self.state.current.id and not vote_round.open
        for group in vote_round.results.ties:
            first = texts[group[0]]
            names = ", ".join(quoted(texts[i].text, 80) for i in group)
            label = QLabel(
                f"⚠ Ex æquo à la {ordinal(first.rank)} place ({dots_text(first.count)}) : {names}"
            )
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet("color: #a13d00;")
            row = QHBoxLayout()
            row.addWidget(label, 1)
            if last:
                again = QPushButton("Tour entre eux")
                again.clicked.connect(lambda _c=False, g=group: self.round_among(g))
                decide = QPushButton("Décider…")
                decide.clicked.connect(lambda _c=False, g=group: self.decide(g))
                row.addWidget(again)
                row.addWidget(decide)
            self.ties.addLayout(row)
        decided = {r.item_id for r in vote_round.results.rows if r.decided}
        for ordered, reason in vote_round.results.decisions:
            if not set(ordered) <= decided:
                continue  # the counts changed since: that decision no longer applies
            names = " puis ".join(quoted(texts[i].text, 80) for i in ordered if i in texts)
            label = QLabel(f"Départagé : {names}. Raison : {reason}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.ties.addWidget(label)

    # --- actions ------------------------------------------------------------------------------
    def next_round_top(self) -> int | None:
        state = self.state
        results = state.current.results
        ids = top_with_ties(results.ranked, state.winners_count)
        reason = f"Les {state.winners_count} premiers du tour {state.current.number}"
        if len(ids) > state.winners_count:
            reason += " (avec les ex æquo)"
        return self.commands.new_round(state.id, ids, reason)

    def round_among(self, group: list[int]) -> int | None:
        state = self.state
        if not set(group) <= {r.item_id for r in state.current.results.rows}:
            self.commands.ctx.show_message(STALE_TIE)
            return None
        reason = f"Ex æquo du tour {state.current.number}"
        return self.commands.new_round(state.id, group, reason)

    def decide(self, group: list[int], order: list[int] | None = None, reason: str = "") -> bool:
        """Record how a tie is settled; without `order`, ask with a small dialog."""
        vote_round = self.state.current
        texts = {r.item_id: r.text for r in vote_round.results.rows}
        if not set(group) <= set(texts):
            self.commands.ctx.show_message(STALE_TIE)
            return False
        if order is None:
            dialog = DecisionDialog([(i, texts[i]) for i in group], self)
            if not dialog.exec():
                return False
            order, reason = dialog.order(), dialog.reason()
        return self.commands.record_decision(vote_round.id, order, reason)

    def make_cards(self) -> list[int] | None:
        if self.all_made:
            self.commands.ctx.activate_tool("actions", None)
            return []
        result = self.commands.winners_to_cards(self.state.id)
        if result:
            self.commands.ctx.activate_tool("actions", result[0])
        return result
