# Two commands on a fresh clone (only Python 3.11+ needed): `make run` and `make test`.
# `make check` is the quick loop: everything but process-level, browser and slow tests.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: run test check lint screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	$(VENV)/bin/psm-bot run

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q -n auto --durations=15

check: $(STAMP)
	$(VENV)/bin/python -m pytest -q -n auto -m 'not (process or browser or slow)'

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# The README's pictures: the sandbox walked in Debian's Chromium on a 412x860 screen.
screenshots: $(STAMP)
	PSM_SCREENSHOTS=$(CURDIR)/docs/screenshots $(VENV)/bin/python -m pytest -q -n 0 tests/browser/test_sandbox_page.py
