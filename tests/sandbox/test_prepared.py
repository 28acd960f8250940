"""Kept plans run on the raw cursor give exactly what SQLAlchemy's execution gives."""
from __future__ import annotations

import pytest

from lms365_desktop.sandbox import edm
from lms365_desktop.sandbox.odata_query import parse_options
from lms365_desktop.sandbox.prepared import Prepared, prepare
from lms365_desktop.sandbox.query_runner import _execute, plan_collection, run_plan
from lms365_desktop.sandbox.seed import seed_if_empty
from lms365_desktop.sandbox.server import open_store

CASES = [
    ("Users", {"$top": "100"}),
    ("Users", {"$filter": "Department eq 'Sales'", "$orderby": "Title desc", "$count": "true"}),
    ("Users", {"$filter": "toupper(Department) eq 'SALES' or Email eq 'a' or Email eq 'b'"}),
    ("Courses", {"$filter": "CourseType eq 'Webinar'", "$top": "5", "$count": "true"}),
    ("Courses", {"$expand": "CourseSessions($top=1)", "$select": "Title,Id", "$top": "4"}),
    ("Enrollments", {"$filter": "RegistrationStatus eq 'Enrolled' and Course/Title ne null",
                     "$top": "5", "$expand": "User"}),
    ("Enrollments", {"$top": "7", "$skip": "3", "$select": "Roles,UserId"}),
    ("CourseSessions", {"$top": "3"}),
]


@pytest.fixture(scope="module")
def store():
    store = open_store(None)
    seed_if_empty(store, seed=1, users=200, courses=20)
    yield store
    store.close()


def _plan(set_name, params):
    etype = edm.entity_set(set_name)
    return plan_collection(parse_options(etype, params), where=etype.default_where(),
                           page_size=10_000)


@pytest.mark.parametrize("set_name, params", CASES)
def test_the_raw_cursor_reads_what_sqlalchemy_reads(store, set_name, params):
    plan = _plan(set_name, params)
    with store.connection() as connection:
        ready = prepare(plan.stmt, connection.dialect)
        assert ready is not None
        fast = [tuple(row) for row in ready.rows(connection.connection.dbapi_connection)]
        slow = [tuple(row) for row in _execute(connection, plan.stmt)]
    assert fast == slow and fast
    assert [type(v) for row in fast for v in row] == [type(v) for row in slow for v in row]


def test_a_failing_raw_read_falls_back_to_sqlalchemy(store, monkeypatch):
    plan = _plan("Users", {"$top": "10", "$count": "true"})
    with store.connection() as connection:
        expected = run_plan(connection, plan)
        assert plan.prepared  # the first run prepared both statements
        monkeypatch.setattr(Prepared, "rows", lambda self, dbapi_connection: 1 / 0)
        assert run_plan(connection, plan) == expected
