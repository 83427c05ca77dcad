"""The protocole de test of a fiche action (kit Brique 4-2): its six questions typed in place
(stored as typed), then the log of the test's results against its criteria."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.action_plan import (
    PROTOCOL_FIELDS,
    PROTOCOL_SHORT,
    VERDICTS,
    criteria,
    tally,
)
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import action_plan, test_protocols
from kitcop_desktop.tools.chantier.steps_panel import read_day
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.long_text import LongText

AREA = "protocol"
ResultRole = Qt.ItemDataRole.UserRole + 30
NO_PROTOCOL = tr_later(
    "Pas encore de protocole pour cette fiche. Écrivez-le avant le test\u00a0: à quel problème "
    "répond-elle, son objectif, sa valeur ajoutée, les acteurs nécessaires, les critères "
    "d'impact et «\u00a0vous aurez réussi si…\u00a0»."
)


class ProtocolView(QWidget):
    export_requested = Signal()  # the logs of all the chantier's protocols, as CSV

    def __init__(self, ctx, chantier_id: int) -> None:
        super().__init__()
        self.setObjectName("protocol")
        self.ctx = ctx
        self.chantier_id = chantier_id
        self.card_id: int | None = None
        self.protocol_id: int | None = None

        self.card_choice = QComboBox()
        self.card_choice.setToolTip(tr("La fiche action dont on écrit le protocole de test"))
        self.card_choice.activated.connect(
            lambda _i: self.show_card(self.card_choice.currentData())
        )
        self.create_button = QPushButton(
            icon("protocol", "white"), tr("Écrire le protocole de test")
        )
        self.create_button.setObjectName("Primary")
        self.create_button.clicked.connect(self.write_protocol)
        self.none_label = QLabel(tr(NO_PROTOCOL))
        self.none_label.setWordWrap(True)
        self.none_label.setObjectName("PageSubtitle")

        self.fields: dict[str, LongText] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for key, question in PROTOCOL_FIELDS.items():
            field = LongText(lambda k=key: self._save(k), question, 64)
            self.fields[key] = field
            title = QLabel(question)
            theme.style(title, theme.BOLD)
            form.addRow(title, field)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(form_widget)

        self.log_title = QLabel(tr("Journal des résultats du test"))
        theme.style(self.log_title, theme.BOLD)
        self.tally_label = QLabel()
        self.tally_label.setWordWrap(True)
        self.log_model = QStandardItemModel(0, 4)
        self.log_model.setHorizontalHeaderLabels(
            [tr("Date"), tr("Critère"), tr("Constat"), tr("Résultat")]
        )
        self.log = QTableView()
        self.log.setModel(self.log_model)
        self.log.verticalHeader().hide()
        self.log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log.setWordWrap(True)
        header = self.log.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the criterion and
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # what was seen share
        metrics = self.log.fontMetrics()  # the date and the verdict whole, never « 06/… »
        header.resizeSection(0, metrics.horizontalAdvance("00/00/0000") + 20)
        header.resizeSection(3, metrics.horizontalAdvance("Partiellement") + 24)
        QShortcut(QKeySequence.StandardKey.Delete, self.log, self.delete_current_result)
        self.new_day = QLineEdit()
        self.new_day.setPlaceholderText(tr("Date\u00a0: 15/09/2026"))
        self.new_criterion = QComboBox()
        self.new_criterion.setEditable(True)
        self.new_criterion.setToolTip(tr("Le critère d'impact observé (ou un autre, tapé)"))
        self.new_observed = QLineEdit()
        self.new_observed.setPlaceholderText(tr("Constat (Entrée pour consigner)"))
        self.new_verdict = QComboBox()
        for code, verdict in VERDICTS.items():
            self.new_verdict.addItem(verdict, code)
        self.add_button = QPushButton(icon("new"), tr("Consigner"))
        self.add_button.clicked.connect(self.add_typed)
        self.new_observed.returnPressed.connect(self.add_typed)
        entry = QFormLayout()
        entry.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        line = QHBoxLayout()
        line.addWidget(self.new_day)
        line.addWidget(self.new_verdict)
        line.addWidget(self.add_button)
        entry.addRow(tr("Critère"), self.new_criterion)
        entry.addRow(tr("Constat"), self.new_observed)
        entry.addRow("", line)
        log_box = QWidget()
        log_column = QVBoxLayout(log_box)
        log_column.setContentsMargins(8, 0, 0, 0)
        self.export_button = QPushButton(icon("csv"), tr("Exporter les résultats (CSV)…"))
        self.export_button.setToolTip(
            tr("Les résultats consignés de tous les protocoles du chantier, pour un tableur")
        )
        self.export_button.clicked.connect(self.export_requested.emit)
        title_line = QHBoxLayout()
        title_line.addWidget(self.log_title, 1)
        title_line.addWidget(self.export_button)
        log_column.addLayout(title_line)
        log_column.addWidget(self.tally_label)
        log_column.addWidget(self.log, 1)
        log_column.addLayout(entry)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.form_scroll)
        self.split.addWidget(log_box)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([450, 550])
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Fiche action\u00a0:")))
        top.addWidget(self.card_choice, 1)
        top.addWidget(self.create_button)
        self.column = QVBoxLayout(self)
        layout = self.column
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.none_label)
        layout.addWidget(self.split, 1)
        layout.addStretch(1)

    # --- what is shown -----------------------------------------------------------------------
    def reload(self) -> None:
        with self.ctx.store.read() as s:
            rows = action_plan.rows(s, self.chantier_id)
        self.card_choice.clear()
        for row in rows:
            mark = " ✓" if row.protocol_id else ""
            self.card_choice.addItem(f"{row.number}. {row.heading[:90]}{mark}", row.card_id)
        ids = [r.card_id for r in rows]
        self.show_card(self.card_id if self.card_id in ids else (ids[0] if ids else None))

    def show_card(self, card_id: int | None) -> None:
        for field in self.fields.values():
            field.flush()  # what was typed for the card shown before is stored first
        self.card_id = card_id
        at = self.card_choice.findData(card_id)
        if at >= 0:
            self.card_choice.setCurrentIndex(at)
        protocol = None
        log: list = []
        if card_id is not None:
            with self.ctx.store.read() as s:
                found = test_protocols.for_card(s, card_id)
                if found is not None:
                    protocol = {k: getattr(found, k) for k in PROTOCOL_FIELDS} | {"id": found.id}
                    log = [
                        (r.id, r.day, r.criterion, r.observed, r.verdict)
                        for r in test_protocols.results(s, found.id)
                    ]
        self.protocol_id = protocol["id"] if protocol else None
        self.create_button.setVisible(card_id is not None and protocol is None)
        self.none_label.setVisible(protocol is None)
        self.none_label.setText(
            tr(NO_PROTOCOL) if card_id is not None else tr("Aucune fiche action dans ce chantier.")
        )
        self.split.setVisible(protocol is not None)
        self.column.setStretch(3, 0 if protocol is not None else 1)
        if protocol is None:
            return
        for key, field in self.fields.items():
            field.set_value(protocol[key])
        self.new_criterion.clear()
        for item in criteria(protocol["impact_criteria"]):
            self.new_criterion.addItem(item)
        if protocol["success_if"].strip():
            self.new_criterion.addItem(tr("Vous aurez réussi si…"))
        self.log_model.removeRows(0, self.log_model.rowCount())
        for result_id, day, criterion, observed, verdict in log:
            cells = [
                QStandardItem(day.strftime("%d/%m/%Y") if day else "—"),
                QStandardItem(criterion),
                QStandardItem(observed),
                QStandardItem(VERDICTS.get(verdict, verdict)),
            ]
            for cell in cells:
                cell.setData(result_id, ResultRole)
            self.log_model.appendRow(cells)
        self.log.resizeRowsToContents()
        self.tally_label.setText(tally([v for *_rest, v in log]))

    # --- commands ----------------------------------------------------------------------------
    def write_protocol(self) -> bool:
        card_id = self.card_id
        if card_id is None:
            return False
        done = self.ctx.push(
            tr("Écrire le protocole de test"),
            area=AREA,
            do=lambda s: test_protocols.create(s, card_id).id,
            undo=lambda s, protocol_id: test_protocols.delete(s, protocol_id),
        )
        if done is not None:
            self.fields["objective"].setFocus()
        return done is not None

    def _save(self, key: str) -> None:
        if self.protocol_id is None:
            return
        text = self.fields[key].toPlainText()
        self.ctx.push_update(
            tr("Protocole\u00a0: {key}").format(key=PROTOCOL_SHORT[key].lower()),
            AREA,
            test_protocols.update,
            self.protocol_id,
            **{key: text},
        )

    def add_result(self, criterion: str, observed: str, verdict: str = "", day_text: str = ""):
        protocol_id = self.protocol_id
        if protocol_id is None:
            return None
        try:
            day = read_day(day_text)
        except InvalidInput as exc:
            self.ctx.show_message(str(exc).replace("modifié", "consigné"))
            return None
        return self.ctx.push(
            tr("Consigner un résultat"),
            area=AREA,
            do=lambda s: (
                test_protocols.add_result(
                    s, protocol_id, criterion=criterion, observed=observed, verdict=verdict, day=day
                ).id
            ),
            undo=lambda s, result_id: test_protocols.delete_result(s, result_id),
        )

    def add_typed(self) -> None:
        done = self.add_result(
            self.new_criterion.currentText(),
            self.new_observed.text(),
            self.new_verdict.currentData(),
            self.new_day.text(),
        )
        if done is not None:
            self.new_observed.clear()
            self.new_observed.setFocus()

    def delete_current_result(self) -> None:
        index = self.log.currentIndex()
        if not index.isValid():
            return
        result_id = index.data(ResultRole)
        self.ctx.push(
            tr("Retirer un résultat"),
            area=AREA,
            do=lambda s: test_protocols.delete_result(s, result_id),
            undo=lambda s, data: test_protocols.recreate_result(s, data),
            redo=lambda s, _data: test_protocols.delete_result(s, result_id),
        )
