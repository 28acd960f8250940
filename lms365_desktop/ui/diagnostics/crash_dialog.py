"""The one crash dialog: what went wrong, copyable details without secrets, and the log folder."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.core.crash_reports import CrashReport
from lms365_desktop.ui.theme import icon


class CrashDialog(QDialog):
    """Shows one or more crash reports; "Copy details" puts versions and tracebacks on the clipboard."""

    log_folder_requested = Signal()  # the controller opens it, and says so if nothing can

    def __init__(self, diagnostics: str, log_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("LMS365 Desktop ran into a problem"))
        self.setWindowIcon(icon("error"))
        self.diagnostics = diagnostics
        self.reports: list[CrashReport] = []

        self.headline = QLabel()
        self.headline.setObjectName("crashHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        explanation = QLabel(self.tr(
            "Something in the application failed unexpectedly. Your data on the server is as the last "
            "confirmed action left it. The details below (without your API key) and the log file help "
            "support find the cause; you can keep working, or restart the application if it misbehaves."))
        explanation.setWordWrap(True)
        details_label = QLabel(self.tr("&Details:"))
        self.details = QPlainTextEdit()
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setAccessibleName(self.tr("Crash details"))
        details_label.setBuddy(self.details)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy details"))
        self.copy_button.setObjectName("copyCrashDetailsButton")
        self.copy_button.setAccessibleName(self.tr("Copy details"))
        self.folder_button = QPushButton(self.tr("Open &log folder"))
        self.folder_button.setObjectName("openLogFolderButton")
        self.folder_button.setAccessibleName(self.tr("Open log folder"))
        self.folder_button.setToolTip(log_folder)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button.clicked.connect(self.log_folder_requested)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(explanation)
        layout.addWidget(details_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def add_report(self, report: CrashReport) -> None:
        """Add a report; a second crash while the dialog is open lands in the same dialog."""
        self.reports.append(report)
        if report.source == "previous run":
            headline = self.tr("The last session of LMS365 Desktop ended with an error: {summary}")
        else:
            headline = self.tr("An unexpected error occurred: {summary}")
        if len(self.reports) > 1:
            headline += " " + self.tr("(%n errors in all)", "", len(self.reports))
        self.headline.setText(headline.format(summary=report.summary.splitlines()[0] if report.summary else ""))
        self.details.setPlainText(self.details_text())

    def details_text(self) -> str:
        parts = [self.diagnostics]
        parts += [report.text() for report in self.reports]
        return "\n\n".join(parts)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())


class CrashNotifier(QObject):
    """Carries a report from whichever thread failed to the GUI thread (a queued signal)."""

    crashed = Signal(object)

    def notify(self, report: CrashReport) -> None:
        self.crashed.emit(report)
