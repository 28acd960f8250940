"""Demo data: deterministic per seed, every state the app shows is present, files are reused."""
from __future__ import annotations

import datetime as dt
import re
import sqlite3

from sqlalchemy import func, select

from lms365_desktop.sandbox import enums
from lms365_desktop.sandbox.seed import seed_if_empty, seed_store
from lms365_desktop.sandbox.store import (
    Certificate, Course, CourseCategory, CourseSession, CourseTag, Enrollment, Store, TrainingPlan,
    User,
)

TODAY = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.timezone.utc)


def seeded(seed=1, users=300, courses=40) -> Store:
    store = Store(None)
    seed_store(store, seed=seed, users=users, courses=courses, today=TODAY)
    return store


def dump(store: Store):
    with store.session() as session:
        return (session.execute(select(User.Id, User.LoginName, User.ManagerId)
                                .order_by(User.Id)).all(),
                session.execute(select(Enrollment.Id, Enrollment.RegistrationStatus,
                                       Enrollment.DueDate).order_by(Enrollment.Id)).all())


def test_same_seed_same_data_other_seed_other_data():
    assert dump(seeded(seed=5)) == dump(seeded(seed=5))
    assert dump(seeded(seed=5)) != dump(seeded(seed=6))


def test_default_shape_covers_every_state():
    store = seeded(users=600, courses=60)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 600
        assert s.scalar(select(func.count()).select_from(Course)) == 60
        assert set(s.scalars(select(Course.CourseType).distinct())) == {
            t.name for t in enums.CourseType}
        assert set(s.scalars(select(Course.EnrollmentFlow).distinct())) == {
            f.name for f in enums.EnrollmentFlow}
        assert s.scalar(select(func.count()).select_from(CourseCategory)) == 30
        assert s.scalar(select(func.count()).where(CourseCategory.ParentCategoryId.is_not(None))
                        .select_from(CourseCategory)) >= 10
        assert s.scalar(select(func.count()).select_from(CourseTag)) == 40
        statuses = set(s.scalars(select(Enrollment.RegistrationStatus).distinct()))
        assert statuses == {r.name for r in enums.RegistrationStatus}
        assert set(s.scalars(select(Enrollment.CoursePassingStatus).distinct())) == {
            p.name for p in enums.CoursePassingStatus}
        enrollments = s.scalar(select(func.count()).select_from(Enrollment))
        assert 3 * 600 <= enrollments <= 7 * 600
        overdue = s.scalar(select(func.count()).select_from(Enrollment).where(
            Enrollment.DueDate < TODAY, Enrollment.CoursePassingStatus != "Completed",
            Enrollment.RegistrationStatus == "Enrolled"))
        assert overdue > 0
        completed = s.execute(select(Enrollment.CertificateId, Enrollment.CompletionDate).where(
            Enrollment.CoursePassingStatus == "Completed")).all()
        assert completed and all(cert and done for cert, done in completed)
        certificates = {c for c, in s.execute(select(Certificate.Id))}
        assert {cert for cert, _ in completed} == certificates
        pending_automatic = s.scalar(select(func.count()).select_from(Enrollment).join(Course)
                                     .where(Enrollment.RegistrationStatus == "PendingApproval",
                                            Course.EnrollmentFlow == "AutomaticApproval"))
        assert pending_automatic == 0
        session_types = set(s.scalars(select(Course.CourseType).join(CourseSession).distinct()))
        assert session_types == {"ClassRoom", "Webinar"}
        assert s.scalar(select(func.count()).select_from(TrainingPlan)) == s.scalar(
            select(func.count()).select_from(Course).where(Course.CourseType == "TrainingPlan"))
        logins = list(s.scalars(select(User.LoginName)))
        assert all(re.fullmatch(r"i:0#\.f\|membership\|\S+@\S+", login) for login in logins)
        assert len(set(logins)) == len(logins)
        assert s.scalar(select(func.count()).select_from(User).where(User.ManagerId.is_(None))) == 1
        assert len(set(s.scalars(select(User.Department)))) >= 10
        assert len(set(s.scalars(select(User.Country)))) >= 5


def test_seed_if_empty_leaves_an_existing_file_alone(tmp_path):
    path = tmp_path / "data.sqlite3"
    store = Store(path)
    assert seed_if_empty(store, seed=1, users=50, courses=6)
    with store.session() as session:
        user = session.scalars(select(User).limit(1)).one()
        user.Title = "Changed In Demo"
    store.close()
    again = Store(path)
    assert not seed_if_empty(again, seed=2, users=80, courses=9)
    with again.session() as session:
        assert session.scalar(select(func.count()).select_from(User)) == 50
        assert session.scalar(select(func.count()).where(User.Title == "Changed In Demo")
                              .select_from(User)) == 1
    again.close()


def test_a_file_seeded_before_the_learning_sets_gets_them_once_and_keeps_its_rows(tmp_path):
    path = tmp_path / "older.db"
    store = Store(path)
    seed_store(store, seed=3, users=300, courses=40)
    store.close()
    older = sqlite3.connect(path)  # as a file seeded by the previous version looks
    for table in ("ScormAttempts", "LearningModuleAttempts", "Attendances", "UserFieldValues", "UserFields",
                  "CourseCompetencyLinks", "Competencies", "CompetencyScaleSets", "CompetencyCategories",
                  "CourseRatings", "ExternalApps"):
        older.execute(f'DELETE FROM "{table}"')
    older.execute("DELETE FROM CourseSessions WHERE StartDate LIKE '1753-%'")
    older.execute("UPDATE CourseSessions SET GroupId = NULL")
    older.execute("DELETE FROM SandboxMeta WHERE Key = 'learning_seeded'")
    older.commit()
    enrollments = older.execute("SELECT count(*) FROM Enrollments").fetchone()[0]
    older.close()

    store = Store(path)
    try:
        assert seed_if_empty(store, seed=3) is False
        assert seed_if_empty(store, seed=3) is False  # the second open adds nothing more
        with store.connection() as connection:
            raw = connection.connection.driver_connection

            def count(table):
                return raw.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

            assert count("CourseRatings") == 40 and count("UserFields") == 4 and count("Attendances") > 0
            assert count("LearningModuleAttempts") > 0 and count("Enrollments") == enrollments
            assert raw.execute("SELECT count(*) FROM CourseSessions WHERE StartDate LIKE '1753-%'").fetchone()[0] > 0
    finally:
        store.close()
