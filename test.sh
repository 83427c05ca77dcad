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
# Two workers on two cores: the suite takes half the time.
.venv/bin/python -m pytest -n auto "$@"
