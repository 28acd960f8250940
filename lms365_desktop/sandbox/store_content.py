"""Course content tables: learning modules and quizzes (GetCourseInfo's LearningModules and Quizzes)."""
from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .store_types import Base, Guid, UtcDateTime, new_id


class LearningModule(Base):
    """A module of an e-learning course; `Configuration` is its item list, stored as JSON text."""

    __tablename__ = "LearningModules"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    CourseId: Mapped[str] = mapped_column(Guid, ForeignKey("Courses.Id"), index=True)
    Title: Mapped[str] = mapped_column(String(255))
    Description: Mapped[str | None] = mapped_column(Text)
    IsPublished: Mapped[bool] = mapped_column(Boolean, default=True)
    Order: Mapped[int] = mapped_column(Integer, default=0)
    HasPrerequisite: Mapped[bool] = mapped_column(Boolean, default=False)
    # {"LearningModuleId": …, "Items": [{Id, Title, Content, ItemType, Type, EmbedType, …}]}: a
    # nested collection the real service returns whole and cannot filter on.
    Configuration: Mapped[str | None] = mapped_column(Text)


class Quiz(Base):
    """A course quiz; the swagger's item has no CourseId, so the link column is not served."""

    __tablename__ = "Quizzes"
    Id: Mapped[str] = mapped_column(Guid, primary_key=True, default=new_id)
    CourseId: Mapped[str] = mapped_column(Guid, ForeignKey("Courses.Id"), index=True)
    Title: Mapped[str] = mapped_column(String(255))
    Description: Mapped[str | None] = mapped_column(Text)
    MaxAttemptsLimit: Mapped[int] = mapped_column(Integer, default=0)  # 0 = unlimited
    PassingPercentage: Mapped[int] = mapped_column(Integer, default=80)
    IsPublished: Mapped[bool] = mapped_column(Boolean, default=True)
    PublishingStartDate: Mapped[str | None] = mapped_column(UtcDateTime)
    PublishingEndDate: Mapped[str | None] = mapped_column(UtcDateTime)
    Randomize: Mapped[bool] = mapped_column(Boolean, default=False)
    ShowScore: Mapped[bool] = mapped_column(Boolean, default=True)
    AllowReview: Mapped[bool] = mapped_column(Boolean, default=True)
    ShowCorrectAnswers: Mapped[bool] = mapped_column(Boolean, default=False)
    TimeLimit: Mapped[str | None] = mapped_column(String(16))  # "hh:mm:ss" (a .NET TimeSpan), or none
    ShowTimer: Mapped[bool] = mapped_column(Boolean, default=False)
    ModifiedAt: Mapped[str | None] = mapped_column(UtcDateTime)
