#!/usr/bin/env bash
# The whole test suite: lint, types, Rasa data validation, then pytest (unit, Rasa, end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONPATH=.
echo "== ruff"; .venv/bin/ruff check . && .venv/bin/ruff format --check .
echo "== mypy"; .venv/bin/mypy coproduce api actions
echo "== rasa data validate"
out=$(.venv/bin/rasa data validate --domain bot/domain --data nlu_data bot/data --config config.yml 2>&1) \
  || { echo "$out" | grep -v UserWarning | tail -n 40; exit 1; }
echo "$out" | grep -E "No story structure conflicts|ERROR" || true
echo "== pytest"
exec .venv/bin/python -m pytest "$@"
