"""Course provisioning over --provisioning-seconds, and the Courses/IncludeNotCreated function."""
from __future__ import annotations

import heapq
import logging
import threading
import time
from datetime import timedelta

from sqlalchemy import select
from starlette.responses import Response

from .entity_routes import _collection_document
from .event_payloads import Outbox
from .odata_query import parse_options
from .query_runner import run_collection
from . import edm
from .routing import ODataRequest, Router, json_response
from .state import SandboxState
from .store import Course, CoursePublishing, CourseProvisioning, parse_wire_datetime, utc_now

log = logging.getLogger(__name__)

# Progress is reported in these steps; the last one completes the course.
STEPS = (20, 40, 60, 80, 100)


class Provisioner:
    """Moves not-yet-created courses through InProgress to Completed on a timer thread of its own."""

    def __init__(self, state: SandboxState, seconds: float) -> None:
        self.state = state
        self.seconds = max(0.0, float(seconds))
        self._queue: list[tuple[float, int, str, int]] = []  # (due, tiebreak, course id, step index)
        self._counter = 0
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopping = False

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="sandbox-provisioning", daemon=True)
        self._thread.start()
        self._resume()

    def stop(self) -> None:
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _resume(self) -> None:
        """Courses left half-provisioned by a previous run continue from where the clock says."""
        with self.state.store.session() as session:
            rows = session.execute(select(CourseProvisioning.CourseId, CourseProvisioning.StartedAt)
                                   .join(Course, Course.Id == CourseProvisioning.CourseId)
                                   .where(Course.IsCreated.is_(False),
                                          CourseProvisioning.Status.in_(("NotStarted", "InProgress")))).all()
        now = utc_now()
        for course_id, started_at in rows:
            elapsed = (now - parse_wire_datetime(started_at)).total_seconds() if started_at else 0.0
            self.schedule(course_id, already_elapsed=elapsed)

    # -- scheduling ----------------------------------------------------------------------------
    def schedule(self, course_id: str, *, already_elapsed: float = 0.0) -> None:
        if self.seconds == 0:
            self._advance(course_id, len(STEPS) - 1)
            return
        begin = time.monotonic() - already_elapsed
        with self._condition:
            for index in range(len(STEPS)):
                due = begin + self.seconds * (index + 1) / len(STEPS)
                self._counter += 1
                heapq.heappush(self._queue, (due, self._counter, course_id, index))
            self._condition.notify_all()

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._stopping and (not self._queue or self._queue[0][0] > time.monotonic()):
                    timeout = None if not self._queue else max(0.0, self._queue[0][0] - time.monotonic())
                    self._condition.wait(timeout)
                if self._stopping:
                    return
                _, _, course_id, index = heapq.heappop(self._queue)
            try:
                self._advance(course_id, index)
            except Exception:  # one broken course must not stop everyone else's provisioning
                log.exception("provisioning step %s of course %s failed", index, course_id)

    def _advance(self, course_id: str, index: int) -> None:
        outbox = Outbox()
        with self.state.store.session() as session:
            course = session.get(Course, course_id)
            progress = session.get(CourseProvisioning, course_id)
            if course is None or progress is None or progress.Status in ("Completed", "Failed"):
                return
            if progress.Progress >= STEPS[index]:
                return
            progress.Progress = STEPS[index]
            if index < len(STEPS) - 1:
                progress.Status = "InProgress"
                return
            now = utc_now()
            progress.Status = "Completed"
            progress.CompletedAt = now
            course.IsCreated = True
            course.ModifiedAt = now
            publishing = session.scalars(select(CoursePublishing).where(CoursePublishing.CourseId == course_id)).first()
            if publishing is not None and publishing.IsEnabled and _publishable(publishing, now):
                course.IsPublished = True
                session.flush()
                outbox.course_event(session, "CoursePublished", course)
        for event, notification in outbox.items:
            self.state.events.publish(event, notification)


def _publishable(publishing: CoursePublishing, now) -> bool:
    start = parse_wire_datetime(publishing.StartDate) if isinstance(publishing.StartDate, str) else publishing.StartDate
    end = parse_wire_datetime(publishing.EndDate) if isinstance(publishing.EndDate, str) else publishing.EndDate
    return (start is None or start <= now + timedelta(seconds=1)) and (end is None or end > now)


def include_not_created(ctx: ODataRequest) -> Response:
    """GET Courses/IncludeNotCreated: every course, also those still provisioning, with OData options."""
    etype = edm.entity_set("Courses")
    opts = parse_options(etype, ctx.params)
    with ctx.state.store.session() as session:
        page = run_collection(session, opts, where=[], page_size=ctx.state.config.page_size)
    return json_response(_collection_document(ctx, "Courses", opts, page))


def register(router: Router, state: SandboxState) -> None:
    provisioner = Provisioner(state, state.config.provisioning_seconds)
    state.provisioner = provisioner
    router.add_function("Courses", "IncludeNotCreated", include_not_created)
    router.add_startup(provisioner.start)
    router.add_shutdown(provisioner.stop)
