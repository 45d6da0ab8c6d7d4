#!/usr/bin/env bash
# Create the project's virtual environment with Python 3.10 (Rasa 3.6 supports 3.8-3.10).
set -euo pipefail
venv="${1:-.venv}"
find_python() {
  for candidate in python3.10 "$(command -v pyenv >/dev/null && pyenv root)/versions/"3.10*/bin/python3.10 /usr/bin/python3.10; do
    if [ -n "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
if ! python=$(find_python); then
  echo "Python 3.10 is needed (Rasa 3.6 supports 3.8-3.10). Install it, e.g. 'pyenv install 3.10' or 'apt-get install python3.10 python3.10-venv'." >&2
  exit 1
fi
echo "Creating $venv with $python"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade "pip<24.1" wheel
