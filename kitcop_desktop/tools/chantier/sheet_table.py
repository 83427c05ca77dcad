"""The table of the chantier's sheets (the initiatives inspirantes, the données clés, the
ressources financières): a click on a column's title sorts, Ctrl+V, Inser and Suppr call the
sheet's view (and the keys a sheet adds: Espace, L). Its columns share the width the window
gives (their titles wrapped) so that none is out of sight at 1024 × 768; a cell shows four
lines at most, the whole text in its tooltip."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import QAbstractItemModel, QRect, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MOST_LINES = 4
# A tooltip holds a cell's text once it may not be shown whole.
TIP_FROM = 40


def tooltip(value: str) -> str | None:
    """The whole text of a cell that four lines of its column may cut."""
    return value if len(value) > TIP_FROM or "\n" in value else None


class SheetActions(Protocol):
    def paste_clipboard(self) -> None: ...

    def ask_add(self) -> None: ...

    def delete_selected(self) -> None: ...


class SheetTable(QTableView):
    def __init__(
        self,
        actions: SheetActions,
        model: QAbstractItemModel,
        titles: Sequence[str],
        widths: Sequence[int],
        keys: Mapping[Qt.Key, Callable[[], None]] | None = None,
    ) -> None:
        super().__init__()
        self._actions = actions
        self._keys = dict(keys or {})
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the order they were added
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        wrapped = Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value)
        header.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | wrapped
        )
        bold = header.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        self._titles = list(titles)
        self._title_metrics = metrics
        # A column is never narrower than the longest word of its title.
        self._narrowest = [
            max(64, max(metrics.horizontalAdvance(w) for w in t.split()) + 24) for t in titles
        ]
        self._widths = [
            max(width, narrowest) for width, narrowest in zip(widths, self._narrowest, strict=True)
        ]
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMaximumSectionSize(MOST_LINES * self.fontMetrics().lineSpacing() + 10)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Share the table's width among its columns in proportion to the widths they ask
        (never under the longest word of their title): no sideways scrolling at 1024 px."""
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        total = sum(self._widths)
        if room <= 0 or not total:
            return
        pairs = zip(self._widths, self._narrowest, strict=True)
        fitted = [max(n, int(w * room / total)) for w, n in pairs]
        fitted[-1] = max(self._narrowest[-1], room - sum(fitted[:-1]))
        for column, width in enumerate(fitted):
            self.setColumnWidth(column, width)
        # The header as tall as its most wrapped title (room for the sort arrow kept).
        wrap = int(Qt.TextFlag.TextWordWrap.value)
        tallest = max(
            self._title_metrics.boundingRect(QRect(0, 0, width - 14, 400), wrap, title).height()
            for title, width in zip(self._titles, fitted, strict=True)
        )
        self.horizontalHeader().setFixedHeight(tallest + 10)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_columns()

    def selected_ids(self) -> list[int]:
        """The ids of the chosen rows, in the order shown."""
        selection = self.selectionModel()
        if selection is None:
            return []
        rows = {i.row() for i in selection.selectedIndexes()}
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in sorted(rows)]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key = Qt.Key(event.key())
        if event.matches(QKeySequence.StandardKey.Paste):
            self._actions.paste_clipboard()
        elif key == Qt.Key.Key_Insert:
            self._actions.ask_add()
        elif key == Qt.Key.Key_Delete:
            self._actions.delete_selected()
        elif key in self._keys and not event.modifiers():
            self._keys[key]()
        else:
            super().keyPressEvent(event)
