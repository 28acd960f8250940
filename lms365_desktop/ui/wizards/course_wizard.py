"""CourseWizard: every field of "Create training course", checked page by page, then provisioning."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pydantic
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from lms365_desktop.core.mirror.user_directory import DirectoryUser, user_from_wire
from lms365_desktop.api.bodies import CreateCourseRequest
from lms365_desktop.api.enums import CourseSessionEnrollmentType, CourseType, EnrollmentFlow
from lms365_desktop.api.errors import ConflictError, error_field, error_message
from lms365_desktop.core.course_creation import CourseCreationService, Provisioning, next_free_url
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.widgets.people_picker import PeopleSearch
from lms365_desktop.ui.wizards.course_pages_basics import BasicsPage, CategorisationPage
from lms365_desktop.ui.wizards.course_pages_review import ProvisioningPage, ReviewPage
from lms365_desktop.ui.wizards.course_pages_settings import ContentPage, EnrollmentPage, SchedulePage
from lms365_desktop.ui.wizards.form_messages import pydantic_errors
from lms365_desktop.ui.wizards.form_support import FormPage
from lms365_desktop.ui.enum_words import enum_text

COURSES_PATH = "/odata/v2/Courses"


def _clean(value: Any) -> Any:
    """Leave out what the user did not set, as the request model does."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


