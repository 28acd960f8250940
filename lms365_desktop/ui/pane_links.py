"""Every pane leads to the next: what Enter, a double-click and the "Open …" menu items open for a row."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView

from lms365_desktop.api.odata import Guid, Query, eq, is_guid
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import field_value
from lms365_desktop.ui.itemmodels.lookups import Directory, user_principal
from lms365_desktop.ui.pane_history import PaneHistory, Place
from lms365_desktop.ui.panes.details_panel import COURSE, PERSON, SESSION
from lms365_desktop.ui.panes.enrollments_pane import ALL, PENDING
from lms365_desktop.ui.panes.entity_pane import EntityPane
from lms365_desktop.ui.panes.person_pane import PERSON_FIELDS, PersonPane, person_name
from lms365_desktop.ui.theme import icon

# (label, icon, opener(row) -> None, applies(row) -> bool); the first that applies is what Enter opens.
Link = tuple[str, str, Callable[[dict], None], Callable[[dict], bool]]


def _has(field: str) -> Callable[[dict], bool]:
    return lambda row: bool(field_value(row, field))


class PaneLinks(QObject):
    """Opens one place from another through the history, so Back returns; builds each pane's links."""

    def __init__(self, context: AppContext, panes: dict[str, EntityPane], person: PersonPane,
                 directory: Directory) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        self.panes = panes  # "courses", "sessions", "users", "enrollments", "catalogs"
        self.person = person
        self.directory = directory
        self.history = PaneHistory(context.window, lambda: context.client is not None)
        self.links: dict[str, list[Link]] = {
            "catalogs": [(self.tr("Show courses in this catalog"), "course", self.open_catalog_courses,
                          _has("Id"))],
            "courses": [
                (self.tr("Show enrollments"), "enrollment", self.open_course_enrollments, _has("Id")),
                (self.tr("Show sessions"), "session", self.open_course_sessions, _has("Id")),
                (self.tr("Show pending requests"), "pending", self.open_course_pending, _has("Id")),
            ],
            "sessions": [
                (self.tr("Show roster"), "users", self.open_session_roster, _has("Id")),
                (self.tr("Open course"), "course", lambda row: self.open_course(row.get("CourseId")),
                 _has("CourseId")),
            ],
            "users": [
                (self.tr("Open person's record"), "user", self.open_person, _has("Id")),
                (self.tr("Show enrollments"), "enrollment", self.open_user_enrollments, _has("Id")),
            ],
            "enrollments": [
                (self.tr("Open learner's record"), "user", self.open_learner, _has("UserId")),
                (self.tr("Open course"), "course", lambda row: self.open_course(row.get("CourseId")),
                 _has("CourseId")),
                (self.tr("Open session"), "session", self.open_enrollment_session, _has("courseSessionId")),
            ],
            "person": [
                (self.tr("Open enrollment"), "enrollment", lambda row: self.open_enrollment(row.get("Id"), self._enrollment_label(row)),
                 _has("Id")),
                (self.tr("Open course"), "course", lambda row: self.open_course(row.get("CourseId")),
                 _has("CourseId")),
            ],
            # A list of learners' enrollments that is not a pane (a report's learners, its overdue list).
            "learners": [
                (self.tr("Open learner's record"), "user", self.open_learner, _has("UserId")),
                (self.tr("Open enrollment"), "enrollment", lambda row: self.open_enrollment(row.get("Id"), self._enrollment_label(row)),
                 _has("Id")),
            ],
        }
        for name, pane in (*panes.items(), ("person", person)):
            self._wire(pane, self.links.get(name, []))
        for details in [pane.details for pane in panes.values()] + [person.summary]:
            if details is not None:
                details.field_link_activated.connect(self.open_field_target)

    # ---- wiring a pane ----------------------------------------------------------------------
    def _wire(self, pane: EntityPane, links: list[Link]) -> None:
        actions: list[tuple[QAction, Callable[[dict], bool]]] = []
        for number, (label, icon_name, opener, applies) in enumerate(links):
            action = QAction(icon(icon_name), label, pane)
            action.setObjectName(f"{pane.objectName()}Open{number}")
            action.triggered.connect(lambda _checked=False, o=opener: self._open_current(pane, o))
            actions.append((action, applies))
        if actions:
            first = actions[0][0]
            first.setText(first.text() + "\t" + self.tr("Enter"))  # the menu says what Enter does
        pane.open_actions = [a for a, _ in actions]

        def update(*_args: Any) -> None:
            row = pane.current_row()
            for action, applies in actions:
                action.setEnabled(isinstance(row, dict) and applies(row))

        pane.selection_changed.connect(update)
        update()

        def activate(_index: Any) -> None:
            row = pane.current_row()
            for action, applies in actions:
                if isinstance(row, dict) and applies(row):
                    action.trigger()
                    return

        pane.view.activated.connect(activate)

    def wire_table(self, view: QAbstractItemView, kind: str, row_of: Callable[[int], dict]) -> list[QAction]:
        """A table that is not a pane but names people or courses (a report's lists): Enter, a double-click
        and its context menu open what the ``kind`` of pane row would; ``row_of(row)`` gives the row's
        fields under their wire names (UserId, Id, CourseId...)."""
        def current() -> dict | None:
            index = view.currentIndex()
            return row_of(index.row()) if index.isValid() else None

        actions: list[tuple[QAction, Callable[[dict], bool]]] = []
        for number, (label, icon_name, opener, applies) in enumerate(self.links[kind]):
            action = QAction(icon(icon_name), label, view)
            action.setObjectName(f"{view.objectName()}Open{number}")
            action.triggered.connect(lambda _checked=False, o=opener: (row := current()) is not None and o(row))
            view.addAction(action)
            actions.append((action, applies))
        if actions:
            first = actions[0][0]
            first.setText(first.text() + "\t" + self.tr("Enter"))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        def update(*_args: Any) -> None:
            row = current()
            for action, applies in actions:
                action.setEnabled(row is not None and applies(row))

        def activate(_index: Any) -> None:
            for action, _applies in actions:
                if action.isEnabled():
                    action.trigger()
                    return

        view.selectionModel().currentChanged.connect(update)
        view.model().modelReset.connect(update)
        view.activated.connect(lambda index: (update(), activate(index)))
        update()
        return [a for a, _ in actions]

    def _open_current(self, pane: EntityPane, opener: Callable[[dict], None]) -> None:
        row = pane.current_row()
        if isinstance(row, dict):
            opener(row)

    # ---- places -----------------------------------------------------------------------------
    def open_catalog_courses(self, catalog: dict) -> None:
        self.history.go(Place("coursesPane", eq("CourseCatalogId", Guid(catalog["Id"])), catalog.get("Title") or ""))

    def open_course_enrollments(self, course: dict, view: str = ALL) -> None:
        """The course's enrollments, in the all view: nothing from an earlier filter hides them."""
        self.history.go(Place("enrollmentsPane", eq("CourseId", Guid(course["Id"])),
                              self._course_title(course), view=view))

    def open_course_pending(self, course: dict) -> None:
        self.open_course_enrollments(course, PENDING)

    def open_course_sessions(self, course: dict) -> None:
        self.history.go(Place("sessionsPane", eq("CourseId", Guid(course["Id"])), self._course_title(course)))

    def open_session_roster(self, session: dict) -> None:
        label = self.tr("Roster: {session}").format(session=session.get("Title") or "")
        self.history.go(Place("enrollmentsPane", eq("courseSessionId", Guid(session["Id"])), label, view=ALL))

    def open_enrollment_session(self, enrollment: dict) -> None:
        session_id = enrollment.get("courseSessionId")
        self.history.go(Place("sessionsPane", eq("Id", Guid(session_id)),
                              self._course_title(enrollment) or self.tr("Session"), key=session_id))

    def open_course(self, course_id: Any, title: str = "") -> None:
        if not is_guid(course_id):
            return
        label = title or self.directory.course_title(course_id) or self.tr("Course")
        self.history.go(Place("coursesPane", eq("Id", Guid(course_id)), label, key=str(course_id)))

    def open_enrollment(self, enrollment_id: Any, label: str = "") -> None:
        """One enrollment in the all view (an Overdue or Pending view would hide most of them)."""
        if not is_guid(enrollment_id):
            return
        self.history.go(Place("enrollmentsPane", eq("Id", Guid(enrollment_id)), label or self.tr("Enrollment"),
                              view=ALL, key=str(enrollment_id)))

    def open_user_enrollments(self, user: dict) -> None:
        self.history.go(Place("enrollmentsPane", eq("UserId", Guid(user["Id"])), person_name(user), view=ALL))

    def open_person(self, user: dict) -> None:
        """The person's record from a user row (Title, Email... as the Users pane loads them)."""
        self.ensure_person_tab()
        person = {name: user.get(name) for name in PERSON_FIELDS if name in user}
        self.history.go(Place("personPane", person=tuple(sorted(person.items()))))

    def open_learner(self, enrollment: dict) -> None:
        self.open_person_by_id(enrollment.get("UserId"), enrollment.get("UserLoginName") or "")

    def open_person_by_id(self, user_id: Any, login_name: str = "") -> None:
        """Read the user row (one call), then open the record; from an enrollment or an event."""
        if not is_guid(user_id) or self.context.client is None:
            return
        self.context.tasks.run(self._open_person_by_id(str(user_id), login_name))

    async def _open_person_by_id(self, user_id: str, login_name: str) -> None:
        query = Query().filter(eq("Id", Guid(user_id))).select(*PERSON_FIELDS).top(1)
        page = await self.context.client.fetch_page("Users", query, model=None)
        user = dict(page.rows[0]) if page.rows else {"Id": user_id, "LoginName": login_name,
                                                     "Title": user_principal(login_name)}
        self.open_person(user)

    def open_field_target(self, kind: str, key: str) -> None:
        """What a details field's link leads to: a person's record, a course, a session."""
        if kind == PERSON:
            self.open_person_by_id(key)
        elif kind == COURSE:
            self.open_course(key)
        elif kind == SESSION and is_guid(key):
            self.history.go(Place("sessionsPane", eq("Id", Guid(key)),
                                  self.directory.session_title(key) or self.tr("Session"), key=key))

    def open_entity(self, entity_set: str, key: str, label: str) -> bool:
        """Open what an activity row is about; False for an entity set no pane shows."""
        if entity_set == "Enrollments":
            self.open_enrollment(key, label)
        elif entity_set == "Courses":
            self.open_course(key, label)
        elif entity_set == "Users":
            self.open_person_by_id(key)
        else:
            return False
        return True

    def ensure_person_tab(self) -> None:
        """The record's tab appears the first time a person is opened, after the other panes."""
        if "personPane" not in self.window.panes:
            self.window.add_pane(self.person, self.tr("Person"), "user", shortcut="")
            if self.window.settings is not None:
                self.person.restore_state(self.window.settings)

    def _enrollment_label(self, row: dict) -> str:
        """What the scope chip says for one enrollment: whose, in which course ('Ann Lee · Fire Safety')."""
        if row.get("label"):
            return str(row["label"])
        login = row.get("UserLoginName")
        parts = [self.directory.people.display_name(login) if login else "",
                 self.directory.course_title(row.get("CourseId"))]
        return " · ".join(p for p in parts if p)

    def _course_title(self, row: dict) -> str:
        """The title of a course row, or of the course an enrollment or session row belongs to."""
        if "CourseId" in row:
            return self.directory.course_title(row.get("CourseId"))
        return row.get("Title") or self.directory.course_title(row.get("Id"))
