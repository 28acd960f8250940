"""Courses pane search: what a person types, in any case, on title, code and description."""
from __future__ import annotations

from lms365_desktop.api.odata import Query
from tests.ui.helpers import run_async


async def _all(client, entity_set: str, query: Query | None = None) -> list[dict]:
    return [row async for row in client.paginate(entity_set, query or Query(), model=None)]


def _search(qtbot, pane, text: str) -> list[dict]:
    pane.search_box.setText(text)
    pane._apply_server_filter()
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading, timeout=10_000)
    while not pane.model.all_loaded:
        pane.model.fetchMore()
        qtbot.waitUntil(lambda: not pane.model.loading, timeout=10_000)
    return [pane.model.row_at(r) for r in range(pane.model.rowCount())]


def test_search_safety_finds_every_course_whose_title_contains_safety(main_window, qtbot):
    window, pane, client = main_window.window, main_window.workspace.courses, main_window.client
    courses = run_async(qtbot, _all(client, "Courses", Query().select("Id", "Title", "CourseID", "Description")))
    with_title = {c["Id"] for c in courses if "Safety" in c["Title"]}
    assert with_title, "the seed has safety courses"
    window.show_pane(pane)
    found = _search(qtbot, pane, "safety")
    assert {r["Id"] for r in found} >= with_title
    for row in found:  # and only what holds the word somewhere a person would look
        course = next(c for c in courses if c["Id"] == row["Id"])
        text = " ".join(str(course.get(k) or "") for k in ("Title", "CourseID", "Description")).casefold()
        assert "safety" in text
    assert {r["Id"] for r in _search(qtbot, pane, "SAFETY")} == {r["Id"] for r in found}


def test_search_matches_every_word_typed_in_any_order(main_window, qtbot):
    window, pane, client = main_window.window, main_window.workspace.courses, main_window.client
    courses = run_async(qtbot, _all(client, "Courses", Query().select("Id", "Title")))
    title = next(c["Title"] for c in courses if len(c["Title"].split()) >= 2)
    first, second = title.split()[:2]
    window.show_pane(pane)
    found = {r["Id"] for r in _search(qtbot, pane, f"{second.lower()} {first.upper()}")}
    assert {c["Id"] for c in courses if c["Title"] == title} <= found
