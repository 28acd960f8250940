"""The entity data model served on /odata/v2: entity types, their properties and navigations."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable

from sqlalchemy import inspect as sa_inspect, select
from sqlalchemy.orm import RelationshipDirection

from . import store as s

NAMESPACE = "LMS365.Api"


@dataclass
class Complex:
    """A complex-typed property built from several columns (e.g. CourseSession.Room)."""

    type_name: str
    columns: dict[str, str]  # wire name -> column attribute


@dataclass
class Navigation:
    name: str
    target: str  # entity type name
    many: bool


@dataclass
class EntityType:
    name: str
    model: type
    key: str = "Id"
    hidden: frozenset[str] = frozenset()
    # Properties the real service cannot filter or sort on (notes section 3, HC-NF).
    non_filterable: frozenset[str] = frozenset()
    # Computed properties the real service cannot even $select (HC-NF: "also non-selectable").
    non_selectable: frozenset[str] = frozenset()
    converters: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    complex: dict[str, Complex] = field(default_factory=dict)
    nav_names: tuple[str, ...] = ()
    # Rows a plain read leaves out, wherever the type is read (collections, navigations, $expand).
    default_filter: Callable[[], list] | None = None
    # Filled in by _finish():
    properties: dict[str, Any] = field(default_factory=dict)  # wire name -> column attribute
    navigations: dict[str, Navigation] = field(default_factory=dict)

    @property
    def qualified_name(self) -> str:
        return f"{NAMESPACE}.{self.name}"

    def default_where(self) -> list:
        return [] if self.default_filter is None else self.default_filter()

    def column(self, name: str):
        return self.properties[name]

    def relationship(self, name: str):
        return getattr(self.model, name)


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def _roles(value: str | None) -> list[str]:
    return [part for part in (value or "").split(",") if part]


TYPES: dict[str, EntityType] = {
    t.name: t for t in (
        EntityType("SharepointWeb", s.SharepointWeb),
        EntityType("CourseCatalog", s.CourseCatalog, hidden=frozenset({"SharepointWebId"}),
                   nav_names=("Courses", "SharepointWeb")),
        EntityType(
            "Course", s.Course,
            non_filterable=frozenset({"TimeZone"}),  # computed upstream, not served here (HC-NF)
            hidden=frozenset({"Culture", "UICulture", "SiteTemplate", "FailedCourseId", "IsCreated",
                              "CreatedById", "SharepointWebId"}),
            nav_names=("Categories", "Tags", "Trainers", "Admins", "CourseSessions", "SharepointWeb",
                       "DueDate", "Publishing", "CertificateExpiry", "ProvisioningProgress",
                       "Enrollments", "LearningModules", "Quizzes", "Rating", "Competencies"),
        ),
        EntityType("CourseRating", s.CourseRating, key="CourseId"),
        EntityType("DueDate", s.CourseDueDate, key="CourseId"),
        EntityType("Publishing", s.CoursePublishing),
        EntityType("CertificateExpiry", s.CourseCertificateExpiry, key="CourseId"),
        EntityType("ProvisioningProgress", s.CourseProvisioning, key="CourseId",
                   hidden=frozenset({"StartedAt", "CompletedAt", "ErrorMessage"})),
        EntityType("CourseCategory", s.CourseCategory, nav_names=("Courses", "ParentCategory")),
        EntityType("CourseTag", s.CourseTag, nav_names=("Courses",)),
        EntityType(
            "CourseSession", s.CourseSession,
            hidden=frozenset({"RoomTitle", "RoomLocation", "RoomEmailAddress", "RoomSource"}),
            # The *Local and Instructors members are computed upstream and not served here; a
            # filter on them still gets the real service's answer (HC-NF).
            non_filterable=frozenset({"StartDateTimeZoneOffset", "EndDateTimeZoneOffset",
                                      "TimeZoneName", "Room", "StartDateLocal", "EndDateLocal",
                                      "AttendanceStartDateLocal", "AttendanceEndDateLocal",
                                      "EnrollmentDeadlineLocal", "Instructors"}),
            complex={"Room": Complex("Room", {"Title": "RoomTitle", "Location": "RoomLocation",
                                              "EmailAddress": "RoomEmailAddress",
                                              "Source": "RoomSource"})},
            nav_names=("Course", "Enrollments"),
        ),
        EntityType("User", s.User, non_filterable=frozenset({"IsExternal"}),
                   nav_names=("Manager", "Enrollments", "UserFieldValues")),
        EntityType("UserFieldValue", s.UserFieldValue, hidden=frozenset({"UserId"})),
        EntityType("UserField", s.UserField),
        EntityType("Enrollment", s.Enrollment,
                   hidden=frozenset({"ModifiedById", "TrainingPlanId"}),
                   # A collection of strings on the wire (stored joined): not comparable as one value.
                   non_filterable=frozenset({"Roles"}),
                   converters={"Roles": _roles},
                   nav_names=("Course", "User", "CourseSession", "Attendances")),
        EntityType("Attendance", s.Attendance),
        EntityType("Certificate", s.Certificate,
                   hidden=frozenset({"Content"}), nav_names=("User", "Course")),
        EntityType("TrainingPlan", s.TrainingPlan, nav_names=("Courses",)),
        EntityType("LearningModule", s.LearningModule, non_filterable=frozenset({"Configuration"}),
                   converters={"Configuration": _json}),
        EntityType("Quiz", s.Quiz, hidden=frozenset({"CourseId"})),
        EntityType("CompetencyCategory", s.CompetencyCategory),
        EntityType("CompetencyScaleSet", s.CompetencyScaleSet, non_filterable=frozenset({"Levels"}),
                   converters={"Levels": _json}),
        EntityType("Competency", s.Competency, nav_names=("Category", "ScaleSet")),
        EntityType("LearningModuleAttempt", s.LearningModuleAttempt,
                   non_filterable=frozenset({"State"}), non_selectable=frozenset({"State"})),
        EntityType("ScormAttempt", s.ScormAttempt,
                   non_filterable=frozenset({"State"}), non_selectable=frozenset({"State"})),
        # Secret is write-only: stored, never served (it is not even a property on the wire).
        EntityType("ExternalApp", s.ExternalApp, hidden=frozenset({"Secret"}),
                   non_filterable=frozenset({"Secret", "CustomFields"}),
                   non_selectable=frozenset({"Secret", "CustomFields"}),
                   converters={"CustomFields": _json}),
    )
}

# Entity set name -> entity type name, as served under /odata/v2/.
ENTITY_SETS: dict[str, str] = {
    "Courses": "Course",
    "CourseCatalogs": "CourseCatalog",
    "CourseCategories": "CourseCategory",
    "CourseTags": "CourseTag",
    "CourseSessions": "CourseSession",
    "Users": "User",
    "Enrollments": "Enrollment",
    "Certificates": "Certificate",
    "TrainingPlans": "TrainingPlan",
    "UserFields": "UserField",
    "Competencies": "Competency",
    "CompetencyCategories": "CompetencyCategory",
    "CompetencyScaleSets": "CompetencyScaleSet",
    "LearningModuleAttempts": "LearningModuleAttempt",
    "ScormAttempts": "ScormAttempt",
    "ExternalApps": "ExternalApp",
}

_MODEL_TO_TYPE = {t.model: t.name for t in TYPES.values()}

# Courses still provisioning show only through Courses/IncludeNotCreated; enrollments of deleted
# users only through Enrollments/IncludeDeletedUsers() (API notes, section 4).
TYPES["Course"].default_filter = lambda: [s.Course.IsCreated.is_(True)]
TYPES["Enrollment"].default_filter = lambda: [
    s.Enrollment.UserId.not_in(select(s.User.Id).where(s.User.IsDeleted.is_(True)))]


def _finish() -> None:
    for etype in TYPES.values():
        mapper = sa_inspect(etype.model)
        for attr in mapper.column_attrs:
            if attr.key not in etype.hidden:
                etype.properties[attr.key] = getattr(etype.model, attr.key)
        for name in etype.nav_names:
            rel = mapper.relationships[name]
            many = rel.direction in (RelationshipDirection.ONETOMANY,
                                     RelationshipDirection.MANYTOMANY) and rel.uselist
            etype.navigations[name] = Navigation(name, _MODEL_TO_TYPE[rel.mapper.class_], many)


_finish()


def entity_set(name: str) -> EntityType | None:
    type_name = ENTITY_SETS.get(name)
    return None if type_name is None else TYPES[type_name]


def set_of_type(type_name: str) -> str | None:
    for set_name, tname in ENTITY_SETS.items():
        if tname == type_name:
            return set_name
    return None


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str  # an Edm type name, or Collection(...) of one
    nullable: bool = True


@dataclass(frozen=True)
class ActionSignature:
    """What a bound action reads from its JSON body and what it answers with (None: 204, no body)."""

    parameters: tuple[Parameter, ...] = ()
    returns: str | None = None  # entity type name


# (entity set, action) -> signature, as the connector swagger's bodies and the API notes give them.
# The action handlers read exactly these members; tests/sandbox/test_metadata.py checks each one.
ACTION_SIGNATURES: dict[tuple[str, str], ActionSignature] = {
    ("Courses", "Enroll"): ActionSignature((
        Parameter("userLoginName", "Edm.String", nullable=False),
        Parameter("courseSessionId", "Edm.Guid"),  # deprecated in favour of courseSessionIds (notes §4)
        Parameter("courseSessionIds", "Collection(Edm.Guid)"),
        Parameter("ignoreMaxAttendees", "Edm.Boolean"),
        Parameter("ignoreEnrollmentFlow", "Edm.Boolean"),
    ), returns="Enrollment"),
    ("Enrollments", "Approve"): ActionSignature(),
    ("Enrollments", "Reject"): ActionSignature((Parameter("message", "Edm.String"),)),
    ("Enrollments", "Cancel"): ActionSignature((Parameter("message", "Edm.String"),)),
    ("Enrollments", "Complete"): ActionSignature(),
    ("Enrollments", "Retake"): ActionSignature((Parameter("courseSessionId", "Edm.Guid"),)),
    ("Users", "UpdateUserFieldValues"): ActionSignature((
        Parameter("UserFieldValues", "Collection(LMS365.Api.UserFieldValueInput)", nullable=False),)),
}
