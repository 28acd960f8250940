"""The learning mirror and report figures against a real sandbox: every count equals the server's own $count."""
from __future__ import annotations

import math
from datetime import timedelta

import pytest

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.errors import Lms365Error
from lms365_desktop.api.odata import Query
from lms365_desktop.core.mirror import MirrorDatabase, UserDirectory
from lms365_desktop.core.mirror.learning import ENTITIES, LearningMirror
from lms365_desktop.core.reports import STATE_FILTERS, STATES, ReportQueries, iso
from tests.core.mirror.server_figures import server_count, server_state_counts

PAGE = 300


@pytest.fixture
async def paged(make_sandbox):
    server = make_sandbox(users=150, courses=12, page_size=PAGE)
    async with Lms365Client(server.base_url, server.api_key) as client:
        yield server, client


async def _mirror(client, path):
    database = MirrorDatabase(path)
    directory = UserDirectory(database)
    await directory.refresh(client)
    mirror = LearningMirror(database)
    await mirror.sync(client)
    return database, directory, mirror


async def test_cold_fill_pages_at_the_server_size_and_every_state_count_matches(paged, tmp_path):
    _server, client = paged
    database, directory, mirror = await _mirror(client, tmp_path / "m.sqlite3")
    expected_calls, bound = 0, 0
    for spec in ENTITIES:
        total = await server_count(client, spec.entity_set)
        bound += math.ceil(total / PAGE) + 2
        held = database.read_now(lambda c, s=spec: c.execute(f"SELECT count(*) FROM {s.table.name}").fetchone()[0])
        assert held == total, spec.entity_set
        expected_calls += max(1, math.ceil(total / PAGE))
    assert mirror.calls == expected_calls
    assert mirror.calls <= bound
    queries = ReportQueries(database)
    figures = database.read_now(lambda c: queries.states(c))
    assert figures.counts == await server_state_counts(client, queries.now)
    course_id = database.read_now(lambda c: c.execute(
        "SELECT course_id FROM enrollments GROUP BY course_id ORDER BY count(*) DESC").fetchone()[0])
    course = database.read_now(lambda c: queries.course_progress(c, course_id))
    assert course.states.counts == await server_state_counts(client, queries.now, f"CourseId eq {course_id}")
    fresh = await mirror.freshness()
    assert fresh.filled and fresh.changes == 0
    directory.close()


async def test_changes_are_applied_from_events_and_new_rows_by_creation_date(paged, tmp_path):
    server, client = paged
    database, directory, mirror = await _mirror(client, tmp_path / "m.sqlite3")
    pending = [r async for r in client.paginate(
        "Enrollments", Query().filter(STATE_FILTERS["pending"]).top(3), model=None)][:3]
    assert pending, "the seed has pending approvals"
    await client.approve_enrollment_request(pending[0]["Id"])
    calls_before = mirror.calls
    changed = await mirror.apply_ids(client, "CourseEnrollment", [pending[0]["Id"]])
    assert changed == 1 and mirror.calls - calls_before == 1
    queries = ReportQueries(database)
    assert database.read_now(lambda c: queries.states(c)).counts == await server_state_counts(client, queries.now)
    assert (await mirror.freshness()).changes == 1
    await mirror.sync(client)  # creation-date sync: nothing new, a few calls, changes reset
    assert (await mirror.freshness()).changes == 0
    directory.close()


async def test_compliance_figures_match_the_server(paged, tmp_path):
    _server, client = paged
    database, directory, _mirror_ = await _mirror(client, tmp_path / "m.sqlite3")
    queries = ReportQueries(database)
    report = database.read_now(lambda c: queries.compliance(c))
    required = [r["Id"] async for r in client.paginate("Courses", Query().filter("IsRequired eq true").select("Id"),
                                                       model=None)]
    expected = dict.fromkeys(STATES, 0)
    for course_id in required:
        for state, n in (await server_state_counts(client, queries.now, f"CourseId eq {course_id}")).items():
            expected[state] += n
    assert report.required.counts == expected
    assert len(report.overdue) == expected["overdue"]
    now = queries.now
    for days, n in report.expiring.items():
        assert n == await server_count(client, "Certificates", f"Expiry ge {iso(now)} and Expiry lt {iso(now + timedelta(days=days))}")
    directory.close()


async def test_compliance_by_category_matches_the_servers_counts_per_required_course(paged, tmp_path):
    _server, client = paged
    database, directory, _mirror_ = await _mirror(client, tmp_path / "m.sqlite3")
    queries = ReportQueries(database)
    report = database.read_now(lambda c: queries.compliance(c))
    courses = [r async for r in client.paginate(
        "Courses", Query().filter("IsRequired eq true").select("Id").option("$expand", "Categories"), model=None)]
    expected: dict[str, dict[str, int]] = {}
    for course in courses:
        counts = await server_state_counts(client, queries.now, f"CourseId eq {course['Id']}")
        for category in course.get("Categories") or []:
            into = expected.setdefault(category["Name"], dict.fromkeys(STATES, 0))
            for state, n in counts.items():
                into[state] += n
    assert {name: c.counts for name, c in report.by_category} == expected
    assert expected, "the seed files required courses under categories"
    directory.close()


def _tables(database, like: str) -> list[str]:
    return [r[0] for r in database.read_now(lambda c: c.execute(
        "SELECT name FROM sqlite_master WHERE name LIKE ? ORDER BY name", (like,)).fetchall())]


async def test_a_full_sync_replaces_each_set_whole_with_its_indexes(paged, tmp_path):
    _server, client = paged
    database, directory, mirror = await _mirror(client, tmp_path / "m.sqlite3")
    indexes = _tables(database, "enrollments%")
    database.write_now(lambda c: c.execute(  # a row the server does not have (deleted there since)
        "INSERT INTO enrollments (id, course_id, user_id) VALUES ('gone', 'c', 'u')"))
    await mirror.sync(client, full=True)
    total = await server_count(client, "Enrollments")
    assert database.read_now(lambda c: c.execute("SELECT count(*) FROM enrollments").fetchone()[0]) == total
    assert database.read_now(lambda c: c.execute("SELECT count(*) FROM enrollments WHERE id = 'gone'").fetchone()[0]) == 0
    assert _tables(database, "enrollments%") == indexes  # the report indexes are back, nothing else
    assert "enrollments_report" in indexes and _tables(database, "%_fill") == []
    directory.close()


class _FailingSecondPage:
    """The real client, but the second page of Enrollments fails (the sandbox cannot aim a failure)."""

    def __init__(self, client):
        self.client = client

    async def request(self, method, url, **kwargs):
        if "Enrollments" in url and "skip" in url:
            raise Lms365Error("ServiceUnavailable", "The service is unavailable.")
        return await self.client.request(method, url, **kwargs)


async def test_a_full_sync_that_fails_midway_keeps_the_old_rows_and_leaves_no_fill_table(paged, tmp_path):
    _server, client = paged
    database, directory, mirror = await _mirror(client, tmp_path / "m.sqlite3")
    held = database.read_now(lambda c: c.execute("SELECT count(*) FROM enrollments").fetchone()[0])
    assert held > PAGE  # the set takes more than one page
    before = await mirror.freshness()
    with pytest.raises(Lms365Error):
        await mirror.sync(_FailingSecondPage(client), full=True)
    assert database.read_now(lambda c: c.execute("SELECT count(*) FROM enrollments").fetchone()[0]) == held
    assert (await mirror.freshness()).full_sync_at == before.full_sync_at
    await LearningMirror(database).open()  # the next opening drops what the failed fill left
    assert _tables(database, "%_fill") == []
    directory.close()
