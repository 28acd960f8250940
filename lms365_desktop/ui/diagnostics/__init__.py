"""Diagnostics in the window: the crash dialog, the request log, preferences and the Help menu."""
from __future__ import annotations

from lms365_desktop.ui.diagnostics.controller import DiagnosticsController, install_diagnostics

__all__ = ["DiagnosticsController", "install_diagnostics"]
