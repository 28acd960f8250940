"""Demo ratings, competencies, user fields, attendances, attempts, session groups and external apps.

Its own random stream (as seed_content's) keeps every value seeded before these sets existed as it
was. The per-enrollment rows are made by INSERT … SELECT inside SQLite, with ids and choices
derived from the enrollment's id, so the 100k-user sandbox pays no Python loop over ~500k rows."""
from __future__ import annotations

import datetime as dt
import json
import random
from typing import Sequence

from . import enums

# The placeholder dates a session group reports instead of its own (API notes section 4).
GROUP_START = "1753-01-01T00:00:00Z"
GROUP_END = "9999-12-31T23:59:59.997Z"

COMPETENCY_CATEGORIES = (
    ("Communication", "Writing, presenting and listening."),
    ("Health and safety", "Working safely and looking after others."),
    ("Technical", "Tools and systems used on the job."),
    ("Leadership", "Leading people and decisions."),
)
SCALE_SETS = (
    ("Proficiency (1-5)", ["Novice", "Advanced beginner", "Competent", "Proficient", "Expert"]),
    ("Achieved", ["Not yet", "Achieved"]),
)
COMPETENCIES = (
    ("Clear writing", 0), ("Presenting to groups", 0), ("Giving feedback", 0),
    ("First aid", 1), ("Fire safety", 1), ("Manual handling", 1), ("Risk assessment", 1),
    ("Spreadsheet analysis", 2), ("Data protection", 2), ("Information security", 2),
    ("Project planning", 2), ("Coaching", 3), ("Decision making", 3), ("Running meetings", 3),
)
USER_FIELDS = (
    ("Employee number", enums.UserFieldType.Text, True),
    ("Cost center", enums.UserFieldType.Choice, False),
    ("Start date", enums.UserFieldType.Date, False),
    ("Certification level", enums.UserFieldType.Number, False),
)
COST_CENTERS = ("CC-1000 Head office", "CC-2000 Operations", "CC-3000 Sales", "CC-4000 Field service")
# Users with seeded user-field values (the first ones: managers and course staff among them).
USERS_WITH_FIELD_VALUES = 2000
EXTERNAL_APPS = (
    ("Power Automate flows", {"Owner": "IT automation team"}),
    ("HR system sync", {"Owner": "People operations", "Schedule": "nightly"}),
)


def _insert(raw, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    if rows:
        names = ", ".join(f'"{c}"' for c in columns)
        raw.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})', rows)


def seed_learning(raw, seed: int, courses: list[dict], users: list[dict], today: str) -> None:
    """Insert every set of this module; `today` is the seed's day as wire text."""
    rng = random.Random(f"learning-{seed}")

    def uid() -> str:
        h = "%032x" % rng.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    _ratings(raw, rng, courses)
    _competencies(raw, rng, uid, courses)
    _user_fields(raw, uid, users)
    _session_groups(raw, uid, courses)
    _external_apps(raw, rng, uid)
    _attendances(raw, today)
    _attempts(raw)


def _ratings(raw, rng: random.Random, courses: list[dict]) -> None:
    rows = []
    for course in courses:
        count = rng.choice((0, 0, 3, 12, 40, 120, 260))
        rows.append((course["Id"], round(rng.uniform(3.1, 4.9), 1) if count else 0.0, count))
    _insert(raw, "CourseRatings", ("CourseId", "Rating", "NumberOfRatings"), rows)


def _competencies(raw, rng: random.Random, uid, courses: list[dict]) -> None:
    categories = [(uid(), title, about) for title, about in COMPETENCY_CATEGORIES]
    _insert(raw, "CompetencyCategories", ("Id", "Title", "Description"), categories)
    scales = [(uid(), title, json.dumps([{"Level": n, "Title": t} for n, t in enumerate(levels, 1)]))
              for title, levels in SCALE_SETS]
    _insert(raw, "CompetencyScaleSets", ("Id", "Title", "Levels"), scales)
    competencies = [(uid(), title, f"Shows {title.lower()} at work.", categories[category][0],
                     scales[0 if category != 1 else 1][0], "2024-01-15T09:00:00Z")
                    for title, category in COMPETENCIES]
    _insert(raw, "Competencies", ("Id", "Title", "Description", "CategoryId", "ScaleSetId", "CreatedAt"),
            competencies)
    links = []
    for course in courses:
        if course["_type"] != enums.CourseType.TrainingPlan:
            for competency in rng.sample(competencies, rng.choice((0, 1, 1, 2))):
                links.append((course["Id"], competency[0]))
    _insert(raw, "CourseCompetencyLinks", ("CourseId", "CompetencyId"), links)


