"""Courses pane: every course with type, catalog and flow; details with sessions and enrollments."""
from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QLocale, Qt

from lms365_desktop.api.client import DEFAULT_COURSE_EXPAND
from lms365_desktop.api.errors import ValidationError
from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import Column, date_column, display_text, enum_column, enum_text, field_value
from lms365_desktop.ui.itemmodels.lookups import Directory, user_principal
from lms365_desktop.ui.panes.details_panel import DetailsPanel
from lms365_desktop.ui.panes.entity_pane import EntityPane
from lms365_desktop.ui.panes.session_times import session_when

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COURSE_EXPAND = DEFAULT_COURSE_EXPAND + ",LearningModules,Quizzes"


class CourseDetails(DetailsPanel):
    icon_name = "course"

    def __init__(self, context: AppContext, directory: Directory, parent=None) -> None:
        self.directory = directory
        self.fields = (
            ("CourseType", self.tr("Type")), ("CourseID", self.tr("Course ID")),
            ("CourseCatalogId", self.tr("Catalog")), ("EnrollmentFlow", self.tr("Enrollment flow")),
            ("IsPublished", self.tr("Published")), ("Duration", self.tr("Duration")),
            ("CEU", self.tr("CEU")), ("CreatedAt", self.tr("Created")), ("Id", self.tr("Id")),
        )
        super().__init__(context, parent)

    def field_text(self, row: Any, path: str) -> str:
        value = field_value(row, path)
        if path == "CourseCatalogId":
            return self.directory.catalog_title(value)
        if path in ("CourseType", "EnrollmentFlow"):
            return enum_text(value)
        if path == "IsPublished":
            return self.tr("Yes") if value else self.tr("No")
        return display_text(value)

    async def load_more(self, row: Any) -> None:
        client = self.context.client
        course_id = str(field_value(row, "Id"))
        try:
            course = await client.get_course_info(course_id, expand=COURSE_EXPAND)
        except ValidationError:
            # Not every server lets LearningModules/Quizzes be expanded; the rest still shows.
            course = await client.get_course_info(course_id)
        if course.description:
            self.add_section("description", self.tr("Description"), [course.description])
        self.add_section("categories", self.tr("Categories"), sorted(c.name or "" for c in course.categories or []))
        self.add_section("tags", self.tr("Tags"), sorted(t.name or "" for t in course.tags or []))
        sessions = [f"{s.title} · {session_when(s)}" for s in sorted(
            course.course_sessions or [], key=lambda s: str(s.start_date or "")) if not s.is_group]
        self.add_section("sessions", self.tr("Sessions"), sessions)
        trainers = [t.title or user_principal(t.login_name) for t in course.trainers or []]
        self.add_section("trainers", self.tr("Trainers"), trainers)
        modules = [m.title or "" for m in sorted(course.learning_modules or [], key=lambda m: m.order or 0)]
        self.add_section("modules", self.tr("Learning modules"), modules)
        self.add_section("quizzes", self.tr("Quizzes"), [q.title or "" for q in course.quizzes or []])
        statuses: Counter[str] = Counter()
        query = Query().where(CourseId=Guid(course_id)).select("Id", "RegistrationStatus", "CoursePassingStatus")
        async for enrollment in client.paginate("Enrollments", query, model=None):
            status = enrollment.get("RegistrationStatus")
            if status == "Enrolled" and enrollment.get("CoursePassingStatus") == "Completed":
                status = "Completed"
            statuses[enum_text(status)] += 1
        total = sum(statuses.values())
        summary = [self.tr("%Ln enrollment", "", total) if total == 1 else self.tr("%Ln enrollments", "", total)]
        summary += [f"{name}: {QLocale().toString(count)}" for name, count in statuses.most_common()]
        self.add_section("enrollments", self.tr("Enrollments"), summary)


class CoursesPane(EntityPane):
    entity_set = "Courses"
    icon_name = "course"
    search_fields = ("Title", "CourseID", "Description")

    def __init__(self, context: AppContext, directory: Directory, parent=None) -> None:
        self.title = self.tr("Courses")
        self.directory = directory
        columns = [
            Column("Title", self.tr("Title"), width=300),
            enum_column("CourseType", self.tr("Type"), width=100),
            Column("CourseID", self.tr("Course ID"), width=100),
            Column("CourseCatalogId", self.tr("Catalog"), width=150,
                   text=lambda row: directory.catalog_title(field_value(row, "CourseCatalogId"))),
            Column("IsPublished", self.tr("Published"), width=80, align=Qt.AlignmentFlag.AlignCenter),
            Column("Duration", self.tr("Duration"), width=80, align=RIGHT),
            Column("CEU", self.tr("CEU"), width=60, align=RIGHT),
            enum_column("EnrollmentFlow", self.tr("Enrollment flow"), width=170),
            date_column("CreatedAt", self.tr("Created"), width=130),
            Column("ShowInCatalog", self.tr("In catalog"), width=80, visible=False, align=Qt.AlignmentFlag.AlignCenter),
            Column("Id", self.tr("Id"), width=280, visible=False),
        ]
        super().__init__(context, columns, object_name="coursesPane",
                         details=CourseDetails(context, directory), parent=parent)

    async def prepare(self) -> None:
        await self.directory.ensure(self.context.client)
