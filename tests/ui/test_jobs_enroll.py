"""Enroll users: the picker marks learners already in the course and does not add them; job rows
name each learner unambiguously and say "Enrolled"."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from lms365_desktop.api.odata import Query
from tests.ui.helpers import run_async, select_rows, shot


def open_picker(qtbot, context):
    courses = context.workspace.courses
    context.window.show_pane(courses)
    qtbot.waitUntil(lambda: courses.model.loaded_count > 0 and not courses.model.loading)
    course = next(r for r in courses.model.visible_rows() if r["CourseType"] == "ELearning")
    courses.set_scope(f"Id eq {course['Id']}", course["Title"])
    qtbot.waitUntil(lambda: bool(courses.model.server_filter) and not courses.model.loading
                    and courses.model.loaded_count == 1)
    select_rows(courses.view, [0])
    context.window.actions_by_name["enroll"].trigger()
    qtbot.waitUntil(lambda: context.window.findChild(QDialog, "userPicker") is not None)
    return course, context.window.findChild(QDialog, "userPicker")


def test_picker_marks_enrolled_learners_and_job_rows_say_who_and_what(fresh, qtbot):
    context = fresh
    course, picker = open_picker(qtbot, context)
    qtbot.waitUntil(lambda: not picker.model.loading and picker.model.loaded_count > 0, timeout=10_000)
    page = run_async(qtbot, context.client.fetch_page(
        "Enrollments", Query().filter(f"CourseId eq {course['Id']} and RegistrationStatus eq 'Enrolled'")
        .select("UserLoginName").top(1), model=None))
    (enrolled_login,) = [r["UserLoginName"] for r in page.rows]
    principal = enrolled_login.rsplit("|", 1)[-1]
    qtbot.keyClicks(picker.search, principal)
    qtbot.waitUntil(lambda: bool(picker.model.server_filter) and not picker.model.loading
                    and picker.model.loaded_count >= 1, timeout=10_000)
    visible = picker.model.visible_rows()
    row = next(i for i, r in enumerate(visible) if r["Email"].lower() == principal.lower())
    assert picker.model.index(row, 1).data() == "Already enrolled"
    assert not picker.table.isColumnHidden(1)
    select_rows(picker.table, [row])
    picker.add_selected()
    assert picker.chosen == {} and not picker.ok_button.isEnabled()
    assert picker.skipped_label.isVisible() and "already enrolled" in picker.skipped_label.text()
    shot(picker, "jobs_picker")

    # Two new learners: the job rows name them with their e-mail and say "Enrolled".
    picker.search.clear()
    qtbot.waitUntil(lambda: not picker.model.server_filter and not picker.model.loading
                    and picker.model.loaded_count > 10, timeout=10_000)
    fresh_rows = [i for i, r in enumerate(picker.model.visible_rows()) if not picker.is_enrolled(r)][:2]
    select_rows(picker.table, fresh_rows)
    picker.add_selected()
    chosen = [picker.model.row_at(i) for i in fresh_rows]
    jobs = context.workspace.jobs
    before = set(jobs.jobs)
    picker.ok_button.click()
    qtbot.waitUntil(lambda: bool(set(jobs.jobs) - before), timeout=10_000)
    (job_id,) = set(jobs.jobs) - before
    qtbot.waitUntil(lambda: job_id in jobs.results, timeout=20_000)
    card = context.workspace.job_panel.card(job_id)
    texts = {card.results.topLevelItem(i).text(0): card.results.topLevelItem(i).text(2)
             for i in range(card.results.topLevelItemCount())}
    assert texts == {f"{r['Title']} ({r['Email']}) · {course['Title']}": "Enrolled" for r in chosen}

