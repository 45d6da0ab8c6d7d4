#!/usr/bin/env bash
# Refresh the pictures in docs/img: run the browser tests (which walk real conversations in
# headless Chromium at 360 and 1280 px and save what they saw), then copy the chosen ones.
# (The clinician pages first: their module starts and stops its own Playwright.)
set -euo pipefail
cd "$(dirname "$0")/.."
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONPATH=.
COPRODUCE_TEST_ARTIFACTS="$shots" .venv/bin/python -m pytest -q -p no:cacheprovider \
  tests/browser/test_clinician_pages.py tests/browser/test_improvement_page.py \
  tests/browser/test_patient_chat.py
# What the browser tests saved -> its name in docs/img.
while read -r from to; do
  [ -n "$from" ] || continue
  if [ -f "$shots/$from" ]; then cp "$shots/$from" "docs/img/$to"; echo "docs/img/$to"
  else echo "missing: $from (did its test change?)" >&2; exit 1; fi
done <<'LIST'
chat-page-rating-360.png chat-rating-360.png
chat-page-rating-1280.png chat-rating-1280.png
chat-read-back-360.png chat-read-back-360.png
chat-read-back-open-360.png chat-read-back-open-360.png
chat-read-back-1280.png chat-read-back-1280.png
chat-page-360.png chat-read-back-edited-360.png
chat-embed-360.png chat-embed-360.png
chat-embed-1280.png chat-embed-1280.png
chat-embed-done-360.png chat-done-360.png
chat-embed-done-1280.png chat-done-1280.png
chat-emergency-360.png chat-emergency-360.png
chat-emergency-1280.png chat-emergency-1280.png
chat-invalid-360.png chat-invalid-360.png
clinician/login-1280.png clinician-login-1280.png
clinician/list-1280.png clinician-list-1280.png
clinician/list-360.png clinician-list-360.png
clinician/summary-top-1280.png clinician-summary-top.png
clinician/summary-360.png clinician-summary-360.png
clinician/summary-follow-up-1280.png clinician-follow-up.png
clinician/plan-form-1280.png clinician-plan-form-1280.png
clinician/plan-1280.png clinician-plan-1280.png
clinician/plan-patient-360.png plan-patient-360.png
clinician/improvement-1280.png clinician-improvement-1280.png
LIST
