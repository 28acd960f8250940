"""The window shell: menus, panes, notifications, throttle meter and the task runner."""
from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from lms365_desktop.api.errors import AuthenticationError, ServerError
from lms365_desktop.api.throttle import ThrottleStats
from lms365_desktop.app import build_ui, display_problem
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.widgets.notification_area import NotificationArea
from lms365_desktop.ui.widgets.throttle_meter import ThrottleMeter


@pytest.fixture
def shell(qtbot, qasync_loop, settings):
    context = build_ui(settings)
    qtbot.addWidget(context.window)
    return context


def test_window_has_named_menus_and_status_widgets(shell):
    window = shell.window
    assert window.objectName() == "mainWindow"
    assert set(window.menus) == {"file", "actions", "tools", "view", "help"}
    assert window.findChild(ThrottleMeter, "throttleMeter") is not None
    assert window.findChild(NotificationArea, "notificationArea") is not None
    assert window.actions_by_name["refresh"].shortcut().toString() == "F5"


def test_add_pane_gets_ctrl_number_and_view_action(shell, qtbot):
    window = shell.window
    before = window.tabs.count()
    pane = QLabel("hello")
    pane.setObjectName("demoPane")
    action = window.add_pane(pane, "Demo", "course")
    assert action.shortcut().toString() == f"Ctrl+{before + 1}"
    assert action in window.menus["view"].actions()
    window.show()
    action.trigger()
    assert window.current_pane() is pane


def test_notification_is_non_modal_with_details_toggle(shell, qtbot):
    window = shell.window
    window.show()
    card = shell.report_error(ServerError("boom", "Database is on fire", 500))
    assert window.notification_area.isVisible()
    assert "Database is on fire" in card.message_label.text()
    assert not card.details_view.isVisible()
    card.details_button.click()
    assert card.details_view.isVisible()
    assert "HTTP 500" in card.details_view.toPlainText()
    card.dismiss()
    qtbot.waitUntil(lambda: not window.notification_area.isVisible())


def test_auth_error_offers_to_enter_the_key(shell):
    asked = []
    shell.ask_for_key = lambda: asked.append(True)
    card = shell.report_error(AuthenticationError("Unauthorized", "Bad key", 401))
    buttons = [b for b in card.findChildren(QWidget) if getattr(b, "text", None) and b.text() == "Enter API key…"]
    assert buttons
    buttons[0].click()
    assert asked == [True]


def test_throttle_meter_shows_calls_and_queue(qtbot):
    meter = ThrottleMeter()
    qtbot.addWidget(meter)
    meter.update_stats(ThrottleStats(calls_in_window=42, limit=600, window_seconds=60, queued_interactive=1,
                                     queued_bulk=3, in_flight=0, throttled_429=0, retries=0))
    qtbot.waitUntil(lambda: "42/600" in meter.label.text())
    assert "4 queued" in meter.label.text()


def test_task_runner_reports_results_errors_and_cancels_with_parent(qtbot, qasync_loop):
    owner = QWidget()
    runner = TaskRunner(owner)
    results, errors = [], []

    async def answer():
        return 42

    async def fail():
        raise ValueError("nope")

    done = runner.run(answer(), on_done=results.append)
    failed = runner.run(fail(), on_error=errors.append)
    qtbot.waitUntil(lambda: done.done() and failed.done())
    assert results == [42]
    assert isinstance(errors[0], ValueError)

    forever = runner.run(asyncio.Event().wait())  # never ends by itself
    assert runner.busy
    owner.deleteLater()
    qtbot.waitUntil(forever.done)
    assert forever.cancelled()


def unused_display_number() -> int:
    return next(n for n in range(4242, 4342) if not os.path.exists(f"/tmp/.X11-unix/X{n}"))


def test_a_display_with_no_x_server_behind_it_gives_a_clear_message():
    number = unused_display_number()
    assert "no X server answers" in display_problem({"DISPLAY": f":{number}"}, "linux")
    # A listening socket where an X server would be (Linux's abstract namespace): it answers.
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as fake_server:
        fake_server.bind(f"\0/tmp/.X11-unix/X{number}")
        fake_server.listen(1)
        assert display_problem({"DISPLAY": f":{number}"}, "linux") is None
    assert display_problem({"DISPLAY": "remote.example:0"}, "linux") is None  # not ours to probe
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = f":{number}"
    proc = subprocess.run([sys.executable, "-m", "lms365_desktop"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"cannot reach the X display ':{number}'" in proc.stderr
    assert "Traceback" not in proc.stderr and "qt.qpa" not in proc.stderr


def test_no_display_gives_a_clear_message():
    assert display_problem({}, "linux") is not None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "lms365_desktop"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "needs a graphical display" in proc.stderr
    assert "Traceback" not in proc.stderr and "qt.qpa" not in proc.stderr
