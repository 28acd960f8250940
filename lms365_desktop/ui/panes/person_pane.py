"""A person's record: who they are, every enrollment they hold, what is overdue and their certificates."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from lms365_desktop.api.odata import Guid, Query, and_, any_of, contains, eq
from lms365_desktop.core.logins import short_login
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import Column, date_column, display_text, enum_column, enum_text, field_value
from lms365_desktop.ui.itemmodels.lookups import Directory, user_principal
from lms365_desktop.ui.local_time import moment_text
from lms365_desktop.ui.panes.details_panel import DetailsPanel, FieldTarget, person_target
from lms365_desktop.ui.panes.due_dates import overdue_days
from lms365_desktop.ui.panes.entity_pane import EntityPane

OVERDUE_COLOUR = "#d64545"
MAX_SEARCH_COURSE_IDS = 20  # keeps the search filter under the real service's MaxNodeCount
# What the record needs of a user row; the same fields the Users pane loads.
PERSON_FIELDS = ("Id", "Title", "Email", "LoginName", "Department", "JobTitle", "Office", "ManagerLoginName")


def person_name(person: Any) -> str:
    """The name a coordinator knows a person by: display name, else e-mail, else the login's address.

    The one place the record turns a user row into a name (the user directory can answer here).
    """
    if person is None:
        return ""
    return (field_value(person, "Title") or field_value(person, "Email")
            or user_principal(field_value(person, "LoginName")) or "")


def days_overdue(row: Any, now: datetime | None = None) -> int:
    """Days an enrolled, unfinished enrollment is past due, 0 when not overdue: the Enrollments pane's
    count (calendar days on this computer's clock), so a learner's page and the pane never disagree."""
    return overdue_days(row, now) or 0


class PersonSummary(DetailsPanel):
    """Beside the person's enrollments: their details, overdue items and certificates."""

    icon_name = "user"

    def __init__(self, context: AppContext, directory: Directory, parent: QWidget | None = None) -> None:
        self.directory = directory
        self.fields = (
            ("Email", self.tr("E-mail")), ("Department", self.tr("Department")),
            ("JobTitle", self.tr("Job title")), ("Office", self.tr("Office")),
            ("ManagerLoginName", self.tr("Manager")), ("LoginName", self.tr("Login")),
        )
        super().__init__(context, parent)
        self.setObjectName("personSummary")

    def heading(self, row: Any) -> str:
        return person_name(row)

    def field_text(self, row: Any, path: str) -> str:
        # As the Users pane's details say it: the manager by name, the login as the person signs in.
        if path == "ManagerLoginName":
            login = field_value(row, path)
            return self.directory.people.display_name(login) if login else ""
        if path == "LoginName":
            return short_login(field_value(row, path))
        return display_text(field_value(row, path))

    def field_target(self, row: Any, path: str) -> FieldTarget | None:
        return person_target(self.directory, field_value(row, path)) if path == "ManagerLoginName" else None

    async def load_more(self, row: Any) -> None:
        client = self.context.client
        user_id = Guid(field_value(row, "Id"))
        manager = field_value(row, "ManagerLoginName")
        if manager:  # the manager by name: one local lookup, as the Users pane does for its rows
            await self.directory.people.resolve([manager])
            self.refresh_field("ManagerLoginName")
        await self.directory.ensure(client)
        query = Query().filter(eq("UserId", user_id)).select(
            "Id", "CourseId", "DueDate", "RegistrationStatus", "CoursePassingStatus")
        now = datetime.now(timezone.utc)
        overdue = []
        async for enrollment in client.paginate("Enrollments", query, model=None):
            days = days_overdue(enrollment, now)
            if days:
                overdue.append((days, self.directory.course_title(enrollment.get("CourseId"))))
        lines = [(self.tr("%n day overdue: {course}", "", days) if days == 1 else
                  self.tr("%n days overdue: {course}", "", days)).format(course=title)
                 for days, title in sorted(overdue, reverse=True)]
        self.add_section("overdue", self.tr("Overdue (%n)", "", len(lines)), lines, self.tr("Nothing overdue"))
        certificates = []
        async for cert in client.paginate("Certificates", Query().filter(eq("UserId", user_id)), model=None):
            certificates.append(self.tr("{course} · issued {issued} · {status}").format(
                course=self.directory.course_title(cert.get("CourseId")) or self.tr("(unknown course)"),
                issued=moment_text(cert.get("Issued"), days=True, zone=True), status=enum_text(cert.get("Status"))))
        self.add_section("certificates", self.tr("Certificates (%n)", "", len(certificates)), sorted(certificates),
                         self.tr("No certificates"))


class PersonPane(EntityPane):
    """One person's record: every enrollment they hold (Enter opens it), beside their summary."""

    entity_set = "Enrollments"
    icon_name = "user"

    def __init__(self, context: AppContext, directory: Directory, parent: QWidget | None = None) -> None:
        self.title = self.tr("Person")
        self.directory = directory
        self.person: dict | None = None
        columns = [
            Column("CourseId", self.tr("Course"), width=240, sortable=False,
                   text=lambda row: directory.course_title(field_value(row, "CourseId"))),
            enum_column("RegistrationStatus", self.tr("Status"), width=100),
            enum_column("CoursePassingStatus", self.tr("Progress"), width=100),
            date_column("DueDate", self.tr("Due"), width=125, days=True),
            Column("Overdue", self.tr("Overdue"), width=120, sortable=False, select=("DueDate",),
                   text=self._overdue_text, colour=lambda row: OVERDUE_COLOUR if days_overdue(row) else None),
            Column("CertificateId", self.tr("Certificate"), width=90, sortable=False,
                   text=lambda row: self.tr("Yes") if field_value(row, "CertificateId") else ""),
            date_column("RegistrationDate", self.tr("Registered"), width=130),
            date_column("CompletionDate", self.tr("Completed"), width=130),
            Column("Id", self.tr("Id"), width=280, visible=False),
        ]
        super().__init__(context, columns, object_name="personPane", parent=parent,
                         extra_select=("UserId", "UserLoginName", "courseSessionId"))
        self.summary = PersonSummary(context, directory)
        self.splitter.insertWidget(0, self.summary)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([300, 820])
        self.empty_hint = QLabel(self.tr("Press Enter on a user or an enrollment to open a person's record here."))
        self.empty_hint.setObjectName("personPaneHint")
        self.empty_hint.setEnabled(False)
        self.filter_left.insertWidget(0, self.empty_hint)
        self.scope_chip.setVisible(False)
        self.splitter.setVisible(False)
        self.view.setAccessibleName(self.tr("Enrollments of this person"))

    def _overdue_text(self, row: Any) -> str:
        days = days_overdue(row)
        if not days:
            return ""
        # Literal singular and plural sources: English reads right with no translation loaded.
        return self.tr("%n day overdue", "", days) if days == 1 else self.tr("%n days overdue", "", days)

    async def prepare(self) -> None:
        await self.directory.ensure(self.context.client)

    def show_person(self, person: dict | None, *, reload: bool = True) -> None:
        """Show ``person`` (a user row with at least Id; Title, Email... when known)."""
        self.person = dict(person) if person is not None else None
        self.summary.show_row(self.person)
        self.empty_hint.setVisible(self.person is None)
        self.splitter.setVisible(self.person is not None)  # no one's rows, not the last person's
        name = person_name(self.person)
        self.scope_filter = eq("UserId", Guid(self.person["Id"])) if self.person else ""
        self.scope_label = name
        self.view.setAccessibleName(self.tr("Enrollments of {name}").format(name=name) if name else "")
        self._update_place_filter()
        if reload and self.context.client is not None and self.person is not None:
            self.model.reload()

    def _update_place_filter(self) -> None:
        text = self.search_box.text().strip()
        self.model.server_filter = and_(self.scope_filter, self.search_filter(text) if text else "")

    def set_scope(self, expression: str, label: str) -> None:
        """A person's record has one scope, the person; there is no "all" to go back to."""

    def set_place(self, scope: str, label: str, search: str) -> None:
        blocked = self.search_box.blockSignals(True)
        self.search_box.setText(search)
        self.search_box.blockSignals(blocked)
        self._update_place_filter()

    def search_filter(self, text: str) -> str:
        """The person's enrollments in courses whose title matches (as the Enrollments pane searches)."""
        matching = self.directory.course_ids_matching(text, limit=MAX_SEARCH_COURSE_IDS + 1)
        if len(matching) > MAX_SEARCH_COURSE_IDS:
            return contains("Course/Title", text)
        return any_of("CourseId", [Guid(c) for c in matching])  # none: "false", i.e. no rows

    def _update_server_filter(self) -> None:
        if self.person is not None:
            self._update_place_filter()
            self.model.reload()

    def refresh(self):
        if self.person is None:
            return None
        self.summary.show_row(self.person)
        return super().refresh()

    def ensure_loaded(self) -> None:
        if self.person is not None:
            super().ensure_loaded()

    def _on_context_connection_changed(self, context: AppContext) -> None:
        if context.reload_on_change:
            self.show_person(None, reload=False)  # another tenant's person is no one here
            self.model.invalidate()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.scope_chip.setVisible(False)
        self.empty_hint.setVisible(self.person is None)
