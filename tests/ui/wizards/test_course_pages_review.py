"""The course wizard's review page reads as a summary; the request fields and the raw request are one click away."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.ui.helpers import shot

NEXT = QWizard.WizardButton.NextButton


def test_review_is_a_readable_summary_with_the_request_one_click_away(qtbot, fresh):
    fresh.window.actions_by_name["newCourse"].trigger()
    wizard = fresh.window.findChild(QWizard, "courseWizard")
    qtbot.waitUntil(lambda: wizard.basics.catalog.count() > 0)
    basics = wizard.basics
    basics.title_edit.setText("Forklift Safety 2026")
    basics.description.setPlainText("Driving a forklift safely.")
    basics.course_type.setCurrentIndex(basics.course_type.findData("ELearning"))
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    page = wizard.categorisation
    qtbot.waitUntil(lambda: page.parent_category.count() > 1)
    page.parent_category.setCurrentIndex(1)
    parent_name = page.parent_category.currentText()
    page.categories.new_name.setText("Forklifts")
    page.categories.add_button.click()
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    enrollment = wizard.enrollment
    enrollment.flow.setCurrentIndex(enrollment.flow.findData("LMSAdministratorsApproval"))
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    wizard.schedule.due.days.setChecked(True)
    wizard.schedule.due.count.setValue(14)
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    wizard.content.modules.setPlainText("Checks\nDriving")
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    review = wizard.review
    assert wizard.currentPage() is review

    sections = dict(review.summary_lines(review.body, {}))
    assert review.summary_area.isVisible() and not review.tree.isVisible()
    text = review.summary.text()
    for words in ("Forklift Safety 2026", basics.catalog.currentText(), "E-learning", "forklift-safety-2026",
                  f"Forklifts (new, under {parent_name})", enrollment.flow.currentText(), "14 days after enrollment",
                  "1. Checks; 2. Driving"):
        assert words in text, words
    for wire in ("DueDateSettings", "CourseCatalogId", "IsNew", "{"):
        assert wire not in text  # no field names or JSON in the summary
    assert dict(sections["Schedule"])["Due date"] == "14 days after enrollment"
    wizard.resize(760, 640)
    shot(wizard, "course_6_review_summary")

    qtbot.mouseClick(review.fields_button, Qt.MouseButton.LeftButton)  # one click: the fields as sent
    assert review.tree.isVisible() and not review.summary_area.isVisible()
    assert review.tree.findItems("DueDateSettings", Qt.MatchFlag.MatchExactly)
    shot(wizard, "course_6_review_fields")
    qtbot.mouseClick(review.raw_button, Qt.MouseButton.LeftButton)  # one click: the raw request in the console
    assert fresh.window.current_pane() is fresh.window.panes["consolePane"]
