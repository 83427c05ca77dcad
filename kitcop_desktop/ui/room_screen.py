"""The room screen: a borderless, dark window for the projector. It never edits anything.

It shows the active tool's room view (or the workshop's title card), an optional footer strip
(the agenda's countdown while another tool is shown), and can be blanked (B or .). A cover may
stand in for one tool's view (the running séquence's consignes while that tool is still empty).
Keys pressed while it has focus go to the control window's key router, so a presentation
clicker works whichever window is in front.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import narrow_text, theme
from kitcop_desktop.ui.one_screen import room_geometry


class TitleCard(QWidget):
    """The workshop's title and problématique: what the room sees until a tool takes over."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kicker = QLabel(tr("Atelier d'intelligence collective"))
        self._title = QLabel()
        self._problem = QLabel()
        for label in (self._kicker, self._title, self._problem):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        theme.style(self._kicker, theme.coloured(ROOM["accent"]))
        theme.style(self._title, theme.coloured(ROOM["text"]))
        theme.style(self._problem, theme.coloured(ROOM["muted"]))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addStretch(1)
        layout.addWidget(self._kicker)
        layout.addWidget(self._title)
        layout.addSpacing(20)
        layout.addWidget(self._problem)
        layout.addStretch(2)

    def set_workshop(self, title: str, problem_statement: str, subtitle: str = "") -> None:
        self._kicker.setText(subtitle or tr("Atelier d'intelligence collective"))
        self._title.setText(title)
        self._problem.setText(problem_statement)
        self._problem.setVisible(bool(problem_statement))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        h = max(1, self.height())
        self._kicker.setFont(theme.room_font(h, 1 / 22))
        self._title.setFont(theme.room_font(h, 1 / 11, bold=True))
        self._problem.setFont(theme.room_font(h, 1 / 18))
        margin = max(24, self.width() // 16)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        super().resizeEvent(event)


class RoomScreen(QWidget):
    key_pressed = Signal(QKeyEvent)
    visibility_changed = Signal(bool)
    # What the room shows changed (another tool's view, a cover): the footer re-checks itself.
    stage_changed = Signal()
    mode_changed = Signal(str)  # « hidden », « window », « fullscreen »

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(tr("KitCOP Atelier — écran de salle"))
        self.setObjectName("RoomScreen")
        self.setProperty(narrow_text.OWN_SIZES, True)  # its fonts fit the projector already
        # Its own sheet wins over the control window's: light text on the dark room background.
        theme.style(self, theme.ROOM_SCREEN)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Shown, it never takes the keyboard from the control window (Ctrl+N, typing a post-it).
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setMinimumSize(320, 240)

        self.title_card = TitleCard()
        self._stage = QStackedWidget()
        self._stage.addWidget(self.title_card)
        self._blank = QWidget()
        theme.style(self._blank, theme.ROOM_BLANK_LOOK)
        self._outer = QStackedWidget()
        content = QWidget()
        self._content_layout = QVBoxLayout(content)
        self._content_layout.setContentsMargins(0, 0, 0, 0)
        self._content_layout.setSpacing(0)
        self._content_layout.addWidget(self._stage, 1)
        self._footer: QWidget | None = None
        self._wanted: QWidget = self.title_card  # the active tool's view
        self._cover: tuple[QWidget, QWidget] | None = None  # (cover, the view it stands for)
        self._outer.addWidget(content)
        self._outer.addWidget(self._blank)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._outer)

    # --- what it shows --------------------------------------------------------------------
    def set_stage(self, widget: QWidget | None) -> None:
        """Show a tool's room view; None shows the workshop's title card."""
        widget = widget or self.title_card
        if self._stage.indexOf(widget) < 0:
            self._stage.addWidget(widget)
        self._wanted = widget
        self._show_stage()

    def clear_stage(self) -> None:
        """A workshop closed: its tools' views (and covers) leave the room and are deleted.
        Kept, each went on reading the store at every change of that workshop, hidden (issue
        15: three re-openings made every post-it typed read the board three times more)."""
        self._cover = None
        self._wanted = self.title_card
        self._stage.setCurrentWidget(self.title_card)
        for index in reversed(range(self._stage.count())):
            widget = self._stage.widget(index)
            if widget is not None and widget is not self.title_card:
                self._stage.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self._show_stage()

    def current_stage(self) -> QWidget:
        """The active tool's view (even while a cover stands in for it)."""
        return self._wanted

    def shown_stage(self) -> QWidget:
        """What the room actually sees: the active view or the cover over it."""
        shown = self._stage.currentWidget()
        return shown if shown is not None else self.title_card  # the stage always holds it

    def set_cover(self, widget: QWidget | None, over: QWidget | None = None) -> None:
        """Show `widget` instead of the view `over` whenever `over` is the active view, and
        hide the footer meanwhile (the cover has its own countdown); None removes the cover."""
        if widget is None or over is None:
            self._cover = None
        else:
            if self._stage.indexOf(widget) < 0:
                self._stage.addWidget(widget)
            self._cover = (widget, over)
        self._show_stage()

    def covered(self) -> bool:
        return self._cover is not None and self._stage.currentWidget() is self._cover[0]

    def _show_stage(self) -> None:
        shown = self._wanted
        if self._cover is not None and self._cover[1] is self._wanted:
            shown = self._cover[0]
        self._stage.setCurrentWidget(shown)
        if self._footer is not None:
            self._footer.setVisible(not self.covered())
        self.stage_changed.emit()

    def set_footer(self, widget: QWidget | None) -> None:
        """A strip under any view (e.g. the running agenda's countdown); None removes it."""
        if self._footer is widget:
            return
        if self._footer is not None:
            self._content_layout.removeWidget(self._footer)
            self._footer.hide()
            self._footer.setParent(None)
        self._footer = widget
        if widget is not None:
            self._content_layout.addWidget(widget, 0)
            widget.setVisible(not self.covered())

    def footer(self) -> QWidget | None:
        return self._footer

    # --- blank ---------------------------------------------------------------------------
    @property
    def blanked(self) -> bool:
        return self._outer.currentWidget() is self._blank

    def set_blanked(self, blanked: bool) -> None:
        self._outer.setCurrentIndex(self._outer.indexOf(self._blank) if blanked else 0)

    def toggle_blank(self) -> bool:
        self.set_blanked(not self.blanked)
        return self.blanked

    # --- showing on the projector ------------------------------------------------------------
    def projector_screen(self, control_screen):
        """The screen the room sees: another one than the control window's, or None."""
        others = [s for s in QGuiApplication.screens() if s is not control_screen]
        return others[0] if control_screen is not None and others else None

    def show_on_projector(self, control_screen=None) -> None:
        """Fullscreen on another screen when there is one, else a movable window that
        `one_screen.room_geometry` places beside the control window (never over it)."""
        target = self.projector_screen(control_screen)
        if target is not None:
            self._set_framed(False)
            self.setGeometry(target.geometry())
            # Not showFullScreen(): it activates the window once mapped, after the control
            # window took the keyboard back, and Ctrl+N or a post-it then typed nowhere.
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
            self.show()
        else:
            self._set_framed(True)
            if control_screen is not None:
                self.setGeometry(room_geometry(control_screen.availableGeometry()))
            elif not self.isVisible():
                self.resize(1024, 768)
            self.showNormal()
        self.raise_()
        self.visibility_changed.emit(True)
        self.mode_changed.emit(self.mode())

    def leave_fullscreen(self, control_screen=None) -> None:
        """Échap in fullscreen: a window again (beside the control window on one screen)."""
        if self.projector_screen(control_screen) is None:
            self.show_on_projector(control_screen)
        else:
            self.showNormal()
            self.mode_changed.emit(self.mode())

    def mode(self) -> str:
        """« hidden », « window » or « fullscreen » (what a restart shows again)."""
        if not self.isVisible():
            return "hidden"
        return "fullscreen" if self.isFullScreen() else "window"

    def _set_framed(self, framed: bool) -> None:
        """A window on the control screen has a title bar (to move it) and the pointer; on
        the projector it is borderless and the pointer is hidden."""
        flags = Qt.WindowType.Window
        if not framed:
            flags |= Qt.WindowType.FramelessWindowHint
        if self.windowFlags() != flags:
            self.setWindowFlags(flags)
        if framed:
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.BlankCursor)

    def hide_screen(self) -> None:
        self.hide()
        self.visibility_changed.emit(False)
        self.mode_changed.emit("hidden")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        # With the control window's live-key layer, Échap never gets here; alone, it still
        # leaves fullscreen, then closes the window.
        if event.key() == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
                self.mode_changed.emit(self.mode())
            else:
                self.hide_screen()
            event.accept()
            return
        self.key_pressed.emit(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        # Double-click toggles fullscreen: the way to put it on the projector without a menu.
        self.showNormal() if self.isFullScreen() else self.showFullScreen()
        self.mode_changed.emit(self.mode())
