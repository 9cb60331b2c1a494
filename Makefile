# Two commands on a fresh clone: `make serve` (or `make build`) and `make test`.
export NO_MKDOCS_2_WARNING := 1
# Each sets up what it needs: a virtual environment, pinned packages, browser assets.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENDOR := docs/assets/vendor

.PHONY: help serve build export check test assets chromium bench coverage lint clean

help: ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 10

serve: $(BIN)/.build-deps $(VENDOR)/.copied ## set up, build and serve the site on http://127.0.0.1:8000, live reload
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: $(BIN)/.build-deps $(VENDOR)/.copied ## set up and build the site into site/ (strict)
	$(BIN)/mkdocs build --strict

OUT ?= export
export: $(BIN)/.build-deps $(VENDOR)/.copied ## write the site's source (Markdown, data, mkdocs.yml with no hooks) to OUT (default export/)
	KB_EXPORT="$(abspath $(OUT))" $(BIN)/mkdocs build --strict --site-dir "$$(mktemp -d)"

check: $(BIN)/.test-deps $(VENDOR)/.copied ## lint and the fast tests (no browser, no whole-site build): under a minute
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/python -m pytest -q -m "not browser and not build"

test: $(BIN)/.test-deps $(VENDOR)/.copied chromium .venv-zensical/.installed ## every test; may install Debian's chromium and poppler-utils (apt, as root)
	$(BIN)/python -m pytest

assets: $(VENDOR)/.copied

chromium:
	@sh scripts/ensure-chromium.sh

bench: $(BIN)/.build-deps $(VENDOR)/.copied ## build benchmark: prints figures
	$(BIN)/python scripts/benchmark.py

coverage: $(BIN)/.build-deps ## seed terms the bundled notes never mention; exam-guide services without a topic
	$(BIN)/python scripts/seed_coverage.py
	$(BIN)/python scripts/exam_guide_coverage.py

lint: $(BIN)/.test-deps ## ruff
	$(BIN)/ruff check hooks tests scripts

$(BIN)/.build-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.test-deps: $(BIN)/.build-deps requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

.venv-zensical/.installed: requirements-zensical.txt
	test -x .venv-zensical/bin/python || $(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENDOR)/.copied: node_modules/.installed scripts/vendor_assets.py $(BIN)/.build-deps
	$(BIN)/python scripts/vendor_assets.py
	touch $@

clean: ## remove the built site and vendored assets
	rm -rf site export $(VENDOR) .pytest_cache
