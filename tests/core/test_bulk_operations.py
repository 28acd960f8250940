"""Enrollment bulk jobs against the sandbox: what the server holds per kind, retry-failed, in-doubt items."""
from __future__ import annotations

import pytest

from lms365_desktop.api.enums import CoursePassingStatus, RegistrationStatus
from lms365_desktop.api.odata import Query
from lms365_desktop.core.bulk_operations import JOB_KIND_PREFIX, JobService
from lms365_desktop.core.connection import Connection
from lms365_desktop.core.job_journal import ItemState, JobJournal, JobState
from lms365_desktop.core.jobs import ALREADY_DONE_NOTE
from lms365_desktop.core.profiles import ConnectionProfile


@pytest.fixture
async def env(make_sandbox, tmp_path):
    server = make_sandbox()
    profile = ConnectionProfile(name="Bulk", base_url=server.base_url)
    async with Connection(profile, server.api_key) as connection:
        with JobJournal(tmp_path / "jobs.sqlite3") as journal:
            yield connection.client, JobService(connection.client, journal, profile_name="Bulk"), journal


async def _ids(client, n, **where):
    page = await client.fetch_page("Enrollments", Query().where(**where).select("Id").order_by("Id").top(n))
    assert len(page.rows) == n, f"the seed has fewer than {n} enrollments with {where}"
    return [row.id for row in page.rows]


def _posts(client, since):
    return [(e.method, e.url.split("/odata/v2/")[-1]) for e in client.request_log[since:] if e.method == "POST"]


async def test_complete_job_reports_the_server_message_and_a_conflict_is_not_retried(env):
    client, service, journal = env
    enrolled = await _ids(client, 3, RegistrationStatus=RegistrationStatus.Enrolled,
                          CoursePassingStatus=CoursePassingStatus.InProgress)
    (pending,) = await _ids(client, 1, RegistrationStatus=RegistrationStatus.PendingApproval)
    items = [enrolled[0], pending, enrolled[1], enrolled[2]]
    progress = []
    job = service.start("complete", items, on_progress=lambda p, o: progress.append(p.fraction))
    assert job.record.kind == JOB_KIND_PREFIX + "complete" and job.record.label == "Mark 4 enrollments completed"

    result = await job.run()
    assert result.state is JobState.FINISHED and progress[-1] == 1.0
    assert [o.state for o in result.outcomes] == [ItemState.DONE, ItemState.FAILED, ItemState.DONE, ItemState.DONE]
    failure = result.outcomes[1]
    assert failure.code == "Conflict"
    assert failure.message.startswith(f"Cannot complete enrollment '{pending}'")  # the server's own words

    assert not failure.transient and result.retryable == []  # a 409 would only fail again

    mark = len(client.request_log)
    retried = await job.retry_failed()
    assert [o.state for o in retried.outcomes] == [ItemState.DONE, ItemState.FAILED, ItemState.DONE, ItemState.DONE]
    assert _posts(client, mark) == []  # nothing was sent again
    for enrollment_id in enrolled:
        row = await client.get_enrollment_by_id(enrollment_id)
        assert row.course_passing_status == CoursePassingStatus.Completed


async def test_each_kind_does_what_it_says_on_the_server(env):
    client, service, _ = env
    pending = await _ids(client, 6, RegistrationStatus=RegistrationStatus.PendingApproval)
    completed = await _ids(client, 2, RegistrationStatus=RegistrationStatus.Enrolled,
                           CoursePassingStatus=CoursePassingStatus.Completed)

    async def run(kind, items, params=None):
        result = await service.start(kind, items, params).run()
        assert [o.state for o in result.outcomes] == [ItemState.DONE] * len(items), result.outcomes

    await run("approve", pending[:2])
    await run("reject", pending[2:4], {"message": "Course is full"})
    await run("cancel", pending[4:], {"message": "Moved to next quarter"})
    await run("retake", completed)
    states = {i: await client.get_enrollment_by_id(i) for i in pending + completed}
    assert [states[i].registration_status for i in pending] == [RegistrationStatus.Enrolled] * 2 + [
        RegistrationStatus.Rejected] * 2 + [RegistrationStatus.Cancelled] * 2
    assert states[pending[2]].cancellation_reason == "Course is full"
    assert all(states[i].course_passing_status == CoursePassingStatus.NotStarted for i in completed)

    course = (await client.fetch_page("Courses", Query().where(CourseType="ELearning").top(1))).rows[0]
    enrolled = {e.user_login_name async for e in client.paginate("Enrollments", Query().where(CourseId=course.id))}
    users = [u.login_name async for u in client.paginate("Users", Query().order_by("LoginName").top(60))]
    newcomers = [login for login in users if login not in enrolled][:3]
    await run("enroll", newcomers, {"course_id": course.id})
    after = {e.user_login_name async for e in client.paginate("Enrollments", Query().where(CourseId=course.id))}
    assert set(newcomers) <= after


