"""The course wizard end to end against the sandbox: validation, new category and tag, URL conflict,
provisioning, and the new course in the courses pane."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.ui.certificate_helpers import set_fail_rate
from tests.ui.helpers import run_async, shot


def click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


@pytest.fixture
def context(window_on_sandbox):
    return window_on_sandbox(provisioning_seconds=0.5, seed=3)


def open_wizard(qtbot, context):
    context.window.actions_by_name["newCourse"].trigger()
    wizard = context.window.findChild(QWizard, "courseWizard")
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.basics.catalog.count() > 0)
    return wizard


def test_course_wizard_end_to_end(qtbot, context):
    wizard = open_wizard(qtbot, context)
    basics = wizard.basics
    catalog_id = basics.catalog.currentData()

    # Nothing typed: the required fields say so beside themselves, and the page stays.
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is basics
    assert basics.error_text("Title") == "Enter the course title."
    assert basics.error_text("Description") == "Enter the short description."
    assert "Enter the course URL" in basics.error_text("Url")
    shot(wizard, "course_1_basics_errors")

    qtbot.keyClicks(basics.title_edit, "Wizard Safety 101")
    assert basics.url.text() == "wizard-safety-101"  # suggested from the title
    basics.description.setPlainText("Fire and first aid basics.")
    basics.course_type.setCurrentIndex(basics.course_type.findData("ClassRoom"))
    basics.culture.setEditText("english")
    basics.ceu.setValue(1.5)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is basics
    assert "'english' is not a culture name" in basics.error_text("Culture")
    assert basics.error_text("Title") == ""  # corrected fields are clear
    basics.culture.setEditText("da-DK")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    # Categorisation: a new category under an existing parent, a new tag and an existing tag.
    page = wizard.categorisation
    assert wizard.currentPage() is page
    qtbot.waitUntil(lambda: bool(page.categories.items() and page.tags.items()))
    parent_id = page.parent_category.itemData(1)
    page.parent_category.setCurrentIndex(1)
    qtbot.keyClicks(page.categories.new_name, "Wizard Category")
    click_button = page.categories.add_button
    qtbot.mouseClick(click_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.tags.new_name, "wizard-tag")
    qtbot.mouseClick(page.tags.add_button, Qt.MouseButton.LeftButton)
    existing_tag = page.tags.items()[0]
    existing_tag.setCheckState(0, Qt.CheckState.Checked)
    existing_tag_id = existing_tag.data(0, Qt.ItemDataRole.UserRole)
    shot(wizard, "course_2_categorisation")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    enrollment = wizard.enrollment
    assert enrollment.session_type.isEnabled()  # ClassRoom courses have sessions
    enrollment.flow.setCurrentIndex(enrollment.flow.findData("LMSAdministratorsApproval"))
    enrollment.session_type.setCurrentIndex(enrollment.session_type.findData("EnrollToMultiple"))
    shot(wizard, "course_3_enrollment")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    # Schedule: a publishing window that ends before it starts is refused beside it.
    schedule = wizard.schedule
    schedule.publish_start.enabled.setChecked(True)
    schedule.publish_end.enabled.setChecked(True)
    schedule.publish_end.edit.setDateTime(schedule.publish_start.edit.dateTime().addDays(-1))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is schedule
    assert schedule.error_text("PublishingSettings") == "The publishing end date must be after its start date."
    schedule.publish_end.edit.setDateTime(schedule.publish_start.edit.dateTime().addDays(30))
    schedule.due.days.setChecked(True)
    schedule.due.count.setValue(14)
    schedule.expiry.days.setChecked(True)
    schedule.expiry.count.setValue(365)
    shot(wizard, "course_4_schedule")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    # Content and people: a trainer found by server-side search.
    content = wizard.content
    assert wizard.currentPage() is content
    qtbot.keyClicks(content.trainers.query, "a")
    content.trainers.search_now()
    qtbot.waitUntil(lambda: content.trainers.results.count() > 0)
    content.trainers.results.item(0).setSelected(True)
    qtbot.mouseClick(content.trainers.add_button, Qt.MouseButton.LeftButton)
    trainer = content.trainers.logins()[0]
    content.modules.setPlainText("Module one\nModule two")
    shot(wizard, "course_5_content")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    # Review shows the body as it will be sent.
    review = wizard.review
    assert wizard.currentPage() is review
    body = review.body
    assert body["Title"] == "Wizard Safety 101" and body["Culture"] == "da-DK" and body["CEU"] == 1.5
    assert {"Name": "Wizard Category", "IsNew": True, "ParentCategoryId": parent_id} in body["Categories"]
    assert {"TagName": "wizard-tag", "IsNew": True} in body["Tags"]
    assert body["DueDateSettings"] == {"IsEnabled": True, "DaysAfterEnrollment": "14"}
    assert body["TrainerLogins"] == [trainer]
    # The summary names the trainer as the picker did, not by login.
    name = content.trainers.users()[0].display_name
    assert f"{name}" in review.summary.text() and trainer.rsplit("|", 1)[-1] not in review.summary.text()
    shot(wizard, "course_6_review")

    # "Show as raw request" opens the console with the same request.
    qtbot.mouseClick(review.raw_button, Qt.MouseButton.LeftButton)
    console = context.window.panes.get("consolePane")
    if console is not None:
        from PySide6.QtWidgets import QWidget

        def text(name: str) -> str:
            widget = console.findChild(QWidget, name)
            return widget.currentText() if hasattr(widget, "currentText") else widget.text()

        assert context.window.current_pane() is console
        assert text("consoleMethod") == "POST" and text("consoleUri").endswith("Courses")
        context.window.show_pane("coursesPane")

    # The server fails: the wizard stays open with the server's message and loses nothing.
    set_fail_rate(context.server, 1.0)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: review.error.isVisible(), timeout=10_000)
    assert "injected fault" in review.error.text()
    assert wizard.currentPage() is review and wizard.created is None
    shot(wizard, "course_6a_server_error")
    set_fail_rate(context.server, 0.0)

    # Someone takes the URL meanwhile: the conflict is offered to resolve.
    run_async(qtbot, context.client.create_course({**body, "Title": "Squatter", "Categories": None, "Tags": None}))
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: review.conflict.isVisible())
    assert "already in use" in review.conflict_text.text()
    assert wizard.currentPage() is review and basics.title_edit.text() == "Wizard Safety 101"
    shot(wizard, "course_6b_url_conflict")
    qtbot.mouseClick(review.suggest_button, Qt.MouseButton.LeftButton)

    progress = wizard.progress_page
    qtbot.waitUntil(lambda: wizard.currentPage() is progress, timeout=10_000)
    qtbot.waitUntil(lambda: progress.finished, timeout=15_000)
    assert progress.progress.value() == 100 and progress.open_button.isEnabled()
    shot(wizard, "course_7_provisioned")
    course_id = wizard.created["Id"]

    course = run_async(qtbot, context.client.get_course_info(course_id)).to_wire()
    assert course["Title"] == "Wizard Safety 101"
    assert course["SharepointWeb"]["Url"].endswith("/wizard-safety-101-2")  # 101 was typed: not a counter
    assert course["EnrollmentFlow"] == "LMSAdministratorsApproval"
    categories = {c["Name"]: c for c in course["Categories"]}
    assert categories["Wizard Category"]["ParentCategoryId"] == parent_id
    assert {t["Name"] for t in course["Tags"]} >= {"wizard-tag"}
    assert existing_tag_id in {t["Id"] for t in course["Tags"]}
    assert [t["LoginName"] for t in course["Trainers"]] == [trainer]
    assert course["CourseCatalogId"] == catalog_id

    qtbot.mouseClick(progress.open_button, Qt.MouseButton.LeftButton)
    pane = context.window.panes["coursesPane"]
    assert context.window.current_pane() is pane
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1 and pane.model.rows_at([0])[0]["Id"] == course_id,
                    timeout=10_000)
    # The new course is selected, so New session… knows which course is meant.
    qtbot.waitUntil(lambda: (pane.current_row() or {}).get("Id") == course_id, timeout=10_000)
    assert (context.wizards.launcher.current_course() or {}).get("Id") == course_id
    qtbot.waitUntil(lambda: context.window.findChild(QWizard, "courseWizard") is None)  # closed


def test_cancel_keeps_what_was_typed_until_discarded(qtbot, context):
    wizard = open_wizard(qtbot, context)
    qtbot.keyClicks(wizard.basics.title_edit, "Half-typed course")
    wizard.reject()
    from PySide6.QtWidgets import QMessageBox

    box = wizard.findChild(QMessageBox, "discardCourseBox")
    qtbot.waitUntil(lambda: box.isVisible())
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert wizard.isVisible() and wizard.basics.title_edit.text() == "Half-typed course"
    qtbot.waitUntil(lambda: wizard.findChild(QMessageBox, "discardCourseBox") is None)
    wizard.reject()
    box = wizard.findChild(QMessageBox, "discardCourseBox")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    with qtbot.waitSignal(wizard.rejected):
        box.button(QMessageBox.StandardButton.Discard).click()


def test_create_category_and_tag_dialogs(qtbot, context):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from lms365_desktop.core.course_creation import CourseCreationService

    service = CourseCreationService(context.client)
    tree = context.window.navigation
    qtbot.waitUntil(lambda: tree.catalogs_item.childCount() > 0, timeout=10_000)
    catalog_item = tree.catalogs_item.child(0)
    category_item = catalog_item.child(0)  # "Create category…" works from anything under a catalog
    catalog_id = context.wizards.catalog_menu.catalog_of(category_item)
    assert catalog_id and catalog_id in catalog_item.data(0, Qt.ItemDataRole.UserRole + 1)
    menu = context.wizards.catalog_menu.menu_for(category_item)
    action = next(a for a in menu.actions() if a.objectName() == "createCategoryAction")
    action.trigger()
    dialog = context.window.findChild(QDialog, "createCategoryDialog")
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # no name yet
    assert dialog.form.error_text("Name") == "Enter the category name."
    qtbot.keyClicks(dialog.name, "Dialog Category")
    shot(dialog, "dialog_category")
    with qtbot.waitSignal(dialog.created, timeout=10_000) as created:
        ok.click()
    assert created.args[0]["Name"] == "Dialog Category"
    held = {c["Name"]: c for c in run_async(qtbot, service.categories(catalog_id))}
    assert held["Dialog Category"]["CourseCatalogId"] == catalog_id
    qtbot.waitUntil(lambda: tree.find_item("Dialog Category") is not None, timeout=10_000)  # tree reloaded

    dialog = context.wizards.catalog_menu.create_tag(catalog_id)
    assert isinstance(dialog, QDialog) and dialog.objectName() == "createTagDialog"
    qtbot.keyClicks(dialog.name, "dialog-tag")
    with qtbot.waitSignal(dialog.created, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "dialog-tag" in {t["Name"] for t in run_async(qtbot, service.tags(catalog_id))}


def test_every_field_of_create_course_can_be_filled(qtbot, context):
    """Each property of the swagger's CreateCourse body has a place in the wizard and reaches review."""
    from tests.sandbox.swagger_schema import swagger

    operation = swagger()["paths"]["/odata/v2/Courses"]["post"]
    schema = next(p for p in operation["parameters"] if p.get("in") == "body")["schema"]
    wizard = open_wizard(qtbot, context)
    b = wizard.basics
    qtbot.keyClicks(b.title_edit, "Every field")
    b.description.setPlainText("Short")
    b.long_description.setPlainText("Long")
    b.auto_resolve.setChecked(True)
    b.course_type.setCurrentIndex(b.course_type.findData("Webinar"))
    qtbot.keyClicks(b.course_id, "EF-1")
    qtbot.keyClicks(b.duration, "2 hours")
    b.ceu.setValue(2)
    qtbot.keyClicks(b.image_url, "https://example.com/course.png")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    c = wizard.categorisation
    qtbot.waitUntil(lambda: bool(c.categories.items() and c.tags.items()))
    c.categories.items()[0].setCheckState(0, Qt.CheckState.Checked)
    c.tags.items()[0].setCheckState(0, Qt.CheckState.Checked)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    e = wizard.enrollment
    qtbot.waitUntil(lambda: e.failed_course.count() > 1)
    e.failed_course.setCurrentIndex(1)
    e.session_type.setCurrentIndex(e.session_type.findData("EnrollToAll"))
    e.show_in_catalog.setChecked(False)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    s = wizard.schedule
    s.due.fixed.setChecked(True)
    s.expiry.fixed.setChecked(True)
    s.expiry.date.setDateTime(s.expiry.date.dateTime().addYears(1))
    qtbot.keyClicks(s.template, "template-1")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    content = wizard.content
    qtbot.keyClicks(content.site_template, "STS#3")
    content.modules.setPlainText("M1")
    content.quizzes.setPlainText("Q1")
    qtbot.keyClicks(content.layout_id, "layout-1")
    for picker in (content.trainers, content.teachers):
        picker.search_now()
        qtbot.waitUntil(lambda p=picker: p.results.count() > 0)
        picker.results.item(0).setSelected(True)
        qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.review
    body = wizard.review.body
    assert set(schema["properties"]) == set(body)
    assert set(schema["required"]) <= set(body)
    assert body["ShowInCatalog"] is False and body["ExpirySettings"]["FixedDate"].endswith("Z")
    for key in schema["required"]:
        label = wizard.basics.error_labels.get(key)
        assert label is not None  # every required field sits on the first page, marked


