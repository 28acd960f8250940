"""The status bar's line while the reports' mirror syncs: what it is reading, how far, and Cancel."""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from lms365_desktop.ui.reports.reports_controller import ReportsController


class SyncStatus(QWidget):
    """Shown only while a sync runs; Cancel stops it (the reports keep what the mirror holds)."""

    def __init__(self, controller: ReportsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsSyncStatus")
        self.controller = controller
        self.label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("reportsSyncCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel the reports' sync"))
        self.cancel_button.clicked.connect(controller.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button)
        controller.sync_state_changed.connect(self.update_state)
        self.update_state()

    def update_state(self) -> None:
        mirror = self.controller.mirror
        syncing = self.controller.syncing and mirror is not None
        self.setVisible(syncing)
        if syncing:
            entity, rows = mirror.progress
            self.label.setText(self.tr("Reports: reading %1 (%2 rows)").replace("%1", entity or "…").replace(
                "%2", QLocale().toString(rows)))
