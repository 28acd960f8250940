"""The bundle, built once per test run as `make bundle` builds it (its venv and analysis cached in build/)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "lms365-desktop" / ("lms365-desktop.exe" if os.name == "nt" else "lms365-desktop")


@pytest.fixture(scope="session")
def bundle() -> Path:
    started = time.monotonic()
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_bundle.py")], cwd=ROOT,
                            capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    size = re.search(r"Bundle: .* — (\d+) MB", result.stdout)
    print(f"\nbundle built in {time.monotonic() - started:.0f} s, {size.group(1) if size else '?'} MB")
    assert BUNDLE.exists()
    return BUNDLE
