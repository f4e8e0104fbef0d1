# `make run` and `make test` work on a fresh clone: they make .venv and install what is needed.
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do command -v $$p >/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check setup benchmarks clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@sh scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/tutor

check: $(STAMP)
	$(BIN)/ruff check tutor sandbox tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy sandbox tutor/store tutor/content tutor/exchange tutor/trust

test: check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

benchmarks: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
