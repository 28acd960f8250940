"""The details panel never clips a value: long titles, course names and ids wrap in a narrow panel."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.helpers import select_rows


def clipped_labels(panel) -> list[str]:
    """Labels whose wrapped text needs more height than they got, or that run past the panel."""
    QApplication.processEvents()
    right = panel.viewport().width()
    bad = []
    for label in panel.widget().findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        edge = label.mapTo(panel.widget(), label.rect().topRight()).x()
        if label.height() < needed or edge > right:
            bad.append(f"{label.objectName()}: {label.height()} < {needed} or {edge} > {right}")
    return bad


def test_narrow_details_show_every_value_whole(qtbot, main_window):
    window, enrollments = main_window.window, main_window.workspace.enrollments
    window.resize(1100, 700)
    window.show_pane(enrollments)
    qtbot.waitUntil(lambda: enrollments.model.loaded_count > 10 and not enrollments.model.loading, timeout=10_000)
    enrollments.splitter.setSizes([900, 210])
    panel = enrollments.details
    for row in (0, 3, 0):  # the same row again: what "the row updates" does
        select_rows(enrollments.view, [row])
        qtbot.waitUntil(lambda: panel.row is not None)
        qtbot.waitUntil(lambda: panel._task is None or panel._task.done(), timeout=10_000)
        try:  # the wrapped labels take their height in the layout passes after the text is set
            qtbot.waitUntil(lambda: clipped_labels(panel) == [], timeout=2000)
        except qtbot.TimeoutError:
            pass
        assert clipped_labels(panel) == [], clipped_labels(panel)
