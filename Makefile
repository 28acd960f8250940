# Two commands for a fresh clone: `make run` (install, launch on the sandbox) and `make test`.
# The first interpreter that really runs and is >= 3.11 (pyenv shims may exist but fail).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench sandbox translations clean bundle deb deb-check icons packaging-tools

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo 'Python 3.11 or newer is needed (python3.11, python3.12 or python3).'; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/lms365-desktop --sandbox

test: $(STAMP) packaging-tools
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m pytest -m benchmark -s tests/benchmarks

# Extract every tr() string into the catalogues (keeping translations), then compile them.
translations: $(STAMP)
	$(BIN)/python tools/translations.py all

sandbox: $(STAMP)
	$(BIN)/lms365-sandbox

# The PyInstaller one-folder bundle (dist/lms365-desktop/), from its own runtime-only venv in
# build/bundle-venv with a normal install of the project (see packaging/build_bundle.py).
bundle:
	@test -n "$(PYTHON)" || { echo 'Python 3.11 or newer is needed (python3.11, python3.12 or python3).'; exit 1; }
	$(PYTHON) packaging/build_bundle.py

# Linux: the .deb of the bundle; deb-check installs it here (root) and validates what it installed.
deb: bundle packaging-tools
	packaging/linux/build_deb.sh build/bundle-venv/bin/python

deb-check: deb
	packaging/linux/check_deb.sh $$(ls -t dist/lms365-desktop_*.deb | head -1)

# Windows .ico, macOS .icns and the hicolor PNGs from the SVG, in build/icons/.
icons: $(STAMP)
	$(BIN)/python packaging/make_icons.py

# Debian tools the .deb and its test need, installed with apt-get when missing (CI's machine is clean).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
packaging-tools:
	@command -v apt-get >/dev/null || exit 0; missing=""; \
	for pair in dpkg-deb:dpkg desktop-file-validate:desktop-file-utils appstreamcli:appstream; do \
	  command -v $${pair%%:*} >/dev/null || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

clean:
	rm -rf $(VENV) build dist *.egg-info
