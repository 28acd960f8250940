"""SteadyLabel: new counts do not lay out (and so repaint) the tab widget around them; longer text still fits."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget

from lms365_desktop.ui.widgets.steady_label import SteadyLabel


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def deliver_layout_requests(levels: int = 8) -> None:
    """Deliver the posted layout requests; each delivery posts the next one to the parent, one level up."""
    for _ in range(levels):  # deeper than the tab widget's tree
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def tab_with(label: QLabel, qtbot) -> tuple[QTabWidget, LayoutRequests]:
    tabs = QTabWidget()
    page = QWidget()
    QVBoxLayout(page).addWidget(label)
    tabs.addTab(page, "Users")
    qtbot.addWidget(tabs)
    tabs.show()
    qtbot.waitExposed(tabs)
    label.setText("1,000 of 100,000")
    deliver_layout_requests()
    counter = LayoutRequests()
    tabs.installEventFilter(counter)
    return tabs, counter


@pytest.mark.parametrize("kind, relayouts", [(QLabel, True), (SteadyLabel, False)])
def test_counts_of_the_same_width_leave_the_tab_widget_alone(qtbot, kind, relayouts):
    label = kind()
    tabs, counter = tab_with(label, qtbot)
    for loaded in range(2_000, 10_000, 1_000):
        label.setText(f"{loaded:,} of 100,000")
        QApplication.processEvents()
    deliver_layout_requests()  # any request still climbing arrives
    assert (counter.count > 0) is relayouts
    tabs.removeEventFilter(counter)


def test_a_longer_text_still_fits_and_an_empty_one_keeps_the_place(qtbot):
    label = SteadyLabel()
    tabs, _ = tab_with(label, qtbot)
    label.setText("100,000 of 100,000 · 25 selected")
    QApplication.processEvents()
    assert label.width() >= label.sizeHint().width()
    width = label.width()
    label.setText("")
    QApplication.processEvents()
    assert label.width() == width and label.isVisible()
