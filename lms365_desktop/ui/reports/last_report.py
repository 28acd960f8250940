"""The report last opened (which one, and its course, learner or catalog), kept in the settings to reopen it at start."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

KEY = "reports/last"
COURSE, LEARNER, COMPLIANCE = "course", "learner", "compliance"
KINDS = (COURSE, LEARNER, COMPLIANCE)  # in the order of the pane's tabs


@dataclass(frozen=True)
class LastReport:
    """One report and its subject: a course id (or "" for all), a learner's id and label, a catalog and department."""

    kind: str
    subject: str = ""  # course id, user id or catalog id; "" for all courses or catalogs
    label: str = ""  # the learner's name as shown, so it is on screen before the directory answers
    department: str | None = None  # the compliance overview's department (None: all)
    connection: str = ""  # the connection it was opened on: another connection starts on its own reports

    def save(self, settings: QSettings | None) -> None:
        if settings is None:
            return
        settings.setValue(f"{KEY}/kind", self.kind)
        settings.setValue(f"{KEY}/subject", self.subject)
        settings.setValue(f"{KEY}/label", self.label)
        settings.setValue(f"{KEY}/allDepartments", self.department is None)
        settings.setValue(f"{KEY}/department", self.department or "")
        settings.setValue(f"{KEY}/connection", self.connection)

    @classmethod
    def load(cls, settings: QSettings | None) -> LastReport | None:
        """The saved report, or None (nothing saved, or a value this version does not know)."""
        if settings is None:
            return None
        kind = settings.value(f"{KEY}/kind")
        if kind not in KINDS:
            return None

        def text(name: str) -> str:
            value = settings.value(f"{KEY}/{name}")
            return value if isinstance(value, str) else ""

        every = settings.value(f"{KEY}/allDepartments")
        every = every if isinstance(every, bool) else str(every).lower() != "false"
        return cls(kind, text("subject"), text("label"), None if every else text("department"), text("connection"))
