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

from kitcop_desktop.domain import french
from kitcop_desktop.domain.dot_vote import dots_text, ordinal, top_with_ties
from kitcop_desktop.domain.dot_vote_rounds import tie_break_reason, tie_break_rules, ties_at_stake
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.storage.voting_rounds import ResultRow
from kitcop_desktop.tools.voting.commands import VoteCommands
from kitcop_desktop.tools.voting.decision_dialog import DecisionDialog
from kitcop_desktop.tools.voting.ranking_paint import LIGHT, paint_ranking, row_height
from kitcop_desktop.tools.voting.vote_data import RoundState, VoteState
from kitcop_desktop.ui import theme
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
    return french.quoted(text)


STALE_TIE = tr_later(
    "Les résultats viennent de changer : regardez les ex æquo à nouveau. Rien n'a été modifié."
)


class RankingWidget(QWidget):
    """The ranking drawn as bars (light look), as tall as its rows need."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self.round_number = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[ResultRow], round_number: int = 0) -> None:
        self.rows = list(rows)
        self.round_number = round_number
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
            round_number=self.round_number,
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
        theme.style(self.masked, theme.MUTED_ITALIC)
        self.ranking = RankingWidget()
        self.winners_label = QLabel()
        self.winners_label.setWordWrap(True)
        self.winners_label.setTextFormat(Qt.TextFormat.PlainText)
        theme.style(self.winners_label, theme.ACCENT_WORDS)
        self.ties = QVBoxLayout()
        self.next_round_button = QPushButton(tr("Nouveau tour avec les premiers"))
        self.next_round_button.clicked.connect(self.next_round_top)
        self.cards_button = QPushButton(
            icon("actions", theme.WHITE), tr("Créer les fiches actions")
        )
        self.cards_button.setObjectName("Primary")
        self.cards_button.clicked.connect(self.make_cards)
        head = QHBoxLayout()
        title = QLabel(tr("Résultats"))
        theme.style(title, theme.HEADING)
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
            self.round_box.addItem(tr("Tour {number}").format(number=r.number), r.id)
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
        state, vote_round = self.state, self.selected_round()
        # A vote always has its round 1 (hence a standing); a file without it shows nothing.
        if state is None or vote_round is None or state.standing is None:
            return
        results = vote_round.results
        visible = state.tallies_visible(vote_round)
        is_last = vote_round.id == state.current.id
        # The latest round of several shows the standing: a round among ex æquo reorders only
        # its own proposals, the others keep their place (« tour 1 » beside their count).
        standing = state.standing if is_last and state.several_rounds else None
        status = (
            tr("ouvert")
            if vote_round.open
            else (tr("révélé") if vote_round.revealed else tr("clos"))
        )
        counted = (
            tr_n("{n} bulletin", "{n} bulletins", results.ballots).format(n=results.ballots)
            if vote_round.mode == "ballots"
            else tr("au mur")
        )
        parts = [
            tr("Tour {number} ({status}, {counted})").format(
                number=vote_round.number, status=status, counted=counted
            )
        ]
        if vote_round.reason:
            parts[0] += f" — {vote_round.reason}"
        rules = vote_round.rules
        parts.append(
            tr("{dots} chacun·e, {most} au plus par proposition").format(
                dots=dots_text(rules.dots_per_participant), most=rules.max_per_item
            )
        )
        if visible:
            parts.append(tr("{dots} au total").format(dots=dots_text(results.total_dots)))
        text = " · ".join(parts) + "."
        if visible and standing is not None:
            text += tr(" Classement général : les propositions hors de ce tour gardent leur place.")
        self.summary.setText(text)
        self.masked.setVisible(not visible)
        self.masked.setText(
            tr(
                "Vote secret : les résultats restent masqués, ici comme sur l'écran de salle, "
                "jusqu'à la révélation (touche R)."
            )
        )
        self.ranking.setVisible(visible)
        rows = standing.rows if standing is not None else results.rows
        self.ranking.set_rows(rows if visible else [], vote_round.number)
        self._show_ties(vote_round if visible else None)
        closed_last = is_last and not vote_round.open and visible
        kept = state.standing.cut
        settled = closed_last and kept.settled
        self.next_round_button.setText(
            tr("Nouveau tour avec les {winners_count} premiers").format(
                winners_count=state.winners_count
            )
        )
        self.next_round_button.setEnabled(closed_last and len(state.standing.rows) > 2)
        winners = kept.selected if settled else []
        self.all_made = bool(winners) and all(i in state.cards_made for i in winners)
        self.cards_button.setText(
            tr("Voir les fiches actions") if self.all_made else tr("Créer les fiches actions")
        )
        self.cards_button.setEnabled(bool(settled and results.total_dots))
        self.cards_button.setToolTip(
            tr("Une fiche action préremplie par action retenue")
            if settled
            else tr(
                "Clôturez et révélez le dernier tour, sans ex æquo à la dernière place retenue."
            )
        )
        texts = {r.item_id: r.text for r in state.standing.rows}
        chosen = [texts[i] for i in winners if i in texts]
        self.winners_label.setVisible(bool(chosen))
        self.winners_label.setText(
            tr_n("Action retenue\u00a0: ", "Actions retenues\u00a0: ", len(chosen))
            + tr("\u00a0; ").join(quoted(t) for t in chosen)
        )

    def _clear_ties(self) -> None:
        while self.ties.count():
            row = self.ties.takeAt(0)
            if row is None:
                break
            inner = row.layout()
            while inner is not None and inner.count():
                item = inner.takeAt(0)
                w = item.widget() if item is not None else None
                if w is not None:
                    w.hide()  # at once: deleteLater waits for the event loop
                    w.deleteLater()
            w = row.widget()
            if w is not None:
                w.hide()
                w.deleteLater()

    def _show_ties(self, vote_round: RoundState | None) -> None:
        self._clear_ties()
        state = self.state
        if vote_round is None or state is None or state.standing is None:
            return
        last = vote_round.id == state.current.id
        # Only the ties at one of the places kept are said: one further down changes nothing.
        ranked = state.standing.ranked if last else vote_round.results.ranked
        rows = state.standing.rows if last else vote_round.results.rows
        texts = {r.item_id: r for r in rows}
        for tie in ties_at_stake(ranked, state.winners_count):
            first = texts[tie.items[0]]
            names = ", ".join(quoted(texts[i].text, 80) for i in tie.items)
            if tie.straddles:
                places = "1 place" if tie.places == 1 else f"{tie.places} places"
                text = tr(
                    "⚠ Ex æquo à la {rank} place ({count}) : {names} — {places} pour {count2} propositions."
                ).format(
                    rank=ordinal(first.rank),
                    count=dots_text(first.count),
                    names=names,
                    places=places,
                    count2=len(tie.items),
                )
            else:
                text = tr(
                    "Ex æquo à la {rank} place ({count}) : {names} — toutes retenues ; départagez si l'ordre compte."
                ).format(rank=ordinal(first.rank), count=dots_text(first.count), names=names)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            theme.style(label, theme.WARNING_TEXT if tie.straddles else theme.MUTED_TEXT)
            row = QHBoxLayout()
            row.addWidget(label, 1)
            if last and not vote_round.open:
                again = QPushButton(tr("Tour entre eux"))
                again.setToolTip(
                    tr("Un nouveau tour entre ces propositions : ")
                    + tie_break_reason(len(tie.items), tie.places)
                )
                again.clicked.connect(lambda _c=False, g=tie.items: self.round_among(g))
                decide = QPushButton(tr("Décider…"))
                decide.clicked.connect(lambda _c=False, g=tie.items: self.decide(g))
                row.addWidget(again)
                row.addWidget(decide)
            self.ties.addLayout(row)
        decided = {r.item_id for r in rows if r.decided}
        for results in state.standing.rounds if last else [vote_round.results]:
            names_of = {r.item_id: r.text for r in results.rows}
            for ordered, reason in results.decisions:
                if not set(ordered) <= decided:
                    continue  # the counts changed since: that decision no longer applies
                names = " puis ".join(quoted(names_of[i], 80) for i in ordered if i in names_of)
                label = QLabel(
                    tr("Départagé : {names}. Raison : {reason}").format(names=names, reason=reason)
                )
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                self.ties.addWidget(label)

    # --- actions ------------------------------------------------------------------------------
    def next_round_top(self) -> int | None:
        state = self.state
        if state is None or state.standing is None:
            return None
        ids = top_with_ties(state.standing.ranked, state.winners_count)
        reason = tr("Les {winners_count} premiers du tour {number}").format(
            winners_count=state.winners_count, number=state.current.number
        )
        if len(ids) > state.winners_count:
            reason += tr(" (avec les ex æquo)")
        return self._new_round(ids, reason, min(state.winners_count, len(ids)))

    def round_among(self, group: list[int]) -> int | None:
        state = self.state
        if state is None or state.standing is None:
            return None
        tie = next((t for t in state.standing.ties if t.items == list(group)), None)
        if tie is None:
            self.commands.ctx.show_message(tr(STALE_TIE))
            return None
        return self._new_round(
            tie.items,
            tr("Ex æquo du tour {number}").format(number=state.current.number),
            tie.places,
        )

    def _new_round(self, ids: list[int], reason: str, places: int) -> int | None:
        """A round among `ids` with the rules proposed for it, said in the status line."""
        if self.state is None:
            return None
        rules = tie_break_rules(len(ids), places)
        created = self.commands.new_round(self.state.id, ids, reason, rules)
        if created is not None:
            self.commands.ctx.show_message(
                tr("Nouveau tour entre {n} propositions : {reason}.").format(
                    n=len(ids), reason=tie_break_reason(len(ids), places)
                )
            )
        return created

    def decide(self, group: list[int], order: list[int] | None = None, reason: str = "") -> bool:
        """Record how a tie is settled; without `order`, ask with a small dialog."""
        standing = self.state.standing if self.state is not None else None
        if standing is None:
            return False
        if not any(t.items == list(group) for t in standing.ties):
            self.commands.ctx.show_message(tr(STALE_TIE))
            return False
        texts = {r.item_id: r.text for r in standing.rows}
        if order is None:
            dialog = DecisionDialog([(i, texts[i]) for i in group], self)
            if not dialog.exec():
                return False
            order, reason = dialog.order(), dialog.reason()
        return self.commands.record_decision(standing.round_of(group).round_id, order, reason)

    def make_cards(self) -> list[int] | None:
        if self.all_made:
            self.commands.ctx.activate_tool("actions", None)
            return []
        if self.state is None:
            return None
        result = self.commands.winners_to_cards(self.state.id)
        if result:
            self.commands.ctx.activate_tool("actions", result[0])
        return result
