"""Course wizard pages: review (the request as it will be sent) and provisioning progress."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from lms365_desktop.ui.wizards.form_support import ERROR_STYLE


def _add_items(parent: QTreeWidget | QTreeWidgetItem, value: Any, key: str) -> None:
    if isinstance(value, dict):
        node = QTreeWidgetItem([key, ""])
        for child_key, child in value.items():
            _add_items(node, child, child_key)
    elif isinstance(value, list):
        node = QTreeWidgetItem([key, f"{len(value)} item(s)"])
        for index, child in enumerate(value, 1):
            _add_items(node, child, f"#{index}")
    else:
        node = QTreeWidgetItem([key, json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value])
    if isinstance(parent, QTreeWidget):
        parent.addTopLevelItem(node)
    else:
        parent.addChild(node)


class ReviewPage(QWizardPage):
    """Every field as it will be sent; sending happens when the user presses Create."""

    raw_requested = Signal()
    use_suggested_url = Signal()
    let_server_choose_url = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("This is exactly what will be sent to POST /odata/v2/Courses."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create course"))
        self.tree = QTreeWidget(objectName="reviewTree")
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.tree.setColumnWidth(0, 220)
        self.tree.setAlternatingRowColors(True)
        self.raw_button = QPushButton(self.tr("Show as raw request"), objectName="showRawRequestButton")
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
        bottom.addWidget(self.raw_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.conflict)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.body: dict[str, Any] = {}
        self.busy = False

    def show_body(self, body: dict[str, Any], names: dict[str, str] | None = None) -> None:
        """Show the body; ``names`` puts a readable name beside ids (e.g. the catalog's title)."""
        self.body = body
        self.tree.clear()
        for key, value in body.items():
            _add_items(self.tree, value, key)
            if names and key in names and names[key]:
                item = self.tree.topLevelItem(self.tree.topLevelItemCount() - 1)
                item.setText(1, f"{value}  ({names[key]})")
        self.tree.expandAll()

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
