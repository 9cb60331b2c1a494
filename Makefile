# Two commands on a fresh clone: `make serve` (or `make build`) and `make test`.
export NO_MKDOCS_2_WARNING := 1
# Each sets up what it needs: a virtual environment, pinned packages, browser assets.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENDOR := docs/assets/vendor

.PHONY: serve build test assets chromium bench coverage lint clean

serve: $(BIN)/.build-deps $(VENDOR)/.copied
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/.build-deps $(VENDOR)/.copied
	$(BIN)/mkdocs build --strict

test: $(BIN)/.test-deps $(VENDOR)/.copied chromium
	$(BIN)/python -m pytest

assets: $(VENDOR)/.copied

chromium:
	@sh scripts/ensure-chromium.sh

bench: $(BIN)/.build-deps $(VENDOR)/.copied
	$(BIN)/python scripts/benchmark.py

coverage: $(BIN)/.build-deps
	$(BIN)/python scripts/seed_coverage.py
	$(BIN)/python scripts/exam_guide_coverage.py

lint: $(BIN)/.test-deps
	$(BIN)/ruff check hooks tests scripts

$(BIN)/.build-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.test-deps: $(BIN)/.build-deps requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENDOR)/.copied: node_modules/.installed scripts/vendor_assets.py $(BIN)/.build-deps
	$(BIN)/python scripts/vendor_assets.py
	touch $@

clean:
	rm -rf site $(VENDOR) .pytest_cache
