# Set-up and everyday commands. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Only what building needs (no test tools): a server or a pipeline that builds needs no more.
BUILD_DEPS := $(VENV)/.build-deps
export NO_MKDOCS_2_WARNING := 1

.PHONY: build-deps site publish test test-fast test-loaded golden lint serve edit editor-deps check schema benchmark lighthouse clean

build-deps: $(BUILD_DEPS)  ## Install only what the build needs into .venv (for a server or a pipeline)

site: $(BUILD_DEPS)  ## Build the site into site/ (warns while it is not ready to publish)
	$(BIN)/mkdocs build

publish: $(BUILD_DEPS)  ## The production build: refuses a placeholder site_url, an unconfirmed calendar, any warning
	$(BIN)/torget check --publish
	$(BIN)/mkdocs build --strict

test: lint  ## Lint, type-check, then run the whole test suite (one process per core; a test file stays in one)
	$(BIN)/python -m pytest --numprocesses=auto --dist=loadfile

lint: $(INSTALLED)  ## ruff (lint and import order) and mypy (types of the package); settings in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/mypy

test-fast: $(INSTALLED)  ## The inner loop: no browser, no quality gates, no wheel build, no lint
	$(BIN)/python -m pytest --numprocesses=auto --dist=loadfile -m "not browser and not gate and not wheel"

test-loaded: $(INSTALLED)  ## make test on a quiet machine, then twice with every core kept busy (CI=true); prints the times
	$(BIN)/python benchmarks/loaded_suite.py --quiet-first

golden: $(INSTALLED)  ## Rewrite tests/golden/*.html from the current rendering; review the diff before committing
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py

serve: $(INSTALLED)  ## Preview on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve

edit: $(INSTALLED) editor/node_modules/.package-lock.json  ## Edit in the browser: http://127.0.0.1:8000/admin/ (needs Node.js)
	editor/edit.sh

editor-deps: editor/node_modules/.package-lock.json  ## Install the web editor's scripts (npm)

editor/node_modules/.package-lock.json: editor/package.json editor/package-lock.json
	cd editor && npm ci --no-audit --no-fund --loglevel=error

check: $(BUILD_DEPS)  ## Validate the editors' files
	$(BIN)/torget check

schema: $(INSTALLED)  ## Regenerate the JSON Schema editors' tools use
	$(BIN)/torget schema -o organisations/organisation.schema.json

benchmark: $(INSTALLED)
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/qr.py

lighthouse: $(INSTALLED)  ## Lighthouse (mobile) on every page type behind the nginx set-up (needs nginx, npm, chromium)
	$(BIN)/python benchmarks/lighthouse.py --cpu-slowdown auto

$(BUILD_DEPS): pyproject.toml
	test -x $(BIN)/python || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable .
	touch $@

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	touch $(BUILD_DEPS) $@

clean:
	rm -rf site $(VENV) tests/node_modules editor/node_modules benchmarks/node_modules
