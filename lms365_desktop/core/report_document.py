"""A report as plain tables (title, typed columns, rows, chart kind): what the pane shows, the workbook and the PDF hold."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PIE, BAR, STACKED = "pie", "bar", "stacked"
RINGS = "rings"  # one small ring per row: that row's share of the rows' sum (a learner's four states)


@dataclass(frozen=True)
class ReportTable:
    """One table of a report. ``chart`` says how its numbers are drawn: PIE (first column labels,
    second values), BAR (same, as bars), RINGS (same, a ring per row showing its share of the sum)
    or STACKED (first column categories, the other number columns one series each); None for a
    table without a chart (detail lists)."""

    name: str  # the object name of the table in the pane, e.g. courseProgressTable
    title: str
    columns: tuple[tuple[str, str], ...]  # (title, spreadsheet kind)
    rows: list[list[Any]]
    chart: str | None = None
    series_columns: tuple[int, ...] = ()  # for STACKED/BAR: which columns are drawn (default: 1)
    # The ids beside the names (user, enrollment, course): kept in the workbook and behind the pane's
    # links, but not for reading: hidden in the pane and left out of the PDF.
    id_columns: tuple[int, ...] = ()

    def readable_columns(self) -> list[int]:
        """The columns a person reads (the PDF's, the pane's visible ones)."""
        return [c for c in range(len(self.columns)) if c not in self.id_columns]

    def chart_series(self) -> tuple[list[str], list[tuple[str, list[float]]]]:
        """(categories, [(series title, values)]) as the chart draws them."""
        categories = [str(r[0]) for r in self.rows]
        columns = self.series_columns or (1,)
        return categories, [(self.columns[c][0], [float(r[c] or 0) for r in self.rows]) for c in columns]


@dataclass(frozen=True)
class ReportDocument:
    """A whole report: its title, scope, freshness line, the figure tables and the detail lists."""

    title: str
    scope: str
    freshness: str
    figures: list[ReportTable]
    details: list[ReportTable] = field(default_factory=list)
