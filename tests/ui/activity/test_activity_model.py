"""The activity table model: Qt's model checks, newest-first insertion, filtering, action states."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from lms365_desktop.core.activity_feed import ActivityEvent, ActivityUser
from lms365_desktop.ui.activity.activity_model import (
    ACTION_APPROVED,
    COLUMN_ACTIONS,
    COLUMN_COURSE,
    COLUMN_EVENT,
    COLUMN_USERS,
    ActivityTableModel,
)

BASE = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)


def event(key: str, kind: str, course: str, user: str, minutes: int = 0) -> ActivityEvent:
    return ActivityEvent(time=BASE + timedelta(minutes=minutes), event=kind, course=course,
                         users=(ActivityUser(id=f"id-{user}", title=user, enrollment_id=f"e-{key}"),),
                         status_text="Enrolled", payload={"Action": kind}, course_id=f"c-{course}", key=key)


def test_model_passes_qt_model_checks_while_rows_arrive_and_filters_change(qtmodeltester):
    model = ActivityTableModel()
    model.set_events([event("1", "CourseCompleted", "Fire safety", "Ann", 1)])
    # The tester stays connected and checks every change that follows.
    qtmodeltester.check(model, force_py=True)
    model.add_event(event("2", "EnrollmentApprovalRequest", "First aid", "Bo", 2))
    model.set_filter(event_types=frozenset({"CourseCompleted"}))
    model.add_event(event("3", "CourseCompleted", "First aid", "Cy", 3))
    model.add_event(event("4", "CourseStarted", "First aid", "Di", 4))  # filtered out: no rows inserted
    model.set_filter()
    model.set_action_state("2", ACTION_APPROVED)
    model.set_events([])
    model.add_event(event("5", "UserCreated", "", "Ed", 5))


def test_new_events_go_on_top_and_duplicates_are_ignored():
    model = ActivityTableModel()
    model.set_events([event("1", "CourseStarted", "Fire safety", "Ann", 1), event("2", "CourseStarted", "B", "Bo", 5)])
    assert [model.event_at(r).key for r in range(model.rowCount())] == ["2", "1"]
    assert model.add_event(event("3", "CourseCompleted", "Fire safety", "Cy", 9))
    assert not model.add_event(event("3", "CourseCompleted", "Fire safety", "Cy", 9))
    assert model.rowCount() == 3
    assert model.index(0, COLUMN_EVENT).data() == "Completed"
    assert model.index(0, COLUMN_USERS).data() == "Cy"


def test_filter_by_type_course_and_user_and_back():
    model = ActivityTableModel()
    model.set_events([
        event("1", "CourseCompleted", "Fire safety", "Ann"),
        event("2", "EnrollmentApprovalRequest", "First aid", "Bo"),
        event("3", "CourseCompleted", "First aid", "Cy"),
    ])
    model.set_filter(event_types=frozenset({"CourseCompleted"}), course="first")
    assert [model.event_at(r).key for r in range(model.rowCount())] == ["3"]
    model.set_filter(user="bo")
    assert [model.event_at(r).key for r in range(model.rowCount())] == ["2"]
    # A new event that does not pass the filter is kept, not shown, and appears when the filter goes.
    model.add_event(event("4", "CourseStarted", "Fire safety", "Di", 10))
    assert model.rowCount() == 1
    model.set_filter()
    assert model.rowCount() == 4 and model.index(0, COLUMN_COURSE).data() == "Fire safety"


def test_approval_row_shows_its_action_state():
    model = ActivityTableModel()
    model.set_events([event("2", "EnrollmentApprovalRequest", "First aid", "Bo")])
    assert model.index(0, COLUMN_ACTIONS).data() == ""
    assert model.index(0, COLUMN_EVENT).data(Qt.ItemDataRole.FontRole).bold()
    model.set_action_state("2", ACTION_APPROVED)
    assert model.index(0, COLUMN_ACTIONS).data() == "Approved"
