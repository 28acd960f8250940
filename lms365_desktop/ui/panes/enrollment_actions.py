"""Enrollment actions on the selection: toolbar, context menu and keyboard; one row now, many as a job."""
from __future__ import annotations

import html
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction

from lms365_desktop.api.errors import Lms365Error
from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.api.throttle import Lane
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.errors import describe
from lms365_desktop.ui.dialogs.bulk_scope import ask_scope
from lms365_desktop.ui.dialogs.enrollment_dialogs import ActionDialog
from lms365_desktop.ui.dialogs.user_picker import UserPickerDialog
from lms365_desktop.ui.itemmodels.columns import field_value
from lms365_desktop.ui.itemmodels.lookups import Directory
from lms365_desktop.ui.job_manager import JobManager
from lms365_desktop.core.bulk_operations import APPROVE, CANCEL, COMPLETE, ENROLL, REJECT, RETAKE, applies_to, operation
from lms365_desktop.core.mirror.user_directory import DirectoryUser, user_from_wire
from lms365_desktop.ui.panes.enrollments_pane import EnrollmentsPane
from lms365_desktop.ui.panes.session_times import session_when

WHO_LINES = 5  # the learners a question names; more are counted


def one_or_many(n: int, one: str, many: str) -> str:
    """English reads right without a catalogue: the singular source for one, the plural for more.

    Both are looked up with the count (tr(text, "", n)), so a translation gives every numerus form.
    """
    return one if n == 1 else many


