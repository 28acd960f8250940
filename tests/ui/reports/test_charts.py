"""The chart module's four rings of a learner's progress: a ring per state, its share, light and dark, PNG and SVG."""
from __future__ import annotations

from PySide6.QtCharts import QPieSeries
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from lms365_desktop.core.report_document import RINGS, ReportTable
from tests.ui.helpers import shot

ROWS = [["Completed", 5, 5 / 9], ["In progress", 2, 2 / 9], ["Not started", 1, 1 / 9], ["Overdue", 1, 1 / 9]]


def _table(rows) -> ReportTable:
    return ReportTable("learnerStatesTable", "Progress", (("State", "text"), ("Courses", "number"),
                                                          ("Share", "percent")), rows, RINGS)


def _captions(view) -> list[str]:
    return [item.text() for item in view.chart().childItems() if isinstance(item, QGraphicsSimpleTextItem)]


def test_four_rings_each_show_their_state_share_and_count_in_words(qtbot, tmp_path):
    from lms365_desktop.ui.reports import charts

    for dark in (False, True):
        view = charts.chart_for(_table(ROWS), dark=dark)
        qtbot.addWidget(view)
        view.resize(640, 260)
        view.show()
        qtbot.waitUntil(view.isVisible)
        series = view.chart().series()
        assert len(series) == 4 and all(isinstance(s, QPieSeries) for s in series)
        for pie, (label, count, _share) in zip(series, ROWS):
            state, rest = pie.slices()
            assert (state.label(), state.value(), rest.value()) == (label, count, 9 - count)
            assert 0 < pie.holeSize() < pie.pieSize()  # a ring, not a line or a disc
        captions = _captions(view)
        for label, count, share in ROWS:
            assert f"{round(share * 100)} %" in captions and label in captions
            assert any(text.startswith(f"{count} of 9 course") for text in captions)
        assert not view.chart().legend().isVisible()
        shot(view, f"learner-rings-{'dark' if dark else 'light'}")
        assert charts.save_chart(view, tmp_path / "rings.png")
        assert charts.save_chart(view, tmp_path / "rings.svg")
        assert "Completed" in (tmp_path / "rings.svg").read_text()


def test_a_learner_with_no_courses_gets_four_empty_rings(qtbot):
    from lms365_desktop.ui.reports import charts

    view = charts.chart_for(_table([[label, 0, 0.0] for label, _n, _s in ROWS]))
    qtbot.addWidget(view)
    for pie in view.chart().series():
        state, rest = pie.slices()
        assert state.value() == 0 and rest.value() == 1  # a whole grey ring
    assert _captions(view).count("0 %") == 4
