"""PySide6's import hook reads each later module's source; through linecache it kept every
line of every module for the life of the app (≈ 19 MB, issue 15). After `lighten()` the hook
gets the same answer and nothing is kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json, linecache, sys
import PySide6.QtWidgets
import shibokensupport.feature as feature
original = feature._mod_uses_pyside
from kitcop_desktop.ui import pyside_imports
assert pyside_imports.lighten() and pyside_imports.lighten()  # twice is harmless
import sqlalchemy.orm  # a big library imported after Qt, as the app does
from kitcop_desktop.storage.models import board
from kitcop_desktop.ui import icons
kept = sorted(
    f for f in linecache.cache
    if f.endswith(".py") and ("sqlalchemy" in f or "storage" in f or "icons" in f)
)
names = ["sqlalchemy.orm.session", "kitcop_desktop.ui.icons", "kitcop_desktop.storage.models.board",
         "json", "PySide6.QtWidgets", "sys", "kitcop_desktop.ui"]
print(json.dumps({
    "kept": kept,
    "recorded": {n: feature.pyside_feature_dict.get(n) for n in ("sqlalchemy", "kitcop_desktop.ui")},
    "ours": {n: pyside_imports.uses_pyside(sys.modules[n]) for n in names},
    "shiboken": {n: original(sys.modules[n]) for n in names},
}))
"""


def test_the_import_hook_keeps_no_source_and_says_what_shiboken_says():
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=120,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["kept"] == []  # shiboken's own test would have kept sqlalchemy's lines
    assert result["recorded"]["sqlalchemy"] == -1  # the hook still ran, with our answer
    assert result["ours"] == result["shiboken"]
    assert result["ours"]["kitcop_desktop.ui.icons"] is True
    assert result["ours"]["sqlalchemy.orm.session"] is False