def _user_fields(raw, uid, users: list[dict]) -> None:
    fields = [(uid(), title, int(kind), int(required), order)
              for order, (title, kind, required) in enumerate(USER_FIELDS)]
    _insert(raw, "UserFields", ("Id", "Title", "Type", "IsRequired", "Order"), fields)
    (number_id, number_title, *_), (center_id, center_title, *_), (start_id, start_title, *_) = fields[:3]
    rows = []
    for index, user in enumerate(users[:USERS_WITH_FIELD_VALUES]):
        # Ids derived from the user's: unique, and no draws from the stream per user.
        base = user["Id"][:24]
        rows.append((base + "00000000000a", user["Id"], number_id, number_title, f"E{index + 1:06d}"))
        rows.append((base + "00000000000b", user["Id"], center_id, center_title,
                     COST_CENTERS[index % len(COST_CENTERS)]))
        rows.append((base + "00000000000c", user["Id"], start_id, start_title,
                     user["CreatedAt"].strftime("%Y-%m-%d")))
    _insert(raw, "UserFieldValues", ("Id", "UserId", "FieldId", "FieldTitle", "Value"), rows)


def _session_groups(raw, uid, courses: list[dict]) -> None:
    """Every eighth classroom course groups its sessions under one session group."""
    classroom = [c for c in courses if c["_type"] == enums.CourseType.ClassRoom][::8]
    for course in classroom:
        group_id = uid()
        _insert(raw, "CourseSessions", (
            "Id", "CourseId", "GroupId", "Title", "StartDate", "EndDate", "StartDateTimeZoneOffset",
            "EndDateTimeZoneOffset", "TimeZone", "TimeZoneName", "CreatedAt"), [(
                group_id, course["Id"], None, f"{course['Title'][:100]} - all sessions", GROUP_START, GROUP_END,
                0, 0, "UTC", "(UTC) Coordinated Universal Time", course["CreatedAt"])])
        raw.execute('UPDATE "CourseSessions" SET "GroupId" = ? WHERE "CourseId" = ? AND "Id" != ?',
                    (group_id, course["Id"], group_id))


def _external_apps(raw, rng: random.Random, uid) -> None:
    _insert(raw, "ExternalApps", ("Id", "Title", "ClientId", "Secret", "CustomFields", "IsEnabled", "CreatedAt"), [
        (uid(), title, uid(), "%040x" % rng.getrandbits(160), json.dumps(custom), 1, "2024-03-01T08:00:00Z")
        for title, custom in EXTERNAL_APPS])


def _attendances(raw, today: str) -> None:
    """One row per enrolled classroom learner and session that has started."""
    raw.execute(f'''
        INSERT INTO "Attendances" ("Id", "EnrollmentId", "CourseSessionId", "UserId", "Status", "AttendedAt")
        SELECT substr(e."Id", 1, 14) || '5' || substr(e."Id", 16), e."Id", s."Id", e."UserId",
               CASE WHEN substr(e."Id", 36, 1) IN ('0', '1') THEN {int(enums.AttendanceStatus.Absent)}
                    ELSE {int(enums.AttendanceStatus.Attended)} END,
               CASE WHEN substr(e."Id", 36, 1) IN ('0', '1') THEN NULL ELSE s."StartDate" END
        FROM "Enrollments" e JOIN "CourseSessions" s ON s."Id" = e."courseSessionId"
        WHERE e."RegistrationStatus" = {int(enums.RegistrationStatus.Enrolled)}
          AND s."StartDate" < ? AND s."StartDate" > '1753-01-01T00:00:00Z'
    ''', (today,))


