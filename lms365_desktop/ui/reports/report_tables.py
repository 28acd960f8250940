"""The report figures as tables (translated titles, typed cells): one builder per report, Qt only for tr()."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QLocale, QObject

from lms365_desktop.core.logins import principal, short_login
from lms365_desktop.core.report_document import BAR, PIE, RINGS, STACKED, ReportTable
from lms365_desktop.core.reports import (EXPIRY_WINDOWS, STATES, Compliance, CourseProgress, LearnerProgress,
                                         StateCounts)
from lms365_desktop.core.spreadsheet import DATE, NUMBER, TEXT

PERCENT = "percent"
FOUR_STATES = ("completed", "in_progress", "not_started", "overdue")  # completed, in progress, not started, overdue: the learner dashboard's four charts


def _date(text: str | None):
    return datetime.fromisoformat(text).date() if text else None


class ReportTables(QObject):
    """Builds the tables of each report from its figures."""

    @staticmethod
    def month_label(month: str) -> str:
        """'2026-01' as the locale names it, short: 'Jan 2026'."""
        year, number = (int(x) for x in month.split("-"))
        return f"{QLocale().monthName(number, QLocale.FormatType.ShortFormat)} {year}"

    def state_label(self, state: str) -> str:
        return {
            "completed": self.tr("Completed"),
            "in_progress": self.tr("In progress"),
            "not_started": self.tr("Not started"),
            "overdue": self.tr("Overdue"),
            "pending": self.tr("Pending approval"),
            "cancelled": self.tr("Cancelled or rejected"),
        }[state]

    def _by_state(self, name: str, title: str, states: StateCounts, counted: str = "") -> ReportTable:
        total = states.total
        rows = [[self.state_label(s), states.counts[s], (states.counts[s] / total) if total else 0.0] for s in STATES]
        return ReportTable(name, title, ((self.tr("State"), TEXT), (counted or self.tr("Learners"), NUMBER),
                                         (self.tr("Share"), PERCENT)), rows, PIE)

    def _grouped(self, name: str, title: str, first: str, groups: list[tuple[str, StateCounts]]) -> ReportTable:
        columns = ((first, TEXT), *((self.state_label(s), NUMBER) for s in STATES),
                   (self.tr("Total"), NUMBER), (self.tr("Completion rate"), PERCENT))
        rows = [[label or self.tr("(none)"), *(c.counts[s] for s in STATES), c.total, c.completion_rate]
                for label, c in groups]
        return ReportTable(name, title, columns, rows, STACKED, series_columns=tuple(range(1, len(STATES) + 1)))

    def rate_table(self, name: str, states: StateCounts) -> ReportTable:
        return ReportTable(name, self.tr("Summary"), ((self.tr("Figure"), TEXT), (self.tr("Value"), NUMBER)), [
            [self.tr("Enrollments"), states.total],
            [self.tr("Enrollments that count (not pending, cancelled or rejected)"), states.active],
            [self.tr("Completed"), states.counts["completed"]],
            [self.tr("Completion rate (%)"), round(states.completion_rate * 100, 1)],
        ])

    # ---- course progress ----------------------------------------------------------------------
    def course_progress(self, report: CourseProgress) -> list[ReportTable]:
        return [
            self._by_state("courseProgressTable", self.tr("Learners by state"), report.states),
            self.rate_table("courseSummaryTable", report.states),
            self._grouped("courseDepartmentTable", self.tr("By department"), self.tr("Department"),
                          report.by_department),
        ]

    def learners(self, name: str, title: str, rows: list[tuple[str, str, str, str]]) -> ReportTable:
        return ReportTable(name, title, ((self.tr("Learner"), TEXT), (self.tr("Login"), TEXT),
                                         (self.tr("User id"), TEXT), (self.tr("Enrollment id"), TEXT)),
                           [[n or short_login(login), principal(login), uid, eid]
                            for eid, uid, login, n in rows], id_columns=(2, 3))

    # ---- learner progress ---------------------------------------------------------------------
    def learner_progress(self, report: LearnerProgress) -> tuple[list[ReportTable], list[ReportTable]]:
        enrollments = ReportTable("learnerEnrollmentsTable", self.tr("Courses"), (
            (self.tr("Course"), TEXT), (self.tr("State"), TEXT), (self.tr("Due (UTC)"), DATE),
            (self.tr("Completed (UTC)"), DATE), (self.tr("Course id"), TEXT), (self.tr("Enrollment id"), TEXT)),
            [[e.course_title, self.state_label(e.state), _date(e.due_date), _date(e.completion_date), e.course_id,
              e.enrollment_id] for e in report.enrollments], id_columns=(4, 5))
        today = datetime.now(timezone.utc).date()  # the expiry dates are UTC days, as the headers say
        certificates = ReportTable("learnerCertificatesTable", self.tr("Certificates"), (
            (self.tr("Course"), TEXT), (self.tr("Status"), TEXT), (self.tr("Issued (UTC)"), DATE),
            (self.tr("Expires (UTC)"), DATE), (self.tr("Days left"), NUMBER), (self.tr("Certificate id"), TEXT)),
            [[c.course_title, c.status, _date(c.issued), _date(c.expiry),
              (_date(c.expiry) - today).days if c.expiry else None, c.certificate_id] for c in report.certificates],
            id_columns=(5,))
        # LMS365's Learner's Progress dashboard: four charts, each state's share of the courses that count.
        counts, active = report.states.counts, report.states.active
        four = ReportTable("learnerStatesTable", self.tr("Progress: completed, in progress, not started, overdue"), (
            (self.tr("State"), TEXT), (self.tr("Courses"), NUMBER), (self.tr("Share of the courses that count"), PERCENT)),
            [[self.state_label(s), counts[s], (counts[s] / active) if active else 0.0] for s in FOUR_STATES], RINGS)
        every = self._by_state("learnerProgressTable", self.tr("Courses by state"), report.states, self.tr("Courses"))
        figures = [four, ReportTable(every.name, every.title, every.columns, every.rows),  # numbers: the rings draw them
                   self.rate_table("learnerSummaryTable", report.states)]
        return figures, [enrollments, certificates]

    # ---- compliance ---------------------------------------------------------------------------
    def compliance(self, report: Compliance) -> tuple[list[ReportTable], list[ReportTable]]:
        expiring = ReportTable("complianceExpiryTable", self.tr("Certificates expiring"), (
            (self.tr("Within"), TEXT), (self.tr("Certificates"), NUMBER)),
            [[self.tr("%n day(s)", "", days), report.expiring[days]] for days in EXPIRY_WINDOWS], BAR)
        months = ReportTable("complianceMonthsTable", self.tr("Completions per month (UTC)"), (
            (self.tr("Month"), TEXT), (self.tr("Completions"), NUMBER)),
            [[self.month_label(m), n] for m, n in report.completions_by_month], BAR)
        overdue = ReportTable("complianceOverdueTable", self.tr("Overdue learners"), (
            (self.tr("Learner"), TEXT), (self.tr("Department"), TEXT), (self.tr("Course"), TEXT),
            (self.tr("Due (UTC)"), DATE), (self.tr("Days overdue"), NUMBER), (self.tr("User id"), TEXT),
            (self.tr("Enrollment id"), TEXT)),
            [[o.name or short_login(o.user_login), o.department, o.course_title, _date(o.due_date),
              o.days_overdue, o.user_id, o.enrollment_id]
             for o in sorted(report.overdue, key=lambda o: -o.days_overdue)], id_columns=(5, 6))
        figures = [
            self._by_state("complianceTable", self.tr("Required courses by state"), report.required),
            self.rate_table("complianceSummaryTable", report.required),
            self._grouped("complianceCatalogTable", self.tr("By catalog"), self.tr("Catalog"), report.by_catalog),
            self._grouped("complianceDepartmentTable", self.tr("By department"), self.tr("Department"),
                          report.by_department),
            self._grouped("complianceCategoryTable", self.tr("By category (a course in two categories counts in both)"),
                          self.tr("Category"), report.by_category),
            expiring, months,
        ]
        return figures, [overdue]
