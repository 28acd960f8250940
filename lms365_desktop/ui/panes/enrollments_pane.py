"""Enrollments pane: all, pending approvals and overdue views, details with status history and certificate."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QToolButton

from lms365_desktop.api.odata import Guid, Query, and_, any_of, contains, or_
from lms365_desktop.core.spreadsheet import BOOL, NUMBER, TEXT
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import Column, date_column, display_text, enum_column, enum_text, field_value
from lms365_desktop.ui.itemmodels.lookups import Directory
from lms365_desktop.ui.local_time import moment_text
from lms365_desktop.ui.panes.details_panel import COURSE, SESSION, DetailsPanel, FieldTarget, id_target, person_target
from lms365_desktop.ui.panes.due_dates import (
    DeclaredFields, overdue_colour, overdue_days, overdue_text, progress_text)
from lms365_desktop.ui.panes.entity_pane import EntityPane
from lms365_desktop.ui.theme import icon

ALL, PENDING, OVERDUE = "all", "pending", "overdue"
PENDING_FILTER = "RegistrationStatus eq 'PendingApproval'"
CHANGES_DELAY_MS = 400  # a burst of feed events (a bulk job's webhooks) becomes one re-read and one recount
REFRESH_CHUNK = 20  # 20 `Id eq` terms stay under the real service's MaxNodeCount (100)
MAX_SEARCH_COURSE_IDS = 20  # keeps the search filter under the real service's MaxNodeCount
# With learners found by name, both lists share that budget: 10 + 10 `eq` terms and a few contains().
MAX_NAMED_LEARNERS = 10
MAX_NAMED_COURSES = 10
# Readable on light and dark palettes alike.
STATUS_COLOURS = {"PendingApproval": "#c98a00", "Rejected": "#d64545", "Cancelled": "#8c959f", "WaitingList": "#2f7fd8"}
PROGRESS_COLOURS = {"Completed": "#2e9d5b"}


def overdue_filter(now: datetime | None = None) -> str:
    """Enrolled, not completed, due date passed: the coordinator's follow-up list."""
    moment = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    return Query().filter(
        "RegistrationStatus eq 'Enrolled' and CoursePassingStatus ne 'Completed' and DueDate lt {}", moment
    ).filter_text


def _flag_and_id(title: str, id_title: str, key: str) -> list:
    """Export a yes/no column as TRUE/FALSE with the id it stands for beside it."""
    return [(title, BOOL, lambda row: bool(field_value(row, key))), (id_title, TEXT, lambda row: field_value(row, key))]


class EnrollmentDetails(DetailsPanel):
    icon_name = "enrollment"

    def __init__(self, context: AppContext, directory: Directory, parent=None) -> None:
        self.directory = directory
        self.fields = (
            ("learner:email", self.tr("E-mail")), ("learner:department", self.tr("Department")),
            ("learner:job_title", self.tr("Job title")), ("learner:office", self.tr("Office")),
            ("learner:manager", self.tr("Manager")), ("learner:status", self.tr("Account")),
            ("CourseId", self.tr("Course")), ("RegistrationStatus", self.tr("Status")),
            ("CoursePassingStatus", self.tr("Progress")), ("RegistrationDate", self.tr("Registered")),
            ("StartDate", self.tr("Started")), ("CompletionDate", self.tr("Completed")),
            ("DueDate", self.tr("Due")), ("EndDate", self.tr("Ends")), ("CEU", self.tr("CEU")),
            ("courseSessionId", self.tr("Session")),
            ("CancellationReason", self.tr("Reason")), ("Roles", self.tr("Roles")),
            ("IsPartOfTrainingPlan", self.tr("Training plan")), ("Id", self.tr("Id")),
        )
        super().__init__(context, parent)

    def heading(self, row: Any) -> str:
        return self.directory.people.display_name(field_value(row, "UserLoginName"))

    def field_text(self, row: Any, path: str) -> str:
        if path.startswith("learner:"):
            return self.directory.people.field(field_value(row, "UserLoginName"), path.partition(":")[2])
        value = field_value(row, path)
        if path == "CourseId":
            return self.directory.course_title(value)
        if path == "courseSessionId":
            return self.directory.session_title(value) if value else ""
        if path in ("RegistrationStatus", "CoursePassingStatus"):
            return enum_text(value)
        if path == "DueDate":
            return moment_text(value, days=True, zone=True)
        return display_text(value)

    def field_target(self, row: Any, path: str) -> FieldTarget | None:
        if path == "learner:manager":
            learner = self.directory.people.user(field_value(row, "UserLoginName"))
            return person_target(self.directory, learner.manager_login) if learner is not None else None
        if path == "CourseId":
            return id_target(COURSE, field_value(row, path))
        if path == "courseSessionId":
            return id_target(SESSION, field_value(row, path))
        return None

    async def load_more(self, row: Any) -> None:
        certificate_id = field_value(row, "CertificateId")
        if not certificate_id:
            self.add_section("certificate", self.tr("Certificate"), [], self.tr("No certificate"))
            return
        page = await self.context.client.fetch_page(
            "Certificates", Query().where(Id=Guid(certificate_id)), model=None)
        lines = []
        for cert in page.rows:
            lines.append(self.tr("Status: {s}").format(s=enum_text(cert.get("Status"))))
            lines.append(self.tr("Issued: {d}").format(d=moment_text(cert.get("Issued"), days=True, zone=True)))
            if cert.get("Expiry"):
                lines.append(self.tr("Expires: {d}").format(d=moment_text(cert.get("Expiry"), days=True, zone=True)))
            lines.append(self.tr("File: {f}").format(f=cert.get("ContentUrl") or self.tr("none uploaded")))
        self.add_section("certificate", self.tr("Certificate"), lines, self.tr("Certificate not found"))


