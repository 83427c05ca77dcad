"""The shell's application-wide event filters, behind one filter that reads an event's type once.

Qt hands every event of every object to each filter installed on the application; in PySide
each of those calls wraps the object and the event for Python. Four such filters (undo keys in a
search field, long tooltips, the live keys, dialogs kept off the room screen) each looked at
every paint, layout and timer event only to let it pass: about a fifth of the CPU of opening a
board of 500 post-its (#15). Here one filter asks the event's type and calls only the filters
that want that type, in Qt's order: the last installed first, the first to return True stops it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject


class AppEvents(QObject):
    """Installed once on the application; `install` / `remove` stand for Qt's own calls."""

    def __init__(self, app: QCoreApplication | None) -> None:
        super().__init__(app)
        self._by_type: dict[QEvent.Type, list[QObject]] = {}
        self._watched: set[int] = set()  # whose `destroyed` is connected
        if app is not None:  # no application yet: nothing to watch
            app.installEventFilter(self)

    def add(self, watcher: QObject, types: tuple[QEvent.Type, ...]) -> None:
        self.remove(watcher)  # Qt's installEventFilter moves it first; so does this
        for kind in types:
            self._by_type.setdefault(kind, []).insert(0, watcher)
        if id(watcher) not in self._watched:
            self._watched.add(id(watcher))
            watcher.destroyed.connect(self._forget)

    def remove(self, watcher: QObject) -> None:
        for kind, watchers in list(self._by_type.items()):
            kept = [w for w in watchers if w is not watcher]
            if kept:
                self._by_type[kind] = kept
            else:
                del self._by_type[kind]

    def _forget(self, _gone=None) -> None:
        """A watcher deleted by Qt leaves, as it would leave Qt's own list."""
        for kind, watchers in list(self._by_type.items()):
            kept = [w for w in watchers if shiboken6.isValid(w)]
            if kept:
                self._by_type[kind] = kept
            else:
                del self._by_type[kind]

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        watchers = self._by_type.get(event.type())
        if watchers:
            for watcher in tuple(watchers):
                if shiboken6.isValid(watcher) and watcher.eventFilter(watched, event):
                    return True
        return False


_HUB: list[AppEvents] = []


def _hub() -> AppEvents:
    app = QCoreApplication.instance()
    if _HUB and shiboken6.isValid(_HUB[0]) and _HUB[0].parent() is app:
        return _HUB[0]
    _HUB[:] = [AppEvents(app)]
    return _HUB[0]


def install(watcher: QObject, *types: QEvent.Type) -> None:
    """`watcher.eventFilter(obj, event)` sees the application's events of these types."""
    _hub().add(watcher, types)


def remove(watcher: QObject) -> None:
    if _HUB and shiboken6.isValid(_HUB[0]):
        _HUB[0].remove(watcher)
