#!/usr/bin/env bash
# The whole test suite: lint, types, Rasa data validation, then pytest (unit, Rasa, end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONPATH=.
echo "== ruff"; .venv/bin/ruff check . && .venv/bin/ruff format --check .
echo "== mypy (strict)"; .venv/bin/mypy coproduce api actions rasa_server
echo "== rasa data validate"
out=$(.venv/bin/rasa data validate --domain bot/domain --data nlu_data bot/data --config config.yml 2>&1) \
  || { echo "$out" | grep -v UserWarning | tail -n 40; exit 1; }
echo "$out" | grep -E "No story structure conflicts|ERROR" || true
# PostgreSQL and Redis tests run whenever the local servers answer on their defaults (as
# .ci/run starts them); otherwise they are skipped, and this says so before and after.
if [ -z "${COPRODUCE_TEST_DATABASE_URL:-}" ]; then
  default_pg="postgresql://postgres@127.0.0.1:5432/test"
  if .venv/bin/python scripts/services.py postgres "$default_pg"; then
    export COPRODUCE_TEST_DATABASE_URL="$default_pg"
  fi
fi
pg_state="on ${COPRODUCE_TEST_DATABASE_URL:-(none)}"
[ -n "${COPRODUCE_TEST_DATABASE_URL:-}" ] || pg_state="SKIPPED: no PostgreSQL answered on 127.0.0.1:5432 (database test)"
redis_state="on 127.0.0.1:6379"
.venv/bin/python scripts/services.py redis redis://127.0.0.1:6379/0 \
  || redis_state="SKIPPED: no Redis answered on 127.0.0.1:6379"
echo "== pytest (PostgreSQL tests: ${pg_state}; Redis tests: ${redis_state})"
exec .venv/bin/python -m pytest "$@"
