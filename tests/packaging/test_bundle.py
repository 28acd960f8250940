"""The PyInstaller bundle, built as `make bundle` builds it, starts on its sandbox with no venv on the path."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.bundle, pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux", reason="the bundle test drives the Linux bundle")]


def clean_environment(home: Path) -> dict[str, str]:
    """The user's environment without any venv: no VIRTUAL_ENV, no PYTHON*, no venv bin on PATH."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA", "PYTEST", "QT_PLUGIN", "LMS365_"))}
    venvs = {Path(sys.prefix).resolve()} | ({Path(os.environ["VIRTUAL_ENV"]).resolve()}
                                             if os.environ.get("VIRTUAL_ENV") else set())
    env["PATH"] = os.pathsep.join(
        entry for entry in os.environ.get("PATH", "").split(os.pathsep)
        if entry and not any(Path(entry).resolve().is_relative_to(venv) for venv in venvs))
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
               QT_QPA_PLATFORM="offscreen")
    return env


def wait_for(predicate, timeout: float, what: str, process: subprocess.Popen | None = None):
    """Poll ``predicate`` until it returns something truthy (a file's content changes over time)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the bundle exited with {process.returncode} while waiting for {what}")
        time.sleep(0.2)  # polling a file another process writes; there is no event to wait on
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.mark.timeout(1800)
def test_bundle_starts_on_its_sandbox_and_stops_on_sigterm(bundle, tmp_path):
    env = clean_environment(tmp_path)
    log_file = tmp_path / "state" / "lms365-desktop" / "log" / "lms365-desktop.log"
    started = time.monotonic()
    process = subprocess.Popen([str(bundle), "--sandbox", "--no-simulated-activity"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        def log_text() -> str:
            return log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""

        ready = wait_for(lambda: re.search(r"window ready: pane (\w+) shows (\d+) rows", log_text()), 120,
                         "the main window to show rows", process)
        assert int(ready.group(2)) > 0
        url = re.search(r"connected to (http://127\.0\.0\.1:\d+)", log_text()).group(1)
        # The embedded sandbox answers: without the key, with its own 401 and OData error body.
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{url}/odata/v2/Courses?$top=1", timeout=10)
        assert refused.value.code == 401
        assert b'"error"' in refused.value.read()
        assert re.search(r"GET http://127\.0\.0\.1:\d+/odata/v2/\w+.* -> 200", log_text())
        print(f"bundle showed {ready.group(2)} rows in {ready.group(1)} {time.monotonic() - started:.1f} s after start")

        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, output[-4000:]
    assert "Traceback" not in output and "Traceback" not in log_text(), log_text()[-4000:]
    assert "ModuleNotFoundError" not in output
    assert "LMS365 Desktop stopped" in log_text()


def test_bundle_holds_qt_charts_for_the_reports_and_none_of_the_unused_addons(bundle):
    names = {p.name for p in bundle.parent.rglob("*")}
    assert any(n.startswith("libQt6Charts") for n in names)
    unused = ("libQt63D", "libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libQt6Multimedia", "libQt6Location",
              "libQt6Sensors", "libQt6TextToSpeech", "libQt6Graphs", "libQt6DataVisualization")
    assert not [n for n in names if n.startswith(unused)]
