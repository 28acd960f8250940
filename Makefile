# Two commands for a fresh clone: `make run` (install, launch on the sandbox) and `make test`.
# The first interpreter that really runs and is >= 3.11 (pyenv shims may exist but fail).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench sandbox translations clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo 'Python 3.11 or newer is needed (python3.11, python3.12 or python3).'; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/lms365-desktop --sandbox

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m pytest -m benchmark -s tests/benchmarks

# Extract every tr() string into the catalogues (keeping translations), then compile them.
translations: $(STAMP)
	$(BIN)/python tools/translations.py all

sandbox: $(STAMP)
	$(BIN)/lms365-sandbox

clean:
	rm -rf $(VENV) build *.egg-info
