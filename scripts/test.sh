#!/usr/bin/env bash
# The whole test suite: set-up, lint, type check, doctests and tests. `.ci/run` calls this.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "set-up failed" >&2; exit 1; }
.venv/bin/ruff check src tests benchmarks || exit 1
.venv/bin/ruff format --check src tests benchmarks || exit 1
.venv/bin/mypy || exit 1
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing on purpose" >&2
  exit 1
fi
exit "$status"