async def test_an_item_in_doubt_that_reached_the_server_is_not_sent_again(env):
    client, service, journal = env
    pending = await _ids(client, 3, RegistrationStatus=RegistrationStatus.PendingApproval)
    job = service.start("approve", pending)
    # As if the process died after sending item 0: the journal says "started", the server has it.
    journal.mark_started(job.job_id, 0)
    await client.approve_enrollment_request(pending[0])
    (interrupted,) = service.interrupted()
    mark = len(client.request_log)
    result = await service.resume(interrupted.id).run()
    assert [o.state for o in result.outcomes] == [ItemState.DONE] * 3
    assert result.outcomes[0].message == ALREADY_DONE_NOTE
    assert _posts(client, mark) == [("POST", f"Enrollments({i})/Approve") for i in pending[1:]]


def test_unknown_kinds_and_an_enroll_without_a_course_are_refused(tmp_path):
    with JobJournal(tmp_path / "j.sqlite3") as journal:
        service = JobService(client=None, journal=journal)
        with pytest.raises(ValueError, match="Unknown enrollment operation"):
            service.start("delete_everything", ["x"])
        with pytest.raises(ValueError, match="course_id"):
            service.start("enroll", ["x"])
        assert journal.jobs() == []


async def test_lost_responses_still_end_with_each_user_enrolled_once(make_sandbox, tmp_path):
    server = make_sandbox(lose_response_rate=0.2, seed=7)
    profile = ConnectionProfile(name="Lossy", base_url=server.base_url)
    async with Connection(profile, server.api_key) as connection:
        client = connection.client
        course = (await client.fetch_page("Courses", Query().where(CourseType="ELearning").top(1))).rows[0]
        enrolled = {e.user_login_name async for e in client.paginate("Enrollments", Query().where(CourseId=course.id))}
        users = [u.login_name async for u in client.paginate("Users", Query().order_by("LoginName").top(120))]
        newcomers = [login for login in users if login not in enrolled][:60]
        with JobJournal(tmp_path / "jobs.sqlite3") as journal:
            result = await JobService(client, journal).start("enroll", newcomers, {"course_id": course.id}).run()
        after = [e.user_login_name async for e in client.paginate("Enrollments", Query().where(CourseId=course.id))]
    assert server.faults.lost >= 5  # responses really were lost along the way
    assert [o.state for o in result.outcomes] == [ItemState.DONE] * len(newcomers), [
        o.message for o in result.failed]
    assert sorted(login for login in after if login in set(newcomers)) == sorted(newcomers)  # once each


@pytest.mark.parametrize("kind", ["approve", "reject", "cancel", "complete", "retake"])
async def test_the_row_check_and_the_server_filter_pick_the_same_enrollments(sandbox, kind):
    """One definition, two forms: what the toolbar enables on a row is what an "all matching" job takes."""
    from lms365_desktop.api.client import Lms365Client
    from lms365_desktop.core.bulk_operations import applies_filter, applies_to, matching_ids

    async with Lms365Client(sandbox.base_url, sandbox.api_key) as client:
        fields = Query().select("Id", "RegistrationStatus", "CoursePassingStatus")
        rows = [row async for row in client.paginate("Enrollments", fields, model=None)]
        by_row = {str(row["Id"]) for row in rows if applies_to(kind, row)}
        by_filter = set(await matching_ids(client, kind, Query()))
    assert by_row == by_filter
    assert by_row and len(by_row) < len(rows), applies_filter(kind)  # the seed has rows on both sides


def test_the_row_check_reads_statuses_as_names_or_numbers():
    from lms365_desktop.core.bulk_operations import applies_filter, applies_to

    assert applies_to("complete", {"RegistrationStatus": RegistrationStatus.Enrolled.value,
                                   "CoursePassingStatus": CoursePassingStatus.InProgress.value})
    assert not applies_to("retake", {"RegistrationStatus": "Enrolled", "CoursePassingStatus": "NotStarted"})
    assert not applies_to("enroll", {"RegistrationStatus": "Enrolled"})
    assert applies_filter("enrollments.cancel") == (
        "(RegistrationStatus eq 'Enrolled' or RegistrationStatus eq 'PendingApproval' "
        "or RegistrationStatus eq 'WaitingList')")
