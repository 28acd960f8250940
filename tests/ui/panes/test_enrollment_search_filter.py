"""The enrollments search filter stays within ASP.NET OData's node budget and finds every match."""
from __future__ import annotations

from lms365_desktop.api.odata import Query
from tests.ui.helpers import run_async


async def _all(client, entity_set: str, query: Query) -> list[dict]:
    return [row async for row in client.paginate(entity_set, query, model=None)]


def test_search_matching_many_courses_is_small_and_complete(main_window, qtbot):
    pane, client = main_window.workspace.enrollments, main_window.client
    run_async(qtbot, pane.prepare())
    text = "e"
    titles = {c["Id"]: c["Title"] for c in run_async(
        qtbot, _all(client, "Courses", Query().select("Id", "Title")))}
    assert sum(text in title.casefold() for title in titles.values()) > 20
    expression = pane.search_filter(text)
    # Web API OData refuses filters over MaxNodeCount (100 by default): about 3 nodes per eq.
    assert expression.count(" eq ") <= 20 and len(expression) < 2000
    enrollments = run_async(qtbot, _all(
        client, "Enrollments", Query().select("Id", "CourseId", "UserLoginName")))
    expected = {e["Id"] for e in enrollments
                if text in e["UserLoginName"].casefold()
                or text in titles.get(e["CourseId"], "").casefold()}
    found = {e["Id"] for e in run_async(qtbot, _all(
        client, "Enrollments", Query().filter(expression).select("Id")))}
    assert found == expected


def test_search_matching_few_courses_names_them_by_id(main_window, qtbot):
    pane, client = main_window.workspace.enrollments, main_window.client
    run_async(qtbot, pane.prepare())
    course = run_async(qtbot, _all(client, "Courses", Query().select("Id", "Title")))[0]
    expression = pane.search_filter(course["Title"])
    assert course["Id"] in expression
    found = run_async(qtbot, client.count("Enrollments", Query().filter(expression)))
    by_course = run_async(qtbot, client.count(
        "Enrollments", Query().filter(f"CourseId eq {course['Id']}")))
    assert found >= by_course
