"""The sandbox's SQLite schema (SQLAlchemy 2) and the engine/session helpers around it."""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import (
    Boolean, Column, Float, ForeignKey, Integer, LargeBinary, String, Table, Text, create_engine,
    event,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship
from sqlalchemy.pool import StaticPool

from . import enums
from .store_content import LearningModule, Quiz  # noqa: F401  (re-exported; registers its tables)
from .store_learning import (  # noqa: F401  (re-exported; registers its tables)
    Attendance, Competency, CompetencyCategory, CompetencyScaleSet, CourseRating, ExternalApp,
    LearningModuleAttempt, ScormAttempt, UserField, UserFieldValue, course_competencies,
)
from .store_types import (  # noqa: F401  (re-exported: the schema's column types and wire helpers)
    WIRE_FORMAT, Base, Guid, NamedEnum, UtcDateTime, new_id, parse_wire_datetime, to_wire_datetime, utc_now,
)

# Python attribute names are the OData property names on purpose: $filter/$orderby paths map
# one-to-one onto columns without a translation table that could drift.

def _fk(target: str, nullable: bool = True, index: bool = True):
    return mapped_column(Guid, ForeignKey(target), nullable=nullable, index=index)


course_categories = Table(
    "CourseCategoryLinks", Base.metadata,
    Column("CourseId", Guid, ForeignKey("Courses.Id"), primary_key=True),
    Column("CategoryId", Guid, ForeignKey("CourseCategories.Id"), primary_key=True, index=True),
)
course_tags = Table(
    "CourseTagLinks", Base.metadata,
    Column("CourseId", Guid, ForeignKey("Courses.Id"), primary_key=True),
    Column("TagId", Guid, ForeignKey("CourseTags.Id"), primary_key=True, index=True),
)
course_trainers = Table(
    "CourseTrainers", Base.metadata,
    Column("CourseId", Guid, ForeignKey("Courses.Id"), primary_key=True),
    Column("UserId", Guid, ForeignKey("Users.Id"), primary_key=True, index=True),
)
course_admins = Table(
    "CourseAdmins", Base.metadata,
    Column("CourseId", Guid, ForeignKey("Courses.Id"), primary_key=True),
    Column("UserId", Guid, ForeignKey("Users.Id"), primary_key=True, index=True),
)
training_plan_courses = Table(
    "TrainingPlanCourses", Base.metadata,
    Column("TrainingPlanId", Guid, ForeignKey("TrainingPlans.Id"), primary_key=True),
    Column("CourseId", Guid, ForeignKey("Courses.Id"), primary_key=True, index=True),
    Column("Order", Integer, nullable=False, default=0),
)


class SharepointWeb(Base):
    """The SharePoint site behind a catalog or course (expandable navigation `SharepointWeb`)."""

    __tablename__ = "SharepointWebs"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    SiteId: Mapped[str] = mapped_column(Guid, default=new_id)
    Url: Mapped[str] = mapped_column(String(400), unique=True)
    Description: Mapped[str | None] = mapped_column(Text)


class CourseCatalog(Base):
    __tablename__ = "CourseCatalogs"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Title: Mapped[str] = mapped_column(String(255))
    SharepointWebId: Mapped[str | None] = _fk("SharepointWebs.Id")
    SharepointWeb: Mapped[SharepointWeb | None] = relationship(lazy="raise")
    Courses: Mapped[list[Course]] = relationship(back_populates="Catalog", lazy="raise")


class User(Base):
    __tablename__ = "Users"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    LoginName: Mapped[str] = mapped_column(String(255), unique=True)
    Title: Mapped[str] = mapped_column(String(255), index=True)
    Email: Mapped[str | None] = mapped_column(String(255), index=True)
    Department: Mapped[str | None] = mapped_column(String(128), index=True)
    ManagerId: Mapped[str | None] = _fk("Users.Id")
    ManagerLoginName: Mapped[str | None] = mapped_column(String(255))
    City: Mapped[str | None] = mapped_column(String(128))
    Country: Mapped[str | None] = mapped_column(String(128), index=True)
    DirectoryObjectId: Mapped[str | None] = mapped_column(Guid, unique=True)
    Office: Mapped[str | None] = mapped_column(String(128))
    JobTitle: Mapped[str | None] = mapped_column(String(128))
    IsExternal: Mapped[bool] = mapped_column(Boolean, default=False)
    IsDeleted: Mapped[bool] = mapped_column(Boolean, default=False)
    CreatedAt: Mapped[str] = mapped_column(UtcDateTime, default=utc_now)
    Manager: Mapped[User | None] = relationship(remote_side="User.Id", lazy="raise")
    Enrollments: Mapped[list[Enrollment]] = relationship(back_populates="User", lazy="raise")


class Course(Base):
    """Every field of the connector's CreateCourse body and GetCourseInfo response."""

    __tablename__ = "Courses"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    CourseCatalogId: Mapped[str] = _fk("CourseCatalogs.Id", nullable=False)
    Title: Mapped[str] = mapped_column(String(255), index=True)
    Description: Mapped[str | None] = mapped_column(Text)
    LongDescription: Mapped[str | None] = mapped_column(Text)
    CEU: Mapped[int] = mapped_column(Integer, default=0)
    DecimalCEU: Mapped[float] = mapped_column(Float, default=0.0)
    ShowInCatalog: Mapped[bool] = mapped_column(Boolean, default=True)
    IsRequired: Mapped[bool] = mapped_column(Boolean, default=False)
    IsPublished: Mapped[bool] = mapped_column(Boolean, default=False)
    IsEnded: Mapped[bool] = mapped_column(Boolean, default=False)
    CourseID: Mapped[str | None] = mapped_column(String(64))
    Duration: Mapped[str | None] = mapped_column(String(64))
    CourseType: Mapped[str] = mapped_column(NamedEnum(enums.CourseType), index=True)
    ImageUrl: Mapped[str | None] = mapped_column(String(400))
    CertificateTemplateId: Mapped[str | None] = mapped_column(String(64))
    EnrollmentFlow: Mapped[str] = mapped_column(NamedEnum(enums.EnrollmentFlow), default=0)
    IsDeleted: Mapped[bool] = mapped_column(Boolean, default=False)
    CourseSessionEnrollmentType: Mapped[str | None] = mapped_column(
        NamedEnum(enums.CourseSessionEnrollmentType))
    CreatedAt: Mapped[str] = mapped_column(UtcDateTime, default=utc_now, index=True)
    ModifiedAt: Mapped[str | None] = mapped_column(UtcDateTime)
    CourseLayoutId: Mapped[str | None] = mapped_column(String(64))
    # Creation-only inputs of CreateCourse, kept so the course can be shown as it was asked for.
    Culture: Mapped[str | None] = mapped_column(String(16))
    UICulture: Mapped[str | None] = mapped_column(String(16))
    SiteTemplate: Mapped[str | None] = mapped_column(String(64))
    FailedCourseId: Mapped[str | None] = mapped_column(Guid)
    # False while provisioning: such courses appear only through Courses/IncludeNotCreated.
    IsCreated: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    CreatedById: Mapped[str | None] = _fk("Users.Id", index=False)
    SharepointWebId: Mapped[str | None] = _fk("SharepointWebs.Id")

    Catalog: Mapped[CourseCatalog] = relationship(back_populates="Courses", lazy="raise")
    SharepointWeb: Mapped[SharepointWeb | None] = relationship(lazy="raise")
    Categories: Mapped[list[CourseCategory]] = relationship(
        secondary=course_categories, back_populates="Courses", lazy="raise")
    Tags: Mapped[list[CourseTag]] = relationship(
        secondary=course_tags, back_populates="Courses", lazy="raise")
    Trainers: Mapped[list[User]] = relationship(secondary=course_trainers, lazy="raise")
    Admins: Mapped[list[User]] = relationship(secondary=course_admins, lazy="raise")
    CourseSessions: Mapped[list[CourseSession]] = relationship(
        back_populates="Course", lazy="raise")
    Enrollments: Mapped[list[Enrollment]] = relationship(back_populates="Course", lazy="raise")
    DueDate: Mapped[CourseDueDate | None] = relationship(lazy="raise")
    Publishing: Mapped[CoursePublishing | None] = relationship(lazy="raise")
    CertificateExpiry: Mapped[CourseCertificateExpiry | None] = relationship(lazy="raise")
    ProvisioningProgress: Mapped[CourseProvisioning | None] = relationship(lazy="raise")
    LearningModules: Mapped[list["LearningModule"]] = relationship(
        order_by="LearningModule.Order", lazy="raise")
    Quizzes: Mapped[list["Quiz"]] = relationship(lazy="raise")


class CourseDueDate(Base):
    __tablename__ = "CourseDueDates"
    CourseId: Mapped[str] = mapped_column(Guid, ForeignKey("Courses.Id"), primary_key=True)
    IsEnabled: Mapped[bool] = mapped_column(Boolean, default=False)
    FixedDate: Mapped[str | None] = mapped_column(UtcDateTime)
    DaysAfterEnrollment: Mapped[int | None] = mapped_column(Integer)


class CoursePublishing(Base):
    __tablename__ = "CoursePublishings"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    CourseId: Mapped[str] = mapped_column(Guid, ForeignKey("Courses.Id"), unique=True)
    IsEnabled: Mapped[bool] = mapped_column(Boolean, default=True)
    StartDate: Mapped[str | None] = mapped_column(UtcDateTime)
    EndDate: Mapped[str | None] = mapped_column(UtcDateTime)


class CourseCertificateExpiry(Base):
    __tablename__ = "CourseCertificateExpiries"
    CourseId: Mapped[str] = mapped_column(Guid, ForeignKey("Courses.Id"), primary_key=True)
    IsEnabled: Mapped[bool] = mapped_column(Boolean, default=False)
    FixedDate: Mapped[str | None] = mapped_column(UtcDateTime)
    DaysAfterCompletion: Mapped[int | None] = mapped_column(Integer)


class CourseProvisioning(Base):
    """[A] ProvisioningProgress `{CourseId, Status, Progress}`; timing drives the simulation."""

    __tablename__ = "CourseProvisionings"
    CourseId: Mapped[str] = mapped_column(Guid, ForeignKey("Courses.Id"), primary_key=True)
    Status: Mapped[str] = mapped_column(NamedEnum(enums.ProvisioningStatus), default=0)
    Progress: Mapped[int] = mapped_column(Integer, default=0)
    StartedAt: Mapped[str | None] = mapped_column(UtcDateTime)
    CompletedAt: Mapped[str | None] = mapped_column(UtcDateTime)
    ErrorMessage: Mapped[str | None] = mapped_column(Text)


class CourseCategory(Base):
    __tablename__ = "CourseCategories"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Name: Mapped[str] = mapped_column(String(255), index=True)
    CourseCatalogId: Mapped[str] = _fk("CourseCatalogs.Id", nullable=False)
    ParentCategoryId: Mapped[str | None] = _fk("CourseCategories.Id")
    IsNew: Mapped[bool] = mapped_column(Boolean, default=False)
    Courses: Mapped[list[Course]] = relationship(
        secondary=course_categories, back_populates="Categories", lazy="raise")
    ParentCategory: Mapped[CourseCategory | None] = relationship(
        remote_side="CourseCategory.Id", lazy="raise")


class CourseTag(Base):
    __tablename__ = "CourseTags"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Name: Mapped[str] = mapped_column(String(255), index=True)
    CourseCatalogId: Mapped[str] = _fk("CourseCatalogs.Id", nullable=False)
    IsNew: Mapped[bool] = mapped_column(Boolean, default=False)
    Courses: Mapped[list[Course]] = relationship(
        secondary=course_tags, back_populates="Tags", lazy="raise")


class CourseSession(Base):
    __tablename__ = "CourseSessions"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    CourseId: Mapped[str] = _fk("Courses.Id", nullable=False)
    GroupId: Mapped[str | None] = mapped_column(Guid)
    Title: Mapped[str] = mapped_column(String(128))
    StartDate: Mapped[str] = mapped_column(UtcDateTime, index=True)
    EndDate: Mapped[str] = mapped_column(UtcDateTime)
    # Offsets in minutes from UTC at start/end in TimeZone (computed, not filterable upstream).
    StartDateTimeZoneOffset: Mapped[int | None] = mapped_column(Integer)
    EndDateTimeZoneOffset: Mapped[int | None] = mapped_column(Integer)
    TimeZone: Mapped[str] = mapped_column(String(64))
    TimeZoneName: Mapped[str | None] = mapped_column(String(128))
    MeetingUrl: Mapped[str | None] = mapped_column(String(400))
    RoomTitle: Mapped[str | None] = mapped_column(String(255))
    RoomLocation: Mapped[str | None] = mapped_column(String(255))
    RoomEmailAddress: Mapped[str | None] = mapped_column(String(255))
    RoomSource: Mapped[str | None] = mapped_column(NamedEnum(enums.RoomSource))
    MaxAttendees: Mapped[int | None] = mapped_column(Integer)
    EnrollmentDeadline: Mapped[str | None] = mapped_column(UtcDateTime)
    CreatedAt: Mapped[str] = mapped_column(UtcDateTime, default=utc_now)
    Course: Mapped[Course] = relationship(back_populates="CourseSessions", lazy="raise")
    Enrollments: Mapped[list[Enrollment]] = relationship(
        back_populates="CourseSession", lazy="raise")


class Certificate(Base):
    __tablename__ = "Certificates"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    UserId: Mapped[str] = _fk("Users.Id", nullable=False)
    CourseId: Mapped[str] = _fk("Courses.Id", nullable=False)
    EnrollmentId: Mapped[str | None] = mapped_column(Guid, index=True)
    ContentUrl: Mapped[str | None] = mapped_column(String(400))
    IsGenerated: Mapped[bool] = mapped_column(Boolean, default=True)
    Status: Mapped[str] = mapped_column(NamedEnum(enums.CertificateStatus), default=0)
    Issued: Mapped[str] = mapped_column(UtcDateTime, default=utc_now)
    Expiry: Mapped[str | None] = mapped_column(UtcDateTime)
    TemplateId: Mapped[str | None] = mapped_column(String(64))
    FileName: Mapped[str | None] = mapped_column(String(255))
    ContentType: Mapped[str | None] = mapped_column(String(100))
    FileSize: Mapped[int | None] = mapped_column(Integer)
    # The file itself; never part of an OData response (served from ContentUrl).
    Content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    User: Mapped[User] = relationship(lazy="raise")
    Course: Mapped[Course] = relationship(lazy="raise")


class Enrollment(Base):
    """Connector fields plus notes section 4 (CreatedAt, CourseDuration) and progress/attempts."""

    __tablename__ = "Enrollments"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    CourseId: Mapped[str] = _fk("Courses.Id", nullable=False)
    UserId: Mapped[str] = _fk("Users.Id", nullable=False)
    UserLoginName: Mapped[str] = mapped_column(String(255))
    Roles: Mapped[str] = mapped_column(String(255), default="Learner")  # comma-separated
    RegistrationDate: Mapped[str | None] = mapped_column(UtcDateTime)
    StartDate: Mapped[str | None] = mapped_column(UtcDateTime)
    CompletionDate: Mapped[str | None] = mapped_column(UtcDateTime)
    RegistrationStatus: Mapped[str] = mapped_column(
        NamedEnum(enums.RegistrationStatus), default=0, index=True)
    CoursePassingStatus: Mapped[str] = mapped_column(
        NamedEnum(enums.CoursePassingStatus), default=1, index=True)
    CertificateId: Mapped[str | None] = mapped_column(Guid)
    CEU: Mapped[int] = mapped_column(Integer, default=0)
    DecimalCEU: Mapped[float] = mapped_column(Float, default=0.0)
    DueDate: Mapped[str | None] = mapped_column(UtcDateTime, index=True)
    EndDate: Mapped[str | None] = mapped_column(UtcDateTime)
    IsPartOfTrainingPlan: Mapped[bool] = mapped_column(Boolean, default=False)
    CanUnenroll: Mapped[bool] = mapped_column(Boolean, default=True)
    CancellationReason: Mapped[str | None] = mapped_column(Text)
    courseSessionId: Mapped[str | None] = _fk("CourseSessions.Id")  # sic: camelCase on the wire
    Progress: Mapped[int] = mapped_column(Integer, default=0)
    Attempt: Mapped[int] = mapped_column(Integer, default=1)
    CourseDuration: Mapped[int | None] = mapped_column(Integer)
    TrainingPlanId: Mapped[str | None] = mapped_column(Guid)
    CreatedAt: Mapped[str] = mapped_column(UtcDateTime, default=utc_now, index=True)
    ModifiedAt: Mapped[str | None] = mapped_column(UtcDateTime)
    ModifiedById: Mapped[str | None] = mapped_column(Guid)
    Course: Mapped[Course] = relationship(back_populates="Enrollments", lazy="raise")
    User: Mapped[User] = relationship(back_populates="Enrollments", lazy="raise")
    CourseSession: Mapped[CourseSession | None] = relationship(
        back_populates="Enrollments", lazy="raise")


class TrainingPlan(Base):
    """A training plan shares its Id with its Courses row of CourseType TrainingPlan."""

    __tablename__ = "TrainingPlans"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Title: Mapped[str] = mapped_column(String(255))
    CourseCatalogId: Mapped[str] = _fk("CourseCatalogs.Id", nullable=False)
    CreatedAt: Mapped[str] = mapped_column(UtcDateTime, default=utc_now)
    ModifiedAt: Mapped[str | None] = mapped_column(UtcDateTime)
    Courses: Mapped[list[Course]] = relationship(secondary=training_plan_courses, lazy="raise")


class WebhookSubscription(Base):
    __tablename__ = "WebhookSubscriptions"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Event: Mapped[str] = mapped_column(NamedEnum(enums.WebhookEvent), index=True)
    WebHookUri: Mapped[str] = mapped_column(String(2000))
    Secret: Mapped[str | None] = mapped_column(String(64))
    ApiKeyHint: Mapped[str | None] = mapped_column(String(16))  # last characters only
    IsPaused: Mapped[bool] = mapped_column(Boolean, default=False)
    CreatedAt: Mapped[str] = mapped_column(UtcDateTime, default=utc_now)


class WebhookFilter(Base):
    """The events of a registration made with several Filters (`POST /webhooks/subscribe`)."""

    __tablename__ = "WebhookFilters"
    SubscriptionId: Mapped[str] = mapped_column(Guid, ForeignKey("WebhookSubscriptions.Id"),
                                                primary_key=True)
    Filter: Mapped[str] = mapped_column(NamedEnum(enums.WebhookEvent), primary_key=True)


class WebhookDelivery(Base):
    """One notification to one subscription, with its attempts (the sender's journal)."""

    __tablename__ = "WebhookDeliveries"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    SubscriptionId: Mapped[str] = mapped_column(Guid, ForeignKey("WebhookSubscriptions.Id"),
                                                index=True)
    Payload: Mapped[str] = mapped_column(Text)
    Attempt: Mapped[int] = mapped_column(Integer, default=0)
    State: Mapped[str] = mapped_column(String(16), default="pending")  # pending|delivered|failed
    NextAttemptAt: Mapped[str | None] = mapped_column(UtcDateTime)
    LastStatus: Mapped[int | None] = mapped_column(Integer)
    LastError: Mapped[str | None] = mapped_column(Text)
    CreatedAt: Mapped[str] = mapped_column(UtcDateTime, default=utc_now)


class ActorRecord(Base):
    """Who did what: the `LMS365-User-Id` of every write, resolved to a user."""

    __tablename__ = "ActorRecords"
    Id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    At: Mapped[str] = mapped_column(UtcDateTime, default=utc_now)
    ActorUserId: Mapped[str | None] = mapped_column(Guid, index=True)
    Action: Mapped[str] = mapped_column(String(64))
    EntitySet: Mapped[str] = mapped_column(String(64))
    EntityId: Mapped[str | None] = mapped_column(String(64), index=True)
    Details: Mapped[str | None] = mapped_column(Text)


class SandboxMeta(Base):
    """Key/value facts about the data file (seed, sizes, schema version)."""

    __tablename__ = "SandboxMeta"
    Key: Mapped[str] = mapped_column(String(64), primary_key=True)
    Value: Mapped[str] = mapped_column(Text)


SCHEMA_VERSION = "1"

# The navigations to the learning tables (store_learning.py), set here so that module needs only
# store_types and no cycle runs between the two.
Course.Rating = relationship(CourseRating, uselist=False, lazy="raise")
Course.Competencies = relationship(Competency, secondary=course_competencies, lazy="raise")
Enrollment.Attendances = relationship(Attendance, lazy="raise")
User.UserFieldValues = relationship(UserFieldValue, lazy="raise")


class Store:
    """One SQLite database behind one connection, used under a lock from any thread."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        if path is not None and not Path(path).exists():
            # Owner-only from the first byte: the file holds webhook subscriptions and their secrets.
            # SQLite gives its -wal/-shm files the database file's mode, so they follow.
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        url = "sqlite://" if path is None else f"sqlite:///{Path(path)}"
        # One shared connection: in-memory SQLite needs it, and a lock makes cross-thread use
        # (server loop + tests inspecting the store) safe and cheap.
        self.engine = create_engine(
            url, poolclass=StaticPool, connect_args={"check_same_thread": False})
        event.listen(self.engine, "connect", _on_connect)
        self.lock = threading.RLock()
        Base.metadata.create_all(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self.lock, Session(self.engine, expire_on_commit=False) as session:
            with session.begin():
                yield session

    @contextmanager
    def connection(self):
        """A Core connection in one transaction (bulk inserts, fast reads)."""
        with self.lock, self.engine.begin() as connection:
            yield connection

    def get_meta(self, key: str) -> str | None:
        with self.session() as session:
            row = session.get(SandboxMeta, key)
            return None if row is None else row.Value

    def set_meta(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(SandboxMeta(Key=key, Value=value))

    def close(self) -> None:
        # Under the lock: closing the shared sqlite3 connection while another thread (webhook
        # delivery) is mid-query crashes the interpreter (seen as a segfault at test teardown).
        with self.lock:
            self.engine.dispose()


def _on_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # LIKE compares exactly what it is given: $filter folds case itself where SQL Server would
    # (odata_query._fold), and ASCII-only folding here would disagree with it on other letters.
    cursor.execute("PRAGMA case_sensitive_like=ON")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
