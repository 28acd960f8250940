"""Uncaught exceptions from every source (main thread, other threads, the asyncio loop, hard crashes) in one place."""
from __future__ import annotations

import asyncio
import faulthandler
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from lms365_desktop.core.logging_setup import category, redact

FAULT_FILE = "faulthandler.log"
PENDING_FILE = "last-crash.txt"
# Reports handed to on_crash in one run: past this they are only logged, so a crash handler that
# itself fails (its exception coming back through the hook) cannot loop forever.
MAX_HANDED_ON = 20
APP_NAME = "LMS365 Desktop"


def application_version() -> str:
    """The installed distribution's version (the bundle carries its metadata too)."""
    try:
        return metadata.version("lms365-desktop")
    except metadata.PackageNotFoundError:
        return "unknown"


def diagnostics_text(*, qt_version: str = "", pyside_version: str = "", host: str = "", log_folder: str = "",
                     extra: dict[str, str] | None = None) -> str:
    """Versions and context a support desk asks for first: application, Qt, Python, OS, connection host.

    Only the host of the connection is named, never its key: the text is redacted all the same.
    """
    lines = [
        f"{APP_NAME} {application_version()}",
        f"Qt {qt_version or 'not loaded'} (PySide6 {pyside_version or '?'})",
        f"Python {platform.python_version()} ({platform.python_implementation()}, {sys.executable})",
        f"OS {platform.platform()} ({platform.machine()})",
        f"Connection host: {host or 'not connected'}",
        f"Log folder: {log_folder or '?'}",
        f"Bundled: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
    ]
    for name, value in (extra or {}).items():
        lines.append(f"{name}: {value}")
    return redact("\n".join(lines))


@dataclass(frozen=True)
class CrashReport:
    """One uncaught exception: where it came from and its redacted traceback."""

    source: str  # "main thread", "thread NAME", "asyncio loop", "previous run"
    summary: str  # "ValueError: ..."
    details: str  # the traceback
    at: datetime

    def text(self) -> str:
        return redact(f"{self.summary}\nSource: {self.source}, at {self.at.isoformat(timespec='seconds')}\n\n"
                      f"{self.details}")


class CrashRecorder:
    """Installs the hooks; each uncaught exception is logged, kept for the next start, and handed on.

    ``on_crash`` is called on the thread that failed: the UI forwards it to its own thread.
    """

    def __init__(self, folder: Path, on_crash: Callable[[CrashReport], None] | None = None) -> None:
        self.folder = folder
        self.on_crash = on_crash
        self._fault_file: IO[str] | None = None
        self._previous: dict[str, Any] = {}
        self._installed = False
        self._handed_on = 0
        self._handing_on = False

    # ---- installation -------------------------------------------------------------------------
    def install(self) -> None:
        """faulthandler to a file, sys.excepthook and threading.excepthook (the loop: install_on_loop)."""
        if self._installed:
            return
        self._installed = True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Kept open for the whole run: a segfault writes its Python stacks here, and the next
            # start finds them. Opened "w": what an earlier run left was read by pending_report().
            self._fault_file = open(self.folder / FAULT_FILE, "w", encoding="utf-8")  # noqa: SIM115
            self._previous["faulthandler"] = faulthandler.is_enabled()
            faulthandler.enable(self._fault_file, all_threads=True)
        except OSError as exc:
            category("crash").warning("faulthandler has no file in %s: %s", self.folder, exc)
        self._previous["excepthook"] = sys.excepthook
        self._previous["threading"] = threading.excepthook
        sys.excepthook = self._on_sys_exception
        threading.excepthook = self._on_thread_exception

    def install_on_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        """Exceptions no task awaited (a callback, a forgotten future) go through the same report."""
        loop.set_exception_handler(self._on_loop_exception)

    def uninstall(self) -> None:
        """Put back what install() replaced, and close the fault file (an ended run left no crash)."""
        if not self._installed:
            return
        self._installed = False
        sys.excepthook = self._previous.get("excepthook", sys.__excepthook__)
        threading.excepthook = self._previous.get("threading", threading.__excepthook__)
        if self._fault_file is not None:
            faulthandler.disable()
            if self._previous.get("faulthandler"):
                faulthandler.enable()
            self._fault_file.close()
            self._fault_file = None
            (self.folder / FAULT_FILE).unlink(missing_ok=True)

    # ---- the next start -----------------------------------------------------------------------
    def pending_report(self) -> CrashReport | None:
        """What the previous run left: an uncaught exception it recorded, or a hard crash's stacks.

        Read once: the files are removed, so a crash is reported at the next start, not forever.
        """
        pending = self.folder / PENDING_FILE
        fault = self.folder / FAULT_FILE
        report = None
        try:
            if pending.exists():
                text = pending.read_text(encoding="utf-8", errors="replace")
                summary, _, details = text.partition("\n")
                report = CrashReport("previous run", summary, details.strip(), _mtime(pending))
            elif fault.exists() and fault.stat().st_size > 0 and self._fault_file is None:
                text = fault.read_text(encoding="utf-8", errors="replace")
                report = CrashReport("previous run", "The application stopped abruptly (a fatal error).",
                                     text.strip(), _mtime(fault))
        except OSError as exc:
            category("crash").warning("cannot read the previous crash report: %s", exc)
        for path in (pending,) + (() if self._fault_file is not None else (fault,)):
            path.unlink(missing_ok=True)
        return report

    # ---- the hooks ----------------------------------------------------------------------------
    def record(self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None,
               source: str) -> CrashReport:
        """Log one uncaught exception, keep it for the next start, and hand it to on_crash."""
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        report = CrashReport(source, redact(summary), redact(details), datetime.now(timezone.utc))
        category("crash").critical("uncaught exception (%s)", source, exc_info=(exc_type, exc, tb))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / PENDING_FILE).write_text(f"{report.summary}\n{report.details}", encoding="utf-8")
        except OSError:
            pass  # the log line above still has it
        if self.on_crash is not None and not self._handing_on and self._handed_on < MAX_HANDED_ON:
            self._handed_on += 1
            self._handing_on = True
            try:
                self.on_crash(report)
            except Exception:  # the crash handler failing must not hide the first crash
                category("crash").exception("the crash handler failed")
            finally:
                self._handing_on = False
        return report

    def _on_sys_exception(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous.get("excepthook", sys.__excepthook__)(exc_type, exc, tb)
            return
        self.record(exc_type, exc, tb, "main thread")

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.record(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    def _on_loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if exc is None:
            # A message without an exception (e.g. "Task was destroyed but it is pending"): a warning.
            category("crash").warning("asyncio: %s", context.get("message", context))
            return
        if isinstance(exc, (asyncio.CancelledError, KeyboardInterrupt, SystemExit)):
            return
        self.record(type(exc), exc, exc.__traceback__, "asyncio loop")


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)

