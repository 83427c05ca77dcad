"""A scroll area that gives its widget all the room there is, and scrolls only below the minimum.

QScrollArea(widgetResizable) sizes a widget holding word-wrapped labels by its preferred height,
so a panel that fits scrolls anyway; without a scroll area, a window shorter than the panel's
minimum piles its widgets onto one another (fishbowl chairs over chairs at 1200×752). Here the
widget gets the viewport's size, never less than its minimum size: it fills the window when it
fits and scrolls, uncut and unsqueezed, when it does not.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FitScrollArea(QScrollArea):
    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(widget)
        # The widget's own layout requests, and its parent's (the viewport) when its minimum
        # changes after its layout already ran: either way, fit again.
        widget.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def fit(self) -> None:
        """Size the widget to the viewport, never below its minimum."""
        widget = self.widget()
        if widget is None:
            return
        minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        layout = widget.layout()

        def least_height(width: int) -> int:
            # Rows that wrap (a FlowLayout, a word-wrapped label) need more height when
            # narrow than their one-line minimum says: never squeeze the others for them.
            if layout is not None and layout.hasHeightForWidth():
                return max(minimum.height(), layout.totalMinimumHeightForWidth(width))
            return minimum.height()

        viewport = self.maximumViewportSize()
        # With a vertical scroll bar coming, the width left is narrower by its width.
        if least_height(max(viewport.width(), minimum.width())) > viewport.height():
            viewport.setWidth(viewport.width() - self.verticalScrollBar().sizeHint().width())
        if minimum.width() > viewport.width():
            viewport.setHeight(viewport.height() - self.horizontalScrollBar().sizeHint().height())
        width = max(viewport.width(), minimum.width())
        widget.resize(width, max(viewport.height(), least_height(width)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        # A widget shown or hidden inside (the setup group) changes the minimum: fit again,
        # once the layout has taken it in (the request is seen here before the layout is).
        widget = self.widget()
        if event.type() == QEvent.Type.LayoutRequest and obj in (widget, self.viewport()):
            layout = widget.layout() if widget is not None else None
            if layout is not None:
                layout.activate()
            self.fit()
        return super().eventFilter(obj, event)
