"""PySide6 reads the whole source of every module imported after it, and keeps it.

Once PySide6 is imported, every later import calls `shibokensupport.feature.feature_imported`,
which asks `_mod_uses_pyside(module)`: « "PySide6" in inspect.getsource(module) », so that its
opt-in `from __feature__ import snake_case` can tell modules apart. `inspect.getsource` goes
through `linecache`, which keeps every line of every such module for the life of the process:
for SQLAlchemy, the models, the tools, reportlab… about 8 million characters, ≈ 19 MB of
memory and a sixth of the import time (bench/RESULTS-memory.md, RESULTS-startup.md).

`lighten()` gives shiboken the same answer read straight from the module's loader, and keeps
nothing. The app calls it as soon as Qt is imported (app.make_application). We never use
`__feature__`; the answer stays the same anyway, so a module that does would still get it.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source names PySide6: shiboken's own test, without linecache."""
    loader = getattr(module, "__loader__", None)
    get_source = getattr(loader, "get_source", None)
    if get_source is None:
        return False  # a built-in, an extension or a namespace package: no source to read
    try:
        source = get_source(module.__name__)
    except Exception:  # shiboken's test says False when the source cannot be read
        return False
    return source is not None and "PySide6" in source


def lighten() -> bool:
    """Swap shiboken's source test for `uses_pyside` (True when done). Safe to call again;
    a PySide6 without that hook is left as it is."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    hooks = vars(feature)
    if hooks["_mod_uses_pyside"] is not uses_pyside:
        hooks["_mod_uses_pyside"] = uses_pyside
        log.debug("PySide6's import hook reads sources without linecache")
    return True
