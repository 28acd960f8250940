"""Done-criterion of issue 4: a 300-item job whose process is killed midway resumes, each item done once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lms365_desktop.core.bulk_operations import JobService
from lms365_desktop.core.connection import Connection
from lms365_desktop.core.job_journal import ItemState, JobJournal, JobState
from lms365_desktop.core.profiles import ConnectionProfile
from lms365_desktop.sandbox.store import ActorRecord, Course, Enrollment, User
from tests.core.bulk_job_worker import PROFILE_NAME

ROOT = Path(__file__).resolve().parents[2]
ITEMS = 300


def _course_and_learners(store) -> tuple[str, list[str]]:
    """A live course and 300 users with no enrollment in it (as the server holds them)."""
    with store.session() as session:
        counts = (select(Course.Id, func.count(Enrollment.Id))
                  .outerjoin(Enrollment, Enrollment.CourseId == Course.Id)
                  .where(Course.IsCreated, ~Course.IsDeleted, Course.CourseType != "TrainingPlan")
                  .group_by(Course.Id).order_by(func.count(Enrollment.Id)))
        course_id = session.execute(counts).first()[0]
        enrolled = select(Enrollment.UserId).where(Enrollment.CourseId == course_id)
        logins = session.scalars(select(User.LoginName).where(~User.IsDeleted, User.Id.not_in(enrolled))
                                 .order_by(User.LoginName).limit(ITEMS)).all()
    assert len(logins) == ITEMS
    return course_id, list(logins)


def _wait_for_half(journal_path: Path, process: subprocess.Popen, deadline: float) -> int:
    """Poll the journal the job writes (one reader connection, WAL) until half the items are done."""
    while not journal_path.exists():
        assert process.poll() is None, "the job process ended before it could be killed"
        assert time.monotonic() < deadline, "the job did not start in time"
        time.sleep(0.01)
    with JobJournal(journal_path) as journal:
        while time.monotonic() < deadline:
            assert process.poll() is None, "the job process ended before it could be killed"
            jobs = journal.jobs()
            if jobs and jobs[0].done >= ITEMS // 2:
                return jobs[0].done
            time.sleep(0.01)
    raise AssertionError("the job did not get halfway in time")


@pytest.mark.slow
async def test_a_killed_job_resumes_and_the_server_has_each_item_done_exactly_once(make_sandbox, tmp_path):
    # A little latency per call keeps the job running long enough to be killed midway.
    server = make_sandbox(latency_ms=(10, 10))
    course_id, logins = _course_and_learners(server.store)
    logins_file = tmp_path / "logins.txt"
    logins_file.write_text("\n".join(logins), encoding="utf-8")
    journal_path = tmp_path / "jobs.sqlite3"

    process = subprocess.Popen(
        [sys.executable, "-m", "tests.core.bulk_job_worker", server.base_url, str(journal_path), course_id,
         str(logins_file)],
        cwd=ROOT, env={**os.environ, "LMS365_WORKER_KEY": server.api_key},
    )
    try:
        done_at_kill = _wait_for_half(journal_path, process, time.monotonic() + 60)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL

    profile = ConnectionProfile(name=PROFILE_NAME, base_url=server.base_url)
    with JobJournal(journal_path) as journal:
        (interrupted,) = journal.interrupted_jobs(PROFILE_NAME)
        assert interrupted.kind == "enrollments.enroll" and interrupted.total == ITEMS
        assert ITEMS // 2 <= interrupted.done < ITEMS, "killed midway, not at the end"
        assert interrupted.done >= done_at_kill
        async with Connection(profile, server.api_key) as connection:
            service = JobService(connection.client, journal, profile_name=PROFILE_NAME)
            result = await service.resume(interrupted.id).run()
        assert journal.interrupted_jobs() == []

    assert result.state is JobState.FINISHED
    assert [o.state for o in result.outcomes] == [ItemState.DONE] * ITEMS
    assert [o.item for o in result.outcomes] == logins

    # Nothing was repeated: a repeated enroll is refused (409) and would show here as a failure.
    # What the server holds: each of the 300 users enrolled in the course exactly once, and the
    # server's own journal of writes shows exactly one Enroll per user.
    with server.store.session() as session:
        enrolled = session.execute(
            select(User.LoginName).join(Enrollment, Enrollment.UserId == User.Id)
            .where(Enrollment.CourseId == course_id)).scalars().all()
        user_ids = set(session.scalars(select(User.Id).where(User.LoginName.in_(logins))).all())
        records = session.scalars(select(ActorRecord.Details).where(ActorRecord.Action == "Enroll")).all()
    ours = set(logins)
    assert Counter(login for login in enrolled if login in ours) == Counter({login: 1 for login in logins})
    details = [json.loads(d) for d in records]
    enroll_writes = Counter(d["UserId"] for d in details if d["CourseId"] == course_id and d["UserId"] in user_ids)
    assert set(enroll_writes) == user_ids and len(user_ids) == ITEMS
    assert set(enroll_writes.values()) == {1}
