"""Console history on disk: persisted, searchable, and never holding a secret."""
from __future__ import annotations

import os

from lms365_desktop.core.console_history import ConsoleHistory, ResponseSummary
from lms365_desktop.core.request_snippets import SECRET_PLACEHOLDER, ConsoleRequest, Header

SECRET = "Bearer very-secret-token-123"


def test_entries_persist_across_instances_and_search_url_and_bodies(tmp_path):
    path = tmp_path / "history.sqlite3"
    history = ConsoleHistory(path)
    history.record(ConsoleRequest("GET", "Courses", (("$top", "5"),)),
                   ResponseSummary(200, 12.5, 900, "application/json", '{"value":[{"Title":"Fire safety"}]}'))
    history.record(ConsoleRequest("POST", "Courses(1)/Enroll", body='{"userLoginName":"zed@example.com"}'),
                   ResponseSummary(409, 3.0, 80, "application/json", "", "Conflict: already enrolled"))
    history.close()

    reopened = ConsoleHistory(path)
    assert [e.request.uri for e in reopened.search()] == ["Courses(1)/Enroll", "Courses"]
    assert [e.request.uri for e in reopened.search("zed@")] == ["Courses(1)/Enroll"]
    assert [e.request.uri for e in reopened.search("Fire safety")] == ["Courses"]
    assert [e.request.uri for e in reopened.search("$top")] == ["Courses"]
    assert reopened.search("100%") == []
    entry = reopened.search("Enroll")[0]
    assert entry.summary.status == 409 and entry.summary.error == "Conflict: already enrolled"
    assert reopened.get(entry.id) == entry


def test_secret_headers_are_stored_only_as_a_placeholder(tmp_path):
    path = tmp_path / "history.sqlite3"
    history = ConsoleHistory(path)
    request = ConsoleRequest(
        "GET", "Users", headers=(Header("Authorization", SECRET), Header("X-Api", "hidden-value-9", secret=True),
                                 Header("Accept", "application/json")),
        body="echo hidden-value-9",
    )
    entry = history.record(request, ResponseSummary(200, preview="the server said hidden-value-9"))
    history.save("users with token", request)
    history.close()
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    raw = path.read_bytes()
    assert b"very-secret-token" not in raw and b"hidden-value-9" not in raw
    assert SECRET_PLACEHOLDER.encode() in raw
    assert entry.request.headers[2] == Header("Accept", "application/json")
    saved = ConsoleHistory(path).saved()
    assert [s.name for s in saved] == ["users with token"]
    assert saved[0].request.headers[0].value == SECRET_PLACEHOLDER


def test_saved_requests_replace_by_name_and_delete(tmp_path):
    history = ConsoleHistory(tmp_path / "h.sqlite3")
    history.save("top users", ConsoleRequest("GET", "Users", (("$top", "5"),)))
    history.save("top users", ConsoleRequest("GET", "Users", (("$top", "10"),)))
    history.save("catalogs", ConsoleRequest("GET", "CourseCatalogs"))
    assert [(s.name, s.request.params) for s in history.saved()] == [
        ("catalogs", ()), ("top users", (("$top", "10"),))]
    history.delete_saved("catalogs")
    assert [s.name for s in history.saved()] == ["top users"]


def test_history_keeps_only_the_newest_entries(tmp_path):
    history = ConsoleHistory(tmp_path / "h.sqlite3", max_entries=3)
    for n in range(5):
        history.record(ConsoleRequest("GET", f"Courses?n={n}"), ResponseSummary(200))
    assert [e.request.uri for e in history.search()] == ["Courses?n=4", "Courses?n=3", "Courses?n=2"]
