"""A sheet of good and bad rows against a sandbox, and one import run through the real job machinery."""
from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from lms365_desktop.core.bulk_operations import JobService
from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.mirror import MirrorDatabase, UserDirectory
from lms365_desktop.core.profiles import ConnectionProfile
from lms365_desktop.core.spreadsheet import SheetColumn, write_sheet
from lms365_desktop.core.spreadsheet_import.audit import ImportAudit
from lms365_desktop.core.spreadsheet_import.mapping import guess_mapping
from lms365_desktop.core.spreadsheet_import.preview import ImportOptions, Preview
from lms365_desktop.core.spreadsheet_import.reading import read_sheet
from lms365_desktop.core.spreadsheet_import.runs import RunFiles, finish_run, job_request
from lms365_desktop.core.spreadsheet_import.verdicts import Action, Verdict
from lms365_desktop.sandbox.store import ActorRecord, Course, CourseSession, Enrollment, User, UserFieldValue

HEADERS = ["E-mail", "Name", "CourseID", "Due date"]
PROFILE = "import-test"
# The sandbox runs without a limit here; the client's own throttle (600 a minute by default) would
# make a 1,000-row run with its undo take five minutes, which is the pace a tenant sets, not the point.
FAST = dict(rate_calls=100_000, rate_window=60.0)


def profile_for(server) -> ConnectionProfile:
    return ConnectionProfile(name=PROFILE, base_url=server.base_url, **FAST)


@dataclass
class Sheet:
    path: Path
    course_id: str
    good_logins: list[str]  # who the run must enrol, once each
    expected: list[Verdict]  # the verdict each row must get
    kinds: Counter = field(default_factory=Counter)


def _course(session) -> Course:
    """A live course anyone can join without approval, with the fewest enrollments."""
    counts = (select(Course, func.count(Enrollment.Id)).outerjoin(Enrollment, Enrollment.CourseId == Course.Id)
              .where(Course.IsCreated, ~Course.IsDeleted, Course.CourseType == "ELearning",
                     Course.EnrollmentFlow == "AutomaticApproval", Course.CourseID.is_not(None))
              .group_by(Course.Id).order_by(func.count(Enrollment.Id)))
    return session.execute(counts).first()[0]


def make_sheet(store, path: Path, rows: int, *, seed: int = 7) -> Sheet:
    """`rows` rows, about 7 % bad of eight kinds, shuffled; the course named by its code (CourseID)."""
    rng = random.Random(seed)
    with store.session() as s:
        course = _course(s)
        code, course_id = course.CourseID, course.Id
        enrolled_ids = set(s.scalars(select(Enrollment.UserId).where(Enrollment.CourseId == course_id)))
        active_ids = set(s.scalars(select(Enrollment.UserId).where(
            Enrollment.CourseId == course_id, Enrollment.RegistrationStatus.in_(["Enrolled", "PendingApproval"]))))
        users = s.execute(select(User.Id, User.Email, User.Title, User.IsDeleted).order_by(User.LoginName)).all()
        titles = Counter(u.Title for u in users if not u.IsDeleted)
        logins = dict(s.execute(select(User.Id, User.LoginName)).all())
    # A name two live people share; the seed has some, else the test cannot show "ambiguous".
    twins = [u for u in users if titles[u.Title] > 1 and not u.IsDeleted and u.Email]
    deleted = [u for u in users if u.IsDeleted and u.Email]
    already = [u for u in users if u.Id in active_ids and not u.IsDeleted and u.Email
               and titles[u.Title] == 1]
    free = [u for u in users if u.Id not in enrolled_ids and not u.IsDeleted and u.Email and titles[u.Title] == 1]
    bad_each = max(1, round(rows * 0.07 / 8))
    good_count = rows - bad_each * 8
    assert len(free) >= good_count, f"the sandbox has {len(free)} free users, {good_count} needed"
    good = free[:good_count]
    lines: list[tuple[list, Verdict]] = [([u.Email, u.Title, code, "2099-03-31"], Verdict.WILL_ENROLL) for u in good]
    bad: list[tuple[list, Verdict]] = []
    for n in range(bad_each):
        spare = free[good_count + n]
        bad += [
            ([f"nobody{n}@nowhere.example", "No Body", code, ""], Verdict.USER_NOT_FOUND),
            ([deleted[n % len(deleted)].Email, "", code, ""], Verdict.USER_DELETED),
            (["", twins[n % len(twins)].Title, code, ""], Verdict.AMBIGUOUS),
            ([spare.Email, spare.Title, "NO-SUCH-CODE", ""], Verdict.COURSE_NOT_FOUND),
            ([free[good_count + bad_each + n].Email, "", code, "31.02.2027"], Verdict.BAD_DATE),
            ([good[n].Email, good[n].Title, code, "2099-03-31"], Verdict.DUPLICATE),
            ([already[n % len(already)].Email, "", code, ""], Verdict.ALREADY_ENROLLED),
            (["", "", code, ""], Verdict.MISSING),
        ]
    # Duplicates must come after the row they repeat: put the good rows first, shuffle within halves.
    rng.shuffle(lines)
    rng.shuffle(bad)
    everything = lines + bad
    write_sheet(path, [SheetColumn(h) for h in HEADERS], (cells for cells, _ in everything), sheet_name="Hires")
    return Sheet(path, course_id, [logins[u.Id] for u in good], [v for _, v in everything],
                 Counter(v for _, v in bad))


