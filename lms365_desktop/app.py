"""Entry point and composition root: parses flags, builds the concrete objects, runs the loop."""
from __future__ import annotations

import argparse
import asyncio
import ctypes.util
import gc
import logging
import os
import signal
import socket
import sys
from collections.abc import Sequence

log = logging.getLogger(__name__)

EXIT_NO_DISPLAY = 2
# The AppStream id; also the desktop file's name and the Wayland app id.
APP_ID = "org.lms365desktop.LMS365Desktop"

def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="lms365-desktop", description="LMS365 Desktop for training coordinators.")
    parser.add_argument("--sandbox", action="store_true", help="start the embedded LMS365 sandbox and open it")
    parser.add_argument("--profile", metavar="NAME", help="open the saved connection NAME")
    parser.add_argument("--reset-layout", action="store_true", help="forget window and column layout")
    parser.add_argument("--no-simulated-activity", dest="simulated_activity", action="store_false",
                        help="the embedded sandbox stays still (by default learners act a few times a minute)")
    return parser.parse_args(argv)


def display_problem(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """A plain message when no window can be shown (instead of Qt's plugin abort), else None."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if qpa and qpa not in ("xcb", "wayland", "wayland-egl"):
        return None  # offscreen, vnc, eglfs...: the user chose a platform that needs no display
    if env.get("WAYLAND_DISPLAY"):
        return None
    display = env.get("DISPLAY")
    if not display:
        return ("lms365-desktop needs a graphical display, and none was found (DISPLAY and WAYLAND_DISPLAY "
                "are not set).\nRun it inside a desktop session, or use `lms365-sandbox` for the server alone.")
    if not x_display_answers(display):
        return (f"lms365-desktop cannot reach the X display {display!r}: no X server answers there.\n"
                "Check DISPLAY, or run it inside a desktop session.")
    return None


def x_display_answers(display: str) -> bool:
    """Whether a local X server listens for `display` (":N" or "unix:N"); remote ones are assumed to.

    Qt aborts with a plugin trace when DISPLAY names a dead server, so ask the socket first.
    """
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if host not in ("", "unix") or not number.isdigit():
        return True
    path = f"/tmp/.X11-unix/X{number}"
    for address in (path, "\0" + path):  # the file socket, then Linux's abstract one
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            try:
                probe.connect(address)
            except OSError:
                continue
            return True
    return False


class Connector:
    """Builds connections for the UI: the only place that makes clients and starts the sandbox."""

    def __init__(self, *, simulated_activity: bool = True) -> None:
        self._sandbox = None
        self._simulated_activity = simulated_activity

    async def open(self, profile, key: str):
        from lms365_desktop.core.connection import Connection
        from lms365_desktop.core.logging_setup import remember_secret

        remember_secret(key)  # whatever the log or a crash report says later, never this key

        connection = Connection(profile, key)
        return connection, await connection.open()

    async def test(self, profile, key: str):
        """The connect dialog's "Test connection": a throwaway client, the exact error if any."""
        from lms365_desktop.core.connection import probe_connection
        from lms365_desktop.core.logging_setup import remember_secret

        remember_secret(key)

        return await probe_connection(profile, key)

    async def open_sandbox(self):
        from lms365_desktop.core.sandbox_launcher import EmbeddedSandbox

        if self._sandbox is None:
            self._sandbox = (EmbeddedSandbox(_sandbox_server) if self._simulated_activity
                             else EmbeddedSandbox(_sandbox_server, simulate_activity=0.0))
        profile, key = await self._sandbox.start_async()
        connection, client = await self.open(profile, key)
        return connection, client, profile

    async def close(self, connection) -> None:
        await connection.__aexit__(None, None, None)

    def shutdown(self) -> None:
        if self._sandbox is not None:
            self._sandbox.stop()


def _sandbox_server(**fields):
    """The real sandbox server, for EmbeddedSandbox (only app.py may import the sandbox)."""
    from lms365_desktop.sandbox.server import SandboxConfig, SandboxServer

    return SandboxServer(SandboxConfig(**fields))


def build_ui(settings, *, reset_layout: bool = False, connector=None, profile_store=None, secret_store=None,
             journal=None, window=None):
    """Build the window (or fill one already shown), its panes and their context; returns the Workbench."""
    # Imported here, not at the top: main() shows the bare window before these load.
    from PySide6.QtCore import QCoreApplication

    from lms365_desktop.ui.activity.activity_controller import install_activity
    from lms365_desktop.ui.connect_flow import install_connection_actions
    from lms365_desktop.ui.console import build_console_pane
    from lms365_desktop.ui.dialogs.tenant_subscriptions import install_tenant_subscriptions
    from lms365_desktop.ui.main_window import MainWindow
    from lms365_desktop.ui.reports import install_reports
    from lms365_desktop.ui.spreadsheet_import.installer import install_spreadsheet_import
    from lms365_desktop.ui.wizards.installer import install_wizards
    from lms365_desktop.ui.workbench import Workbench
    from lms365_desktop.ui.workspace import install_workspace

    if reset_layout:
        settings.clear()
    shown_early = window is not None
    if window is None:
        window = MainWindow(settings)
    context = Workbench(window, settings, journal=journal if journal is not None else _journal(),
                        connector=connector if connector is not None else Connector(),
                        profile_store=profile_store, secret_store=secret_store)
    context.workspace = install_workspace(context)
    install_connection_actions(context)
    context.activity = install_activity(context, context.workspace)
    window.add_pane(context.activity.pane, QCoreApplication.translate("MainWindow", "Activity"), "activity", "Ctrl+6")
    context.console = build_console_pane(context)
    window.add_pane(context.console, QCoreApplication.translate("MainWindow", "Console"), "console", "Ctrl+7")
    context.reports = install_reports(context, context.workspace)
    context.activity.add_event_listener(context.reports.apply_event)  # enrollment events keep its mirror current
    window.add_pane(context.reports.pane, QCoreApplication.translate("MainWindow", "Reports"), "details", "Ctrl+8")
    context.wizards = install_wizards(context, context.workspace)
    install_tenant_subscriptions(context)
    install_spreadsheet_import(context, context.workspace)
    if shown_early:
        window.restore_panes()
    else:
        window.restore_layout()
    return context


def settle_memory() -> None:
    """Hide what start-up built from the cyclic GC (gc.freeze) once the window is built.

    A full collection walks every tracked object of the interpreter: with Qt, pydantic and
    httpx loaded it took 128 ms here, a visible freeze in the middle of scrolling 100k rows.
    Frozen objects are never scanned again; what the app creates later still is.
    """
    gc.collect()
    gc.freeze()


def _journal():
    from lms365_desktop.core.job_journal import JobJournal

    return JobJournal()


def missing_xcb_cursor(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """A hint when Qt's X11 plugin will abort for want of libxcb-cursor (Qt >= 6.5 needs it)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux") or not env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    if env.get("QT_QPA_PLATFORM", "xcb").split(":")[0] != "xcb":
        return None
    if ctypes.util.find_library("xcb-cursor"):
        return None
    return ("Qt needs the X11 cursor library to open a window: install libxcb-cursor0 (Debian, Ubuntu) "
            "or xcb-util-cursor (Fedora, Arch).")


def quit_on_termination_signals(window) -> None:
    """SIGTERM/SIGINT close the window the normal way, so subscriptions and the sandbox end cleanly.

    Python runs signal handlers only between bytecodes; Qt's loop runs in C++, so a slow timer
    hands the interpreter a turn twice a second.
    """
    from PySide6.QtCore import QTimer

    def close_window(*_args) -> None:
        QTimer.singleShot(0, window.close)

    for name in ("SIGTERM", "SIGINT"):
        if hasattr(signal, name):  # the signal module offers only what the platform has
            signal.signal(getattr(signal, name), close_window)
    heartbeat = QTimer(window)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(500)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    from lms365_desktop.core import logging_setup
    from lms365_desktop.core.crash_reports import CrashRecorder, application_version

    log_setup = logging_setup.configure()
    recorder = CrashRecorder(log_setup.folder)
    previous_crash = recorder.pending_report()  # before install() starts a new fault file
    recorder.install()
    log.info("LMS365 Desktop %s starting (Python %s)", application_version(), sys.version.split()[0])
    hint = missing_xcb_cursor()
    if hint:
        print(hint, file=sys.stderr)

    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from lms365_desktop.ui.main_window import MainWindow
    from lms365_desktop.ui.tasks import install_worker_pool
    from lms365_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("lms365-desktop")
    app.setApplicationName("LMS365 Desktop")
    app.setApplicationVersion(application_version())
    app.setDesktopFileName(APP_ID)
    # The loop ends when _run() has closed the connection, not when the last window closes:
    # otherwise unsubscribing and the client's shutdown would be cut off.
    app.setQuitOnLastWindowClosed(False)
    apply_theme(app)
    from lms365_desktop.ui.theme import icon

    app.setWindowIcon(icon("app"))
    from lms365_desktop.ui.gui_thread_gc import GuiThreadCollector

    collector = GuiThreadCollector(parent=app)  # before any thread starts: the sandbox's, the workers'
    collector.install()
    loop = qasync.QEventLoop(app)
    workers = install_worker_pool(loop)
    asyncio.set_event_loop(loop)
    recorder.install_on_loop(loop)

    # Show the frame first, then import and build the panes into it: the window appears in
    # about the time a bare Qt window takes, and fills within a second.
    from lms365_desktop.core.paths import AppPaths

    settings = QSettings(str(AppPaths.default().settings_file), QSettings.Format.IniFormat)
    if args.reset_layout:
        settings.clear()
    # Before any widget exists: texts are translated when widgets are built.
    from lms365_desktop.ui.dialogs.preferences_dialog import apply_saved_log_level
    from lms365_desktop.ui.i18n import install_translators, preferred_language, resolve_language

    translators = install_translators(app, resolve_language(preferred_language(settings)))  # noqa: F841 (kept alive)
    apply_saved_log_level(settings)
    window = MainWindow(settings)
    window.restore_geometry()
    quit_on_termination_signals(window)
    window.show()
    app.processEvents()

    from lms365_desktop.core.profiles import ProfileStore
    from lms365_desktop.core.secrets import SecretStore
    from lms365_desktop.ui.connect_flow import start_connection

    connector = Connector(simulated_activity=args.simulated_activity)
    context = build_ui(settings, connector=connector, profile_store=ProfileStore(), secret_store=SecretStore(),
                       window=window)
    from lms365_desktop.ui.diagnostics import install_diagnostics

    diagnostics = install_diagnostics(context, log_setup, recorder)
    if previous_crash is not None:
        diagnostics.show_crash(previous_crash)
    settle_memory()
    finished = asyncio.Event()
    context.window.closing.connect(finished.set)
    try:
        with loop:
            loop.run_until_complete(_run(context, args, finished, start_connection))
    finally:
        connector.shutdown()
        workers.shutdown(wait=False, cancel_futures=True)
        collector.uninstall()
        recorder.uninstall()
        log.info("LMS365 Desktop stopped")
        log_setup.close()
    return 0


async def _run(context, args, finished: asyncio.Event, start_connection) -> None:
    # Through the runner, so a failed start becomes a notification, not a dead window.
    context.tasks.run(start_connection(context, sandbox=args.sandbox, profile_name=args.profile))
    await finished.wait()
    await context.close_connection()


if __name__ == "__main__":
    raise SystemExit(main())
