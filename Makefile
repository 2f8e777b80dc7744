# The two commands of the README: `make run` and `make test`.
# Both create .venv on first use and install the project with its test extras.

VENV   ?= .venv
PYTHON ?= python3
STAMP  := $(VENV)/.installed-stamp
BIN    := $(VENV)/bin

.PHONY: run test lint screenshots pages bench bench-scale clean translations translations-update

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	touch $(STAMP)

# Byte-compile first: an editable install leaves that to the first import, which
# never happens where PYTHONDONTWRITEBYTECODE is set, and costs ~60 ms every start.
run: $(STAMP) translations
	$(BIN)/python -m compileall -q alignmeet ui >/dev/null
	$(BIN)/alignmeet $(ARGS)

# The German catalogue: ui/translations/de/*.ts (Qt Linguist sources, one per part of the
# UI) compiled into one .qm, which is committed so that every wheel (`pip install .`)
# carries it; tests/ui/test_translations_package.py checks that it matches the .ts files.
# `make translations-update` refreshes the .ts files from the code (new strings appear
# untranslated; tests/ui/test_i18n.py fails until they are done), `make translations`
# compiles them again (always: a checkout gives the .ts and the .qm the same time).
QM := ui/translations/alignmeet_de.qm
TS := $(wildcard ui/translations/de/*.ts)

translations: $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

translations-update: $(STAMP)
	$(BIN)/python ui/translations/update.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The suite on two workers (pytest-xdist; a file stays on one worker, so a module's
# fixtures, like the wheel tests/test_installed_app.py builds, are made once), byte-compiled
# first for the processes the tests start (see `run`). The long
# ones, marked `slow` (kill -9 crash loops, a whole meeting step by step, the installed
# wheel, the app's slower start-ups, a real browser and X server), are left out:
# ALIGNMEET_TEST_SLOW=1 (.ci/run sets it) runs them too; `.venv/bin/pytest -m slow` alone.
TEST_WORKERS ?= 2
TEST_SELECT := $(if $(ALIGNMEET_TEST_SLOW),,-m "not slow")

test: lint translations
	$(BIN)/python -m compileall -q alignmeet ui >/dev/null
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile $(TEST_SELECT)

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots docs/screenshots --dark
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots docs/screenshots --language de

pages: $(STAMP)
	bash docs/pages/render.sh

bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/followups.py

# Ten years of history: builds the demos once into /tmp/alignmeet-scale (a few minutes).
bench-scale: $(STAMP)
	$(BIN)/python bench/scale.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
