#!/usr/bin/env bash
# Start one Rasa server on COPRODUCE_HOST. Browsers may call it only from the API's own origin
# (the patient chat page) and the origins in COPRODUCE_ALLOWED_ORIGINS (clinic sites).
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077  # the SQLite tracker store holds every word of every chat
port="${1:-${COPRODUCE_RASA_PORT:-5005}}"
endpoints="${2:-${COPRODUCE_ENDPOINTS:-bot/endpoints.yml}}"
public="${COPRODUCE_PUBLIC_URL:-http://localhost:8000}"
origin=$(printf '%s' "$public" | sed -E 's#^(https?://[^/]+).*#\1#')
cors=("$origin")
if [ -n "${COPRODUCE_ALLOWED_ORIGINS:-}" ]; then
  IFS=',' read -r -a extra <<< "${COPRODUCE_ALLOWED_ORIGINS// /}"
  cors+=("${extra[@]}")
fi
exec env PYTHONPATH=. .venv/bin/python -m rasa_server run --enable-api --auth-token "$COPRODUCE_RASA_TOKEN" \
  --interface "${COPRODUCE_HOST:-127.0.0.1}" --port "$port" --credentials bot/credentials.yml \
  --endpoints "$endpoints" --model "models/$(cat models/current)" --cors "${cors[@]}"
