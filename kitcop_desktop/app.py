"""The only module that wires everything: the store, the tools, the two windows."""

from __future__ import annotations

import gc
import importlib
import logging
import sys
from pathlib import Path

from kitcop_desktop import APP_NAME, __version__
from kitcop_desktop.i18n import tr

log = logging.getLogger(__name__)

TOOL_KEYS = (
    "agenda",
    "boards",
    "voting",
    "fishbowl",
    "interviews",
    "actions",
    "printing",
    "tables",
)


def load_tool_specs() -> list:
    """Every tool's ToolSpec, in sidebar order. A tool that fails to load is logged and left out,
    so one broken tool never keeps the facilitator out of the others."""
    specs = []
    for key in TOOL_KEYS:
        name = f"kitcop_desktop.tools.{key}.spec"
        try:
            specs.append(importlib.import_module(name).SPEC)
        except ModuleNotFoundError as exc:
            if exc.name not in (name, f"kitcop_desktop.tools.{key}"):
                log.exception("tool %s failed to load", key)
        except Exception:
            log.exception("tool %s failed to load", key)
    return sorted(specs, key=lambda s: s.order)


def make_application(argv: list[str] | None = None):
    """The QApplication with French translations, the theme and settings names."""
    import os

    os.environ.setdefault("QT_API", "pyside6")
    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.ui import pyside_imports

    pyside_imports.lighten()  # before the heavy imports: PySide6 kept each one's source lines
    from kitcop_desktop.i18n import requested_language, set_language
    from kitcop_desktop.ui import theme
    from kitcop_desktop.ui.qt_translations import app_language, install_qt_translations

    running = QApplication.instance()  # a test's, or a second call
    app = running if isinstance(running, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(tr("KitCOP Atelier"))
    app.setOrganizationName("KitCOP")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Our words (i18n.tr) and Qt's own dialogs (qtbase_fr plus our supplement) in the
    # facilitator's language: French unless --lang en or KITCOP_LANG=en.
    set_language(requested_language())
    install_qt_translations(app, app_language())
    theme.apply_control_theme(app)
    from PySide6.QtGui import QIcon

    from kitcop_desktop import paths

    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "kitcop.png")))
    return app


def load_chantier_page():
    """The chantier's page maker (tools/chantier), imported when a chantier is first opened:
    a start on a workshop never needs its modules (≈ 0.1 s of imports, #15). A page that fails
    to load says so where the chantier would have opened (logged); the rest keeps working."""

    def make_page(ctx, chantier_id: int):
        from kitcop_desktop.storage.errors import StoreError

        try:
            page = importlib.import_module("kitcop_desktop.tools.chantier.page")
        except Exception as exc:
            log.exception("the chantier page failed to load")
            raise StoreError(
                tr(
                    "La page du chantier n'a pas pu s'ouvrir\u00a0; le détail est dans le journal "
                    "(kitcop.log). Vos données ne sont pas touchées."
                )
            ) from exc
        return page.make_page(ctx, chantier_id)

    return make_page


def build_main_window(store, settings=None):
    from kitcop_desktop.ui.main_window import MainWindow

    return MainWindow(store, load_tool_specs(), settings, chantier_page=load_chantier_page())


def open_main_window(store, settings, startup, workshop_id: int | None = None):
    """The main window in place of the start-up window, where the facilitator was: the last
    workshop, the tool, the run and the room screen (after a crash or a quit mid-run), the
    field that had focus. Then the keys pressed while the app came back (the clicker pressed at
    once after a restart) are applied, once, to what was restored."""
    from kitcop_desktop.ui import field_resume

    window = build_main_window(store, settings)
    target = workshop_id or settings.value("last_workshop", None, type=int)
    if not (target and window.open_workshop(int(target))):
        window.show_welcome()
    window.setGeometry(startup.geometry())
    saved = settings.value("main_geometry")
    if saved is not None:
        window.restoreGeometry(saved)
    window.show()
    window.activateWindow()  # the keyboard goes on with the window that replaces the first one
    window.live.resume_where_you_were()  # after a crash or a quit mid-run: the same place
    field_resume.restore(window)  # the field that had focus, the caret where it was
    window._field_tracker = field_resume.FieldTracker(window)  # after: restoring is no typing
    # Last: a key pressed meanwhile acts on the run and the room as they came back; the
    # start-up window closes once the main window has the keyboard.
    startup.hand_keys_to(window)
    return window


def _error_box(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message)
    box.exec()


def run_gui(
    db_path: Path,
    workshop_id: int | None = None,
    *,
    probe_state: Path | None = None,
    probe_keys: str = "",
) -> int:
    """Open the app on `db_path`; returns the process exit code. The probe options are a
    debug window for tests that drive a real process (ui/probe.py)."""
    # The start makes ~140,000 objects (Qt's bindings, SQLAlchemy, the models, the shell) that
    # live as long as the app: no garbage collection while they are made (a tenth of the start's
    # CPU), then they are set aside for good (gc.freeze), so every later full collection —
    # a pause of ~90 ms that could land on any key press — skips them (#15).
    gc.disable()
    app = make_application()
    from kitcop_desktop.ui.startup_window import StartupWindow

    startup = StartupWindow()
    startup.show()
    startup.activateWindow()  # the keyboard: keys pressed while the library opens are kept
    app.processEvents()

    # The heavy imports (SQLAlchemy, the tools) come after the first window is on screen.
    from PySide6.QtCore import QSettings

    from kitcop_desktop.storage.errors import StoreError
    from kitcop_desktop.storage.lock import InstanceLock
    from kitcop_desktop.storage.restore import open_for_app
    from kitcop_desktop.ui import recovery

    recovery.install_excepthook()
    on_screen = "offscreen" not in (app.platformName() or "")
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
        # A damaged library offers its last good backup (never silently, never offscreen).
        store = open_for_app(db_path, recovery.ask_restore if on_screen else lambda *_: False)
    except StoreError as exc:
        print(tr("Erreur\u00a0: {message}").format(message=exc), file=sys.stderr)
        startup.close()
        if on_screen:
            _error_box(str(exc))
        lock.release()
        gc.enable()
        return 1
    settings = QSettings()
    try:
        window = open_main_window(store, settings, startup, workshop_id)
        gc.freeze()
        gc.enable()
        if probe_state is not None or probe_keys:
            from kitcop_desktop.ui.probe import Probe

            window._probe = Probe(window, probe_state, probe_keys)
        return app.exec()
    finally:
        gc.enable()  # a start that failed half-way collects again
        store.close()
        lock.release()
