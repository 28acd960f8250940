"""The SQLite activity log: de-duplication, 30-day retention, subscription records, CSV export."""
from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone

from lms365_desktop.core.activity_feed import ActivityEvent, ActivityUser
from lms365_desktop.core.activity_log import ActivityLog


def make_event(key: str, *, age: timedelta = timedelta(0), event: str = "CourseCompleted") -> ActivityEvent:
    return ActivityEvent(
        time=datetime.now(timezone.utc) - age, event=event, course="Fire safety",
        users=(ActivityUser(id="u-1", title="Ann Lee", enrollment_id="e-1"),), status_text="Enrolled",
        payload={"Action": event}, course_id="c-1", key=key)


def test_csv_export_neutralises_cells_a_spreadsheet_would_run(tmp_path):
    event = make_event("a")
    event = ActivityEvent(time=event.time, event=event.event, course="=HYPERLINK(\"http://x\")",
                          users=(ActivityUser(id="u-1", title="@SUM(A1)", enrollment_id="e-1"),),
                          status_text="-1+2", payload={}, course_id="c-1", key="a")
    path = tmp_path / "out.csv"
    ActivityLog().export_csv(path, [event])
    with open(path, encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["course"] == "'=HYPERLINK(\"http://x\")" and row["users"] == "'@SUM(A1)"
    assert row["status"] == "'-1+2" and row["event"] == "CourseCompleted"


def test_same_key_is_stored_once_and_history_is_newest_first(tmp_path):
    log = ActivityLog(tmp_path / "activity.sqlite3")
    assert log.add("sandbox", make_event("a", age=timedelta(minutes=5)))
    assert log.add("sandbox", make_event("b"))
    assert not log.add("sandbox", make_event("a"))
    assert [e.key for e in log.recent("sandbox")] == ["b", "a"]
    assert log.recent("other") == []
    log.close()
    # Persistent: a new process sees the same history.
    assert [e.key for e in ActivityLog(tmp_path / "activity.sqlite3").recent("sandbox")] == ["b", "a"]


def test_events_older_than_30_days_are_pruned(tmp_path):
    log = ActivityLog(tmp_path / "activity.sqlite3")
    log.add("sandbox", make_event("old", age=timedelta(days=31)))
    log.add("sandbox", make_event("new", age=timedelta(days=29)))
    assert [e.key for e in log.recent("sandbox")] == ["new"]
    assert log.prune() == 1
    assert log.count() == 1


def test_subscription_records_survive_a_restart(tmp_path):
    log = ActivityLog(tmp_path / "activity.sqlite3")
    log.record_subscription("sandbox", "CourseStarted", "/webhooks/1")
    log.record_subscription("sandbox", "UserCreated", "/webhooks/2")
    log.forget_subscription("/webhooks/1")
    log.close()
    again = ActivityLog(tmp_path / "activity.sqlite3")
    assert again.recorded_subscriptions("sandbox") == [("UserCreated", "/webhooks/2")]
    assert again.recorded_subscriptions("tenant") == []


def test_csv_export_has_a_header_and_one_row_per_event(tmp_path):
    log = ActivityLog()
    path = tmp_path / "out.csv"
    assert log.export_csv(path, [make_event("a"), make_event("b", event="EnrollmentApprovalRequest")]) == 2
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["event"] for r in rows] == ["CourseCompleted", "EnrollmentApprovalRequest"]
    assert rows[0]["users"] == "Ann Lee" and rows[0]["enrollment_ids"] == "e-1" and rows[0]["course"] == "Fire safety"
