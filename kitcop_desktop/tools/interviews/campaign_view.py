"""The campaign: interviews done against the kit's 12–30 target, who was met, and the synthesis
of freins and leviers, sent to a speedboat board in one action (one undo step)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.interview_guides import (
    TARGET_MAX,
    TARGET_MIN,
    bare_passage,
    campaign_progress,
    mark_kind,
)
from kitcop_desktop.domain.palette import ZONE_COLOURS
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import interviews
from kitcop_desktop.storage.interviews_campaign import campaign_board_id, unsend
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.cell_table import Cell, CellsModel
from kitcop_desktop.ui.widgets.row_list import Row, RowList


class CampaignView(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_board_id: int | None = None
        self.progress = QProgressBar()
        self.progress.setRange(0, TARGET_MAX)
        self.progress.setFormat(
            tr("%v entretiens réalisés (objectif : {TARGET_MIN} à {TARGET_MAX})").format(
                TARGET_MIN=TARGET_MIN, TARGET_MAX=TARGET_MAX
            )
        )
        self.progress_text = QLabel()
        self.progress_text.setWordWrap(True)
        self.tables = {}
        tables_row = QHBoxLayout()
        for key, title in (
            ("professions", "Professions"),
            ("sectors", "Secteurs"),
            ("territories", "Territoires"),
        ):
            table = QTableView()
            table.setModel(CellsModel([title, tr("Entretiens")], table))
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.horizontalHeader().setSectionResizeMode(
                1, QHeaderView.ResizeMode.ResizeToContents
            )
            table.verticalHeader().hide()
            table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            table.setAlternatingRowColors(True)
            self.tables[key] = table
            tables_row.addWidget(table)
        self.brakes = self._zone_list()
        self.levers = self._zone_list()
        self.brakes_title = QLabel()
        self.levers_title = QLabel()
        for zone_title in (self.brakes_title, self.levers_title):
            zone_title.setWordWrap(True)  # a longer language's title takes two lines, never cut
        zones = QHBoxLayout()
        for heading, zone_list in (
            (self.brakes_title, self.brakes),
            (self.levers_title, self.levers),
        ):
            column = QVBoxLayout()
            column.addWidget(heading)
            column.addWidget(zone_list, 1)
            zones.addLayout(column)
        self.send_button = QPushButton(tr("Envoyer au speedboat"))
        self.send_button.setObjectName("Primary")
        self.send_button.setToolTip(
            tr(
                "Chaque frein et levier devient un post-it, avec son entretien d'origine "
                "(pseudonyme seulement). Ce qui est déjà envoyé ne l'est pas deux fois."
            )
        )
        self.send_button.clicked.connect(self.send_to_board)
        self.open_board = QPushButton(tr("Voir le speedboat"))
        self.open_board.clicked.connect(
            lambda: self.ctx.activate_tool("boards", self.last_board_id)
        )
        self.open_board.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_board)
        buttons.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        heading = QLabel(tr("Campagne d'entretiens"))
        heading.setObjectName("PageTitle")
        layout.addWidget(heading)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_text)
        layout.addWidget(QLabel(tr("<b>Profils rencontrés</b> — pour voir qui manque")))
        layout.addLayout(tables_row, 2)
        layout.addWidget(QLabel(tr("<b>Synthèse des passages marqués</b>")))
        layout.addLayout(zones, 3)
        layout.addLayout(buttons)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    @staticmethod
    def _zone_list() -> RowList:
        widget = RowList()
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        return widget

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area in ("interviews", "boards") and workshop_id == self.ctx.workshop_id:
            self.refresh()

    def refresh(self) -> None:
        with self.ctx.store.read() as s:
            table = interviews.profile_table(s, self.ctx.workshop_id)
            syn = interviews.synthesis(s, self.ctx.workshop_id)
            self.last_board_id = campaign_board_id(s, self.ctx.workshop_id)
        self.open_board.setEnabled(self.last_board_id is not None)
        self.progress.setValue(min(table.done, TARGET_MAX))
        self.progress_text.setText(
            campaign_progress(table.done)
            + (
                tr(" ({number} en cours ou à venir)").format(number=table.planned - table.done)
                if table.planned > table.done
                else ""
            )
        )
        for key in ("professions", "sectors", "territories"):
            rows = getattr(table, key)
            model = self.tables[key].model()
            assert isinstance(model, CellsModel)
            model.set_rows(
                [
                    (Cell(value, tooltip=value), Cell(str(count), align="centre"))
                    for value, count in rows
                ]
            )
        for zone_list, title, items, zone, label in (
            (self.brakes, self.brakes_title, syn.brakes, "brakes", tr("Freins et difficultés")),
            (self.levers, self.levers_title, syn.levers, "levers", tr("Leviers")),
        ):
            colour = ZONE_COLOURS[zone]
            title.setText(
                tr("<span style='color:{colour}'>■</span> <b>{label}</b> ({n_items})").format(
                    colour=colour, label=label, n_items=len(items)
                )
            )
            rows = []
            for item in items:
                kind = mark_kind(item.kind).label
                sent = tr(" ✓ envoyé") if item.sent else ""
                passage = bare_passage(item.kind, item.text)
                text = tr("{passage}\n{kind} — {pseudonym}{sent}").format(
                    passage=passage, kind=kind, pseudonym=item.pseudonym, sent=sent
                )
                rows.append(Row(text, key=item.mark_id, foreground=theme.INK))
            zone_list.set_rows(rows)
        unsent = len(syn.unsent)
        self.send_button.setEnabled(unsent > 0)
        self.send_button.setText(
            tr("Envoyer au speedboat ({unsent})").format(unsent=unsent)
            if unsent
            else tr("Tout est sur le speedboat")
        )

    def send_to_board(self) -> None:
        """All freins and leviers not yet sent become post-its on a speedboat (one undo step)."""
        workshop_id = self.ctx.workshop_id

        def do(s):
            mark_ids = [i.mark_id for i in interviews.synthesis(s, workshop_id).unsent]
            board_id, card_ids = interviews.send_synthesis_to_board(s, workshop_id)
            return board_id, card_ids, mark_ids

        def undo(s, result):
            _board_id, card_ids, mark_ids = result
            unsend(s, card_ids, mark_ids)

        # Area "boards": the speedboat refreshes on do, undo and redo; this view listens to it too.
        result = self.ctx.push(
            tr("Envoyer la synthèse au speedboat"), area="boards", do=do, undo=undo
        )
        if result is None:
            return
        board_id, card_ids, _ = result
        self.last_board_id = board_id
        self.open_board.setEnabled(True)
        n = len(card_ids)
        self.ctx.show_message(
            tr_n(
                "{n} post-it envoyé au speedboat.", tr("{n} post-its envoyés au speedboat."), n
            ).format(n=n)
        )
