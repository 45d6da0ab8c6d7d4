# Coproduce: `make run` starts everything on the embedded default; `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SPACY_MODEL := build/spacy/coproduce_en
SAFETY_MODEL := build/safety/classifier.joblib
BURDEN_MODEL := build/burden/classifier.joblib
WIDGET := api/static/widget.js

.PHONY: run run-scaled test lint setup model migrate env clean bench widget chromium screenshots

setup: $(WIDGET) $(VENV)/.installed $(SPACY_MODEL)/meta.json $(SAFETY_MODEL) $(BURDEN_MODEL) env migrate

$(VENV)/bin/python:
	@bash scripts/make_venv.sh $(VENV)

$(VENV)/.installed: requirements.lock $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

$(SPACY_MODEL)/meta.json: $(VENV)/.installed $(wildcard coproduce/nlp/*.py)
	$(PY) -m coproduce.nlp.build_pipeline $(SPACY_MODEL)

# The safety classifier: trained here from coproduce/safety/data and the older team sets.
$(SAFETY_MODEL): $(VENV)/.installed $(wildcard coproduce/safety/*.py coproduce/safety/data/*.yml tests/safety/*.yml nlu_data/*.yml bench/data/*.yml)
	$(PY) -m coproduce.safety.classifier build/safety

# Treatment-burden domains as people file them: trained here from coproduce/nlp/data.
$(BURDEN_MODEL): $(VENV)/.installed coproduce/nlp/burden_domains.py coproduce/nlp/data/burden_examples.yml
	$(PY) -m coproduce.nlp.burden_domains build/burden

# The patient chat widget: socket.io-client from npm, bundled by esbuild (nothing from a CDN).
widget: $(WIDGET)

$(WIDGET): web/widget/package.json web/widget/package-lock.json $(wildcard web/widget/src/*.js)
	cd web/widget && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build

env: $(VENV)/.installed
	@$(PY) scripts/make_env.py

migrate: $(VENV)/.installed
	@$(PY) -m alembic upgrade head

model: setup
	@$(PY) scripts/train.py

run: model
	@bash scripts/run.sh

run-scaled: model
	@bash scripts/run_scaled.sh

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy coproduce api actions rasa_server

# Browser tests drive Debian's Chromium (Playwright's own browser download fails here).
chromium:
	@[ -x /usr/bin/chromium ] || (apt-get update -q && apt-get install -y -q chromium)

test: model chromium
	@bash scripts/test.sh

# Refresh the pictures in docs/img from the browser tests (real conversations in Chromium).
screenshots: model chromium
	@bash scripts/screenshots.sh

bench: model
	$(PY) bench/red_flags.py

clean:
	rm -rf build models var .pytest_cache .mypy_cache .ruff_cache test-artifacts
