"""Speaking time for the facilitator: per person, share of the total, who has not spoken yet,
and the breakdown by actor category. Read-only; refreshed each second while someone speaks.
Those who left the workshop are greyed « (parti·e) »; their spoken time still counts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.cell_table import Cell, CellsModel

COLUMNS = (tr_later("Personne"), tr_later("Temps"), tr_later("Fois"), tr_later("Part"))


class StatsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = QLabel()
        theme.style(self.total, theme.BOLD)
        self.model = CellsModel([tr(c) for c in COLUMNS], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.silent = QLabel()
        self.silent.setWordWrap(True)
        self.categories = QLabel()
        self.categories.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.total)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.silent)
        layout.addWidget(self.categories)

    def show_stats(self, stats: rules.FishbowlStats) -> None:
        self.total.setText(
            tr("Temps de parole total : {time}").format(
                time=rules.speaking_clock(stats.total_seconds)
            )
        )
        rows = []
        for p in stats.people:
            grey = theme.INK_LEFT if p.left else ""
            category = rules.CATEGORY_LABELS.get(p.category, "—")
            tip = (
                tr("{category} — a quitté l'atelier").format(category=category)
                if p.left
                else category
            )
            rows.append(
                (
                    Cell(rules.shown_name(p), tooltip=tip, foreground=grey),
                    Cell(rules.speaking_clock(p.seconds), foreground=grey, align="right"),
                    Cell(str(p.turns), foreground=grey, align="right"),
                    Cell(rules.percent(p.share), foreground=grey, align="right"),
                )
            )
        self.model.set_rows(rows)  # each second: only the cells that changed are redrawn
        if stats.silent:
            self.silent.setText(tr("Pas encore parlé : ") + ", ".join(stats.silent))
        else:
            self.silent.setText(tr("Tout le monde a parlé."))
        parts = [
            f"{rules.CATEGORY_LABELS.get(cat, '—')} {rules.percent(share)}"
            for cat, share in sorted(stats.category_share.items(), key=lambda kv: -kv[1])
            if cat
        ]
        self.categories.setText(
            tr("Par catégorie d'acteurs : ") + " · ".join(parts) if parts else ""
        )
