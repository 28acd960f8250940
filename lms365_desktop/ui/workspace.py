"""Builds the coordinator's workspace in the window: navigation, entity panes, jobs and their actions."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.lookups import Directory
from lms365_desktop.ui.job_manager import JobManager
from lms365_desktop.ui.navigation import NavigationTree, queue_counts
from lms365_desktop.ui.pane_history import Place
from lms365_desktop.ui.pane_links import PaneLinks
from lms365_desktop.ui.panes.catalogs_pane import CatalogsPane
from lms365_desktop.ui.panes.courses_pane import CoursesPane
from lms365_desktop.ui.panes.enrollment_actions import EnrollmentActions
from lms365_desktop.ui.panes.enrollments_pane import ALL, PENDING_FILTER, EnrollmentsPane, overdue_filter
from lms365_desktop.ui.panes.entity_pane import EntityPane
from lms365_desktop.ui.panes.person_pane import PersonPane
from lms365_desktop.ui.panes.sessions_pane import SessionsPane
from lms365_desktop.ui.panes.users_pane import UsersPane
from lms365_desktop.ui.job_panel import JobPanel, JobStatus
from lms365_desktop.ui.people import People
from lms365_desktop.ui.view_verbs import ViewVerb

translate = QCoreApplication.translate


@dataclass
class Workspace:
    """What install_workspace built, for app.py and tests to reach."""

    directory: Directory
    navigation: NavigationTree
    catalogs: CatalogsPane
    courses: CoursesPane
    sessions: SessionsPane
    users: UsersPane
    enrollments: EnrollmentsPane
    jobs: JobManager
    job_panel: JobPanel
    actions: EnrollmentActions
    person: PersonPane | None = None  # its tab appears when the first person is opened
    links: PaneLinks | None = None  # what each row opens, and Back/Forward (links.history)

    @property
    def people(self) -> People:
        return self.directory.people

    @property
    def panes(self):
        return (self.catalogs, self.courses, self.sessions, self.users, self.enrollments)


def install_workspace(context: AppContext) -> Workspace:
    """Add the five entity panes (Ctrl+1..5), navigation, jobs and the view verbs."""
    window = context.window
    _install_view_actions(context)

    directory = Directory(People(context))
    catalogs = CatalogsPane(context)
    courses = CoursesPane(context, directory)
    sessions = SessionsPane(context, directory)
    users = UsersPane(context, directory)
    enrollments = EnrollmentsPane(context, directory)
    for pane, title in ((catalogs, translate("MainWindow", "Catalogs")), (courses, translate("MainWindow", "Courses")),
                        (sessions, translate("MainWindow", "Sessions")), (users, translate("MainWindow", "Users")),
                        (enrollments, translate("MainWindow", "Enrollments"))):
        window.add_pane(pane, title, pane.icon_name)
        window.keep_pane_state(pane.save_state, pane.restore_state)
        context.view_verbs.register(pane, {
            ViewVerb.REFRESH: pane.refresh, ViewVerb.FIND: pane.focus_find, ViewVerb.COPY_ROWS: pane.copy_selection,
            ViewVerb.EXPORT_CSV: pane.export_csv, ViewVerb.EXPORT_ALL: pane.export_all,
            ViewVerb.CHOOSE_COLUMNS: pane.choose_columns})

    navigation = NavigationTree(context)
    window.set_navigation(navigation)
    jobs = JobManager(context)
    job_panel = JobPanel(jobs, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, job_panel)
    job_panel.hide()
    job_status = JobStatus(jobs)
    job_status.clicked.connect(job_panel.show)
    window.add_status_widget(job_status)
    window.add_action("view", "showJobs", translate("MainWindow", "&Jobs"), icon_name="retry", slot=job_panel.show)
    actions = EnrollmentActions(context, enrollments, courses, sessions, jobs, directory, users)
    person = PersonPane(context, directory)
    links = PaneLinks(context, {"catalogs": catalogs, "courses": courses, "sessions": sessions, "users": users,
                                "enrollments": enrollments}, person, directory)
    job_panel.enrollment_opened.connect(links.open_enrollment)
    workspace = Workspace(directory, navigation, catalogs, courses, sessions, users, enrollments, jobs, job_panel,
                          actions, person, links)

    # The navigation tree's choices are places too: Back returns from them.
    def on_scope(expression: str, label: str) -> None:
        links.history.go(Place("coursesPane", expression, label))

    def on_queue(view: str) -> None:
        links.history.go(Place("enrollmentsPane", view=view or ALL))

    navigation.scope_chosen.connect(on_scope)
    navigation.queue_chosen.connect(on_queue)

    def refresh_counts(*_args) -> None:
        if context.client is not None:
            context.tasks.run(_update_counts(context, workspace))

    def on_connection(ctx: AppContext) -> None:
        if ctx.client is None:
            return
        if ctx.profile is not None:
            navigation.set_connection(ctx.profile.name, ctx.profile.is_sandbox)
        if ctx.reload_on_change:
            directory.reset()
            ctx.tasks.run(navigation.load())
            refresh_counts()
            current = window.current_pane()
            if isinstance(current, EntityPane):
                current.ensure_loaded()
            offer_interrupted_jobs(ctx, workspace)

    context.connection_changed.connect(on_connection)

    # Panes whose last load failed: a re-entered key reloads exactly those, keeping each pane's
    # search, filter and sort (they live in the model, which reload() reuses).
    failed: set = set()
    for pane in workspace.panes:
        pane.model.load_failed.connect(lambda _exc, p=pane: failed.add(p))
        pane.model.loading_changed.connect(lambda loading, p=pane: failed.discard(p) if loading else None)

    def on_key_accepted() -> None:
        if context.reload_on_change:
            return  # the connection change reloaded everything already
        for pane in [p for p in workspace.panes if p in failed]:
            failed.discard(pane)
            pane.refresh()
        refresh_counts()

    context.key_accepted.connect(on_key_accepted)
    enrollments.enrollments_changed.connect(refresh_counts)  # every source of a change comes through here
    return workspace


async def _update_counts(context: AppContext, workspace: Workspace) -> None:
    pending, overdue = await queue_counts(context.client, overdue_filter(), PENDING_FILTER)
    workspace.navigation.set_queue_counts(pending, overdue)
    workspace.enrollments.set_queue_counts(pending, overdue)


def offer_interrupted_jobs(context: AppContext, workspace: Workspace) -> None:
    """Jobs cut off by a crash or a closed window: offer to finish them (done items are skipped)."""
    for record in workspace.jobs.interrupted():
        def resume(r=record) -> None:
            workspace.jobs.resume(r)

        def discard(r=record) -> None:
            workspace.jobs.discard(r)

        context.notifications.show_warning(
            translate("MainWindow", "A job did not finish"),
            translate("MainWindow", "“{label}” stopped with {left} of %Ln item(s) left.", "", record.total).format(
                label=record.label, left=QLocale().toString(record.remaining)),
            actions=[(translate("MainWindow", "Resume"), resume), (translate("MainWindow", "Discard"), discard)],
        )


def _add_export_menu(window, export_view, export_all) -> None:
    """The toolbar's Export button: a click exports the view; its arrow offers both choices."""
    menu = QMenu(window)
    menu.setObjectName("exportMenu")
    menu.addAction(export_view)
    menu.addAction(export_all)
    button = window.toolbar.widgetForAction(export_view)
    if isinstance(button, QToolButton):
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setAccessibleName(translate("MainWindow", "Export"))


