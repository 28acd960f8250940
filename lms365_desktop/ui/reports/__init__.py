"""The Reports pane and its mirror: ``install_reports(context, workspace)`` (never imports the chart module)."""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from lms365_desktop.core.activity_events import ActivityEvent
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.panes.entity_pane import EntityPane
from lms365_desktop.ui.reports.reports_controller import ReportsController
from lms365_desktop.ui.reports.reports_pane import ReportsPane
from lms365_desktop.ui.reports.sync_status import SyncStatus
from lms365_desktop.ui.workspace import Workspace


@dataclass
class Reports:
    """What install_reports built: the mirror's controller and the pane."""

    controller: ReportsController
    pane: ReportsPane

    def apply_event(self, event: ActivityEvent) -> None:
        """An activity-feed event (the activity controller feeds every event of the feed here)."""
        self.controller.apply_event(event)


def install_reports(context: AppContext, workspace: Workspace) -> Reports:
    """Build the controller and pane, and add "… report" entries to the course, user and catalog row menus."""
    controller = ReportsController(context, workspace.people)
    pane = ReportsPane(context, controller, workspace.links, workspace.people)
    window = context.window
    window.add_status_widget(SyncStatus(controller, window))

    def action(name: str, text: str, pane_of_rows: EntityPane, opener: Callable[[dict], None]) -> QAction:
        act = QAction(text, window)
        act.setObjectName(name)
        act.triggered.connect(lambda: (row := pane_of_rows.current_row()) and opener(row))
        return act

    translate = QCoreApplication.translate
    workspace.courses.add_context_actions([action(
        "courseProgressReport", translate("Reports", "Course progress report"), workspace.courses,
        lambda row: pane.show_course(str(row.get("Id") or "")))])
    workspace.users.add_context_actions([action(
        "learnerProgressReport", translate("Reports", "Learner progress report"), workspace.users,
        lambda row: pane.show_learner(str(row.get("Id") or ""), str(row.get("Title") or "")))])
    workspace.catalogs.add_context_actions([action(
        "complianceReport", translate("Reports", "Compliance report"), workspace.catalogs,
        lambda row: pane.show_compliance(str(row.get("Id") or "")))])
    return Reports(controller, pane)
