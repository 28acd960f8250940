"""The report last opened (which one, and its course, learner or catalog), kept in the settings to reopen it at start,
and the snapshots of computed figures that let it show before they are computed again."""
from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from PySide6.QtCore import QLocale, QSettings

from lms365_desktop.core import report_snapshot
from lms365_desktop.core.mirror.database import MirrorDatabase
from lms365_desktop.core.mirror.learning import LearningMirror
from lms365_desktop.core.report_document import ReportTable
from lms365_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

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


class Snapshots:
    """The pane's side of ``core.report_snapshot``: the table made once per mirror file, reads and writes off the GUI thread."""

    def __init__(self, tasks: TaskRunner) -> None:
        self.tasks = tasks
        self._made: MirrorDatabase | None = None  # the database the table was made in
        self._saved: tuple[str, str] | None = None

    async def stamp(self, mirror: LearningMirror) -> str:
        """The stamp of figures computed from ``mirror`` now (take it before computing)."""
        if self._made is not mirror.database:
            await self.tasks.in_worker(mirror.database.ensure_table, report_snapshot.SNAPSHOTS)
            self._made = mirror.database
        fresh = await mirror.freshness()
        return report_snapshot.stamp(fresh, datetime.now(timezone.utc).date(), QLocale().name())

    async def load(self, mirror: LearningMirror, report: str, when: str) -> tuple[list[ReportTable], list[ReportTable]] | None:
        return await mirror.database.read(lambda c: report_snapshot.load(c, report, when))

    async def save(self, mirror: LearningMirror, report: str, when: str, figures: list[ReportTable],
                   details: list[ReportTable]) -> None:
        if self._saved == (report, when):
            return  # the same figures are kept already
        self._saved = (report, when)
        try:
            await mirror.database.write(lambda c: report_snapshot.save(c, report, when, figures, details))
        except sqlite3.Error as exc:  # closed with its connection, or a full disk: the next start computes
            log.info("report snapshot not kept: %s", exc)
