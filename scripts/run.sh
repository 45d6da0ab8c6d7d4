#!/usr/bin/env bash
# Start Rasa (5005), the action server (5055) and the API (8000) under supervisord, which
# restarts any of them that dies (scripts/supervise.py).
set -euo pipefail
cd "$(dirname "$0")/.."
# .env fills in only what the environment does not already set.
if [ -f .env ]; then
  while IFS='=' read -r key value; do
    [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
    [ -n "${!key+x}" ] || export "$key=$value"
  done < .env
fi
export COPRODUCE_HOST="${COPRODUCE_HOST:-127.0.0.1}"
export COPRODUCE_RASA_PORT="${COPRODUCE_RASA_PORT:-5005}"
export COPRODUCE_ACTION_PORT="${COPRODUCE_ACTION_PORT:-5055}"
export COPRODUCE_API_PORT="${COPRODUCE_API_PORT:-8000}"
export COPRODUCE_ACTION_URL="${COPRODUCE_ACTION_URL:-http://127.0.0.1:${COPRODUCE_ACTION_PORT}/webhook}"
export COPRODUCE_TRACKER_DB="${COPRODUCE_TRACKER_DB:-var/rasa_tracker.db}"
export COPRODUCE_ENDPOINTS="${COPRODUCE_ENDPOINTS:-bot/endpoints.yml}"
export COPRODUCE_PUBLIC_URL="${COPRODUCE_PUBLIC_URL:-http://localhost:${COPRODUCE_API_PORT}}"
export COPRODUCE_RASA_URL="${COPRODUCE_RASA_URL:-http://localhost:${COPRODUCE_RASA_PORT}}"
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
# Databases, transcripts and logs hold health data: readable by this user only.
umask 077
mkdir -p var && chmod 700 var
.venv/bin/python -m alembic upgrade head  # a no-op when the database is up to date
cat <<MSG

Coproduce is starting (Rasa takes 15 to 30 s to load its model; each service is restarted if it stops):
  Clinician API      ${COPRODUCE_PUBLIC_URL}/docs
  Clinician pages    ${COPRODUCE_PUBLIC_URL}/clinician/login
  Patient chat       ${COPRODUCE_PUBLIC_URL}/chat/<invite_token>   (the chat_url of a visit)
  Rasa (REST)        ${COPRODUCE_RASA_URL}/webhooks/rest/webhook
  Rasa (socket.io)   ${COPRODUCE_RASA_URL}/socket.io
  Action server      ${COPRODUCE_ACTION_URL}
  API token          in .env (COPRODUCE_API_TOKEN)

Create a visit:
  curl -s -X POST ${COPRODUCE_PUBLIC_URL}/api/v1/visits -H "Authorization: Bearer \$COPRODUCE_API_TOKEN" \\
       -H 'Content-Type: application/json' -d '{"patient_ref": "MRN-123"}'

MSG
exec .venv/bin/python scripts/supervise.py Procfile
