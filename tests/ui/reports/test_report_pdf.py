"""The report's PDF is for reading: the overdue learners' names and due days fit, their ids stay in the workbook."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt

from tests.ui.helpers import run_async
from tests.ui.reports.report_support import open_reports, recompute

GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def test_overdue_learners_read_by_name_in_the_pane_and_the_pdf_and_keep_their_ids_in_excel(main_window, qtbot,
                                                                                          tmp_path):
    import openpyxl
    from PySide6.QtPdf import QPdfDocument

    pane = open_reports(qtbot, main_window, (1280, 900))
    pane.show_compliance()
    recompute(qtbot, pane)
    section = pane.compliance_page.sections["complianceOverdueTable"]
    shown = [c for c in range(section.model.columnCount()) if not section.table.isColumnHidden(c)]
    titles = [section.model.headerData(c, Qt.Orientation.Horizontal) for c in shown]
    assert titles == ["Learner", "Department", "Course", "Due (UTC)", "Days overdue"]
    names = [section.model.text(r, 0) for r in range(section.model.rowCount())]

    path = tmp_path / "compliance.pdf"
    assert pane.export_pdf(str(path))
    document = QPdfDocument()
    document.load(str(path))
    text = "".join(document.getAllText(p).text() for p in range(document.pageCount()))
    overdue = text[text.index("Overdue learners"):]
    assert not GUID.search(overdue)
    lines = [document.getAllText(p).text() for p in range(document.pageCount())]
    page = next(t for t in lines if "Overdue learners" in t)
    assert all(name in page for name in names[:10]), names[:10]  # whole names, not cut at a narrow column
    document.close()

    workbook = tmp_path / "compliance.xlsx"
    run_async(qtbot, pane.export_excel(str(workbook)))
    sheet = openpyxl.load_workbook(workbook)["Overdue learners"]
    assert [c.value for c in sheet[1]][-2:] == ["User id", "Enrollment id"]
    assert GUID.fullmatch(str(sheet.cell(2, 6).value))


def test_an_exported_report_says_the_day_its_figures_are_of(main_window, qtbot, tmp_path):
    """The pane says 'As of 09:41 UTC' today; the file, read next week, says the day too."""
    import openpyxl
    from datetime import datetime, timezone

    pane = open_reports(qtbot, main_window, (1280, 900))
    pane.show_compliance()
    recompute(qtbot, pane)
    year = str(datetime.now(timezone.utc).year)
    assert pane.freshness_label.text().startswith("As of ") and year not in pane.freshness_label.text()
    workbook = tmp_path / "compliance.xlsx"
    run_async(qtbot, pane.export_excel(str(workbook)))
    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    line = next(str(c.value) for c in sheet["A"] if str(c.value or "").startswith("As of "))
    assert year in line and line.endswith(pane.freshness_label.text().removeprefix("As of "))


def test_a_text_too_wide_for_its_column_ends_in_an_ellipsis_and_the_others_stay_whole(qapp, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    from lms365_desktop.core.report_document import ReportDocument, ReportTable
    from lms365_desktop.ui.reports.report_pdf import write_report_pdf

    endless = "Department of " + " and ".join(f"Regional Compliance Office {n}" for n in range(12))
    rows = [["Ruth Chen", endless, "Fire safety", 12], ["Maximilian Schönberg-Mozart", "HR", "First aid", 3]]
    table = ReportTable("overdue", "Overdue learners",
                        (("Learner", "text"), ("Department", "text"), ("Course", "text"), ("Days overdue", "int")), rows)
    path = tmp_path / "wide.pdf"
    assert write_report_pdf(str(path), ReportDocument("Compliance", "All departments", "As of today", [table]), None)
    document = QPdfDocument()
    document.load(str(path))
    text = document.getAllText(0).text()
    document.close()
    assert endless not in text and "Department of Regional" in text and "…" in text
    for whole in ("Ruth Chen", "Maximilian Schönberg-Mozart", "Fire safety", "First aid", "Days overdue"):
        assert whole in text, whole


def test_columns_fill_the_page_and_only_the_widest_give_up_room():
    from pytest import approx

    from lms365_desktop.ui.reports.report_pdf import column_widths

    assert column_widths([100, 50, 50], 400) == approx([200, 100, 100])  # room to spare: shared in proportion
    assert column_widths([60, 900, 500, 40], 600) == approx([60, 250, 250, 40])  # the two wide ones share the rest
    assert column_widths([150, 900, 500, 40], 600) == approx([150, 205, 205, 40])  # the learner's name stays whole
    assert column_widths([500, 900, 40], 600) == approx([200, 360, 40])  # ... up to a third of the page
    assert sum(column_widths([300, 300, 300], 600)) == approx(600)
