# Two commands do all the set-up on a fresh Debian machine with Python 3.11 and make:
#   make run    create .venv if missing, install, open the app on the bundled sample shop
#   make test   same set-up, then the whole test suite headless
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint sysdeps package screenshots bench bench-env clean

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

# The peer (statsforecast) side of the benchmarks runs in its own venv: it needs pandas<3.
BENCH_VENV := bench/.venv
$(BENCH_VENV)/.installed: bench/requirements.txt
	@test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q -r bench/requirements.txt
	@touch $@

bench-env: $(BENCH_VENV)/.installed

# Accuracy and speed against statsforecast on the shared real data (minutes; see bench/README.md).
bench: $(STAMP) bench-env
	$(BIN)/python bench/run.py all

clean:
	rm -rf $(VENV) dist build/work

.PHONY: bench-import
bench-import: $(STAMP)  ## import speed and memory on 1,000,000 real order lines
	$(BIN)/python bench/bench_import.py
