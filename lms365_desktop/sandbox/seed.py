"""Deterministic demo data: catalogs, categories, tags, courses, sessions, users, enrollments, plans."""
from __future__ import annotations

import datetime as dt
import random
from typing import Sequence
from zoneinfo import ZoneInfo

from . import enums, seed_content, seed_learning
from .seed_data import (
    CANCELLATION_REASONS, CATEGORY_TREE, CITIES, COURSE_SUBJECTS, COURSE_TYPE_PHRASES, COURSE_VERBS,
    DEPARTMENTS, FIRST_NAMES, JOB_TITLES, LAST_NAMES, REJECTION_REASONS, ROOMS, ROOMS_BY_ZONE,
    SESSION_ZONES, TAGS,
)
from .store import SCHEMA_VERSION, Base, Store

DOMAIN = "contoso.onmicrosoft.com"
TENANT = "https://contoso.sharepoint.com"


def login_name(upn: str) -> str:
    return f"i:0#.f|membership|{upn}"


class _Gen:
    """Seeded generators; every value comes from one random.Random so a seed gives one dataset."""

    def __init__(self, seed: int, today: dt.datetime):
        self.rng = random.Random(seed)
        self.today = today

    def uid(self) -> str:
        # A version-4 UUID string without building uuid.UUID objects (seeding 100k users needs
        # ~1M of them).
        h = "%032x" % self.rng.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    def when(self, days_from: float, days_to: float) -> dt.datetime:
        return self.today + dt.timedelta(days=self.rng.uniform(days_from, days_to))


def _wire(value: dt.datetime) -> str:
    """Fast form of store.to_wire_datetime for the naive UTC datetimes used while seeding."""
    return value.isoformat(timespec="seconds") + "Z"


def _insert(raw, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    raw.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def seed_if_empty(store: Store, *, seed: int = 1, users: int = 5000, courses: int = 300,
                  today: dt.datetime | None = None) -> bool:
    """Seed a new database; leave one that was seeded before exactly as it is. True if seeded."""
    if store.get_meta("seeded") is not None:
        if store.get_meta("learning_seeded") is None:  # seeded before these sets existed
            seed_learning.backfill(store, int(store.get_meta("seed") or seed), today=today)
        return False
    seed_store(store, seed=seed, users=users, courses=courses, today=today)
    return True


def seed_store(store: Store, *, seed: int, users: int, courses: int,
               today: dt.datetime | None = None) -> None:
    today = today or dt.datetime.now(dt.timezone.utc)
    if today.tzinfo is not None:
        today = today.astimezone(dt.timezone.utc).replace(tzinfo=None)
    # The start of today (UTC): every "before today" value is then in the past at whatever hour the
    # sandbox starts (a 09:00 anchor put early-morning completions and expiries in the future).
    today = today.replace(hour=0, minute=0, second=0, microsecond=0)
    gen = _Gen(seed, today)
    with store.connection() as connection:
        raw = connection.connection.driver_connection
        # Secondary indexes are built once after the bulk insert: far cheaper than maintaining
        # them row by row.
        indexes = [index for table in Base.metadata.sorted_tables for index in table.indexes]
        for index in indexes:
            index.drop(connection)
        raw.execute("PRAGMA cache_size=-100000")
        catalogs = _catalogs(raw, gen)
        categories, tags = _taxonomy(raw, gen, catalogs)
        user_rows = _users(raw, gen, users)
        course_rows = _courses(raw, gen, courses, catalogs, categories, tags, user_rows)
        sessions = _sessions(raw, gen, course_rows)
        _training_plans(raw, gen, course_rows)
        modules, quizzes = seed_content.course_content(seed, course_rows, today, _wire)
        _insert(raw, "LearningModules", seed_content.MODULE_COLUMNS, modules)
        _insert(raw, "Quizzes", seed_content.QUIZ_COLUMNS, quizzes)
        _enrollments(raw, gen, user_rows, course_rows, sessions)
        seed_learning.seed_learning(raw, seed, course_rows, user_rows, _wire(today))
        _insert(raw, "SandboxMeta", ("Key", "Value"), [
            ("seeded", _wire(dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))),
            ("seed", str(seed)), ("users", str(users)), ("courses", str(courses)),
            ("schema_version", SCHEMA_VERSION), ("learning_seeded", "1")])
        for index in indexes:
            index.create(connection)
        raw.execute("PRAGMA cache_size=-2000")
        raw.execute("PRAGMA analysis_limit=1000")  # sampled statistics: enough for the planner
        raw.execute("ANALYZE")


