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
    course, dialog = open_picker(qtbot, context)
    people = dialog.picker
    qtbot.waitUntil(lambda: context.workspace.people.is_filled and bool(dialog.enrolled)
                    and people.results.count() > 0, timeout=15_000)
    page = run_async(qtbot, context.client.fetch_page(
        "Enrollments", Query().filter(f"CourseId eq {course['Id']} and RegistrationStatus eq 'Enrolled'")
        .select("UserLoginName").top(1), model=None))
    (enrolled_login,) = [r["UserLoginName"] for r in page.rows]
    principal = enrolled_login.rsplit("|", 1)[-1]
    qtbot.keyClicks(people.query, principal)
    qtbot.waitUntil(lambda: enrolled_login in [u.login_name for u in people.found()], timeout=10_000)
    row = [u.login_name for u in people.found()].index(enrolled_login)
    assert people.results.item(row).text().endswith("already enrolled")
    people.select_logins([enrolled_login])
    people.add_button.click()
    assert people.logins() == [] and not dialog.ok_button.isEnabled()
    assert "Not added" in people.status.text()
    shot(dialog, "jobs_picker")

    # Two new learners: the job rows name them with their e-mail and say "Enrolled".
    people.query.clear()
    people.search_now()
    qtbot.waitUntil(lambda: people.results.count() > 10, timeout=10_000)
    chosen = [u for u in people.found() if not dialog._mark(u)][:2]
    people.select_logins([u.login_name for u in chosen])
    people.add_button.click()
    jobs = context.workspace.jobs
    before = set(jobs.jobs)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(set(jobs.jobs) - before), timeout=10_000)
    (job_id,) = set(jobs.jobs) - before
    qtbot.waitUntil(lambda: job_id in jobs.results, timeout=20_000)
    card = context.workspace.job_panel.card(job_id)
    texts = {card.results.topLevelItem(i).text(0): card.results.topLevelItem(i).text(2)
             for i in range(card.results.topLevelItemCount())}
    assert texts == {f"{u.title} <{u.email}> · {course['Title']}": "Enrolled" for u in chosen}

