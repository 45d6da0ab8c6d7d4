#!/usr/bin/env bash
# Start one Rasa server; every origin in COPRODUCE_ALLOWED_ORIGINS becomes its own --cors value.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-${COPRODUCE_RASA_PORT:-5005}}"
endpoints="${2:-${COPRODUCE_ENDPOINTS:-bot/endpoints.yml}}"
cors=("*")
if [ -n "${COPRODUCE_ALLOWED_ORIGINS:-}" ]; then
  IFS=',' read -r -a cors <<< "${COPRODUCE_ALLOWED_ORIGINS// /}"
fi
exec env PYTHONPATH=. .venv/bin/rasa run --enable-api --auth-token "$COPRODUCE_RASA_TOKEN" \
  --port "$port" --credentials bot/credentials.yml --endpoints "$endpoints" \
  --model "models/$(cat models/current)" --cors "${cors[@]}"