# 08:00 on 10 March in Tokyo is 23:00 on 9 March in UTC: a sheet says the 10th.
TOKYO_START = "2031-03-09T23:00:00Z"


def course_with_zone_sessions(store):
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


def write_hr_export(path: Path, code: str, people: list[tuple], id_header: str = "Employee ID") -> Path:
    """An HR list naming people by employee id (one by e-mail), the course by code, sessions by title or day:
    row 1 "Zone test B" by title, row 2 the Tokyo session by its own day, row 3 an unknown id with a good
    e-mail, row 4 nobody, row 5 the Tokyo session's day in UTC (no session that day where it is held)."""
    ann, ben, cas, dan = people
    write_sheet(path, [SheetColumn(h) for h in (id_header, "E-mail", "CourseID", "Session date")], [
        [ann[0].lower(), "", code, "Zone test B"],
        [ben[0], "", code, "10.03.2031"],
        ["E999999", cas[1], code, ""],
        ["E999998", "", code, ""],
        [dan[0], "", code, "2031-03-09"],
    ], sheet_name="Staff")
    return path


async def warm_directory(client) -> UserDirectory:
    directory = UserDirectory(MirrorDatabase(None))
    await directory.refresh(client)
    return directory


async def preview_of(path: Path, client, directory: UserDirectory, action: Action = Action.ENROLL) -> Preview:
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headers, sheet.rows)
    return await Preview.build(sheet, mapping, ImportOptions(action=action), directory, client)


async def run_preview(preview: Preview, client, journal: JobJournal, audit: ImportAudit) -> tuple[str, RunFiles]:
    request = job_request(preview)
    service = JobService(client, journal, profile_name=PROFILE)
    job = service.start(request.kind, request.items, request.params, label=request.label)
    await job.run()
    record = journal.job(job.job_id)
    return job.job_id, finish_run(record, journal.items(job.job_id), who="tester", audit=audit)


def writes(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(ActorRecord))


def enrol_writes(store, course_id: str) -> Counter:
    with store.session() as s:
        details = [json.loads(d) for d in s.scalars(select(ActorRecord.Details).where(ActorRecord.Action == "Enroll"))]
        by_id = dict(s.execute(select(User.Id, User.LoginName)).all())
    return Counter(by_id[d["UserId"]] for d in details if d.get("CourseId") == course_id)


def active_logins(store, course_id: str) -> Counter:
    with store.session() as s:
        rows = s.execute(select(User.LoginName).join(Enrollment, Enrollment.UserId == User.Id).where(
            Enrollment.CourseId == course_id, Enrollment.RegistrationStatus.in_(["Enrolled", "PendingApproval"]))).all()
    return Counter(r[0] for r in rows)


def due_dates(store, course_id: str, logins: list[str]) -> set[str]:
    """The due dates (YYYY-MM-DD) of these people's live enrollments in the course."""
    with store.session() as s:
        rows = s.execute(select(Enrollment.DueDate).join(User, User.Id == Enrollment.UserId).where(
            Enrollment.CourseId == course_id, User.LoginName.in_(logins),
            Enrollment.RegistrationStatus.in_(["Enrolled", "PendingApproval"]))).all()
    return {str(r[0] or "")[:10] for r in rows}
