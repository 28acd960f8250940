"""`lms365-desktop --sandbox` starts the embedded sandbox, opens on it and shows rows; --help and exit codes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def isolated_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
            "PYTHONPATH": str(ROOT)}


def test_sandbox_flag_opens_the_app_on_the_embedded_sandbox(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tests.e2e.start_driver", "app", "--sandbox", "--no-simulated-activity"],
                          cwd=ROOT, env=isolated_env(tmp_path), capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert any(line.startswith("SHOWN ") for line in lines)
    ready = next(line for line in lines if line.startswith("READY "))
    assert "Connected to Local sandbox" in ready
    assert int(ready.split()[1]) > 0
    assert (tmp_path / "data").exists()  # the sandbox's data file lives in the user data dir
    assert "Traceback" not in proc.stderr


def test_help_lists_the_flags():
    proc = subprocess.run([sys.executable, "-m", "lms365_desktop", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for flag in ("--sandbox", "--profile", "--reset-layout"):
        assert flag in proc.stdout
