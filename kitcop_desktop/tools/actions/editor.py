"""The fiches actions tool: the workshop's action cards listed on the left, one edited on the right.

The form follows the kit's card: défi and cible, the action, pilotes, contributeurs, mise en
œuvre, impact and faisabilité (1–3 stars), description, indicateurs de suivi, conditions de
succès, besoins pour accélérer. Each field is stored as typed (ui/autosave.py) and when left:
one undoable change per field and burst of typing.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.participants import name_key
from kitcop_desktop.i18n import TrMap, tr, tr_later, tr_n
from kitcop_desktop.tools.actions.card_data import (
    LABELS,
    ORIGINS,
    CardCommands,
    CardData,
    load_cards,
    selection,
)
from kitcop_desktop.tools.actions.form_page import FormPage, GrowingText, section_label
from kitcop_desktop.tools.actions.stars import StarRating, stars_text
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.long_text import LongText
from kitcop_desktop.ui.widgets.room_text import room_pager
from kitcop_desktop.ui.widgets.row_list import Row, RowList

LINE_FIELDS = ("challenge", "target")
TEXT_FIELDS = {
    "action": 64,
    "leads": 50,
    "contributors": 50,
    "implementation": 50,
    "description": 110,
    "indicators": 70,
    "test_plan": 70,
    "success_conditions": 70,
    "acceleration_needs": 70,
}
PLACEHOLDERS = TrMap(
    {
        "theme": tr_later("L'en-tête de la fiche, ex. : BIODIVERSITÉ"),
        "challenge": tr_later("Titre du défi"),
        "target": tr_later("À qui s'adresse l'action"),
        "action": tr_later("L'action, en une phrase"),
        "leads": tr_later("Qui porte l'action (structures, personnes)"),
        "contributors": tr_later("Qui y contribue"),
        "implementation": tr_later("Étapes et calendrier"),
        "description": tr_later("Ce que l'on fait, comment, avec qui"),
        "indicators": tr_later("Comment on suit les progrès (un indicateur par ligne)"),
        "test_plan": tr_later(
            "Où, avec qui et combien de temps tester l'action avant de la déployer"
        ),
        "success_conditions": tr_later("Ce qu'il faut pour réussir"),
        "acceleration_needs": tr_later("Ce qui permettrait d'aller plus vite"),
    }
)


class ActionsEditor(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.commands = CardCommands(ctx)
        self.selection = selection(ctx)
        self.cards: list[CardData] = []
        self._loading = False

        title = QLabel(tr("Fiches actions"))
        title.setObjectName("PageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("PageSubtitle")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("Rechercher…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._fill_list)
        new_button = QPushButton(icon("new"), tr("Nouvelle fiche"))
        new_button.clicked.connect(self.new_item)
        self.delete_button = QPushButton(icon("delete"), tr("Supprimer"))
        self.delete_button.setObjectName("Danger")
        self.delete_button.setToolTip(tr("Supprimer cette fiche (Ctrl+Z pour revenir)"))
        self.delete_button.clicked.connect(self.delete_current)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.filter_edit)
        top.addWidget(new_button)
        top.addWidget(self.delete_button)

        self.list = RowList()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.current_moved.connect(self._list_moved)
        self.list.setMinimumWidth(180)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(RowList.ResizeMode.Adjust)
        theme.style(self.list, theme.ROOMY_LIST)

        self.origin_label = QLabel()
        self.origin_label.setObjectName("PageSubtitle")
        self.origin_label.setWordWrap(True)
        self.fields: dict[str, QLineEdit | LongText | StarRating] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        scroll = self.form_scroll = FormPage(form, lambda: self._loading)
        theme_field = QLineEdit()
        theme_field.setMaxLength(100)
        theme_field.setPlaceholderText(PLACEHOLDERS["theme"])
        Autosave(theme_field, lambda: self._save("theme"))
        self.fields["theme"] = theme_field
        form.addRow(LABELS["theme"], theme_field)
        form.addRow(section_label(tr("Défi")))
        for key in LINE_FIELDS:
            edit = QLineEdit()
            edit.setMaxLength(300)
            edit.setPlaceholderText(PLACEHOLDERS[key])
            Autosave(edit, partial(self._save, key))
            self.fields[key] = edit
            form.addRow(LABELS[key], edit)
        form.addRow(section_label(tr("Action")))
        self._add_text(form, "action")
        # The action is the card's heading, as on the kit's card: larger, on a blue band.
        theme.style(self.fields["action"], theme.ACTION_FIELD)
        for key in ("leads", "contributors"):
            self._add_text(form, key)
        form.addRow(section_label(tr("Mise en œuvre")))
        self._add_text(form, "implementation")
        for key in ("impact", "feasibility"):
            stars = StarRating(LABELS[key])
            stars.rated.connect(lambda value, k=key: self._save(k, value))
            self.fields[key] = stars
            form.addRow(LABELS[key], stars)
        self._add_text(form, "description")
        form.addRow(section_label(tr("Suivi")))
        for key in ("indicators", "test_plan", "success_conditions", "acceleration_needs"):
            self._add_text(form, key)
        sheet = QFrame()
        sheet.setObjectName("Card")
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.addWidget(self.origin_label)
        sheet_layout.addLayout(form)
        sheet_layout.addStretch(1)
        scroll.setWidget(sheet)
        self.empty = QLabel(
            tr(
                "Aucune fiche action pour l'instant.\n\nCréez-en une (Ctrl+N), ou faites-les naître "
                "des actions retenues d'un vote (« Créer les fiches actions »)."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("PageSubtitle")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 700])
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(splitter)
        self.editing = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _add_text(self, form: QFormLayout, key: str) -> None:
        edit = GrowingText(lambda k=key: self._save(k), PLACEHOLDERS[key], TEXT_FIELDS[key])
        self.fields[key] = edit
        # The page follows the caret as the field grows under it (via the scrollbar, so the
        # thumb always says where the content is).
        edit.cursorPositionChanged.connect(lambda e=edit: self.form_scroll.follow(e))
        edit.grown.connect(lambda e=edit: self.form_scroll.follow(e))
        label = QLabel(LABELS[key])
        label.setWordWrap(True)
        form.addRow(label, edit)

    # --- data ---------------------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area == "actions":
            self.reload()

    def reload(self) -> None:
        self.cards = load_cards(self.ctx.store, self.ctx.workshop_id)
        ids = [c.id for c in self.cards]
        if self.selection.card_id not in ids:
            self.selection.set(ids[0] if ids else 0)
        n = len(self.cards)
        self.count_label.setText("" if not n else tr_n("{n} fiche", "{n} fiches", n).format(n=n))
        self.body.setCurrentWidget(self.editing if self.cards else self.empty)
        self.delete_button.setEnabled(bool(self.cards))
        self._fill_list()
        self._show_card()

    def current(self) -> CardData | None:
        return next((c for c in self.cards if c.id == self.selection.card_id), None)

    def _fill_list(self) -> None:
        needle = name_key(self.filter_edit.text())
        self._loading = True
        rows = []
        for card in self.cards:
            haystack = name_key(" ".join(str(v) for v in card.values.values()))
            if needle and needle not in haystack:
                continue
            stars = tr("impact {impact} · faisabilité {feasibility}").format(
                impact=stars_text(card["impact"]), feasibility=stars_text(card["feasibility"])
            )
            sub = card["challenge"] or ORIGINS.get(card.origin, "")
            text = f"{card.heading[:120]}\n{sub[:80]}\n{stars}".replace("\n\n", "\n")
            rows.append(Row(text, key=card.id))
        self.list.set_rows(rows)  # the row being edited is updated in place, still chosen
        self.list.select_key(self.selection.card_id)
        self._loading = False

    def _list_moved(self, card_id: int | None) -> None:
        if self._loading or card_id is None:
            return
        self.selection.set(card_id)
        self._show_card()

    def _show_card(self) -> None:
        card = self.current()
        for widget in self.fields.values():
            widget.setEnabled(card is not None)
        if card is None:
            return
        self._loading = True
        origin = ORIGINS.get(card.origin, "")
        self.origin_label.setText(f"Fiche {origin}" if origin else "")
        self.origin_label.setVisible(bool(origin))
        for key, widget in self.fields.items():
            value = card[key]
            if isinstance(widget, (StarRating, LongText)):
                widget.set_value(value)
            elif not widget.hasFocus():
                widget.setText(value)
                widget.setCursorPosition(0)
        self._loading = False

    def _save(self, key: str, value=None) -> None:
        card = self.current()
        if self._loading or card is None:
            return
        widget = self.fields[key]
        if isinstance(widget, LongText):
            value = widget.toPlainText() if value is None else value
        elif isinstance(widget, QLineEdit):
            value = widget.text() if value is None else value
        if value == card[key]:
            return
        if not self.commands.update(card.id, key, value):
            self._show_card()  # refused: show what is stored

    # --- shell hooks --------------------------------------------------------------------------
    def new_item(self) -> int | None:
        card_id = self.commands.create(action="Nouvelle action")
        if card_id:
            self.selection.set(card_id)
            self.reload()
            action = self.fields["action"]
            action.setFocus()
            if isinstance(action, QLineEdit | LongText):
                action.selectAll()
        return card_id

    def delete_current(self) -> None:
        card = self.current()
        if card is not None:
            self.commands.delete(card.id, card.heading)

    def focus_item(self, ref_id: int) -> None:
        self.selection.set(ref_id)
        self.reload()

    def field_spot(self, widget) -> tuple[int, str] | None:
        """The card and the field `widget` is (ui/resume.py)."""
        name = next((k for k, w in self.fields.items() if w is widget), None)
        card = self.current()
        return None if name is None or card is None else (card.id, name)

    def restore_field(self, item: int, name: str) -> QWidget | None:
        self.focus_item(item)
        card = self.current()
        return self.fields.get(name) if card is not None and card.id == item else None

    def search(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def activated(self) -> None:
        self.reload()

    def handle_room_key(self, event) -> bool:
        """PageDown / PageUp: the room's next page of a fiche too long for one screen."""
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        pager = room_pager(self.ctx, "actions")
        if event.key() == Qt.Key.Key_PageDown:
            return pager.forward()
        if event.key() == Qt.Key.Key_PageUp:
            return pager.back()
        return False

    def print_part(self) -> str:
        return "actions"
