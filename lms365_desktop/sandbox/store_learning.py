"""Tables of the entity sets beyond the connector (API notes section 4): ratings, competencies,
attendances, user fields, learning-module and SCORM attempts, external apps."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from . import enums
from .store_types import Base, Guid, NamedEnum, UtcDateTime, new_id, utc_now

course_competencies = Table(
    "CourseCompetencyLinks", Base.metadata,
    Column("CourseId", Guid, ForeignKey("Courses.Id"), primary_key=True),
    Column("CompetencyId", Guid, ForeignKey("Competencies.Id"), primary_key=True, index=True),
)


class CourseRating(Base):
    """[A] `Course.Rating`: the vendor bot reads `Rating.Rating` (TEAMS common-helper.ts); the other
    members are the stand-in's."""

    __tablename__ = "CourseRatings"
    CourseId: Mapped[str] = mapped_column(Guid, ForeignKey("Courses.Id"), primary_key=True)
    Rating: Mapped[float] = mapped_column(Float, default=0.0)  # average of 1-5 stars
    NumberOfRatings: Mapped[int] = mapped_column(Integer, default=0)


class CompetencyCategory(Base):
    __tablename__ = "CompetencyCategories"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Title: Mapped[str] = mapped_column(String(255), index=True)
    Description: Mapped[str | None] = mapped_column(Text)


class CompetencyScaleSet(Base):
    """A proficiency scale; `Levels` is its ordered list `[{Level, Title}]`, kept as JSON text."""

    __tablename__ = "CompetencyScaleSets"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Title: Mapped[str] = mapped_column(String(255))
    Levels: Mapped[str | None] = mapped_column(Text)


class Competency(Base):
    __tablename__ = "Competencies"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Title: Mapped[str] = mapped_column(String(255), index=True)
    Description: Mapped[str | None] = mapped_column(Text)
    CategoryId: Mapped[str | None] = mapped_column(Guid, ForeignKey("CompetencyCategories.Id"),
                                                   index=True)
    ScaleSetId: Mapped[str | None] = mapped_column(Guid, ForeignKey("CompetencyScaleSets.Id"))
    CreatedAt: Mapped[str] = mapped_column(UtcDateTime, default=utc_now)
    Category: Mapped[CompetencyCategory | None] = relationship(lazy="raise")
    ScaleSet: Mapped[CompetencyScaleSet | None] = relationship(lazy="raise")


class Attendance(Base):
    """[A] One classroom learner's attendance of one session (`Enrollment.Attendances`)."""

    __tablename__ = "Attendances"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    EnrollmentId: Mapped[str] = mapped_column(Guid, ForeignKey("Enrollments.Id"), index=True)
    CourseSessionId: Mapped[str] = mapped_column(Guid, ForeignKey("CourseSessions.Id"))
    UserId: Mapped[str] = mapped_column(Guid)
    Status: Mapped[str] = mapped_column(NamedEnum(enums.AttendanceStatus), default=0)
    AttendedAt: Mapped[str | None] = mapped_column(UtcDateTime)


class UserField(Base):
    __tablename__ = "UserFields"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Title: Mapped[str] = mapped_column(String(255))
    Type: Mapped[str] = mapped_column(NamedEnum(enums.UserFieldType), default=0)
    IsRequired: Mapped[bool] = mapped_column(Boolean, default=False)
    Order: Mapped[int] = mapped_column(Integer, default=0)


class UserFieldValue(Base):
    """A user's value of one user field (`User.UserFieldValues`, the webhook user item's list)."""

    __tablename__ = "UserFieldValues"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    UserId: Mapped[str] = mapped_column(Guid, ForeignKey("Users.Id"), index=True)
    FieldId: Mapped[str] = mapped_column(Guid, ForeignKey("UserFields.Id"))
    FieldTitle: Mapped[str] = mapped_column(String(255))
    Value: Mapped[str | None] = mapped_column(Text)


class LearningModuleAttempt(Base):
    __tablename__ = "LearningModuleAttempts"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    LearningModuleId: Mapped[str] = mapped_column(Guid, ForeignKey("LearningModules.Id"), index=True)
    CourseId: Mapped[str] = mapped_column(Guid, index=True)
    EnrollmentId: Mapped[str] = mapped_column(Guid, index=True)
    UserId: Mapped[str] = mapped_column(Guid, index=True)
    Attempt: Mapped[int] = mapped_column(Integer, default=1)
    # Computed upstream: neither filterable nor selectable (HC-NF).
    State: Mapped[str] = mapped_column(NamedEnum(enums.AttemptState), default=0)
    Progress: Mapped[int] = mapped_column(Integer, default=0)
    StartedAt: Mapped[str | None] = mapped_column(UtcDateTime)
    CompletedAt: Mapped[str | None] = mapped_column(UtcDateTime)


class ScormAttempt(Base):
    __tablename__ = "ScormAttempts"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    LearningModuleId: Mapped[str] = mapped_column(Guid, index=True)
    CourseId: Mapped[str] = mapped_column(Guid, index=True)
    UserId: Mapped[str] = mapped_column(Guid, index=True)
    Attempt: Mapped[int] = mapped_column(Integer, default=1)
    State: Mapped[str] = mapped_column(NamedEnum(enums.AttemptState), default=0)
    Score: Mapped[float | None] = mapped_column(Float)
    TotalTime: Mapped[str | None] = mapped_column(String(16))  # "hh:mm:ss"
    StartedAt: Mapped[str | None] = mapped_column(UtcDateTime)
    CompletedAt: Mapped[str | None] = mapped_column(UtcDateTime)


class ExternalApp(Base):
    """A registered external application; its Secret is stored but never served."""

    __tablename__ = "ExternalApps"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    Title: Mapped[str] = mapped_column(String(255))
    ClientId: Mapped[str] = mapped_column(Guid, default=new_id)
    Secret: Mapped[str | None] = mapped_column(String(128))
    CustomFields: Mapped[str | None] = mapped_column(Text)  # JSON object
    IsEnabled: Mapped[bool] = mapped_column(Boolean, default=True)
    CreatedAt: Mapped[str] = mapped_column(UtcDateTime, default=utc_now)


