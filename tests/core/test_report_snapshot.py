"""Report snapshots in the mirror file: typed cells come back as they were, and only under the same stamp."""
from __future__ import annotations

from datetime import date, datetime, timezone

from lms365_desktop.core import report_snapshot
from lms365_desktop.core.mirror.database import MirrorDatabase
from lms365_desktop.core.mirror.learning import Freshness
from lms365_desktop.core.report_document import PIE, ReportTable
from lms365_desktop.core.spreadsheet import DATE, NUMBER, TEXT


def test_a_snapshot_comes_back_typed_and_only_while_its_stamp_holds(tmp_path):
    database = MirrorDatabase(tmp_path / "mirror.sqlite3")
    database.ensure_table(report_snapshot.SNAPSHOTS)
    figures = [ReportTable("complianceTable", "Required courses by state", (("State", TEXT), ("Learners", NUMBER),
                                                                           ("Share", "percent")),
                           [["Completed", 3, 0.75], ["Overdue", 1, 0.25]], PIE)]
    details = [ReportTable("complianceOverdueTable", "Overdue learners", (("Learner", TEXT), ("Due (UTC)", DATE)),
                           [["Ann Lee", date(2026, 11, 2)], ["=cmd", None]])]
    synced = datetime(2026, 12, 6, 1, 0, tzinfo=timezone.utc)
    when = report_snapshot.stamp(Freshness(synced, synced, 0), date(2026, 12, 6), "en_GB")
    database.write_now(lambda c: report_snapshot.save(c, "compliance||", when, figures, details))
    assert database.read_now(lambda c: report_snapshot.load(c, "compliance||", when)) == (figures, details)
    # One event applied, the next day, another language: the figures may differ, none is shown.
    for other in (report_snapshot.stamp(Freshness(synced, synced, 1), date(2026, 12, 6), "en_GB"),
                  report_snapshot.stamp(Freshness(synced, synced, 0), date(2026, 12, 7), "en_GB"),
                  report_snapshot.stamp(Freshness(synced, synced, 0), date(2026, 12, 6), "de_DE")):
        assert database.read_now(lambda c: report_snapshot.load(c, "compliance||", other)) is None
    assert database.read_now(lambda c: report_snapshot.load(c, "learner|someone", when)) is None
    database.write_now(lambda c: c.execute("UPDATE report_snapshots SET body = 'not json'"))
    assert database.read_now(lambda c: report_snapshot.load(c, "compliance||", when)) is None
    database.close()
