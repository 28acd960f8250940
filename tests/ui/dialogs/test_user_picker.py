"""The enroll dialog: enroll from the Users pane (course chosen here, due date), never a deleted person."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from lms365_desktop.api.odata import Query
from lms365_desktop.sandbox.store import User
from tests.ui.helpers import close_window, make_window, run_async, select_rows, shot


async def _all(client, entity_set: str, query: Query) -> list[dict]:
    return [row async for row in client.paginate(entity_set, query, model=None)]


def _open_dialog(qtbot, context) -> QDialog:
    qtbot.waitUntil(lambda: context.window.findChild(QDialog, "userPicker") is not None, timeout=10_000)
    return context.window.findChild(QDialog, "userPicker")


def test_enroll_from_the_users_pane_lands_on_the_server_with_a_due_date(fresh, qtbot):
    context = fresh
    users = context.workspace.users
    context.window.show_pane(users)
    qtbot.waitUntil(lambda: users.model.loaded_count > 0 and not users.model.loading)
    qtbot.waitUntil(lambda: context.workspace.people.is_filled, timeout=15_000)
    course = run_async(qtbot, _all(context.client, "Courses", Query().filter(
        "CourseType eq 'ELearning'").select("Id", "Title")))[0]
    enrolled = {e["UserLoginName"] for e in run_async(qtbot, _all(context.client, "Enrollments", Query().filter(
        "CourseId eq {}", course["Id"]).select("UserLoginName")))}
    rows = [i for i, r in enumerate(users.model.visible_rows())
            if not r.get("IsDeleted") and r["LoginName"] not in enrolled][:2]
    select_rows(users.view, rows)
    chosen = [users.model.row_at(i) for i in rows]
    assert context.window.actions_by_name["enroll"].isEnabled()
    context.window.actions_by_name["enroll"].trigger()
    dialog = _open_dialog(qtbot, context)
    assert dialog.picker.logins() == [r["LoginName"] for r in chosen]
    assert [dialog.picker.chosen.item(i).text() for i in range(2)] == [f"{r['Title']} <{r['Email']}>" for r in chosen]
    assert not dialog.ok_button.isEnabled()  # no course yet
    dialog.course.setCurrentIndex(dialog.course.findData(course["Id"]))
    assert dialog.due.isVisible() and dialog.ok_button.isEnabled()
    dialog.due.setChecked(True)
    dialog.due_date.setDate(QDate.currentDate().addDays(14))
    qtbot.waitUntil(lambda: dialog.picker.results.count() > 0, timeout=10_000)
    shot(dialog, "enroll-dialog-from-users")
    dialog.ok_button.click()
    wanted = {r["LoginName"] for r in chosen}
    query = Query().filter("CourseId eq {}", course["Id"]).select("UserLoginName", "DueDate")

    def landed() -> dict:
        return {e["UserLoginName"]: e for e in run_async(qtbot, _all(context.client, "Enrollments", query))
                if e["UserLoginName"] in wanted}
    qtbot.waitUntil(lambda: len(landed()) == 2 and all(e["DueDate"] for e in landed().values()), timeout=20_000)
    due = QDate.currentDate().addDays(14).toString("yyyy-MM-dd")
    assert all(e["DueDate"].startswith(due) for e in landed().values())


def test_pickers_never_offer_deleted_people(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    server = make_sandbox()
    with server.store.session() as session:
        gone = session.query(User).filter(User.IsDeleted.is_(False)).order_by(User.Title).first()
        gone.IsDeleted = True
        gone_login, gone_title = gone.LoginName, gone.Title
        twins = session.query(User).filter(User.Title == gone_title, User.IsDeleted.is_(False)).count()
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        people = context.workspace.people
        qtbot.waitUntil(lambda: people.is_filled, timeout=15_000)
        # In the Users pane the person is marked deleted, and selecting them offers no one to enroll.
        users = context.workspace.users
        context.window.show_pane(users)
        users.search_box.setText(gone_title)
        users._apply_server_filter()
        qtbot.waitUntil(lambda: "contains" in users.model.query().filter_text and not users.model.loading
                        and users.model.loaded_count > 0, timeout=10_000)
        row = next(i for i, r in enumerate(users.model.visible_rows()) if r["LoginName"] == gone_login)
        assert users.model.index(row, [c.title for c in users.model.columns].index("Account")).data() == "Deleted"
        select_rows(users.view, [row])
        shot(context.window, "users-pane-deleted")
        context.window.actions_by_name["enroll"].trigger()
        dialog = _open_dialog(qtbot, context)
        assert dialog.picker.logins() == []
        dialog.picker.query.setText(gone_title)
        dialog.picker.search_now()
        qtbot.waitUntil(lambda: dialog.picker.status.text().endswith("found"), timeout=10_000)
        assert gone_login not in [u.login_name for u in dialog.picker.found()]
        assert len(dialog.picker.found()) >= twins
        dialog.reject()
        # The course wizard's trainer picker is the same widget on the same directory.
        found = run_async(qtbot, people.search(gone_title))
        assert gone_login not in [u.login_name for u in found]
    finally:
        close_window(qtbot, context)