class EnrollmentActions(QObject):
    """Owns the Approve/Reject/Cancel/Complete/Retake/Enroll actions and runs them."""

    action_done = Signal(str, list)  # kind, ids (or logins) that succeeded in a one-row run
    dialog_opened = Signal(object)

    def __init__(self, context: AppContext, enrollments: EnrollmentsPane, courses, sessions,
                 jobs: JobManager, directory: Directory, users=None) -> None:
        super().__init__(context)
        self.context, self.enrollments, self.courses, self.sessions = context, enrollments, courses, sessions
        self.users = users
        self.jobs, self.directory = jobs, directory
        window = context.window
        spec = (
            (APPROVE, self.tr("&Approve"), "Ctrl+Shift+A", "approve", self.approve),
            (REJECT, self.tr("&Reject…"), "Ctrl+Shift+R", "reject", self.reject),
            (CANCEL, self.tr("&Cancel enrollment…"), "Ctrl+Shift+X", "cancel", self.cancel),
            (COMPLETE, self.tr("Set c&ompleted…"), "Ctrl+Shift+C", "complete", self.complete),
            (RETAKE, self.tr("Force re&take…"), "Ctrl+Shift+T", "retake", self.retake),
        )
        self.actions: dict[str, QAction] = {}
        for kind, text, shortcut, icon_name, slot in spec:
            action = window.add_action("actions", kind, text, shortcut=shortcut, icon_name=icon_name,
                                       slot=lambda _c=False, s=slot: s())
            self.actions[kind] = action
            enrollments.toolbar.addAction(action)
        window.menus["actions"].addSeparator()
        self.actions[ENROLL] = window.add_action("actions", ENROLL, self.tr("&Enroll users…"),
                                                 shortcut="Ctrl+Shift+E", icon_name="enroll",
                                                 slot=lambda _c=False: self.enroll_users())
        for pane in (courses, sessions, enrollments) + ((users,) if users is not None else ()):
            pane.toolbar.addAction(self.actions[ENROLL])
            pane.selection_changed.connect(self.update_enabled)
        enrollments.add_context_actions([self.actions[k] for k in (APPROVE, REJECT, CANCEL, COMPLETE, RETAKE)])
        courses.add_context_actions([self.actions[ENROLL]])
        sessions.add_context_actions([self.actions[ENROLL]])
        if users is not None:
            users.add_context_actions([self.actions[ENROLL]])
        window.pane_changed.connect(lambda _name: self.update_enabled())
        # Rows change in place (jobs, refreshes) or leave the view: what applies changes with them.
        model = enrollments.model
        for signal in (model.dataChanged, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(lambda *_args: self.update_enabled())
        jobs.items_changed.connect(self._on_jobs_items_changed)
        self.update_enabled()

    # ---- state ------------------------------------------------------------------------------
    def applicable(self, kind: str) -> list[dict[str, Any]]:
        return [row for row in self.enrollments.selected_rows() if applies_to(kind, row)]

    def update_enabled(self) -> None:
        on_enrollments = self.context.window.current_pane() is self.enrollments
        for kind in (APPROVE, REJECT, CANCEL, COMPLETE, RETAKE):
            self.actions[kind].setEnabled(on_enrollments and bool(self.applicable(kind)))
        self.actions[ENROLL].setEnabled(self.enroll_target() is not None)

    # ---- the verbs --------------------------------------------------------------------------
    def approve(self) -> None:
        rows = self.applicable(APPROVE)
        if rows:
            self.run(APPROVE, rows, {})
        else:
            self._say_nothing_applies(APPROVE)

    def reject(self) -> ActionDialog | None:
        n = len(self.applicable(REJECT))
        question = one_or_many(n, self.tr("Reject %n enrollment request?", "", n),
                               self.tr("Reject %n enrollment requests?", "", n))
        return self._ask(REJECT, self.tr("Reject"), question, "reject",
                         verb=one_or_many(n, self.tr("Reject %n request", "", n), self.tr("Reject %n requests", "", n)),
                         dismiss=one_or_many(n, self.tr("Keep it pending", "", n), self.tr("Keep them pending", "", n)),
                         message_label=self.tr("Message to the learner:"))

    def cancel(self) -> ActionDialog | None:
        n = len(self.applicable(CANCEL))
        question = one_or_many(n, self.tr("Cancel %n enrollment?", "", n), self.tr("Cancel %n enrollments?", "", n))
        verb = one_or_many(n, self.tr("Cancel %n enrollment", "", n), self.tr("Cancel %n enrollments", "", n))
        return self._ask(CANCEL, self.tr("Cancel enrollment"), question, "cancel", verb=verb,
                         dismiss=one_or_many(n, self.tr("Keep it", "", n), self.tr("Keep them", "", n)),
                         message_label=self.tr("Reason (shown to the learner):"))

    def complete(self) -> ActionDialog | None:
        n = len(self.applicable(COMPLETE))
        question = one_or_many(n, self.tr("Mark %n enrollment as completed?", "", n),
                               self.tr("Mark %n enrollments as completed?", "", n))
        return self._ask(COMPLETE, self.tr("Set completed"), question, "complete",
                         verb=self.tr("Mark %n completed", "", n), dismiss=self.tr("Leave as is"))

    def retake(self):
        """Ask once (with the course's sessions to choose from when all rows share a course)."""
        rows = self.applicable(RETAKE)
        if not rows:
            self._say_nothing_applies(RETAKE)
            return None
        return self.context.tasks.run(self._ask_retake({str(field_value(r, "CourseId")) for r in rows}))

    async def _ask_retake(self, courses: set[str]) -> ActionDialog | None:
        sessions = await self._load_sessions(next(iter(courses))) if len(courses) == 1 else []
        n = len(self.applicable(RETAKE))
        question = one_or_many(n, self.tr("Make %n learner take the course again?", "", n),
                               self.tr("Make %n learners take the course again?", "", n))
        verb = one_or_many(n, self.tr("Retake for %n learner", "", n), self.tr("Retake for %n learners", "", n))
        return self._ask(RETAKE, self.tr("Force retake"), question, "retake", sessions=sessions, verb=verb,
                         dismiss=self.tr("Leave as is"),
                         details=self.tr("Their completion is cleared; progress starts over."))

    def _say_nothing_applies(self, kind: str) -> None:
        """A verb that finds nothing eligible says so instead of doing nothing in silence."""
        selected = len(self.enrollments.selected_rows())
        title = {APPROVE: self.tr("Nothing to approve"), REJECT: self.tr("Nothing to reject"),
                 CANCEL: self.tr("Nothing to cancel"), COMPLETE: self.tr("Nothing to mark completed"),
                 RETAKE: self.tr("Nothing to retake")}[kind]
        n = selected
        if not selected:
            text = self.tr("Select one or more enrollments first.")
        elif kind in (APPROVE, REJECT):
            text = one_or_many(n, self.tr("The selected enrollment is not pending approval.", "", n),
                               self.tr("None of the %n selected enrollments is pending approval.", "", n))
        elif kind == CANCEL:
            text = one_or_many(n, self.tr("The selected enrollment is not active.", "", n),
                               self.tr("None of the %n selected enrollments is active.", "", n))
        elif kind == COMPLETE:
            text = one_or_many(n, self.tr("The selected enrollment is not an enrolled, unfinished one.", "", n),
                               self.tr("None of the %n selected enrollments is enrolled and unfinished.", "", n))
        else:
            text = one_or_many(n, self.tr("The selected learner has not started the course.", "", n),
                               self.tr("None of the %n selected learners has started the course.", "", n))
        self.context.notifications.show_info(title, text)

    def _ask(self, kind: str, title: str, question: str, icon_name: str, **options) -> ActionDialog | None:
        rows = self.applicable(kind)
        if not rows:
            self._say_nothing_applies(kind)
            return None
        skipped = len(self.enrollments.selected_rows()) - len(rows)
        details = html.escape(options.pop("details", ""))
        # Whose enrollments, in which course: the question names them, as the job's rows will.
        who = [html.escape(self._label(r)) for r in rows[:WHO_LINES]]
        if len(rows) > WHO_LINES:
            who.append(html.escape(self.tr("… and {n} more").format(n=QLocale().toString(len(rows) - WHO_LINES))))
        details = "<br>".join(who) + ("<br>" + details if details else "")
        if skipped:
            details += ("<br>" if details else "") + one_or_many(
                skipped, self.tr("%n selected row is skipped: the action does not apply to it.", "", skipped),
                self.tr("%n selected rows are skipped: the action does not apply to them.", "", skipped))
        dialog = ActionDialog(name=f"{kind}Dialog", title=title, question=question,
                              icon_name=icon_name, details=details,
                              parent=self.context.window, **options)
        dialog.confirmed.connect(lambda values: self.run(kind, rows, values))
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def run(self, kind: str, rows: list[dict[str, Any]], params: dict[str, Any]) -> str | None:
        """One row runs at once (interactive lane); more become a journaled job (bulk lane)."""
        ids = [str(field_value(r, "Id")) for r in rows]
        labels = {str(field_value(r, "Id")): self._label(r) for r in rows}
        params = {k: v for k, v in params.items() if v}
        if len(rows) == 1:
            self.context.tasks.run(self._run_one(kind, ids[0], params, labels[ids[0]]))
            return None
        title = {APPROVE: self.tr("Approve"), REJECT: self.tr("Reject"), CANCEL: self.tr("Cancel"),
                 COMPLETE: self.tr("Complete"), RETAKE: self.tr("Retake")}[kind]
        # The job's label; {n} is filled in when the number of rows is known.
        label = {APPROVE: self.tr("Approve {n} enrollments"), REJECT: self.tr("Reject {n} enrollments"),
                 CANCEL: self.tr("Cancel {n} enrollments"), COMPLETE: self.tr("Complete {n} enrollments"),
                 RETAKE: self.tr("Retake {n} enrollments")}[kind]
        model, total = self.enrollments.model, self.enrollments.model.total_count or 0
        if (len(self.enrollments.selected_rows()) >= model.loaded_count == model.visible_count and total > model.loaded_count):
            # Ctrl+A selected the loaded rows only: say so, and offer every row matching on the server.
            ask_scope(self.context.window, title, model.loaded_count, total,
                      on_loaded=lambda: self.jobs.start(kind, ids, params, label.format(n=len(ids)), labels),
                      on_all=lambda: self.jobs.start_matching(kind, model.query(), params, label, self._labels))
            return None
        return self.jobs.start(kind, ids, params, label.format(n=len(ids)), labels)

    async def _run_one(self, kind: str, item: str, params: dict[str, Any], label: str) -> None:
        op = operation(kind, params, self.context.client, lane=Lane.INTERACTIVE)
        try:
            await op.action(item)
        except Lms365Error as exc:
            if exc.status != 409 or kind == ENROLL:
                raise
            # Refused because the row changed elsewhere: show it as it is now, and say whose.
            await self.enrollments.note_changed([item])
            title, message, details = describe(exc)
            message = message.replace(f"'{item}'", f"'{label}'").replace(item, label)
            if label not in message:
                message = f"{label}: {message}"
            self.context.notifications.show_error(title, message, details)
            self.update_enabled()
            return
        if kind == ENROLL:
            await self._after_enroll()
            self.enrollments.enrollments_changed.emit([])
        else:
            await self.enrollments.note_changed([item])
        self.context.notifications.show_info(self._done_text(kind, 1), label)
        self.action_done.emit(kind, [item])
        self.update_enabled()

    def _done_text(self, kind: str, n: int) -> str:
        return {APPROVE: self.tr("Approved"), REJECT: self.tr("Rejected"), CANCEL: self.tr("Cancelled"),
                COMPLETE: self.tr("Marked completed"), RETAKE: self.tr("Retake started"),
                ENROLL: self.tr("Enrolled")}[kind] + (f" ({n})" if n > 1 else "")

    async def _labels(self, rows: list[dict[str, Any]]) -> dict[str, str]:
        """Each row's label, the people looked up in the local directory first (no call per row)."""
        await self.directory.ensure(self.context.client)
        await self.directory.people.resolve(field_value(r, "UserLoginName") for r in rows)
        return {str(field_value(r, "Id")): self._label(r) for r in rows}

    def _label(self, row: dict[str, Any]) -> str:
        return f"{self.directory.people.label(field_value(row, 'UserLoginName'))} · {self.directory.course_title(field_value(row, 'CourseId'))}"

    def _on_jobs_items_changed(self, kind: str, items: list) -> None:
        if kind == ENROLL or kind.startswith("spreadsheet."):  # import items are rows, not enrollment ids
            self.context.tasks.run(self._after_enroll())
            self.enrollments.enrollments_changed.emit([])
        else:
            self.context.tasks.run(self.enrollments.note_changed([str(i) for i in items]))
        self.update_enabled()

    async def _after_enroll(self) -> None:
        if self.enrollments.model.started:
            self.enrollments.model.reload()

    # ---- enroll -----------------------------------------------------------------------------
    def enroll_target(self) -> tuple[str | None, str, list[str], list] | None:
        """(course id or None to choose in the dialog, course title, preselected session ids,
        preselected people) from the current pane's selection; None when there is nothing to go on."""
        pane = self.context.window.current_pane()
        if pane is self.courses:
            row = self.courses.current_row()
            if row is not None:
                return str(field_value(row, "Id")), field_value(row, "Title") or "", [], []
        if pane is self.sessions:
            row = self.sessions.current_row()
            if row is not None:
                course_id = str(field_value(row, "CourseId"))
                return course_id, self.directory.course_title(course_id), [str(field_value(row, "Id"))], []
        if pane is self.enrollments:
            rows = self.enrollments.selected_rows()
            courses = {field_value(r, "CourseId") for r in rows}
            if len(courses) == 1:
                course_id = str(next(iter(courses)))
                return course_id, self.directory.course_title(course_id), [], []
        if self.users is not None and pane is self.users:
            # The selected people (deleted ones are left out), into a course chosen in the dialog.
            people = [user_from_wire(row) for row in self.users.selected_rows()]
            return None, "", [], [p for p in people if p is not None and not p.is_deleted]
        return None

    def enroll_users(self) -> None:
        target = self.enroll_target()
        if target is None:
            self.context.notifications.show_info(self.tr("Choose a course"),
                                                 self.tr("Select a course or a session first, then Enroll users…"))
            return
        self.context.tasks.run(self._open_picker(*target))

    async def _open_picker(self, course_id: str | None, title: str, preselected: list[str],
                           people: list | None = None) -> UserPickerDialog:
        await self.directory.ensure(self.context.client)
        sessions = await self._load_sessions(course_id) if course_id else []
        dialog = UserPickerDialog(self.context, self.directory.people, self.directory, course_id=course_id,
                                  sessions=sessions, preselected_sessions=preselected,
                                  load_sessions=self._load_sessions, users=people or [], parent=self.context.window)
        dialog.users_chosen.connect(self.enroll)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def enroll(self, course_id: str, course_title: str, users: list[DirectoryUser | dict], session_ids: list[str],
               due_date: str | None = None) -> str | None:
        """Enroll ``users`` (DirectoryUser or wire dicts with LoginName) in the course: one now, many as a job."""
        people = [u if isinstance(u, DirectoryUser) else user_from_wire(u) for u in users]
        people = [p for p in people if p is not None and not p.is_deleted]
        logins = [p.login_name for p in people]
        params = {"course_id": course_id, "session_ids": session_ids}
        if due_date:
            params["due_date"] = due_date
        labels = {p.login_name: f"{p.label} · {course_title}" for p in people}
        if not logins:
            return None
        if len(logins) == 1:
            self.context.tasks.run(self._run_one(ENROLL, logins[0], params, labels[logins[0]]))
            return None
        return self.jobs.start(ENROLL, logins, params,
                               self.tr("Enroll {n} people in {course}").format(n=len(logins), course=course_title), labels)

    async def _load_sessions(self, course_id: str) -> list[tuple[str, str]]:
        query = Query().where(CourseId=Guid(course_id))
        page = await self.context.client.fetch_page("CourseSessions", query, model=None)
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        sessions = []
        for row in sorted(page.rows, key=lambda r: r.get("StartDate") or ""):
            start, deadline = row.get("StartDate") or "", row.get("EnrollmentDeadline") or ""
            # Only sessions one can still join: session groups carry a 1753 placeholder start,
            # and past sessions or passed deadlines are refused by the server anyway.
            if start > now and (not deadline or deadline >= now):
                sessions.append((str(row.get("Id")), f"{row.get('Title')} · {session_when(row)}"))
        return sessions
