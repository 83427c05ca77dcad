"""What `briefcase dev --test` (and `briefcase run --test` in a built app) runs.

Briefcase starts the module `tests.<app module>`: this one. It runs the Qt-free part of the
suite (domain, storage, printing) with the app exactly as Briefcase assembled it, then prints
the exit line Briefcase watches for. The whole suite is `bash test.sh`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

QT_FREE_PARTS = ("domain", "storage", "printing")


def run_tests() -> int:
    here = Path(__file__).parent
    os.chdir(here.parent)
    args = [
        "-q",
        "-n",
        "auto",
        "-p",
        "no:cacheprovider",
        "--basetemp",
        tempfile.mkdtemp(prefix="kitcop-briefcase-"),
        *(str(here / part) for part in QT_FREE_PARTS),
        *sys.argv[1:],
    ]
    code = int(pytest.main(args))
    print(f">>>>>>>>>> EXIT {code} <<<<<<<<<<", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(run_tests())