def _catalogs(raw, gen: _Gen) -> list[tuple[str, str]]:
    result = []
    for title, slug in (("Contoso Learning", "lms365"), ("Compliance Academy", "compliance")):
        web_id, catalog_id = gen.uid(), gen.uid()
        url = f"{TENANT}/sites/{slug}"
        _insert(raw, "SharepointWebs", ("Id", "SiteId", "Url", "Description"),
                [(web_id, gen.uid(), url, f"{title} catalog site")])
        _insert(raw, "CourseCatalogs", ("Id", "Title", "SharepointWebId"),
                [(catalog_id, title, web_id)])
        result.append((catalog_id, url))
    return result


def _taxonomy(raw, gen: _Gen, catalogs):
    categories: dict[str, list[str]] = {}
    tags: dict[str, list[str]] = {}
    category_rows, tag_rows = [], []
    for index, (catalog_id, _url) in enumerate(catalogs):
        tree = CATEGORY_TREE[index % len(CATEGORY_TREE)]
        ids = []
        for parent_name, children in tree:
            parent_id = gen.uid()
            category_rows.append((parent_id, parent_name, catalog_id, None, 0))
            ids.append(parent_id)
            for child in children:
                child_id = gen.uid()
                category_rows.append((child_id, child, catalog_id, parent_id, 0))
                ids.append(child_id)
        categories[catalog_id] = ids
        tag_ids = []
        for name in TAGS[index::len(catalogs)]:
            tag_id = gen.uid()
            tag_rows.append((tag_id, name, catalog_id, 0))
            tag_ids.append(tag_id)
        tags[catalog_id] = tag_ids
    _insert(raw, "CourseCategories", ("Id", "Name", "CourseCatalogId", "ParentCategoryId", "IsNew"),
            category_rows)
    _insert(raw, "CourseTags", ("Id", "Name", "CourseCatalogId", "IsNew"), tag_rows)
    return categories, tags


def _users(raw, gen: _Gen, count: int) -> list[dict]:
    rng = gen.rng
    users: list[dict] = []
    managers_by_department: dict[str, list[dict]] = {}
    seen: dict[str, int] = {}
    manager_share = 12  # one manager per ~12 people
    for index in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        base = f"{first}.{last}".lower().replace("'", "")
        seen[base] = seen.get(base, 0) + 1
        upn = f"{base}{'' if seen[base] == 1 else seen[base]}@{DOMAIN}"
        department = DEPARTMENTS[index % len(DEPARTMENTS)] if index else "Executive"
        city, country, office = rng.choice(CITIES)
        external = index > 10 and rng.random() < 0.02
        if external:
            upn = f"{base}{index}_fabrikam.com#EXT#@{DOMAIN}"
        user = {
            "Id": gen.uid(), "LoginName": login_name(upn), "Title": f"{first} {last}",
            "Email": upn.replace("#EXT#", "") if not external else f"{base}@fabrikam.com",
            "Department": department, "City": city, "Country": country, "Office": office,
            "JobTitle": rng.choice(JOB_TITLES.get(department, JOB_TITLES["*"])),
            "DirectoryObjectId": gen.uid(), "IsExternal": external,
            "CreatedAt": gen.when(-900, -30),
        }
        manager, manager_login = None, None
        if index == 0:
            user["JobTitle"] = "Chief Executive Officer"
        else:
            pool = managers_by_department.get(department)
            if not pool or (index % manager_share == 1):
                boss = users[0]
                managers_by_department.setdefault(department, []).append(user)
                user["JobTitle"] = f"{department} Manager"
            else:
                boss = pool[rng.randrange(len(pool))]
            manager, manager_login = boss["Id"], boss["LoginName"]
        user["ManagerId"], user["ManagerLoginName"] = manager, manager_login
        users.append(user)
    # A few leavers (never a manager or course staff, the first 200), so Enrollments/IncludeDeletedUsers()
    # has something to add: about one in 250 users.
    managers = {u["ManagerId"] for u in users}
    deleted = {u["Id"] for index, u in enumerate(users) if index >= 200 and index % 250 == 137
               and u["Id"] not in managers}
    columns = ("Id", "LoginName", "Title", "Email", "Department", "ManagerId", "ManagerLoginName",
               "City", "Country", "DirectoryObjectId", "Office", "JobTitle", "IsExternal",
               "IsDeleted", "CreatedAt")
    _insert(raw, "Users", columns, [
        (u["Id"], u["LoginName"], u["Title"], u["Email"], u["Department"], u["ManagerId"],
         u["ManagerLoginName"], u["City"], u["Country"], u["DirectoryObjectId"], u["Office"],
         u["JobTitle"], int(u["IsExternal"]), int(u["Id"] in deleted), _wire(u["CreatedAt"]))
        for u in users])
    return users


