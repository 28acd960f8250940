"""Course wizard pages: review (a readable summary, the request one click away) and provisioning progress."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from lms365_desktop.ui.itemmodels.lookups import user_principal
from lms365_desktop.ui.wizards.form_support import ERROR_STYLE
from lms365_desktop.ui.local_time import moment_text


def _add_items(parent: QTreeWidget | QTreeWidgetItem, value: Any, key: str) -> None:
    if isinstance(value, dict):
        node = QTreeWidgetItem([key, ""])
        for child_key, child in value.items():
            _add_items(node, child, child_key)
    elif isinstance(value, list):
        count = len(value)
        # A function's texts: the "ReviewPage" context; one literal each for one and for more.
        node = QTreeWidgetItem([key, QCoreApplication.translate("ReviewPage", "1 item") if count == 1 else
                                QCoreApplication.translate("ReviewPage", "{count} items").format(
                                    count=QLocale().toString(count))])
        for index, child in enumerate(value, 1):
            _add_items(node, child, f"#{index}")
    else:
        node = QTreeWidgetItem([key, json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value])
    if isinstance(parent, QTreeWidget):
        parent.addTopLevelItem(node)
    else:
        parent.addChild(node)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _when(iso: str) -> str:
    """A date the server will get in UTC, read in this computer's zone, which it names."""
    return moment_text(iso, zone=True)


