"""`kitcop list` and `kitcop --version` against a bare Python start, in the same run.

    .venv/bin/python bench/cli_bench.py [--runs 15]        # writes bench/RESULTS-cli.md

Each figure is the wall time of a fresh process, as a facilitator types it in a terminal: the
`kitcop` command installed beside this Python (the venv's console script; `python -m
kitcop_desktop` where there is none), on a library holding the demo workshop twice (`kitcop
demo`). The baseline is `python -c pass` from the same interpreter. The three commands
alternate, so the box's load weighs on all of them; min and median of --runs. Target (issue
15): `kitcop list` and `kitcop --version` under 150 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def kitcop_command() -> list[str]:
    script = Path(sys.executable).with_name("kitcop.exe" if os.name == "nt" else "kitcop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kitcop_desktop"]


def wall_ms(cmd: list[str], env: dict) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return (time.perf_counter() - start) * 1000, out.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--output", default=str(HERE / "RESULTS-cli.md"))
    args = parser.parse_args()
    started, load_before = datetime.now(UTC), os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp())
    env = dict(os.environ, KITCOP_DATA_DIR=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "cfg"))
    db = str(tmp / "demo.sqlite3")
    kitcop = kitcop_command()
    for _ in range(2):
        subprocess.run([*kitcop, "--db", db, "demo"], env=env, check=True, capture_output=True)
    cases = {
        "`python -c pass` (baseline)": [sys.executable, "-c", "pass"],
        "`kitcop --version`": [*kitcop, "--version"],
        "`kitcop list` (two workshops)": [*kitcop, "--db", db, "list"],
    }
    for cmd in cases.values():  # warm the file cache once
        wall_ms(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    printed = ""
    for _ in range(args.runs):
        for name, cmd in cases.items():
            ms, out = wall_ms(cmd, env)
            times[name].append(ms)
            if "list" in name:
                printed = out
    base = statistics.median(times["`python -c pass` (baseline)"])
    rows = "\n".join(
        f"| {name} | {min(v):.0f} | {statistics.median(v):.0f} | "
        f"{statistics.median(v) / base:.1f}× |"
        for name, v in times.items()
    )
    command = " ".join(["python", "bench/cli_bench.py", *sys.argv[1:]])
    text = f"""# Command line: `kitcop list` and `--version` — `bench/cli_bench.py`

Written by the script (never by hand). Machine: {platform.node()}, {os.cpu_count()} cores shared
with other engineers' test runs, {platform.system()} {platform.release()}, Python
{platform.python_version()}. Date: {started:%Y-%m-%d %H:%M} UTC; load average
{load_before:.1f} before, {os.getloadavg()[0]:.1f} after. Command: `{command}`.

Wall time of fresh processes, {args.runs} of each, alternating (`{" ".join(Path(c).name for c in kitcop)}`
as installed). Target (issue 15): `kitcop list` and `kitcop --version` under 150 ms.

| command | min, ms | median, ms | × `python -c pass` |
|---|---:|---:|---:|
{rows}

`kitcop list` printed:

```
{printed.rstrip()}
```
"""
    Path(args.output).write_text(text, encoding="utf-8")
    print(args.output)


if __name__ == "__main__":
    main()