def _install_view_actions(context: AppContext) -> None:
    """The verbs every entity pane answers to (F5, Ctrl+F, Ctrl+C, export, columns)."""
    window = context.window

    def on_current(verb: ViewVerb):
        def call(*_args) -> None:
            perform = context.view_verbs.get(window.current_pane(), verb)
            if perform is not None:
                perform()
        return call

    window.add_action("view", "refresh", translate("MainWindow", "&Refresh"),
                      shortcut=QKeySequence.StandardKey.Refresh,
                      icon_name="refresh", slot=on_current(ViewVerb.REFRESH), toolbar=True)
    window.add_action("view", "find", translate("MainWindow", "&Find…"), shortcut=QKeySequence.StandardKey.Find,
                      icon_name="find", slot=on_current(ViewVerb.FIND))
    window.add_action("view", "copyRows", translate("MainWindow", "&Copy rows"),
                      shortcut=QKeySequence.StandardKey.Copy,
                      icon_name="copy", slot=on_current(ViewVerb.COPY_ROWS))
    export_view = window.add_action("file", "exportCsv", translate("MainWindow", "&Export view…"),
                                    icon_name="export", slot=on_current(ViewVerb.EXPORT_CSV), toolbar=True)
    export_view.setToolTip(translate(
        "MainWindow", "Export the rows in view (quick filter and scope applied) to Excel or CSV"))
    export_all = window.add_action("file", "exportAll",
                                   translate("MainWindow", "Export &all matching…"),
                                   icon_name="export", slot=on_current(ViewVerb.EXPORT_ALL))
    export_all.setToolTip(translate(
        "MainWindow", "Export every row the search and scope match, not only those loaded"))
    _add_export_menu(window, export_view, export_all)
    window.add_action("view", "chooseColumns", translate("MainWindow", "C&olumns…"), icon_name="columns",
                      slot=on_current(ViewVerb.CHOOSE_COLUMNS))
    window.toolbar.addSeparator()

    def update_verbs(*_args) -> None:
        """Enable each verb only where the current pane performs it (a disabled Ctrl+C also
        leaves the key to the focused text field)."""
        pane = window.current_pane()
        for verb in ViewVerb:
            window.actions_by_name[verb.value].setEnabled(context.view_verbs.get(pane, verb) is not None)

    window.pane_changed.connect(update_verbs)
    context.view_verbs.add_listener(update_verbs)
    for menu in ("view", "file"):
        window.menus[menu].aboutToShow.connect(update_verbs)
