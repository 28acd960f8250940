"""Uncaught exceptions from the main thread, other threads and the loop: logged, kept, reported once more."""
from __future__ import annotations

import asyncio
import logging
import sys
import threading

import pytest

from lms365_desktop.core import logging_setup
from lms365_desktop.core.crash_reports import CrashRecorder, diagnostics_text


@pytest.fixture
def recorder(tmp_path):
    setup = logging_setup.configure(folder=tmp_path, stderr=False)
    reports = []
    recorder = CrashRecorder(tmp_path, on_crash=reports.append)
    recorder.install()
    recorder.reports = reports
    yield recorder
    recorder.uninstall()
    setup.close()
    logging.getLogger().setLevel(logging.WARNING)


def test_main_thread_and_other_threads_reach_one_report(recorder, tmp_path):
    try:
        raise RuntimeError("in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    worker = threading.Thread(target=lambda: 1 / 0, name="worker-1")
    worker.start()
    worker.join()
    assert [r.source for r in recorder.reports] == ["main thread", "thread worker-1"]
    assert recorder.reports[0].summary == "RuntimeError: in a slot"
    assert "ZeroDivisionError" in recorder.reports[1].details
    log = (tmp_path / logging_setup.LOG_FILE_NAME).read_text()
    assert "CRITICAL lms365_desktop.crash: uncaught exception (main thread)" in log
    assert "RuntimeError: in a slot" in log


def test_the_loop_handler_reports_exceptions_and_only_logs_messages(recorder, tmp_path):
    loop = asyncio.new_event_loop()
    try:
        recorder.install_on_loop(loop)
        loop.call_exception_handler({"message": "callback failed", "exception": KeyError("gone")})
        loop.call_exception_handler({"message": "Task was destroyed but it is pending!"})
    finally:
        loop.close()
    assert [r.source for r in recorder.reports] == ["asyncio loop"]
    assert "asyncio: Task was destroyed" in (tmp_path / logging_setup.LOG_FILE_NAME).read_text()


def test_a_crash_is_reported_again_at_the_next_start_then_forgotten(recorder, tmp_path):
    logging_setup.remember_secret("secret-key-98765")
    try:
        raise ValueError("bad value secret-key-98765")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    recorder.uninstall()
    next_start = CrashRecorder(tmp_path)
    report = next_start.pending_report()
    assert report is not None and report.source == "previous run"
    assert report.summary == "ValueError: bad value [redacted]"
    assert "secret-key-98765" not in report.text()
    assert next_start.pending_report() is None


def test_a_hard_crash_leaves_its_stacks_for_the_next_start(tmp_path):
    (tmp_path / "faulthandler.log").write_text("Fatal Python error: Segmentation fault\n\nThread 0x1 ...\n")
    report = CrashRecorder(tmp_path).pending_report()
    assert report is not None
    assert "Segmentation fault" in report.details


def test_diagnostics_name_the_host_and_never_the_key():
    logging_setup.remember_secret("another-secret-key")
    text = diagnostics_text(qt_version="6.11.3", pyside_version="6.11.3", host="eu.lms365.com",
                            extra={"Note": "key another-secret-key"})
    assert "Qt 6.11.3" in text and "Connection host: eu.lms365.com" in text
    assert "Python 3." in text and "OS " in text
    assert "another-secret-key" not in text


def test_a_crash_handler_that_fails_itself_cannot_loop(tmp_path):
    import sys as _sys

    from lms365_desktop.core.crash_reports import MAX_HANDED_ON

    calls = []

    def failing_handler(report):
        calls.append(report)
        try:
            raise RuntimeError("the dialog failed too")
        except RuntimeError:
            _sys.excepthook(*_sys.exc_info())  # as Qt does with an exception in a slot

    recorder = CrashRecorder(tmp_path, on_crash=failing_handler)
    recorder.install()
    try:
        for _ in range(MAX_HANDED_ON + 5):
            try:
                raise ValueError("again")
            except ValueError:
                _sys.excepthook(*_sys.exc_info())
    finally:
        recorder.uninstall()
    assert len(calls) == MAX_HANDED_ON
