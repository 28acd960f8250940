"""Course wizard pages: enrollment, schedule (publishing, due date, expiry), content and people."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from lms365_desktop.api.enums import SESSION_COURSE_TYPES, CourseSessionEnrollmentType, EnrollmentFlow
from lms365_desktop.ui.widgets.people_picker import PeoplePicker, PeopleSearch
from lms365_desktop.ui.wizards.form_support import FormPage
from lms365_desktop.ui.enum_words import enum_text


def iso_utc(value: QDateTime) -> str:
    return value.toTimeZone(QTimeZone.utc()).toString("yyyy-MM-ddTHH:mm:ssZ")


def date_edit(object_name: str, *, with_zone: bool = False) -> QDateTimeEdit:
    """A date-time editor; ``with_zone`` shows the zone it is read in (this computer's), as dates here say.

    The session wizard leaves it out: its times are read in the session's zone, chosen beside them.
    """
    edit = QDateTimeEdit(objectName=object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm t" if with_zone else "yyyy-MM-dd HH:mm")
    start = QDateTime.currentDateTime().addDays(1)
    start.setTime(QTime(9, 0))
    edit.setDateTime(start)
    return edit


class OptionalDate(QWidget):
    """A date-time that may be left out: a check box enables it."""

    changed = Signal()

    def __init__(self, object_name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.enabled = QCheckBox(label, objectName=f"{object_name}Check")
        self.edit = date_edit(f"{object_name}Edit", with_zone=True)
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.enabled, 0, 0)
        grid.addWidget(self.edit, 0, 1)
        grid.setColumnStretch(2, 1)

    def value(self) -> str | None:
        return iso_utc(self.edit.dateTime()) if self.enabled.isChecked() else None


class EnrollmentPage(FormPage):
    """Enrollment flow, session enrollment type, catalog visibility and the failed-course link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Enrollment"), self.tr("How learners get in."), parent)
        self.flow = QComboBox(objectName="enrollmentFlowCombo")
        for member in EnrollmentFlow:
            self.flow.addItem(enum_text(member), member.name)
        self.session_type = QComboBox(objectName="sessionEnrollmentTypeCombo")
        self.session_type.addItem(self.tr("(not set)"), None)
        for member in CourseSessionEnrollmentType:
            self.session_type.addItem(enum_text(member), member.name)
        self.show_in_catalog = QCheckBox(self.tr("Show the course in the catalog"), objectName="showInCatalogCheck")
        self.show_in_catalog.setChecked(True)
        self.failed_course = QComboBox(objectName="failedCourseCombo")
        self.failed_course.setEditable(False)
        self.failed_course.addItem(self.tr("(none)"), None)
        self.add_field("EnrollmentFlow", self.tr("Enrollment flow"), self.flow)
        self.add_field("CourseSessionEnrollmentType", self.tr("Session enrollment"), self.session_type,
                       hint=self.tr("For classroom and webinar courses: may a learner join one, all or several sessions?"))
        self.add_field("ShowInCatalog", "", self.show_in_catalog)
        self.add_field("FailedCourseId", self.tr("Failed course"), self.failed_course,
                       hint=self.tr("The course a learner is sent to after failing this one."))

    def set_course_type(self, course_type: str | None) -> None:
        sessions = course_type in SESSION_COURSE_TYPES
        self.session_type.setEnabled(sessions)
        if not sessions:
            self.session_type.setCurrentIndex(0)

    def set_courses(self, rows: list[dict]) -> None:
        current = self.failed_course.currentData()
        self.failed_course.clear()
        self.failed_course.addItem(self.tr("(none)"), None)
        for course in rows:
            self.failed_course.addItem(course.get("Title") or course["Id"], course["Id"])
        self.failed_course.setCurrentIndex(max(0, self.failed_course.findData(current)))

    def collect(self) -> dict[str, Any]:
        return {
            "EnrollmentFlow": self.flow.currentData(),
            "CourseSessionEnrollmentType": self.session_type.currentData() if self.session_type.isEnabled() else None,
            "ShowInCatalog": self.show_in_catalog.isChecked(),
            "FailedCourseId": self.failed_course.currentData(),
        }


class _FixedOrDays(QWidget):
    """None, a fixed date, or a number of days after an event (due date, certificate expiry)."""

    def __init__(self, object_name: str, days_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.none = QRadioButton(self.tr("None"), objectName=f"{object_name}None")
        self.fixed = QRadioButton(self.tr("Fixed date"), objectName=f"{object_name}Fixed")
        self.days = QRadioButton(days_label, objectName=f"{object_name}Days")
        self.none.setChecked(True)
        self.group = QButtonGroup(self)
        for button in (self.none, self.fixed, self.days):
            self.group.addButton(button)
        self.date = date_edit(f"{object_name}Date", with_zone=True)
        self.count = QSpinBox(objectName=f"{object_name}Count")
        self.count.setRange(0, 3650)
        self.count.setSuffix(self.tr(" days"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.none, 0, 0)
        grid.addWidget(self.fixed, 1, 0)
        grid.addWidget(self.date, 1, 1)
        grid.addWidget(self.days, 2, 0)
        grid.addWidget(self.count, 2, 1)
        grid.setColumnStretch(2, 1)
        self.group.buttonToggled.connect(lambda *_: self._sync())
        self._sync()

    def _sync(self) -> None:
        self.date.setEnabled(self.fixed.isChecked())
        self.count.setEnabled(self.days.isChecked())

    def value(self, days_key: str) -> dict | None:
        if self.none.isChecked():
            return None
        if self.fixed.isChecked():
            return {"IsEnabled": True, "FixedDate": iso_utc(self.date.dateTime())}
        return {"IsEnabled": True, days_key: self.count.value()}


class SchedulePage(FormPage):
    """Publishing window, due date, certificate expiry and certificate template."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Schedule"), self.tr("When the course is visible and due, and how long its certificate lasts."), parent)
        self.publishing = QCheckBox(self.tr("Publish the course"), objectName="publishingCheck")
        self.publishing.setChecked(True)
        self.publish_start = OptionalDate("publishStart", self.tr("From"))
        self.publish_end = OptionalDate("publishEnd", self.tr("Until"))
        self.due = _FixedOrDays("dueDate", self.tr("Days after enrollment"))
        self.expiry = _FixedOrDays("expiry", self.tr("Days after completion"))
        self.template = QLineEdit(objectName="certificateTemplateEdit")
        self.template.setPlaceholderText(self.tr("template id (optional)"))
        self.add_field("PublishingSettings", self.tr("Publishing"),
                       _stack(self.publishing, self.publish_start, self.publish_end))
        self.add_field("DueDateSettings", self.tr("Due date"), self.due)
        self.add_field("ExpirySettings", self.tr("Certificate expiry"), self.expiry)
        self.add_field("CertificateTemplateId", self.tr("Certificate template"), self.template)
        self.publishing.toggled.connect(self.publish_start.setEnabled)
        self.publishing.toggled.connect(self.publish_end.setEnabled)

    def collect(self) -> dict[str, Any]:
        publishing: dict[str, Any] = {"IsEnabled": self.publishing.isChecked()}
        if self.publishing.isChecked():
            for key, widget in (("StartDate", self.publish_start), ("EndDate", self.publish_end)):
                if widget.value():
                    publishing[key] = widget.value()
        return {
            "PublishingSettings": publishing,
            "DueDateSettings": self.due.value("DaysAfterEnrollment"),
            "ExpirySettings": self.expiry.value("DaysAfterCompletion"),
            "CertificateTemplateId": self.template.text().strip() or None,
        }


def _stack(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index, 0)
    return holder


def _lines(box: QPlainTextEdit) -> list[str] | None:
    values = [line.strip() for line in box.toPlainText().splitlines() if line.strip()]
    return values or None


class ContentPage(FormPage):
    """Site template, learning modules, quizzes, layout, and teachers and trainers by search."""

    def __init__(self, search_people: PeopleSearch, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Content and people"), self.tr("What the course site starts with, and who teaches."), parent)
        self.site_template = QLineEdit(objectName="siteTemplateEdit")
        self.modules = QPlainTextEdit(objectName="learningModulesEdit")
        self.modules.setPlaceholderText(self.tr("One learning module per line"))
        self.modules.setFixedHeight(48)
        self.quizzes = QPlainTextEdit(objectName="quizzesEdit")
        self.quizzes.setPlaceholderText(self.tr("One quiz per line"))
        self.quizzes.setFixedHeight(48)
        self.layout_id = QLineEdit(objectName="courseLayoutEdit")
        self.trainers = PeoplePicker(search_people, "trainerPicker", results_height=90)
        self.teachers = PeoplePicker(search_people, "teacherPicker", results_height=90)
        self.add_field("SiteTemplate", self.tr("Site template"), self.site_template)
        self.add_field("LearningModules", self.tr("Learning modules"), self.modules)
        self.add_field("Quizzes", self.tr("Quizzes"), self.quizzes)
        self.add_field("CourseLayoutId", self.tr("Course layout id"), self.layout_id)
        self.add_field("TrainerLogins", self.tr("Trainers"), self.trainers)
        self.add_field("TeacherLogins", self.tr("Teachers"), self.teachers)

    def collect(self) -> dict[str, Any]:
        return {
            "SiteTemplate": self.site_template.text().strip() or None,
            "LearningModules": _lines(self.modules),
            "Quizzes": _lines(self.quizzes),
            "CourseLayoutId": self.layout_id.text().strip() or None,
            "TrainerLogins": self.trainers.logins() or None,
            "TeacherLogins": self.teachers.logins() or None,
        }