def test_image_url_and_duration_are_checked_beside_their_fields(qtbot, context):
    wizard = open_wizard(qtbot, context)
    basics = wizard.basics
    qtbot.keyClicks(basics.title_edit, "QA Test Course Ä/ß?")
    basics.description.setPlainText("d")
    qtbot.keyClicks(basics.image_url, "not a url")
    qtbot.keyClicks(basics.duration, "abc")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is basics
    assert "must be an absolute http(s) URL" in basics.error_text("ImageUrl")
    assert "must be an amount of time" in basics.error_text("Duration")
    shot(wizard, "course_1b_image_duration_errors")
    basics.image_url.setText("https://example.com/course.png")
    basics.duration.setText("1h 30m")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.categorisation


def test_url_suggestion_transliterates_letters(qtbot, context):
    wizard = open_wizard(qtbot, context)
    qtbot.keyClicks(wizard.basics.title_edit, "QA Test Course Ä/ß?")
    assert wizard.basics.url.text() == "qa-test-course-a-ss"  # ß kept as ss, not dropped
    wizard.basics.title_edit.setText("Ærø Øst Łódź straße")
    assert wizard.basics.url.text() == "aero-ost-lodz-strasse"


def test_enum_choices_read_as_the_panes_show_them(qtbot, context):
    wizard = open_wizard(qtbot, context)
    types = [wizard.basics.course_type.itemText(i) for i in range(wizard.basics.course_type.count())]
    assert "Classroom" in types and "Training plan" in types and "ClassRoom" not in types
    flows = [wizard.enrollment.flow.itemText(i) for i in range(wizard.enrollment.flow.count())]
    assert "Automatic approval" in flows and "AutomaticApproval" not in flows
    assert wizard.basics.course_type.findData("ClassRoom") >= 0  # the wire name stays the data
