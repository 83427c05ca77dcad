#!/usr/bin/env bash
# Run the whole test suite (sets everything up first; idempotent).
set -euo pipefail
cd "$(dirname "$0")"
bash setup.sh --no-open
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/ruff format --check . >/dev/null || { .venv/bin/ruff format --check .; exit 1; }
# Types: strict where the rules live ([tool.mypy] in pyproject.toml says which packages).
.venv/bin/mypy
# The tests' files in RAM when there is a RAM disk: every commit of a test's real SQLite file
# waits for the disk (synchronous=FULL: 2–10 ms on a virtual disk, ≈ 8 commits a test); a
# kill -9 test loses nothing either way (the kernel keeps what the killed process wrote). One
# folder per run, so that suites run side by side never clean each other's; removed at the end.
basetemp=()
# Only a roomy one (a container's default /dev/shm is 64 MB; a run keeps a few hundred MB).
shm_free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR==2 {print $4}' || true)
if [ -z "${KITCOP_TEST_ON_DISK:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] \
  && [ "${shm_free_kb:-0}" -ge 2097152 ]; then
  run_dir="$(mktemp -d /dev/shm/kitcop-tests.XXXXXX)"
  trap 'rm -rf "$run_dir"' EXIT
  basetemp=(--basetemp "$run_dir")
fi
# Two workers on two cores: the suite takes half the time. `worksteal`: each worker starts on
# its half of the suite in order (a module's fixtures are built once, not on both) and takes
# half of what the other has left when it runs dry (HACKING.md, « Tests »).
.venv/bin/python -m pytest -n auto --dist worksteal ${basetemp[@]+"${basetemp[@]}"} "$@"