_TYPE_MIX = ([enums.CourseType.ELearning] * 9 + [enums.CourseType.ClassRoom] * 5
             + [enums.CourseType.Webinar] * 3 + [enums.CourseType.TrainingPlan] * 3)


def _courses(raw, gen: _Gen, count, catalogs, categories, tags, users) -> list[dict]:
    rng = gen.rng
    courses, webs, links_c, links_t, trainers, admins = [], [], [], [], [], []
    due_rows, publishing_rows, expiry_rows = [], [], []
    staff = users[: max(1, min(len(users), 200))]
    flows = list(enums.EnrollmentFlow)
    for index in range(count):
        catalog_id, catalog_url = catalogs[index % len(catalogs)]
        course_type = _TYPE_MIX[index % len(_TYPE_MIX)] if index >= 4 else list(
            enums.CourseType)[index]
        subject = COURSE_SUBJECTS[(index * 7) % len(COURSE_SUBJECTS)]
        verb = COURSE_VERBS[(index // len(COURSE_SUBJECTS)) % len(COURSE_VERBS)]
        title = f"{verb} {subject}" if course_type != enums.CourseType.TrainingPlan else \
            f"{subject} Learning Path"
        if index >= len(COURSE_SUBJECTS) * len(COURSE_VERBS):
            title = f"{title} {index // (len(COURSE_SUBJECTS) * len(COURSE_VERBS)) + 1}"
        slug = f"course-{index + 1:04d}"
        course_id, web_id = gen.uid(), gen.uid()
        webs.append((web_id, gen.uid(), f"{catalog_url}/{slug}", title))
        minutes = rng.choice((30, 45, 60, 90, 120, 180, 240, 480))
        ceu = round(minutes / 60 * rng.choice((0.5, 1.0, 1.0, 1.5)), 1)
        created = gen.when(-720, -20)
        course = {
            "Id": course_id, "CourseCatalogId": catalog_id, "Title": title,
            "Description": f"{title}: {COURSE_TYPE_PHRASES[course_type.name]} course for {rng.choice(DEPARTMENTS)} "
                           f"teams and everyone who works with them.",
            "LongDescription": f"<p>In <b>{title}</b> you learn the essentials of "
                               f"{subject.lower()} through short lessons, practical examples and "
                               f"a final check of what you have learned.</p>",
            "CEU": int(ceu), "DecimalCEU": ceu, "ShowInCatalog": int(rng.random() < 0.9),
            "IsRequired": int(rng.random() < 0.2), "IsPublished": int(rng.random() < 0.85),
            "IsEnded": int(rng.random() < 0.03), "CourseID": f"CRS-{index + 1:04d}",
            "Duration": f"{minutes // 60}h {minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m",
            "CourseType": int(course_type),
            "ImageUrl": f"{catalog_url}/{slug}/SiteAssets/cover.png",
            "CertificateTemplateId": f"template-{rng.randint(1, 4)}" if rng.random() < 0.7 else None,
            "EnrollmentFlow": int(flows[index % len(flows)] if index < 40 else rng.choice(
                flows[:1] * 6 + flows)),
            "IsDeleted": 0,
            "CourseSessionEnrollmentType": int(rng.choice(list(enums.CourseSessionEnrollmentType)))
            if course_type in (enums.CourseType.ClassRoom, enums.CourseType.Webinar) else None,
            "CreatedAt": _wire(created), "CourseLayoutId": None,
            "Culture": "en-US", "UICulture": "en-US", "SiteTemplate": "LMS365#0",
            "IsCreated": 1, "SharepointWebId": web_id,
            "_type": course_type, "_minutes": minutes, "_catalog": catalog_id,
            "_due_days": None,
        }
        for category in rng.sample(categories[catalog_id], rng.randint(1, 3)):
            links_c.append((course_id, category))
        for tag in rng.sample(tags[catalog_id], rng.randint(0, 4)):
            links_t.append((course_id, tag))
        if course_type in (enums.CourseType.ClassRoom, enums.CourseType.Webinar):
            for trainer in rng.sample(staff, min(len(staff), rng.randint(1, 2))):
                trainers.append((course_id, trainer["Id"]))
        admins.append((course_id, staff[rng.randrange(len(staff))]["Id"]))
        if rng.random() < 0.5:
            days = rng.choice((14, 30, 60, 90))
            course["_due_days"] = days
            due_rows.append((course_id, 1, None, days))
        elif rng.random() < 0.2:
            fixed = gen.when(-30, 120)
            course["_due_fixed"] = fixed
            due_rows.append((course_id, 1, _wire(fixed), None))
        else:
            due_rows.append((course_id, 0, None, None))
        publishing_rows.append((gen.uid(), course_id, int(rng.random() < 0.3),
                                _wire(created), None))
        expiry_rows.append((course_id, 1, None, 365) if rng.random() < 0.4
                           else (course_id, 0, None, None))
        courses.append(course)
    _insert(raw, "SharepointWebs", ("Id", "SiteId", "Url", "Description"), webs)
    columns = [c for c in courses[0] if not c.startswith("_")] if courses else []
    _insert(raw, "Courses", columns, [tuple(c[k] for k in columns) for c in courses])
    _insert(raw, "CourseCategoryLinks", ("CourseId", "CategoryId"), links_c)
    _insert(raw, "CourseTagLinks", ("CourseId", "TagId"), links_t)
    _insert(raw, "CourseTrainers", ("CourseId", "UserId"), trainers)
    _insert(raw, "CourseAdmins", ("CourseId", "UserId"), admins)
    _insert(raw, "CourseDueDates", ("CourseId", "IsEnabled", "FixedDate", "DaysAfterEnrollment"),
            due_rows)
    _insert(raw, "CoursePublishings", ("Id", "CourseId", "IsEnabled", "StartDate", "EndDate"),
            publishing_rows)
    _insert(raw, "CourseCertificateExpiries",
            ("CourseId", "IsEnabled", "FixedDate", "DaysAfterCompletion"), expiry_rows)
    _insert(raw, "CourseProvisionings", ("CourseId", "Status", "Progress", "StartedAt",
                                         "CompletedAt"),
            [(c["Id"], int(enums.ProvisioningStatus.Completed), 100, c["CreatedAt"],
              c["CreatedAt"]) for c in courses])
    return courses


def _offset_minutes(zone: str, moment: dt.datetime) -> int:
    offset = moment.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(zone)).utcoffset()
    return int(offset.total_seconds() // 60) if offset else 0


_ZONES_BY_IANA = {zone[1]: zone for zone in SESSION_ZONES}
_ROOM_ZONE = {room: _ZONES_BY_IANA[iana] for iana, rooms in ROOMS_BY_ZONE.items() for room in rooms}


def _office_hours(drawn: dt.datetime, iana_zone: str) -> dt.datetime:
    """A UTC start on the drawn local day (moved to the next Monday from a weekend), 08:00-16:00 there.

    Uses only the drawn value, so the random stream (and all other seeded data) stays as it was."""
    zone = ZoneInfo(iana_zone)
    day = drawn.replace(tzinfo=dt.timezone.utc).astimezone(zone).date()
    if day.weekday() >= 5:
        day += dt.timedelta(days=7 - day.weekday())
    local = dt.datetime(day.year, day.month, day.day, 8 + drawn.hour % 9, (drawn.minute // 30) * 30, tzinfo=zone)
    return local.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _sessions(raw, gen: _Gen, courses) -> dict[str, list[tuple[str, int]]]:
    rng = gen.rng
    rows, by_course = [], {}
    for course in courses:
        if course["_type"] not in (enums.CourseType.ClassRoom, enums.CourseType.Webinar):
            continue
        webinar = course["_type"] == enums.CourseType.Webinar
        for number in range(rng.randint(2, 4)):
            windows_zone, iana_zone, zone_name = rng.choice(SESSION_ZONES)
            drawn = gen.when(-60, 120)
            room = None if webinar else rng.choice(ROOMS)
            if room is not None:
                if iana_zone not in ROOMS_BY_ZONE:  # a classroom is somewhere: use the drawn room's city
                    windows_zone, iana_zone, zone_name = _ROOM_ZONE[room]
                city_rooms = ROOMS_BY_ZONE[iana_zone]
                room = city_rooms[ROOMS.index(room) % len(city_rooms)]
            start = _office_hours(drawn, iana_zone)
            end = start + dt.timedelta(minutes=course["_minutes"])
            max_attendees = rng.choice((None, 12, 20, 25, 40)) if not webinar else rng.choice(
                (None, 100, 250))
            session_id = gen.uid()
            rows.append((
                session_id, course["Id"], None, f"{course['Title'][:100]} - session {number + 1}",
                _wire(start), _wire(end), _offset_minutes(iana_zone, start),
                _offset_minutes(iana_zone, end), windows_zone, zone_name,
                f"https://teams.microsoft.com/l/meetup-join/{session_id}" if webinar else None,
                room[0] if room else None, room[1] if room else None, room[2] if room else None,
                int(enums.RoomSource.Exchange if room and room[2] else enums.RoomSource.Unknown)
                if room else None,
                max_attendees, _wire(start - dt.timedelta(days=2)),
                course["CreatedAt"]))
            by_course.setdefault(course["Id"], []).append((session_id, max_attendees or 10**9))
    _insert(raw, "CourseSessions", (
        "Id", "CourseId", "GroupId", "Title", "StartDate", "EndDate", "StartDateTimeZoneOffset",
        "EndDateTimeZoneOffset", "TimeZone", "TimeZoneName", "MeetingUrl", "RoomTitle",
        "RoomLocation", "RoomEmailAddress", "RoomSource", "MaxAttendees", "EnrollmentDeadline",
        "CreatedAt"), rows)
    return by_course


def _training_plans(raw, gen: _Gen, courses) -> None:
    rng = gen.rng
    plans, links = [], []
    for plan in courses:
        if plan["_type"] != enums.CourseType.TrainingPlan:
            continue
        members = [c for c in courses if c["_catalog"] == plan["_catalog"]
                   and c["_type"] != enums.CourseType.TrainingPlan]
        plans.append((plan["Id"], plan["Title"], plan["_catalog"], plan["CreatedAt"],
                      plan["CreatedAt"]))
        for order, course in enumerate(rng.sample(members, min(len(members), rng.randint(3, 5)))):
            links.append((plan["Id"], course["Id"], order))
    _insert(raw, "TrainingPlans", ("Id", "Title", "CourseCatalogId", "CreatedAt", "ModifiedAt"),
            plans)
    _insert(raw, "TrainingPlanCourses", ("TrainingPlanId", "CourseId", "Order"), links)


# (RegistrationStatus, CoursePassingStatus, overdue?) with weights: every state appears.
_STATES = (
    ((enums.RegistrationStatus.Enrolled, enums.CoursePassingStatus.NotStarted, False), 20),
    ((enums.RegistrationStatus.Enrolled, enums.CoursePassingStatus.InProgress, False), 22),
    ((enums.RegistrationStatus.Enrolled, enums.CoursePassingStatus.Completed, False), 30),
    ((enums.RegistrationStatus.Enrolled, enums.CoursePassingStatus.InProgress, True), 6),
    ((enums.RegistrationStatus.PendingApproval, enums.CoursePassingStatus.NotStarted, False), 8),
    ((enums.RegistrationStatus.Cancelled, enums.CoursePassingStatus.NotStarted, False), 7),
    ((enums.RegistrationStatus.Rejected, enums.CoursePassingStatus.NotStarted, False), 5),
    ((enums.RegistrationStatus.WaitingList, enums.CoursePassingStatus.NotStarted, False), 2),
)


def _reason(status, row_number: int) -> str | None:
    """A cancellation or rejection message, varied by row (no random draw: the stream stays as it was)."""
    if status == enums.RegistrationStatus.Cancelled:
        return CANCELLATION_REASONS[row_number * 7 % len(CANCELLATION_REASONS)]
    if status == enums.RegistrationStatus.Rejected:
        return REJECTION_REASONS[row_number * 5 % len(REJECTION_REASONS)]
    return None


class _SecondsText:
    """Epoch seconds -> wire text, with the date part cached per day (seeding formats ~1M)."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def __call__(self, seconds: int) -> str:
        day, rest = divmod(seconds, 86400)
        date = self._days.get(day)
        if date is None:
            date = self._days[day] = (_EPOCH + dt.timedelta(days=day)).strftime("%Y-%m-%d")
        return f"{date}T{rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}Z"


_EPOCH = dt.datetime(1970, 1, 1)
DAY = 86400


def _enrollments(raw, gen: _Gen, users, courses, sessions) -> None:
    # Plain ints and floats per row instead of datetime objects: 500k rows at 100k users.
    rng = gen.rng
    random, randint, uid = rng.random, rng.randint, gen.uid
    table = [state for state, weight in _STATES for _ in range(weight)]
    text = _SecondsText()
    today = int((gen.today - _EPOCH).total_seconds())
    enrolled = enums.RegistrationStatus.Enrolled
    cancelled = enums.RegistrationStatus.Cancelled
    pending = enums.RegistrationStatus.PendingApproval
    not_started = enums.CoursePassingStatus.NotStarted
    in_progress = enums.CoursePassingStatus.InProgress
    passed = enums.CoursePassingStatus.Completed
    automatic = int(enums.EnrollmentFlow.AutomaticApproval)
    rows, certificates = [], []
    for user in users:
        user_id, login = user["Id"], user["LoginName"]
        for course in rng.sample(courses, min(len(courses), randint(3, 7))):
            status, passing, overdue = table[int(random() * len(table))]
            if status == pending and course["EnrollmentFlow"] == automatic:
                status = enrolled  # automatic flows never wait
            registered = today - int((1 + 399 * random()) * DAY)
            started = completed = due = certificate_id = None
            progress = 0
            if status == enrolled:
                if passing != not_started:
                    # Never later than two hours ago, so a completion can follow it in the past.
                    started = min(registered + int(10 * random() * DAY), today - 7200)
                if passing == in_progress:
                    progress = randint(5, 95)
                elif passing == passed:
                    progress = 100
                    completed = min(started + int((0.1 + 29.9 * random()) * DAY), today - 3600)
                    certificate_id = uid()
                if course["_due_days"]:
                    due = registered + course["_due_days"] * DAY
                if overdue:
                    due = today - randint(1, 60) * DAY
                elif due is not None and due < today and completed is None:
                    due = today + randint(3, 60) * DAY
            course_sessions = sessions.get(course["Id"])
            session_id = course_sessions[int(random() * len(course_sessions))][0] \
                if course_sessions else None
            enrollment_id = uid()
            registered_text = text(registered)
            rows.append((
                enrollment_id, course["Id"], user_id, login, "Learner", registered_text,
                started and text(started), completed and text(completed), int(status),
                int(passing), certificate_id, course["CEU"] if completed else 0,
                course["DecimalCEU"] if completed else 0.0, due and text(due), None,
                0, int(status != cancelled),
                _reason(status, len(rows)),
                session_id, progress, 1, course["_minutes"], registered_text))
            if certificate_id:
                expiry = completed + 365 * DAY
                certificate_status = enums.CertificateStatus.Valid
                if expiry < today:
                    certificate_status = enums.CertificateStatus.Expired
                elif expiry < today + 30 * DAY:
                    certificate_status = enums.CertificateStatus.Expiring
                certificates.append((
                    certificate_id, user_id, course["Id"], enrollment_id,
                    f"/certificates/{certificate_id}/content", 1, int(certificate_status),
                    text(completed), text(expiry), course["CertificateTemplateId"]))
    _insert(raw, "Enrollments", (
        "Id", "CourseId", "UserId", "UserLoginName", "Roles", "RegistrationDate", "StartDate",
        "CompletionDate", "RegistrationStatus", "CoursePassingStatus", "CertificateId", "CEU",
        "DecimalCEU", "DueDate", "EndDate", "IsPartOfTrainingPlan", "CanUnenroll",
        "CancellationReason", "courseSessionId", "Progress", "Attempt", "CourseDuration",
        "CreatedAt"), rows)
    _insert(raw, "Certificates", (
        "Id", "UserId", "CourseId", "EnrollmentId", "ContentUrl", "IsGenerated", "Status",
        "Issued", "Expiry", "TemplateId"), certificates)
