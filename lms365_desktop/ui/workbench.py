"""The AppContext app.py builds, with what it installed in the window, typed for whoever reaches them."""
from __future__ import annotations

from lms365_desktop.ui.activity.activity_controller import ActivityController
from lms365_desktop.ui.console.console_pane import ConsolePane
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.reports import Reports
from lms365_desktop.ui.wizards.installer import Wizards
from lms365_desktop.ui.workspace import Workspace


class Workbench(AppContext):
    """Panes and builders take the plain AppContext; app.py and tests reach the parts through this.

    The parts are set by app.build_ui right after it builds each one, before the window is used.
    """

    workspace: Workspace
    activity: ActivityController
    console: ConsolePane
    wizards: Wizards
    reports: Reports
