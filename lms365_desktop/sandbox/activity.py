"""--simulate-activity: learners start and complete courses, users and courses come and go, (un)publishing."""
from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from . import enrollment_rules as rules
from .errors import ODataError
from .event_payloads import Outbox
from .routing import Router
from .seed import DOMAIN, login_name
from .course_creation import create_course
from .course_validation import parse_course
from .seed_data import CITIES, COURSE_SUBJECTS, COURSE_VERBS, DEPARTMENTS, FIRST_NAMES, LAST_NAMES
from .state import SandboxState
from .store import Course, CourseCatalog, Enrollment, User, new_id, utc_now

log = logging.getLogger(__name__)

# How often each kind of thing happens, relative to the others (a training department's week).
WEIGHTS: dict[str, int] = {
    "start": 30, "complete": 25, "enroll": 20, "cancel": 5, "user_created": 8, "user_deleted": 3,
    "publish": 5, "unpublish": 4, "course_created": 3, "course_deleted": 2,
}
COURSE_TYPES = ("ELearning", "ELearning", "ClassRoom", "Webinar")


class ActivitySimulator:
    """Performs one random domain event every 60/N seconds; the sequence follows the seed."""

    def __init__(self, state: SandboxState, events_per_minute: float, seed: int) -> None:
        self.state = state
        self.interval = 60.0 / events_per_minute
        self.random = random.Random(f"activity-{seed}")
        self.performed: list[str] = []
        self._created_users: list[str] = []
        self._created_courses: list[str] = []
        self._after_commit: list[Callable[[], None]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._kinds = list(WEIGHTS)
        self._weights = [WEIGHTS[k] for k in self._kinds]

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="sandbox-activity", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.step()
            except Exception:  # a failed simulated event must not end the simulation
                log.exception("simulated activity failed")

    def step(self) -> str | None:
        """Do one event; tries other kinds when the drawn one has nothing to act on. Returns its kind."""
        first = self.random.choices(self._kinds, self._weights)[0]
        order = [first] + [k for k in self._kinds if k != first]
        for kind in order:
            outbox = Outbox()
            try:
                with self.state.store.session() as session:
                    done = self._ACTIONS[kind](self, session, outbox)
            except ODataError:  # the rules said no (a full session, a passed deadline): try another kind
                done = False
            if done:
                for event, notification in outbox.items:
                    self.state.events.publish(event, notification)
                for callback in self._after_commit:
                    callback()
                self.performed.append(kind)
                return kind
            self._after_commit.clear()
        return None

    # -- picking rows deterministically ----------------------------------------------------------
    def _pick(self, session: Session, model, *where) -> object | None:
        count = session.scalar(select(func.count()).select_from(model).where(*where))
        if not count:
            return None
        offset = self.random.randrange(count)
        # Insertion order (SQLite rowid), not the random GUIDs: rows made by simulated events sort
        # the same way in every run, so a seed replays the same story.
        return session.scalars(select(model).where(*where).order_by(literal_column(f'"{model.__tablename__}".rowid'))
                               .offset(offset).limit(1)).first()

    # -- the events ------------------------------------------------------------------------------
    def _start(self, session: Session, outbox: Outbox) -> bool:
        enrollment = self._pick(session, Enrollment, Enrollment.RegistrationStatus == "Enrolled",
                                Enrollment.CoursePassingStatus == "NotStarted")
        if enrollment is None:
            return False
        rules.start(session, enrollment, outbox)
        return True

    def _complete(self, session: Session, outbox: Outbox) -> bool:
        enrollment = self._pick(session, Enrollment, Enrollment.RegistrationStatus == "Enrolled",
                                Enrollment.CoursePassingStatus == "InProgress")
        if enrollment is None:
            return False
        rules.complete(session, enrollment, None, outbox)
        return True

    def _enroll(self, session: Session, outbox: Outbox) -> bool:
        course = self._pick(session, Course, Course.IsCreated.is_(True), Course.IsDeleted.is_(False),
                            Course.IsPublished.is_(True), Course.CourseType != "TrainingPlan")
        user = self._pick(session, User, User.IsDeleted.is_(False))
        if course is None or user is None:
            return False
        active = session.scalar(select(func.count()).select_from(Enrollment).where(
            Enrollment.CourseId == course.Id, Enrollment.UserId == user.Id,
            Enrollment.RegistrationStatus.in_(rules.ACTIVE)))
        if active:
            return False
        request = rules.EnrollRequest(user.LoginName, None, [], False, False)
        rules.enroll(session, course.Id, request, None, outbox)
        return True

    def _cancel(self, session: Session, outbox: Outbox) -> bool:
        enrollment = self._pick(session, Enrollment, Enrollment.RegistrationStatus == "Enrolled",
                                Enrollment.CoursePassingStatus == "NotStarted")
        if enrollment is None:
            return False
        rules.cancel(session, enrollment, "Unenrolled by the learner.", None, outbox)
        return True

    def _course_created(self, session: Session, outbox: Outbox) -> bool:
        self._after_commit.clear()
        catalog = self._pick(session, CourseCatalog)
        if catalog is None:
            return False
        title = f"{self.random.choice(COURSE_VERBS)} {self.random.choice(COURSE_SUBJECTS)}"
        request = parse_course({
            "CourseCatalogId": catalog.Id, "CourseType": self.random.choice(COURSE_TYPES), "Title": title,
            "Description": f"{title}, added by a training coordinator.", "Culture": "en-US", "UICulture": "en-US",
            "Url": "-".join(title.lower().replace(":", "").split()), "AutoResolveUrlConflict": True,
            "EnrollmentFlow": self.random.choice(("AutomaticApproval", "LineManagerApproval")),
        })
        course = create_course(session, request, None)
        outbox.course_event(session, "CourseCreated", course)
        self._created_courses.append(course.Id)
        provisioner = self.state.provisioner
        if provisioner is not None:
            self._after_commit.append(lambda course_id=course.Id: provisioner.schedule(course_id))
        return True

    def _course_deleted(self, session: Session, outbox: Outbox) -> bool:
        # Like users, only courses the simulation created are deleted again.
        for course_id in list(self._created_courses):
            course = session.get(Course, course_id)
            if course is None or course.IsDeleted:
                self._created_courses.remove(course_id)
                continue
            if not course.IsCreated:
                continue  # still provisioning; delete it later
            course.IsDeleted = True
            course.IsPublished = False
            course.ModifiedAt = utc_now()
            session.flush()
            self._created_courses.remove(course_id)
            outbox.course_event(session, "CourseDeleted", course)
            return True
        return False

    def _user_created(self, session: Session, outbox: Outbox) -> bool:
        first, last = self.random.choice(FIRST_NAMES), self.random.choice(LAST_NAMES)
        number = self.random.randrange(100, 10_000)
        upn = f"{first}.{last}{number}@{DOMAIN}".lower().replace("'", "")
        if session.scalar(select(func.count()).select_from(User).where(User.LoginName == login_name(upn))):
            return False
        city, country, office = self.random.choice(CITIES)
        user = User(Id=new_id(), LoginName=login_name(upn), Title=f"{first} {last}", Email=upn,
                    Department=self.random.choice(DEPARTMENTS), City=city, Country=country, Office=office,
                    DirectoryObjectId=new_id(), IsExternal=False, IsDeleted=False, CreatedAt=utc_now())
        session.add(user)
        session.flush()
        self._created_users.append(user.Id)
        outbox.user_event("UserCreated", user)
        return True

    def _user_deleted(self, session: Session, outbox: Outbox) -> bool:
        # Only users the simulation created leave again, so the seeded demo data stays whole.
        while self._created_users:
            user = session.get(User, self._created_users.pop(0))
            if user is not None and not user.IsDeleted:
                user.IsDeleted = True
                session.flush()
                outbox.user_event("UserDeleted", user)
                return True
        return False

    def _publish(self, session: Session, outbox: Outbox) -> bool:
        return self._set_published(session, outbox, True)

    def _unpublish(self, session: Session, outbox: Outbox) -> bool:
        return self._set_published(session, outbox, False)

    def _set_published(self, session: Session, outbox: Outbox, published: bool) -> bool:
        course = self._pick(session, Course, Course.IsCreated.is_(True), Course.IsDeleted.is_(False),
                            Course.IsPublished.is_(not published))
        if course is None:
            return False
        course.IsPublished = published
        course.ModifiedAt = utc_now()
        session.flush()
        outbox.course_event(session, "CoursePublished" if published else "CourseUnpublished", course)
        return True

    _ACTIONS: dict[str, Callable[["ActivitySimulator", Session, Outbox], bool]] = {
        "start": _start, "complete": _complete, "enroll": _enroll, "cancel": _cancel,
        "user_created": _user_created, "user_deleted": _user_deleted, "publish": _publish,
        "unpublish": _unpublish, "course_created": _course_created, "course_deleted": _course_deleted,
    }


def register(router: Router, state: SandboxState) -> None:
    rate = float(state.config.simulate_activity or 0)
    if rate <= 0:
        return
    simulator = ActivitySimulator(state, rate, state.config.seed)
    state.activity = simulator
    router.add_startup(simulator.start)
    router.add_shutdown(simulator.stop)
