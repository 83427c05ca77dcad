"""Shared fixtures: a real SQLite file under tmp_path, migrated by the real Alembic chain."""

from __future__ import annotations

import os

# Before anything imports Qt: no screen in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import gc  # noqa: E402
import shutil  # noqa: E402

import pytest  # noqa: E402

from kitcop_desktop.i18n import set_language  # noqa: E402
from kitcop_desktop.storage import workshops  # noqa: E402
from kitcop_desktop.storage.migrate import open_store  # noqa: E402


def pytest_collection_finish(session):
    """What the imports and the collection built stays for the whole run: set it aside from the
    cycle collector (as app.py does after start-up), so each full collection during the tests
    walks only what the tests made (≈ 6 % of a worker's CPU time)."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """Never touch the real user data folder or settings from a test."""
    monkeypatch.setenv("KITCOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KITCOP_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # `kitcop --lang en` sets KITCOP_LANG for the app it starts: put it back after each test,
    # or every later `kitcop` subprocess of this worker would speak English.
    monkeypatch.delenv("KITCOP_LANG", raising=False)


@pytest.fixture(autouse=True)
def _french_after_each_test():
    """A test that runs `kitcop --lang en …` in this process leaves the next one in French."""
    yield
    set_language("fr")


@pytest.fixture(autouse=True)
def _application_for_widgets(request):
    """Tests of widgets get a QApplication whatever ran before in their xdist worker: without
    one, Qt aborts the whole worker at the first widget (a test that forgot `qtbot`)."""
    if request.node.path.parent.name in ("ui", "tools") or "tools" in request.node.path.parts:
        request.getfixturevalue("qapp")


@pytest.fixture(autouse=True)
def _no_print_worker_left():
    """A printing screen's worker process (≈ 80 MB) never outlives its test: in the app, leaving
    « Impression » or closing the workshop ends it; a test's editor is often never left."""
    yield
    import sys

    worker = sys.modules.get("kitcop_desktop.tools.printing.print_worker")
    if worker is not None:
        worker.stop_all()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "atelier.sqlite3"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """One file migrated by the real Alembic chain per run; each test gets a copy of it.

    Running the chain costs ~300 ms, copying the result ~7 ms. The chain itself is still run
    for real by tests/storage/test_migrations.py and by every test that opens a new file.
    """
    path = tmp_path_factory.mktemp("template") / "migrated.sqlite3"
    s = open_store(path)
    s.close()
    return path


@pytest.fixture(scope="session")
def demo_template(migrated_template, tmp_path_factory):
    """The demo (`create_demo` on a new file, ≈ 0.5 s) made once per run; `demo` copies it.

    Returns (the file, the demo workshop's id). Nothing writes to it after: each test that asks
    for `demo` gets its own copy, so no test sees another's edits.
    """
    from kitcop_desktop.storage.demo import create_demo

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
    shutil.copyfile(migrated_template, path)
    s = open_store(path)
    try:
        workshop_id = create_demo(s)
    finally:
        s.close()  # folds the WAL into the file: the file alone holds the demo
    return path, workshop_id


@pytest.fixture
def store_template(request, migrated_template):
    """The file `store` copies: a new library at the schema head, or the demo's when the test
    also takes `demo` (what `create_demo(store)` on a new store gives). A module whose tests
    start from the same data it builds overrides this (built once, copied for each test)."""
    if "demo" in request.fixturenames:
        return request.getfixturevalue("demo_template")[0]
    return migrated_template


@pytest.fixture
def store(db_path, store_template):
    """A real SQLite file of the test's own (a copy of `store_template`), opened by open_store."""
    shutil.copyfile(store_template, db_path)
    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def demo(store, demo_template) -> int:
    """The demo workshop's id, in `store` (see `store`): the demo before anything else."""
    return demo_template[1]


@pytest.fixture
def workshop_id(store):
    with store.write() as session:
        return workshops.create(session, "Atelier de test").id


@pytest.fixture
def ctx(qtbot, store, workshop_id):
    """A ToolContext as the shell builds it, with a real undo stack and change hub."""
    from PySide6.QtGui import QUndoStack

    from kitcop_desktop.ui.changes import ChangeHub
    from kitcop_desktop.ui.tool_spec import ToolContext

    messages: list[str] = []
    activated: list[tuple[str, int | None]] = []
    context = ToolContext(
        store=store,
        hub=ChangeHub(),
        undo_stack=QUndoStack(),
        workshop_id=workshop_id,
        activate_tool=lambda key, ref=None: activated.append((key, ref)),
        show_message=messages.append,
    )
    context.extras["messages"] = messages
    context.extras["activated"] = activated
    return context


@pytest.fixture
def app_look(qapp):
    """The app's own font and style sheet (what the facilitator sees), put back afterwards:
    for the tests that measure whether a label fits."""
    from kitcop_desktop.ui import theme

    font, sheet = qapp.font(), qapp.styleSheet()
    theme.apply_control_theme(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
