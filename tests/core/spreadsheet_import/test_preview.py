"""The preview finds people by the employee id in their user field, and sessions by title or by the day
they start in their own time zone; with a warm directory, people cost no call."""
from __future__ import annotations

from sqlalchemy import select

from lms365_desktop.core.connection import Connection
from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.spreadsheet import SheetColumn, write_sheet
from lms365_desktop.core.spreadsheet_import.audit import ImportAudit
from lms365_desktop.core.spreadsheet_import.mapping import Field
from lms365_desktop.core.spreadsheet_import.verdicts import Verdict
from lms365_desktop.sandbox.store import Course, CourseSession, Enrollment, User, UserFieldValue
from tests.core.spreadsheet_import.scenario import preview_of, profile_for, run_preview, warm_directory

# 08:00 on 10 March in Tokyo is 23:00 on 9 March in UTC: a sheet says the 10th.
TOKYO_START = "2031-03-09T23:00:00Z"


def _course_with_two_sessions(store):
    """A classroom course (no session group) whose sessions are "Zone test A" (Tokyo, 10 March 2031),
    "Zone test B" and others (Brussels, June 2031); four people with employee numbers not in it."""
    with store.session() as s:
        grouped = select(CourseSession.CourseId).where(CourseSession.GroupId.is_not(None))
        course = s.scalars(select(Course).where(Course.CourseType == "ClassRoom", Course.IsCreated,
                                                ~Course.IsDeleted, Course.CourseID.is_not(None),
                                                Course.Id.not_in(grouped))).first()
        sessions = s.scalars(select(CourseSession).where(CourseSession.CourseId == course.Id)).all()
        while len(sessions) < 2:
            sessions.append(CourseSession(CourseId=course.Id, Title="", StartDate=TOKYO_START, EndDate=TOKYO_START,
                                          TimeZone="UTC"))
            s.add(sessions[-1])
        for n, session in enumerate(sessions):
            session.MaxAttendees = session.EnrollmentDeadline = None
            session.Title = f"Zone test {'AB'[n]}" if n < 2 else f"Zone test other {n}"
            session.StartDate = session.EndDate = "2031-06-02T08:00:00Z" if n else TOKYO_START
            session.TimeZone = ("Tokyo Standard Time", "W. Europe Standard Time")[min(n, 1)]
        enrolled = select(Enrollment.UserId).where(Enrollment.CourseId == course.Id)
        people = s.execute(select(UserFieldValue.Value, User.Email, User.LoginName)
                           .join(User, User.Id == UserFieldValue.UserId)
                           .where(UserFieldValue.FieldTitle == "Employee number", ~User.IsDeleted,
                                  User.Email.is_not(None), User.Id.not_in(enrolled))
                           .order_by(UserFieldValue.Value).limit(4)).all()
        return course.CourseID, course.Id, [tuple(p) for p in people]


def _session_titles(store, course_id: str) -> dict[str, str]:
    """Login -> title of the session of their enrollment in the course."""
    with store.session() as s:
        rows = s.execute(select(User.LoginName, CourseSession.Title)
                         .join(Enrollment, Enrollment.UserId == User.Id)
                         .outerjoin(CourseSession, CourseSession.Id == Enrollment.courseSessionId)
                         .where(Enrollment.CourseId == course_id)).all()
    return {login: title or "" for login, title in rows}


async def test_people_by_employee_id_and_sessions_by_title_or_their_own_day(make_sandbox, tmp_path):
    server = make_sandbox()
    code, course_id, [ann, ben, cas, dan] = _course_with_two_sessions(server.store)
    path = tmp_path / "hr-export.xlsx"
    write_sheet(path, [SheetColumn(h) for h in ("Personalnummer", "E-mail", "CourseID", "Session")], [
        [ann[0].lower(), "", code, "Zone test B"],  # by title (any case of the id)
        [ben[0], "", code, "10.03.2031"],  # the Tokyo session's own day
        ["E999999", cas[1], code, ""],  # an id nobody holds, an e-mail that finds the person
        ["E999998", "", code, ""],  # nobody
        [dan[0], "", code, "2031-03-09"],  # the day the Tokyo session starts in UTC: not its day
    ])
    async with Connection(profile_for(server), server.api_key) as connection:
        client = connection.client
        directory = await warm_directory(client)
        assert directory.employee_field == "Employee number"
        before = len(client.request_log)
        preview = await preview_of(path, client, directory)
        urls = [e.url for e in client.request_log][before:]
        assert preview.mapping.get(Field.EMPLOYEE_ID) == 0
        verdicts = [p.verdict for p in preview.plans]
        assert verdicts[2:] == [verdicts[0], Verdict.USER_NOT_FOUND, Verdict.SESSION_UNAVAILABLE]
        assert verdicts[0] in (Verdict.WILL_ENROLL, Verdict.WILL_REQUEST) and verdicts[1] == verdicts[0]
        assert [p.user.login_name for p in preview.plans[:3]] == [ann[2], ben[2], cas[2]]
        assert "employee id “E999998”" in preview.plans[3].detail
        assert "2031-03-09 (in the session's time zone)" in preview.plans[4].detail
        # People came from the directory: the preview read courses, sessions and enrollments only.
        assert not any("/Users" in url for url in urls) and len(urls) <= 3, urls
        with JobJournal(tmp_path / "jobs.sqlite3") as journal:
            await run_preview(preview, client, journal, ImportAudit(tmp_path / "audit.jsonl"))
    sessions = _session_titles(server.store, course_id)
    assert (sessions[ann[2]], sessions[ben[2]], sessions[cas[2]]) == ("Zone test B", "Zone test A", "")
    assert dan[2] not in sessions
