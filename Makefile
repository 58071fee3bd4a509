# Two commands do all the set-up on a fresh Debian machine with Python 3.11 and make:
#   make run    create .venv if missing, install, open the app on the bundled sample shop
#   make test   same set-up, then the whole test suite headless
#   make package       the standalone one-folder app in dist/Trendcast and its .tar.gz
#   make package-test  package, then time the cold start and run the smoke test in a Debian
#                      chroot without Python (root; see build/README.md for timings)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint sysdeps package screenshots bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	@touch $(STAMP)

sysdeps:
	@$(PYTHON) build/sysdeps.py

run: $(STAMP) sysdeps
	$(BIN)/python main.py --sample

# The standalone app (build/README.md). package-test needs root and debootstrap.
.PHONY: package-test
BUILD_STAMP := $(VENV)/.installed-build
$(BUILD_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e ".[test,build]"
	@touch $(BUILD_STAMP)

package: $(BUILD_STAMP)
	$(BIN)/python build/package.py

package-test: package
	$(BIN)/python build/package_test.py

test: $(STAMP)
	@$(PYTHON) build/sysdeps.py --offscreen
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/lint-imports
	$(BIN)/ruff check .

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) dist build/work
