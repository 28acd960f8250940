"""The preview finds people by the employee id in their user field, and sessions by title or by the day
they start in their own time zone; with a warm directory, people cost no call."""
from __future__ import annotations

from sqlalchemy import select

from lms365_desktop.core.connection import Connection
from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.spreadsheet_import.audit import ImportAudit
from lms365_desktop.core.spreadsheet_import.mapping import Field
from lms365_desktop.core.spreadsheet_import.verdicts import Verdict
from lms365_desktop.sandbox.store import CourseSession, Enrollment, User
from tests.core.spreadsheet_import.scenario import (
    course_with_zone_sessions,
    preview_of,
    profile_for,
    run_preview,
    warm_directory,
    write_hr_export,
)


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
    code, course_id, [ann, ben, cas, dan] = course_with_zone_sessions(server.store)
    path = write_hr_export(tmp_path / "hr-export.xlsx", code, [ann, ben, cas, dan], "Personalnummer")
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
