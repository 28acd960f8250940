"""The course wizard's categorisation page: categories as a tree, Enter in a new name adds it and stays."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.ui.helpers import run_async, shot


def open_categorisation(qtbot, context):
    context.window.actions_by_name["newCourse"].trigger()
    wizard = context.window.findChild(QWizard, "courseWizard")
    qtbot.waitUntil(lambda: wizard.basics.catalog.count() > 0)
    wizard.basics.title_edit.setText("Tree Course")
    wizard.basics.description.setPlainText("Categories as a tree.")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.categorisation
    assert wizard.currentPage() is page
    qtbot.waitUntil(lambda: bool(page.categories.items()))
    return wizard, page


def test_categories_are_shown_under_their_parents(qtbot, fresh):
    wizard, page = open_categorisation(qtbot, fresh)
    catalog_id = wizard.basics.catalog.currentData()
    rows = run_async(qtbot, fresh.client.get_course_categories())
    rows = [r for r in rows if r.course_catalog_id == catalog_id]
    child = next(r for r in rows if r.parent_category_id)
    parent = next(r for r in rows if r.id == child.parent_category_id)
    items = {item.data(0, Qt.ItemDataRole.UserRole): item for item in page.categories.items()}
    assert items[child.id].parent() is items[parent.id]
    assert items[child.id].text(0) == child.name  # the tree says where it sits; no "A › B" paths
    assert len(items) == len(rows)
    items[child.id].setCheckState(0, Qt.CheckState.Checked)
    assert page.collect()["Categories"] == [{"Id": child.id, "Name": child.name, "IsNew": False}]
    wizard.resize(760, 620)
    shot(wizard, "course_2_categories_tree")


def test_enter_in_new_category_name_adds_it_and_stays_on_the_page(qtbot, fresh):
    wizard, page = open_categorisation(qtbot, fresh)
    edit = page.categories.new_name
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "Forklift safety")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is page
    assert edit.text() == "" and edit.hasFocus()
    assert {"Name": "Forklift safety", "IsNew": True} in page.collect()["Categories"]
    qtbot.keyClicks(page.tags.new_name, "forklift")
    page.tags.new_name.setFocus()
    qtbot.keyClick(page.tags.new_name, Qt.Key.Key_Enter)
    assert wizard.currentPage() is page
    assert {"TagName": "forklift", "IsNew": True} in page.collect()["Tags"]