class ReviewPage(QWizardPage):
    """What will be created, in words; the request itself (fields or raw) is one click away."""

    raw_requested = Signal()
    use_suggested_url = Signal()
    let_server_choose_url = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("Check the course before it is created. Nothing is sent until you press Create course."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create course"))
        self.summary = QLabel(objectName="reviewSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setContentsMargins(6, 4, 6, 4)
        self.summary_area = QScrollArea(objectName="reviewSummaryArea")
        self.summary_area.setWidgetResizable(True)
        self.summary_area.setAccessibleName(self.tr("Summary of the new course"))
        self.summary_area.setWidget(self.summary)
        self.summary_area.setFrameShape(QFrame.Shape.NoFrame)
        self.tree = QTreeWidget(objectName="reviewTree")
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.tree.setColumnWidth(0, 220)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Request body"))
        self.fields_button = QPushButton(self.tr("Show request fields"), objectName="showRequestFieldsButton")
        self.fields_button.setCheckable(True)
        self.fields_button.setToolTip(self.tr("Every field exactly as it will be sent to POST /odata/v2/Courses"))
        self.fields_button.toggled.connect(self._on_fields_button_toggled)
        self.raw_button = QPushButton(self.tr("Show as raw request"), objectName="showRawRequestButton")
        self.raw_button.setToolTip(self.tr("Open the request in the console, to read or change it"))
        self.raw_button.clicked.connect(self.raw_requested)
        self.status = QLabel(objectName="reviewStatus")
        self.status.setWordWrap(True)
        self.error = QLabel(objectName="reviewError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        self.conflict = QFrame(objectName="urlConflictPanel")
        self.conflict.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_text = QLabel()
        self.conflict_text.setWordWrap(True)
        self.suggest_button = QPushButton(objectName="useSuggestedUrlButton")
        self.auto_button = QPushButton(self.tr("Let the server choose a free URL"), objectName="autoResolveUrlButton")
        self.suggest_button.clicked.connect(self.use_suggested_url)
        self.auto_button.clicked.connect(self.let_server_choose_url)
        conflict_layout = QVBoxLayout(self.conflict)
        conflict_layout.addWidget(self.conflict_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.auto_button)
        buttons.addStretch(1)
        conflict_layout.addLayout(buttons)
        self.conflict.hide()

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.fields_button)
        bottom.addWidget(self.raw_button)
        self.views = QStackedWidget(objectName="reviewViews")  # the summary, or the fields as sent
        self.views.addWidget(self.summary_area)
        self.views.addWidget(self.tree)
        layout = QVBoxLayout(self)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.conflict)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.body: dict[str, Any] = {}
        self.busy = False

    def _on_fields_button_toggled(self, shown: bool) -> None:
        self.views.setCurrentWidget(self.tree if shown else self.summary_area)
        self.fields_button.setText(self.tr("Show summary") if shown else self.tr("Show request fields"))

    def show_body(self, body: dict[str, Any], names: dict[str, str] | None = None) -> None:
        """Show the body; ``names`` puts a readable name beside ids (e.g. the catalog's title)."""
        self.body = body
        self.summary.setText(self.summary_html(body, names or {}))
        self.tree.clear()
        for key, value in body.items():
            _add_items(self.tree, value, key)
            if names and key in names and names[key]:
                item = self.tree.topLevelItem(self.tree.topLevelItemCount() - 1)
                item.setText(1, f"{value}  ({names[key]})")
        self.tree.expandAll()

    def summary_lines(self, body: dict[str, Any], names: dict[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
        """(section, [(label, value)]) in a coordinator's words; empty fields are left out."""
        def named(key: str) -> str:
            return names.get(key) or str(body.get(key) or "")

        def yes_no(value: Any) -> str:
            return self.tr("Yes") if value else self.tr("No")

        def deadline(settings: dict | None, days_key: str, after_completion: bool) -> str:
            if not settings or not settings.get("IsEnabled"):
                return self.tr("None")
            if settings.get("FixedDate"):
                return self.tr("On {date}").format(date=_when(settings["FixedDate"]))
            try:
                n = int(settings.get(days_key))
            except (TypeError, ValueError):
                return str(settings.get(days_key) or "")
            # One literal each for one day and for more, so English needs no catalogue of its own.
            if after_completion:
                return (self.tr("%n day after completion", "", n) if n == 1
                        else self.tr("%n days after completion", "", n))
            return (self.tr("%n day after enrollment", "", n) if n == 1
                    else self.tr("%n days after enrollment", "", n))

        def person(login: str) -> str:
            return names.get(f"person:{login}") or user_principal(login)

        def items(entries: list[dict] | None, key: str) -> str:
            texts = []
            for entry in entries or []:
                name = entry.get(key) or entry.get("Name") or ""
                if entry.get("IsNew"):
                    parent = names.get(f"category:{entry.get('ParentCategoryId')}") if entry.get("ParentCategoryId") else ""
                    name = (self.tr("{name} (new, under {parent})").format(name=name, parent=parent) if parent
                            else self.tr("{name} (new)").format(name=name))
                texts.append(name)
            return ", ".join(texts)

        url = body.get("Url") or ""
        if body.get("AutoResolveUrlConflict"):
            url = self.tr("{url} (or a free one like it, if it is taken)").format(url=url)
        publishing = body.get("PublishingSettings") or {}
        if publishing.get("IsEnabled"):
            published = self.tr("Yes")
            if publishing.get("StartDate"):
                published += self.tr(", from {date}").format(date=_when(publishing["StartDate"]))
            if publishing.get("EndDate"):
                published += self.tr(", until {date}").format(date=_when(publishing["EndDate"]))
        else:
            published = self.tr("No")
        modules = "; ".join(f"{n}. {t}" for n, t in enumerate(body.get("LearningModules") or [], 1))
        sections = [
            (self.tr("Course"), [
                (self.tr("Title"), body.get("Title") or ""), (self.tr("Catalog"), named("CourseCatalogId")),
                (self.tr("Type"), named("CourseType")), (self.tr("Course ID"), body.get("CourseID") or ""),
                (self.tr("Description"), body.get("Description") or ""), (self.tr("Site URL"), url),
                (self.tr("Duration"), body.get("Duration") or ""),
                (self.tr("CEU"), QLocale().toString(float(body["CEU"]), "g", 6) if body.get("CEU") else ""),
                (self.tr("Language"), " / ".join(dict.fromkeys(v for v in (body.get("Culture"), body.get("UICulture")) if v))),
            ]),
            (self.tr("Categorisation"), [
                (self.tr("Categories"), items(body.get("Categories"), "Name")),
                (self.tr("Tags"), items(body.get("Tags"), "TagName")),
            ]),
            (self.tr("Enrollment"), [
                (self.tr("Enrollment flow"), named("EnrollmentFlow")),
                (self.tr("Sessions"), named("CourseSessionEnrollmentType") if body.get("CourseSessionEnrollmentType") else ""),
                (self.tr("Shown in the catalog"), yes_no(body.get("ShowInCatalog"))),
                (self.tr("For those who failed"), named("FailedCourseId") if body.get("FailedCourseId") else ""),
            ]),
            (self.tr("Schedule"), [
                (self.tr("Published"), published),
                (self.tr("Due date"), deadline(body.get("DueDateSettings"), "DaysAfterEnrollment", False)),
                (self.tr("Certificate expires"), deadline(body.get("ExpirySettings"), "DaysAfterCompletion", True)),
                (self.tr("Certificate template"), body.get("CertificateTemplateId") or ""),
            ]),
            (self.tr("Content and people"), [
                (self.tr("Learning modules"), modules), (self.tr("Quizzes"), ", ".join(body.get("Quizzes") or [])),
                (self.tr("Trainers"), ", ".join(person(x) for x in body.get("TrainerLogins") or [])),
                (self.tr("Teachers"), ", ".join(person(x) for x in body.get("TeacherLogins") or [])),
                (self.tr("Site template"), body.get("SiteTemplate") or ""),
                (self.tr("Course layout"), body.get("CourseLayoutId") or ""),
            ]),
        ]
        return [(title, [(k, str(v)) for k, v in rows if v]) for title, rows in sections]

    def summary_html(self, body: dict[str, Any], names: dict[str, str]) -> str:
        """One table, so the labels of every section line up; labels in the palette's quieter text colour."""
        quiet = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        rows = []
        for title, lines in self.summary_lines(body, names):
            if not lines:
                continue
            rows.append(f"<tr><td colspan='2' style='padding-top:10px'><b>{_escape(title)}</b></td></tr>")
            rows += [f"<tr><td style='padding-right:14px; color:{quiet}'>{_escape(k)}</td><td>{_escape(v)}</td></tr>"
                     for k, v in lines]
        return f"<table cellspacing='2'>{''.join(rows)}</table>"

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def show_conflict(self, message: str, suggestion: str) -> None:
        self.conflict_text.setText(message)
        self.suggest_button.setText(self.tr("Use “{url}”").format(url=suggestion))
        self.conflict.show()

    def hide_conflict(self) -> None:
        self.conflict.hide()

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.status.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return not self.busy


class ProvisioningPage(QWizardPage):
    """Follows Courses/IncludeNotCreated until the new course's site is ready."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Creating the course site"))
        self.setSubTitle(self.tr("LMS365 provisions a SharePoint site for the course; this takes a moment."))
        self.progress = QProgressBar(objectName="provisioningProgress")
        self.progress.setRange(0, 100)
        self.state = QLabel(objectName="provisioningState")
        self.state.setWordWrap(True)
        self.details = QPlainTextEdit(objectName="createdCourseDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("The course as the server holds it"))
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.open_button = QPushButton(self.tr("Open in the Courses pane"), objectName="openCourseButton")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.progress)
        layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.finished = False

    def show_state(self, status: str, progress: int, text: str) -> None:
        self.progress.setValue(progress)
        self.state.setText(text)
        done = status in ("Completed", "Failed")
        if done != self.finished:
            self.finished = done
            self.completeChanged.emit()
        self.open_button.setEnabled(status == "Completed")

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.finished
