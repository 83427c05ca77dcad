"""`kitcop …` as the tests type it: in this process, or in a real process.

`kitcop(*args)` runs the command line's own `cli.main(argv)` in the test's process: the same
parser, the same commands, on the same real database file, with what it prints on stdout and
stderr and its exit code, as a `subprocess.CompletedProcess`. It spares each call a Python start
and the imports of the whole stack (about a second on a loaded 2-core machine, a few hundred
times over in the suite). As a process would, each call starts from the test's environment
(`env_extra` added for that call only; a `--lang en` call leaves the next one in French).

`kitcop_process(*args)` starts the installed `kitcop` command (the entry point pip wrote in the
environment's scripts) in a real process: for what only a process shows — the entry point
itself, the instance lock held by another process, the GUI's refusals, a real terminal.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from kitcop_desktop import cli
from kitcop_desktop.i18n import ENV_LANGUAGE


def kitcop(*args, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`kitcop ARGS` through `cli.main` in this process; what it printed and its exit code."""
    argv = [str(a) for a in args]
    extra = dict(env_extra or {})
    saved = {name: os.environ.get(name) for name in (*extra, ENV_LANGUAGE)}
    out, err = io.StringIO(), io.StringIO()
    try:
        os.environ.update(extra)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exit_:  # argparse's usage errors, as `sys.exit` in a process
                if isinstance(exit_.code, str):
                    print(exit_.code, file=sys.stderr)
                    code = 1
                else:
                    code = exit_.code or 0
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return subprocess.CompletedProcess(["kitcop", *argv], code, out.getvalue(), err.getvalue())


def entry_point() -> list[str]:
    """The installed `kitcop` command of this environment (pip's script beside the Python)."""
    scripts = Path(sys.executable).parent
    for name in ("kitcop", "kitcop.exe"):
        if (scripts / name).exists():
            return [str(scripts / name)]
    found = shutil.which("kitcop")
    assert found, "the `kitcop` command is not installed (pip install -e .)"
    return [found]


def kitcop_process(
    *args, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`kitcop ARGS` in a real process, through the installed entry point."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(env_extra or {})
    return subprocess.run(
        [*entry_point(), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
