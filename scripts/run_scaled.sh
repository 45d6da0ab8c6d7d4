#!/usr/bin/env bash
# Two Rasa replicas, the action server and a multi-worker API on the local PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077
# .env fills in only what the environment does not already set.
if [ -f .env ]; then
  while IFS='=' read -r key value; do
    [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
    [ -n "${!key+x}" ] || export "$key=$value"
  done < .env
fi
export COPRODUCE_PG_HOST="${COPRODUCE_PG_HOST:-127.0.0.1}" COPRODUCE_PG_PORT="${COPRODUCE_PG_PORT:-5432}"
export COPRODUCE_PG_DB="${COPRODUCE_PG_DB:-coproduce}" COPRODUCE_PG_USER="${COPRODUCE_PG_USER:-postgres}"
export COPRODUCE_PG_PASSWORD="${COPRODUCE_PG_PASSWORD:-}"
export COPRODUCE_REDIS_HOST="${COPRODUCE_REDIS_HOST:-127.0.0.1}" COPRODUCE_REDIS_PORT="${COPRODUCE_REDIS_PORT:-6379}"
export COPRODUCE_REDIS_DB="${COPRODUCE_REDIS_DB:-1}"
auth="${COPRODUCE_PG_USER}${COPRODUCE_PG_PASSWORD:+:${COPRODUCE_PG_PASSWORD}}"
export COPRODUCE_DATABASE_URL="${COPRODUCE_DATABASE_URL:-postgresql://${auth}@${COPRODUCE_PG_HOST}:${COPRODUCE_PG_PORT}/${COPRODUCE_PG_DB}}"
export COPRODUCE_OUTBOX_URL="${COPRODUCE_OUTBOX_URL:-redis://${COPRODUCE_REDIS_HOST}:${COPRODUCE_REDIS_PORT}/${COPRODUCE_REDIS_DB}}"
export COPRODUCE_RATE_LIMIT_STORAGE="${COPRODUCE_RATE_LIMIT_STORAGE:-redis://${COPRODUCE_REDIS_HOST}:${COPRODUCE_REDIS_PORT}/${COPRODUCE_REDIS_DB}}"
export COPRODUCE_TRACKER_DATABASE_URL="${COPRODUCE_TRACKER_DATABASE_URL:-$COPRODUCE_DATABASE_URL}"
export COPRODUCE_HOST="${COPRODUCE_HOST:-127.0.0.1}" COPRODUCE_API_WORKERS="${COPRODUCE_API_WORKERS:-2}"
export COPRODUCE_ACTION_URL="${COPRODUCE_ACTION_URL:-http://127.0.0.1:5055/webhook}"
export COPRODUCE_PUBLIC_URL="${COPRODUCE_PUBLIC_URL:-http://localhost:8000}"
# Each process keeps a small pool, so replicas x pools stays under PostgreSQL's max_connections.
export SQL_POOL_SIZE="${SQL_POOL_SIZE:-5}" SQL_MAX_OVERFLOW="${SQL_MAX_OVERFLOW:-5}"
export COPRODUCE_DB_POOL_SIZE="${COPRODUCE_DB_POOL_SIZE:-5}" COPRODUCE_DB_MAX_OVERFLOW="${COPRODUCE_DB_MAX_OVERFLOW:-5}"
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1 RASA_TELEMETRY_ENABLED=false
.venv/bin/python scripts/create_database.py "$COPRODUCE_DATABASE_URL"
.venv/bin/python -m alembic upgrade head
cat <<MSG

Coproduce (scaled) is starting on PostgreSQL ${COPRODUCE_PG_HOST}:${COPRODUCE_PG_PORT}/${COPRODUCE_PG_DB} and Redis ${COPRODUCE_REDIS_HOST}:${COPRODUCE_REDIS_PORT}:
  Clinician API (${COPRODUCE_API_WORKERS} workers)  http://localhost:8000/docs
  Rasa replica 1              http://localhost:5005/webhooks/rest/webhook
  Rasa replica 2              http://localhost:5006/webhooks/rest/webhook
  Action server               ${COPRODUCE_ACTION_URL}
Put a load balancer in front of the Rasa replicas (see docs/deploy.md).

MSG
exec .venv/bin/python scripts/supervise.py Procfile.scaled
