"""The real window on the sandbox with the diagnostics installed, logging to a temporary folder."""
from __future__ import annotations

import logging

import pytest


@pytest.fixture
def diagnostics(main_window, tmp_path):
    """(context, controller, log setup, recorder): what app.main() installs, in a test folder."""
    from lms365_desktop.core import logging_setup
    from lms365_desktop.core.crash_reports import CrashRecorder
    from lms365_desktop.ui.diagnostics import install_diagnostics

    root, package = logging.getLogger(), logging.getLogger(logging_setup.ROOT_LOGGER)
    levels = root.level, package.level
    setup = logging_setup.configure(folder=tmp_path / "log", stderr=False)
    recorder = CrashRecorder(setup.folder)
    recorder.install()
    controller = install_diagnostics(main_window, setup, recorder)
    yield main_window, controller, setup, recorder
    recorder.uninstall()
    setup.close()
    root.setLevel(levels[0])
    package.setLevel(levels[1])