class CourseWizard(QWizard):
    """File > New course…: basics, categorisation, enrollment, schedule, content, review, provisioning."""

    course_created = Signal(dict)
    course_ready = Signal(str)
    open_course_requested = Signal(str)

    async def _search_people_on_server(self, text: str, limit: int = 25) -> list[DirectoryUser]:
        rows = await self.service.search_users(text, limit)
        return [u for u in map(user_from_wire, rows) if u is not None and not u.is_deleted]

    def __init__(
        self,
        service: CourseCreationService,
        *,
        open_in_console: Callable[..., None] | None = None,
        open_course: Callable[[str, str], None] | None = None,
        search_people: PeopleSearch | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("courseWizard")
        self.setWindowTitle(self.tr("New course"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(760, 640)
        self.service = service
        self.tasks = TaskRunner(self)
        self._open_in_console = open_in_console
        self._open_course = open_course
        self.created: dict | None = None
        self.provisioning: Provisioning | None = None
        self._discard_confirmed = False

        self.basics = BasicsPage()
        self.categorisation = CategorisationPage()
        self.enrollment = EnrollmentPage()
        self.schedule = SchedulePage()
        # People come from the user directory (the one picker); without one, from the server.
        self.content = ContentPage(search_people or self._search_people_on_server)
        self.review = ReviewPage()
        self.progress_page = ProvisioningPage()
        self.form_pages: list[FormPage] = [self.basics, self.categorisation, self.enrollment, self.schedule, self.content]
        for page in [*self.form_pages, self.review, self.progress_page]:
            self.addPage(page)

        self.basics.catalog_changed.connect(self._on_basics_catalog_changed)
        self.basics.course_type.currentIndexChanged.connect(
            lambda *_: self.enrollment.set_course_type(self.basics.course_type.currentData()))
        self.enrollment.set_course_type(self.basics.course_type.currentData())
        self.review.raw_requested.connect(self._on_review_raw_requested)
        self.review.use_suggested_url.connect(self._on_review_use_suggested_url)
        self.review.let_server_choose_url.connect(self._on_review_let_server_choose_url)
        self.progress_page.open_requested.connect(self._on_progress_open_requested)
        self.currentIdChanged.connect(self._on_current_id_changed)
        self.tasks.run(self.service.catalogs(), on_done=self.basics.set_catalogs,
                       on_error=lambda exc: self.basics.show_page_error(error_message(exc)))

    # ----- the request ----------------------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        """What the pages hold, with the wire names (before the model fills defaults)."""
        data: dict[str, Any] = {}
        for page in self.form_pages:
            data.update(page.collect())
        return _clean(data)

    def validate(self) -> tuple[dict[str, Any] | None, dict[str, str]]:
        """(the body as it will be sent, {}) or (None, {field: message}) from the request model."""
        try:
            return CreateCourseRequest.model_validate(self.payload()).to_wire(), {}
        except pydantic.ValidationError as exc:
            return None, pydantic_errors(exc)

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt override)
        page = self.currentPage()
        if page in self.form_pages:
            _, errors = self.validate()
            return not page.show_errors(errors)
        if page is self.review:
            if self.created is None:
                self._send()
                return False  # the wizard moves on by itself once the server said yes
            return True
        return super().validateCurrentPage()

    # ----- sending --------------------------------------------------------------------------
    def _send(self) -> None:
        body, errors = self.validate()
        if body is None:
            self._show_errors_on_pages(errors)
            return
        if self.review.busy:
            return
        self.review.hide_conflict()
        self.review.show_error("")
        self.review.set_busy(True, self.tr("Creating the course…"))
        self.tasks.run(self.service.create_course(body), on_done=self._on_created, on_error=self._on_create_failed)

    def _on_created(self, course: dict) -> None:
        self.review.set_busy(False, self.tr("Created."))
        self.created = course
        self.course_created.emit(course)
        self.next()

    def _on_create_failed(self, exc: BaseException) -> None:
        self.review.set_busy(False, "")
        message = error_message(exc)
        if isinstance(exc, ConflictError) and "url" in message.lower():
            url = self.basics.url.text().strip()
            self.review.show_conflict(
                self.tr("The URL “{url}” is already in use. {server}").format(url=url, server=message),
                next_free_url(url))
            return
        field = error_field(exc) or message.split(":", 1)[0].strip()
        for page in self.form_pages:
            if field and page.show_errors({field: message}):
                break
        self.review.show_error(self.tr("The server refused the course: {message}").format(message=message))

    def _on_review_use_suggested_url(self) -> None:
        self.basics.set_url(next_free_url(self.basics.url.text().strip()))
        self._refresh_review()
        self._send()

    def _on_review_let_server_choose_url(self) -> None:
        self.basics.auto_resolve.setChecked(True)
        self._refresh_review()
        self._send()

    def _show_errors_on_pages(self, errors: dict[str, str]) -> None:
        for index, page in enumerate(self.form_pages):
            if page.show_errors(errors):
                while self.currentPage() is not page and self.currentId() > self.pageIds()[index]:
                    self.back()
                return

    # ----- provisioning ---------------------------------------------------------------------
    def _on_current_id_changed(self, page_id: int) -> None:
        page = self.page(page_id)
        if page is self.review:
            self._refresh_review()
        elif page is self.progress_page and self.created is not None:
            course = self.created
            shown = {k: v for k, v in course.items() if v is not None and not k.startswith("@")}
            self.progress_page.details.setPlainText(json.dumps(shown, indent=2, ensure_ascii=False))
            self.progress_page.show_state("NotStarted", 0, self.tr("Waiting for LMS365 to start…"))
            self.tasks.run(self.service.wait_until_provisioned(course["Id"], self._on_provisioning_progress),
                           on_done=self._on_provisioning_finished, on_error=self._on_provisioning_failed)

    def _on_provisioning_progress(self, state: Provisioning) -> None:
        self.provisioning = state
        texts = {
            "NotStarted": self.tr("Queued…"),
            "InProgress": self.tr("Provisioning the course site… {progress}%").format(progress=state.progress),
            "Completed": self.tr("The course is ready."),
            "Failed": self.tr("Provisioning failed: {message}").format(message=state.message or "?"),
        }
        self.progress_page.show_state(state.status, state.progress if state.status != "Completed" else 100,
                                      texts.get(state.status, state.status))

    def _on_provisioning_finished(self, state: Provisioning) -> None:
        if state.status == "Completed":
            self.course_ready.emit(state.course_id)
            if state.url:
                self.progress_page.state.setText(
                    self.tr("The course is ready at {url}.").format(url=state.url))

    def _on_provisioning_failed(self, exc: BaseException) -> None:
        self.progress_page.show_state("Failed", self.progress_page.progress.value(),
                                      self.tr("Could not follow provisioning: {message}").format(message=error_message(exc)))

    def _on_progress_open_requested(self) -> None:
        if self.created is None:
            return
        course_id = self.created["Id"]
        self.open_course_requested.emit(course_id)
        if self._open_course is not None:
            self._open_course(course_id, str(self.created.get("Title") or ""))
        self.accept()

    # ----- review helpers -------------------------------------------------------------------
    def _refresh_review(self) -> None:
        body, errors = self.validate()
        if body is not None:
            names = {
                "CourseCatalogId": self.basics.catalog.currentText(),
                "FailedCourseId": self.enrollment.failed_course.currentText(),
            }
            # Trainers and teachers by the names they were picked by, not their logins.
            names.update({f"person:{u.login_name}": u.display_name
                          for picker in (self.content.trainers, self.content.teachers) for u in picker.users()})
            parents = self.categorisation.parent_category  # where a new category goes, by name
            names.update({f"category:{parents.itemData(i)}": parents.itemText(i) for i in range(1, parents.count())})
            # The wire sends enum names; beside them, the words the panes use.
            for key, enum in (("CourseType", CourseType), ("EnrollmentFlow", EnrollmentFlow),
                              ("CourseSessionEnrollmentType", CourseSessionEnrollmentType)):
                if key in body and body[key] in enum.__members__:
                    words = enum_text(enum[body[key]])
                    if words != body[key]:
                        names[key] = words
            self.review.show_body(body, names)
            self.review.show_error("")
        else:
            self.review.show_error("; ".join(f"{k}: {v}" for k, v in errors.items()))

    def _on_review_raw_requested(self) -> None:
        body, _ = self.validate()
        if body is not None and self._open_in_console is not None:
            self._open_in_console("POST", COURSES_PATH, None, {"Content-Type": "application/json"},
                                  json.dumps(body, indent=2, ensure_ascii=False))

    # ----- closing --------------------------------------------------------------------------
    def has_input(self) -> bool:
        return bool(self.basics.title_edit.text().strip() or self.basics.description.toPlainText().strip())

    def reject(self) -> None:
        """Cancel asks before throwing away what was typed; while sending, it stops the request."""
        if self.review.busy:
            self.tasks.cancel_all()
            self.review.set_busy(False, self.tr("Sending stopped; nothing you typed was lost."))
            return
        if self.created is not None or self._discard_confirmed or not self.has_input():
            self.tasks.cancel_all()
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard the new course?"),
                          self.tr("Close the wizard and lose what you typed?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("discardCourseBox")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_discard_box_finished)
        box.open()

    def _on_discard_box_finished(self, result: int) -> None:
        if result == QMessageBox.StandardButton.Discard:
            self._discard_confirmed = True
            self.reject()

    # ----- catalogs -------------------------------------------------------------------------
    def _on_basics_catalog_changed(self, catalog_id: str) -> None:
        if not catalog_id:
            return
        self.tasks.run(self.service.categories(catalog_id), on_done=self.categorisation.set_categories)
        self.tasks.run(self.service.tags(catalog_id), on_done=self.categorisation.set_tags)
        self.tasks.run(self.service.courses(catalog_id), on_done=self.enrollment.set_courses)