def _attempts(raw) -> None:
    """Attempts of one started e-learning enrollment in eight, on every module of its course; the
    first module of a course is the SCORM package, so it also has a ScormAttempts row."""
    completed = int(enums.CoursePassingStatus.Completed)
    done, going = int(enums.AttemptState.Completed), int(enums.AttemptState.InProgress)
    raw.execute(f'''
        INSERT INTO "LearningModuleAttempts" ("Id", "LearningModuleId", "CourseId", "EnrollmentId", "UserId",
            "Attempt", "State", "Progress", "StartedAt", "CompletedAt")
        SELECT substr(e."Id", 1, 24) || substr(m."Id", 25), m."Id", e."CourseId", e."Id", e."UserId", e."Attempt",
               CASE WHEN e."CoursePassingStatus" = {completed} OR m."Order" = 1 THEN {done} ELSE {going} END,
               CASE WHEN e."CoursePassingStatus" = {completed} OR m."Order" = 1 THEN 100 ELSE e."Progress" END,
               e."StartDate",
               CASE WHEN e."CoursePassingStatus" = {completed} THEN e."CompletionDate"
                    WHEN m."Order" = 1 THEN e."StartDate" END
        FROM "Enrollments" e JOIN "LearningModules" m ON m."CourseId" = e."CourseId"
        WHERE e."StartDate" IS NOT NULL AND substr(e."Id", 1, 1) IN ('0', '1')
    ''')
    score = "(60 + (instr('0123456789abcdef', substr(a.\"Id\", 2, 1)) - 1) * 2.5)"
    raw.execute(f'''
        INSERT INTO "ScormAttempts" ("Id", "LearningModuleId", "CourseId", "UserId", "Attempt", "State", "Score",
            "TotalTime", "StartedAt", "CompletedAt")
        SELECT substr(a."Id", 1, 14) || '5' || substr(a."Id", 16), a."LearningModuleId", a."CourseId", a."UserId",
               a."Attempt",
               CASE WHEN a."CompletedAt" IS NULL THEN {going}
                    WHEN {score} >= 80 THEN {int(enums.AttemptState.Passed)}
                    ELSE {int(enums.AttemptState.Failed)} END,
               CASE WHEN a."CompletedAt" IS NULL THEN NULL ELSE {score} END,
               printf('00:%02d:%02d', 5 + instr('0123456789abcdef', substr(a."Id", 3, 1)),
                      instr('0123456789abcdef', substr(a."Id", 4, 1)) * 3),
               a."StartedAt", a."CompletedAt"
        FROM "LearningModuleAttempts" a JOIN "LearningModules" m ON m."Id" = a."LearningModuleId"
        WHERE m."Order" = 1
    ''')


def backfill(store, seed: int, *, today: dt.datetime | None = None) -> None:
    """Add this module's sets to a data file seeded before they existed (its other rows stay)."""
    today = (today or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(tzinfo=None)
    today_text = today.replace(hour=0, minute=0, second=0, microsecond=0).isoformat() + "Z"
    with store.connection() as connection:
        raw = connection.connection.driver_connection
        if raw.execute('SELECT count(*) FROM "CourseRatings"').fetchone()[0] == 0:
            courses = [{"Id": i, "Title": t, "CreatedAt": c, "_type": enums.CourseType(k)} for i, t, c, k in raw.execute(
                'SELECT "Id", "Title", "CreatedAt", "CourseType" FROM "Courses" ORDER BY rowid')]
            users = [{"Id": i, "CreatedAt": dt.datetime.strptime(c, "%Y-%m-%dT%H:%M:%SZ")} for i, c in raw.execute(
                'SELECT "Id", "CreatedAt" FROM "Users" ORDER BY rowid LIMIT ?', (USERS_WITH_FIELD_VALUES,))]
            seed_learning(raw, seed, courses, users, today_text)
        raw.execute('INSERT OR REPLACE INTO "SandboxMeta" ("Key", "Value") VALUES (\'learning_seeded\', \'1\')')
