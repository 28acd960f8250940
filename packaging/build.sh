#!/usr/bin/env bash
# Builds a self-contained desktop bundle (dist/lms365-desktop/) with PyInstaller --onedir.
# PyInstaller is installed into the project venv on first use; it is not a runtime dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
make .venv/.installed >/dev/null
.venv/bin/python -m pip install --quiet 'pyinstaller>=6.3'
.venv/bin/pyinstaller --noconfirm --clean --onedir --windowed \
  --name lms365-desktop \
  --add-data "resources:resources" \
  --collect-submodules lms365_desktop \
  --collect-data lms365_desktop \
  packaging/launch.py
echo "Bundle: dist/lms365-desktop/lms365-desktop"
