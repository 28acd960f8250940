"""Qt wizards of LMS365 Desktop, and their actions in the main window (``install_wizards``)."""
from __future__ import annotations

from lms365_desktop.ui.wizards.installer import WizardLauncher, install_wizards

__all__ = ["WizardLauncher", "install_wizards"]
