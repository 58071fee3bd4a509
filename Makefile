# Two commands do all the set-up on a fresh Debian machine with Python 3.11 and make:
#   make run    create .venv if missing, install, open the app on the bundled sample shop
#   make test   same set-up, then the whole test suite headless
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint sysdeps package screenshots bench clean translations

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	@touch $(STAMP)

sysdeps:
	@$(PYTHON) build/sysdeps.py

run: $(STAMP) sysdeps
	$(BIN)/python main.py --sample

test: $(STAMP)
	@$(PYTHON) build/sysdeps.py --offscreen
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/lint-imports
	$(BIN)/ruff check .

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .

# Refresh resources/translations/*.ts from the GUI sources and compile the .qm files (committed).
translations: $(STAMP)
	$(BIN)/python build/update_translations.py --check

clean:
	rm -rf $(VENV) dist build/work
