"""Sessions, approval, completion with the sheet's date: each verdict of the preview is what the run then does."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from lms365_desktop.core.connection import Connection
from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.spreadsheet import SheetColumn, write_sheet
from lms365_desktop.core.spreadsheet_import.audit import ImportAudit
from lms365_desktop.core.spreadsheet_import.verdicts import Action, Verdict
from lms365_desktop.sandbox.store import Course, CourseSession, Enrollment, User
from tests.core.spreadsheet_import.scenario import preview_of, profile_for, run_preview, warm_directory


def _classroom(store):
    """A classroom course needing approval, three of its sessions made open, full and past, three free people."""
    now = datetime.now(timezone.utc)
    with store.session() as s:
        course = s.scalars(select(Course).where(Course.CourseType == "ClassRoom", Course.IsCreated, ~Course.IsDeleted,
                                                Course.EnrollmentFlow != "AutomaticApproval")).first()
        sessions = s.scalars(select(CourseSession).where(CourseSession.CourseId == course.Id)).all()[:3]
        while len(sessions) < 3:
            sessions.append(CourseSession(CourseId=course.Id, Title=f"Extra {len(sessions)}", StartDate=now,
                                          EndDate=now, TimeZone="UTC"))
            s.add(sessions[-1])
        future = (now + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for n, row in enumerate(sessions):
            row.Title, row.StartDate, row.EndDate, row.EnrollmentDeadline = f"Import test {n}", future, future, None
            row.MaxAttendees = None
        taken = s.scalar(select(func.count()).select_from(Enrollment).where(
            Enrollment.courseSessionId == sessions[1].Id,
            Enrollment.RegistrationStatus.in_(["Enrolled", "PendingApproval"])))
        sessions[1].MaxAttendees = taken  # full
        past = (now - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
        sessions[2].StartDate = sessions[2].EndDate = past
        enrolled = select(Enrollment.UserId).where(Enrollment.CourseId == course.Id)
        people = s.scalars(select(User.Email).where(~User.IsDeleted, User.Id.not_in(enrolled), User.Email.is_not(None))
                           .order_by(User.LoginName).limit(3)).all()
        return course.CourseID, course.Id, [r.Title for r in sessions], list(people)


async def test_sessions_approval_and_completion_do_what_the_preview_said(make_sandbox, tmp_path):
    server = make_sandbox()
    code, course_id, (open_, full, past), (ann, ben, cas) = _classroom(server.store)
    enrol = tmp_path / "classroom.csv"
    write_sheet(enrol, [SheetColumn("Email"), SheetColumn("Course code"), SheetColumn("Session")],
                [[ann, code, open_], [ben, code, full], [cas, code, past]])
    audit = ImportAudit(tmp_path / "audit.jsonl")
    async with Connection(profile_for(server), server.api_key) as connection:
        client = connection.client
        directory = await warm_directory(client)
        with JobJournal(tmp_path / "jobs.sqlite3") as journal:
            preview = await preview_of(enrol, client, directory)
            assert [p.verdict for p in preview.plans] == [Verdict.WILL_REQUEST, Verdict.SESSION_UNAVAILABLE,
                                                          Verdict.SESSION_UNAVAILABLE]
            assert "full" in preview.plans[1].detail and "past" in preview.plans[2].detail
            await run_preview(preview, client, journal, audit)
            status = _status(server.store, course_id, ann)
            assert status[0] == "PendingApproval"

            decide = tmp_path / "approve.csv"
            write_sheet(decide, [SheetColumn("E-mail"), SheetColumn("CourseID")], [[ann, code], [ben, code]])
            approve = await preview_of(decide, client, directory, Action.APPROVE)
            assert [p.verdict for p in approve.plans] == [Verdict.WILL_APPROVE, Verdict.NOT_ENROLLED]
            await run_preview(approve, client, journal, audit)
            assert _status(server.store, course_id, ann)[0] == "Enrolled"

            done = tmp_path / "attended.csv"
            write_sheet(done, [SheetColumn("E-mail"), SheetColumn("CourseID"), SheetColumn("Completion date")],
                        [[ann, code, "30.11.2026"]])
            complete = await preview_of(done, client, directory, Action.COMPLETE)
            assert [p.verdict for p in complete.plans] == [Verdict.WILL_COMPLETE]
            await run_preview(complete, client, journal, audit)
            assert _status(server.store, course_id, ann)[1:] == ("Completed", "2026-11-30")
            again = await preview_of(done, client, directory, Action.COMPLETE)
            assert [p.verdict for p in again.plans] == [Verdict.ALREADY_COMPLETED]


def _status(store, course_id: str, email: str) -> tuple[str, str, str]:
    with store.session() as s:
        row = s.execute(select(Enrollment.RegistrationStatus, Enrollment.CoursePassingStatus, Enrollment.CompletionDate)
                        .join(User, User.Id == Enrollment.UserId)
                        .where(Enrollment.CourseId == course_id, User.Email == email)).one()
    return row[0], row[1], (row[2] or "")[:10]
