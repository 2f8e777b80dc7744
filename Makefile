# The two commands of the README: `make run` and `make test`.
# Both create .venv on first use and install the project with its test extras.

VENV   ?= .venv
PYTHON ?= python3
STAMP  := $(VENV)/.installed-stamp
BIN    := $(VENV)/bin

.PHONY: run test lint screenshots bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	touch $(STAMP)

# Byte-compile first: an editable install leaves that to the first import, which
# never happens where PYTHONDONTWRITEBYTECODE is set, and costs ~60 ms every start.
run: $(STAMP)
	$(BIN)/python -m compileall -q alignmeet ui >/dev/null
	$(BIN)/alignmeet $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots docs/screenshots --dark

bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/followups.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
