"""Users pane: people by name, e-mail and department (100k rows stay smooth); details list their enrollments."""
from __future__ import annotations

from typing import Any

from lms365_desktop.api.odata import Query
from lms365_desktop.core.mirror.user_directory import short_login
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import Column, display_text, enum_text, field_value
from lms365_desktop.ui.itemmodels.lookups import Directory
from lms365_desktop.ui.panes.details_panel import DetailsPanel, FieldTarget, person_target
from lms365_desktop.ui.panes.entity_pane import EntityPane


class UserDetails(DetailsPanel):
    icon_name = "user"

    def __init__(self, context: AppContext, directory: Directory, parent=None) -> None:
        self.directory = directory
        self.fields = (
            ("Email", self.tr("E-mail")), ("JobTitle", self.tr("Job title")),
            ("Department", self.tr("Department")), ("Office", self.tr("Office")),
            ("City", self.tr("City")), ("Country", self.tr("Country")),
            ("ManagerLoginName", self.tr("Manager")), ("LoginName", self.tr("Login")),
        )
        super().__init__(context, parent)

    def field_text(self, row: Any, path: str) -> str:
        if path == "ManagerLoginName":
            return self.directory.people.display_name(field_value(row, path)) if field_value(row, path) else ""
        if path == "LoginName":  # the sign-in name a person knows, never the claim prefix
            return short_login(field_value(row, path))
        return display_text(field_value(row, path))

    def field_target(self, row: Any, path: str) -> FieldTarget | None:
        return person_target(self.directory, field_value(row, path)) if path == "ManagerLoginName" else None

    async def load_more(self, row: Any) -> None:
        client = self.context.client
        await self.directory.ensure(client)
        query = Query().filter("UserLoginName eq {}", field_value(row, "LoginName") or "").select(
            "Id", "CourseId", "RegistrationStatus", "CoursePassingStatus")
        lines = []
        async for enrollment in client.paginate("Enrollments", query, model=None):
            status = enrollment.get("RegistrationStatus")
            if status == "Enrolled":
                status = enrollment.get("CoursePassingStatus") or status
            lines.append(f"{self.directory.course_title(enrollment.get('CourseId'))} — {enum_text(status)}")
        self.add_section("enrollments", self.tr("Enrollments ({n})").format(n=len(lines)), sorted(lines),
                         self.tr("Not enrolled in any course"))


class UsersPane(EntityPane):
    entity_set = "Users"
    icon_name = "users"
    search_fields = ("Title", "Email", "Department")

    def __init__(self, context: AppContext, directory: Directory, parent=None) -> None:
        self.title = self.tr("Users")
        columns = [
            Column("Title", self.tr("Name"), width=200,
                   colour=lambda row: "#8c959f" if field_value(row, "IsDeleted") else None),
            Column("Email", self.tr("E-mail"), width=240),
            Column("Department", self.tr("Department"), width=140),
            Column("JobTitle", self.tr("Job title"), width=170),
            Column("Country", self.tr("Country"), width=110),
            Column("City", self.tr("City"), width=110),
            Column("Office", self.tr("Office"), width=100, visible=False),
            Column("ManagerLoginName", self.tr("Manager"), width=160, visible=False, sortable=False,
                   text=lambda row: directory.people.display_name(field_value(row, "ManagerLoginName"))
                   if field_value(row, "ManagerLoginName") else ""),
            Column("IsDeleted", self.tr("Account"), width=90,
                   text=lambda row: self.tr("Deleted") if field_value(row, "IsDeleted") else "", row_only=True,
                   colour=lambda row: "#8c959f" if field_value(row, "IsDeleted") else None),
            Column("LoginName", self.tr("Login"), width=260, visible=False,
                   text=lambda row: short_login(field_value(row, "LoginName")), row_only=True),
            Column("Id", self.tr("Id"), width=80, visible=False),
        ]
        self.directory = directory
        super().__init__(context, columns, object_name="usersPane",
                         details=UserDetails(context, directory), parent=parent, extra_select=("ManagerLoginName",))
        directory.people.names_changed.connect(self.model.refresh_display)
        # Whether the account still exists belongs beside the name, where the eye is.
        self.view.horizontalHeader().moveSection([c.key for c in columns].index("IsDeleted"), 1)

    async def name_rows(self, rows) -> None:
        # Managers are named from the local directory (one lookup a page, no request per row).
        await self.directory.people.resolve(field_value(row, "ManagerLoginName") for row in rows)