class EnrollmentsPane(EntityPane):
    entity_set = "Enrollments"
    icon_name = "enrollment"

    view_changed = Signal(str)
    # Enrollments changed on the server (ids; empty when not known which), from whatever source:
    # actions, jobs, the activity feed. The one path the badges and the rows follow.
    enrollments_changed = Signal(list)

    def __init__(self, context: AppContext, directory: Directory, parent=None) -> None:
        self.title = self.tr("Enrollments")
        self.directory = directory
        self.people = people = directory.people
        self.current_view = ALL
        self._search_generation = 0
        self._all_sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

        def learner(name: str):
            return lambda row: people.field(field_value(row, "UserLoginName"), name)

        columns = [
            # Sorted on the server by login, which starts with the person's name for most tenants.
            Column("UserLoginName", self.tr("Learner"), width=200,
                   text=lambda row: people.display_name(field_value(row, "UserLoginName"))),
            Column("CourseId", self.tr("Course"), width=260, sortable=False,
                   text=lambda row: directory.course_title(field_value(row, "CourseId"))),
            enum_column("RegistrationStatus", self.tr("Status"), width=130,
                        colour=lambda row: STATUS_COLOURS.get(field_value(row, "RegistrationStatus"))),
            Column("CoursePassingStatus", self.tr("Progress"), width=130, text=progress_text,
                   colour=lambda row: PROGRESS_COLOURS.get(field_value(row, "CoursePassingStatus"))),
            date_column("RegistrationDate", self.tr("Registered"), width=130),
            date_column("StartDate", self.tr("Started"), width=130, visible=False),
            date_column("CompletionDate", self.tr("Completed"), width=130),
            date_column("DueDate", self.tr("Due"), width=130, days=True),
            Column("DueDate", self.tr("Overdue"), width=140, text=overdue_text, colour=overdue_colour,
                   extra={"export": [(self.tr("Overdue (days)"), NUMBER, overdue_days)]}),
            Column("CEU", self.tr("CEU"), width=60, visible=False,
                   align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column("CancellationReason", self.tr("Reason"), width=200, visible=False, sortable=False),
            Column("CertificateId", self.tr("Certificate"), width=120, visible=False, sortable=False,
                   text=lambda row: self.tr("Yes") if field_value(row, "CertificateId") else "",
                   extra={"export": _flag_and_id(self.tr("Certificate"), self.tr("Certificate (id)"),
                                                 "CertificateId")}),
            # The session by its title (looked up for each page shown), its id beside it in exports.
            Column("courseSessionId", self.tr("Session"), width=220, visible=False, sortable=False,
                   text=lambda row: directory.session_title(field_value(row, "courseSessionId"))),
            Column("Id", self.tr("Id"), width=280, visible=False),
        ]
        # The learner's details from the user directory, after the older columns so those keep
        # their positions; E-mail is moved beside the Learner on screen below.
        self.first_person_column = len(columns)
        columns += [
            Column("UserLoginName", self.tr("E-mail"), width=220, sortable=False, text=learner("email")),
            Column("UserLoginName", self.tr("Department"), width=130, visible=False, sortable=False,
                   text=learner("department")),
            Column("UserLoginName", self.tr("Job title"), width=150, visible=False, sortable=False,
                   text=learner("job_title")),
            Column("UserLoginName", self.tr("Office"), width=110, visible=False, sortable=False,
                   text=learner("office")),
            Column("UserLoginName", self.tr("Manager"), width=160, visible=False, sortable=False,
                   text=learner("manager")),
            Column("UserLoginName", self.tr("Account"), width=90, visible=False, sortable=False,
                   text=learner("status"), colour=lambda row: STATUS_COLOURS["Cancelled"]
                   if (user := people.user(field_value(row, "UserLoginName"))) and user.is_deleted else None),
            Column("UserLoginName", self.tr("Login"), width=240, visible=False, sortable=False,
                   text=lambda row: str(field_value(row, "UserLoginName") or "").rsplit("|", 1)[-1]),
        ]
        super().__init__(context, columns, object_name="enrollmentsPane",
                         details=EnrollmentDetails(context, directory), parent=parent,
                         extra_select=("UserId", "Roles", "EndDate", "IsPartOfTrainingPlan"))
        self.view.horizontalHeader().moveSection(self.first_person_column, 1)
        self.declared = DeclaredFields("Enrollments", ("Progress",), self.context.tasks)
        self._extra_select = self.model.extra_select
        self.view_buttons: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        for name, label, icon_name in ((ALL, self.tr("All"), "enrollment"),
                                       (PENDING, self.tr("Pending approvals"), "pending"),
                                       (OVERDUE, self.tr("Overdue"), "overdue")):
            button = QToolButton()
            button.setObjectName(f"enrollmentsView_{name}")
            button.setText(label)
            button.setIcon(icon(icon_name))
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, n=name: self.set_view(n))
            group.addButton(button)
            self.filter_left.insertWidget(self.filter_left.count() - 1, button)
            self.view_buttons[name] = button
        self.view_buttons[ALL].setChecked(True)
        self._changed_soon: dict[str, None] = {}
        self._changes_timer = QTimer(self)
        self._changes_timer.setSingleShot(True)
        self._changes_timer.setInterval(CHANGES_DELAY_MS)
        self._changes_timer.timeout.connect(self._on_changes_timer_timeout)
        people.names_changed.connect(self._on_people_names_changed)

    async def prepare(self) -> None:
        await self.directory.ensure(self.context.client)

    async def _fetch_page(self, query: Query, next_link: str | None):
        # The progress percentage where this service declares one: from this page on, and in
        # what exports and jobs ask for (model.query()).
        await self.declared.ensure(self.context.client)
        self.model.extra_select = self._extra_select + self.declared.available
        return await super()._fetch_page(self.declared.adjust(query), next_link)

    async def name_rows(self, rows) -> None:
        # The page's learners are named from the local directory before the rows are shown:
        # one local lookup for the page, no request per row.
        await self.people.resolve(field_value(row, "UserLoginName") for row in rows)
        await self.directory.resolve_sessions(self.context.client,
                                              [field_value(row, "courseSessionId") for row in rows])

    def _on_people_names_changed(self) -> None:
        self.model.refresh_display()
        if self.details is not None and self.current_row() is not None:
            self.details.show_row(self.current_row())

    def set_view(self, view: str, *, reload: bool = True) -> None:
        """All enrollments, the pending-approval queue, or the overdue list (``reload=False``: the caller reloads)."""
        if self.current_view == ALL and view != ALL:
            self._all_sort = (self.model.sort_column, self.model.sort_order)  # a queue's order is its own
        self.current_view = view
        self.view_buttons[view].setChecked(True)
        query = Query()
        if view == PENDING:
            query = query.filter(PENDING_FILTER)
            self._sort_by(self._column_of("RegistrationDate"))  # oldest request first: it has waited longest
        elif view == OVERDUE:
            query = query.filter(overdue_filter())
            self._sort_by(self._column_of("DueDate"))  # most overdue first
        else:
            self._sort_by(*self._all_sort)  # back to the order the user had chosen for all
        self.model.base_query = query
        if reload and self.context.client is not None:
            self.model.reload()
        self.view_changed.emit(view)

    def _column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.model.columns) if c.key == key and c.text is None)

    def _sort_by(self, index: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the next load by a column (-1: the server's order), arrow shown, without a load of its own."""
        header = self.view.horizontalHeader()
        blocked = header.blockSignals(True)  # the view would sort (and load) on the signal
        header.setSortIndicator(index, order)
        header.blockSignals(blocked)
        self.model.set_sort(index, order)

    def set_queue_counts(self, pending: int, overdue: int) -> None:
        self.view_buttons[PENDING].setText(self.tr("Pending approvals ({n})").format(n=QLocale().toString(pending)))
        self.view_buttons[OVERDUE].setText(self.tr("Overdue ({n})").format(n=QLocale().toString(overdue)))

    def search_filter(self, text: str) -> str:
        # Real LMS365 (ASP.NET Web API OData) refuses a $filter over MaxNodeCount, 100 by
        # default, i.e. about 20 `CourseId eq` terms. Past that, let the server match the course
        # title itself: one small expression, and no matching course is left out.
        matching = self.directory.course_ids_matching(text, limit=MAX_SEARCH_COURSE_IDS + 1)
        if len(matching) > MAX_SEARCH_COURSE_IDS:
            courses = contains("Course/Title", text)
        else:
            courses = any_of("CourseId", [Guid(c) for c in matching]) if matching else ""
        return or_(contains("UserLoginName", text), courses)

    def _update_server_filter(self) -> None:
        # Names live in the local directory, not in the enrollment: the typed words become the
        # logins of the people they match first (off the loop), so this one is asynchronous.
        self._search_generation += 1
        text = self.search_box.text().strip()
        if not text:
            self.model.set_server_filter(self.scope_filter)
            return
        self.context.tasks.run(self._apply_search(text, self._search_generation))

    async def _apply_search(self, text: str, generation: int) -> None:
        expression = await self.search_filter_async(text)
        if generation == self._search_generation:  # nothing newer was typed meanwhile
            self.model.set_server_filter(and_(self.scope_filter, expression))

    async def search_filter_async(self, text: str) -> str:
        """Enrollments whose learner's name, e-mail or department, or whose course title, holds
        every typed word; within the real service's MaxNodeCount (100)."""
        await self.directory.ensure(self.context.client)
        words = list(dict.fromkeys(text.split()))[:6]
        people = await self.people.search(text, limit=MAX_NAMED_LEARNERS + 1, include_deleted=True)
        by_login = and_(*(contains("UserLoginName", w) for w in words))
        if people and len(people) <= MAX_NAMED_LEARNERS:
            learners = or_(any_of("UserLoginName", [u.login_name for u in people]), by_login)
        else:
            learners = by_login
        matching = self.directory.course_ids_matching_words(words, limit=MAX_NAMED_COURSES + 1)
        if len(matching) > MAX_NAMED_COURSES:
            courses = and_(*(contains("Course/Title", w) for w in words))
        else:
            courses = any_of("CourseId", [Guid(c) for c in matching]) if matching else ""
        return or_(learners, courses)

    async def note_changed(self, ids: list[str]) -> None:
        """Enrollments changed on the server: re-read the loaded ones, then tell whoever counts."""
        try:
            if ids and self.context.client is not None and self.model.started:
                await self.refresh_rows(ids)
        finally:
            self.enrollments_changed.emit(list(ids))

    def note_changed_soon(self, ids: list[str]) -> None:
        """Like note_changed, gathered for a moment: events arrive in bursts, the API budget is shared."""
        self._changed_soon.update(dict.fromkeys(str(i) for i in ids))
        self._changes_timer.start()

    def _on_changes_timer_timeout(self) -> None:
        ids, self._changed_soon = list(self._changed_soon), {}
        if self.context.connection is None:
            return  # closed meanwhile (quit, switch): the next connection loads afresh anyway
        self.context.tasks.run(self.note_changed(ids))

    async def refresh_rows(self, ids: list[str]) -> int:
        """Re-read changed enrollments and update their rows in place.

        Rows that no longer match the view (an approved row in the pending queue) leave it, and
        the total follows; the server decides what matches, so scope and search count too.
        """
        client = self.context.client
        loaded = [i for i in dict.fromkeys(ids) if self._is_loaded(i)]
        updated = 0
        view_filter = self.model.query().filter_text
        for start in range(0, len(loaded), REFRESH_CHUNK):
            chunk = [Guid(i) for i in loaded[start:start + REFRESH_CHUNK]]
            query = Query().filter(any_of("Id", chunk)).top(REFRESH_CHUNK)
            page = await client.fetch_page("Enrollments", query, model=None)
            for row in page.rows:
                updated += self.model.replace_row(row)
            if view_filter:
                query = Query().filter(and_(view_filter, any_of("Id", chunk))).select("Id").top(REFRESH_CHUNK)
                matching = {str(r.get("Id")) for r in (await client.fetch_page("Enrollments", query, model=None)).rows}
                self.model.remove_keys([str(i) for i in chunk if str(i) not in matching])
        if self.details is not None and self.current_row() is not None:
            self.details.show_row(self.current_row())
        return updated

    def _is_loaded(self, key: str) -> bool:
        return self.model.contains_key(key)

    # ---- layout: the view is part of how the user left the pane -------------------------------
    def save_state(self, settings: QSettings) -> None:
        super().save_state(settings)
        settings.setValue(f"panes/{self.objectName()}/view", self.current_view)

    def restore_state(self, settings: QSettings) -> None:
        super().restore_state(settings)
        view = settings.value(f"panes/{self.objectName()}/view")
        if view in self.view_buttons and view != self.current_view:
            self.set_view(view)
