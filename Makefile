# Two entry points a fresh machine needs: `make play` and `make test`.
# Both create .venv on first use and reinstall when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: play lint test bench clean

# Playing needs only the package itself; the test tools (pytest, playwright, ...) come with `make test`.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Red Lines needs Python 3.11 or newer: set PYTHON=/path/to/python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e .
	@touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $(DEV_STAMP)

play: $(STAMP)
	$(VENV)/bin/redlines

# Ruff's pyflakes and syntax checks, then the import contracts (the core never imports the UI; the layers).
lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

# Tests on every core, each file's tests in one worker (they share its module's fixtures and servers).
test: lint
	$(PY) -m pytest -n auto --dist loadfile

bench: $(DEV_STAMP)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev,bench]'
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
