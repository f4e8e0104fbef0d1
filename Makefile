# `make run` and `make test` work on a fresh clone: they make .venv and install what is needed.
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do command -v $$p >/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check setup benchmarks clean packs installer

setup: $(STAMP)

$(STAMP): pyproject.toml
	@sh scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: packs
	$(BIN)/tutor

# The curriculum as a signed lesson pack: the same path an installer's curriculum takes.
# Signed with the key file that TUTOR_SIGNING_KEY names, or else with a development key
# made once in build/keys/. build/packs/trusted-keys.txt holds its public key, which the
# app trusts only when it runs from a source checkout.
DEV_KEY := build/keys/development
SIGNING_KEY = $${TUTOR_SIGNING_KEY:-$(DEV_KEY).key}
packs: $(STAMP)
	@mkdir -p build/packs build/keys
	@if [ -z "$$TUTOR_SIGNING_KEY" ] && [ ! -f $(DEV_KEY).key ]; then \
		$(BIN)/tutor keys generate --out $(DEV_KEY) --comment "development key"; fi
	$(BIN)/tutor pack build lessons -o build/packs/curriculum.tutorpack
	$(BIN)/tutor pack sign build/packs/curriculum.tutorpack --key "$(SIGNING_KEY)"
	@$(BIN)/tutor keys public "$(SIGNING_KEY)" \
		--comment "$$([ -n "$$TUTOR_SIGNING_KEY" ] && echo build key || echo development key)" \
		> build/packs/trusted-keys.txt

# The offline bundle for workstations: dist/tutor/, with the program dist/tutor/tutor. The
# curriculum goes in as the signed pack that `make packs` builds (see README.md).
installer: packs
	$(BIN)/pyinstaller --noconfirm --log-level WARN --workpath build/installer build_installer.spec
	@du -sh dist/tutor

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
