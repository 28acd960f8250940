"""The main window in a pseudo-language: every text a person reads went through the catalogue, and every focusable widget has a name.

The pseudo catalogue wraps each translation in ⟦…⟧; a text without the marks was never looked up
(or was looked up in a context lupdate did not extract it in). Data from the server is not chrome:
table cells and list items are not walked, and the few labels that show a value alone are named below.
"""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from lms365_desktop.api.errors import Lms365Error
from lms365_desktop.api.transport import RequestLogEntry
from lms365_desktop.core.bulk_operations import ENROLL
from lms365_desktop.ui.diagnostics.log_view import build_log_dock
from lms365_desktop.ui.errors import report_error
from tests.activity_scenarios import course, unenrolled_users
from tests.ui.console_support import send
from tests.ui.helpers import close_window, make_window, run_async, select_rows, shot
from tests.ui.dialog_walk import pseudo, pseudo_qm  # noqa: F401 (fixtures)
from tests.ui.i18n_walk import unnamed_focusable, visible_texts

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402  (the project's own catalogue tool)

MARK = translations.PSEUDO_OPEN
# Widgets whose whole text is a value from the server or the user, not a caption. Each shows
# beside a caption that is walked (a details value beside its form label, a section's lines under
# their title, the console's status beside its translated "No request sent yet" start).
VALUE_WIDGETS = {
    "detailsTitle",        # the selected row's title, as the server holds it
    "consoleUri",          # the request the user typed
    "consoleStatus",       # the HTTP status line as the server sent it ("200 OK")
    "consoleError",        # the OData error code and message as the server sent them
    "consoleTable",        # the response's columns are the property names of the rows it holds
    "consoleSize",         # QLocale.formattedDataSize: digits and unit from the locale and Qt's own catalogue
    "jobTitle",            # the job's label: translated where the job was started, with names from the server
    "notificationMessage",  # an error card's message is the server's own words; its title is walked
}
VALUE_PREFIXES = ("detail_", "details_")  # a details field's value; a details section's lines


@pytest.fixture
def pseudo_window(pseudo, qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    """The real window built with the pseudo language installed (tests/ui/dialog_walk.py)."""
    server = make_sandbox()
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        yield server, context
    finally:
        close_window(qtbot, context)


def is_value(where: str) -> bool:
    name = where.split("#", 1)[-1].rsplit(".", 1)[0]
    return name in VALUE_WIDGETS or name.startswith(VALUE_PREFIXES)


def untranslated(root) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(root)
            if MARK not in text and not is_value(where)]


def wait_details(qtbot, details):
    """The selected row in the details panel, with what it loads besides (sections)."""
    qtbot.waitUntil(lambda: details.row is not None and (details._task is None or details._task.done()),
                    timeout=15_000)


def wait_loaded(qtbot, pane):
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0,
                    timeout=15_000)


def test_every_pane_console_activity_and_job_panel_speak_the_pseudo_language(pseudo_window, qtbot, tmp_path):
    server, context = pseudo_window
    window, workspace = context.window, context.workspace
    found: dict[str, list] = {}
    unnamed: dict[str, list] = {}

    def check(name):

        found[name] = untranslated(window)
        unnamed[name] = unnamed_focusable(window)
        shot(window, f"pseudo_{name}")

    for pane in workspace.panes:
        window.show_pane(pane)
        wait_loaded(qtbot, pane)
        select_rows(pane.view, [0])  # the details panel shows its captions
        wait_details(qtbot, pane.details)
        check(pane.objectName())

    users = workspace.users
    workspace.links.open_person(users.model.visible_rows()[0])
    person = workspace.person
    qtbot.waitUntil(lambda: window.current_pane() is person and person.isVisible(), timeout=5_000)
    wait_loaded(qtbot, person)
    wait_details(qtbot, person.summary)
    check("personPane")

    activity = window.panes["activityPane"]
    auto = course(server, approval=False)
    [learner] = unenrolled_users(server, auto["Id"], 1)
    run_async(qtbot, context.client.enroll_user_to_course(auto["Id"], learner["LoginName"]))
    qtbot.waitUntil(lambda: activity.model.rowCount() > 0, timeout=5_000)
    window.show_pane(activity)
    check("activityPane")

    console = window.panes["consolePane"]
    window.show_pane(console)
    qtbot.waitUntil(lambda: console.catalog is not None, timeout=10_000)
    send(qtbot, console, "GET", "Courses?$top=3", params=[("$select", "Id,Title"), ("$count", "true")])
    for tab in range(console.response.tabs.count()):  # text, tree, table, headers
        console.response.tabs.setCurrentIndex(tab)
        check(f"consolePane{tab}")
    send(qtbot, console, "GET", "Users", params=[("$filter", "NoSuchProperty eq 1")])
    check("consoleError")

    card = report_error(context.notifications, Lms365Error("BadRequest", "The server's own words", status=400),
                        retry=lambda: None)
    card.details_button.click()
    check("notification")

    # The request log (Help installs it in app.main; built here the same way), with one request.
    dock, log_view = build_log_dock(window, str(tmp_path))
    log_view.add_entry(RequestLogEntry("GET", server.base_url + "/odata/v2/Courses", 200, 12.0, 512,
                                       datetime.now(timezone.utc)))
    dock.show()
    check("requestLog")

    jobs = workspace.jobs
    others = [u["LoginName"] for u in unenrolled_users(server, auto["Id"], 3)]
    job_id = jobs.start(ENROLL, others, {"course_id": auto["Id"], "session_ids": []}, "Pseudo job")
    qtbot.waitUntil(lambda: job_id in jobs.results, timeout=20_000)
    qtbot.waitUntil(lambda: workspace.job_panel.isVisible())
    check("jobPanel")

    texts = sorted({f"{where}: {text!r}" for shown_texts in found.values() for where, text in shown_texts})
    assert texts == [], "\n".join(texts)
    widgets = sorted({widget for names in unnamed.values() for widget in names})
    assert widgets == [], "\n".join(widgets)
