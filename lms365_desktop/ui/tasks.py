"""The one seam between Qt and asyncio: start coroutines from widgets, track them, cancel them,
and the one way off the GUI thread (the loop's worker pool, installed by install_worker_pool)."""
from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]
P = ParamSpec("P")
R = TypeVar("R")


def install_worker_pool(loop: asyncio.AbstractEventLoop) -> ThreadPoolExecutor:
    """Make ``loop``'s default executor a pool of plain Python threads; returns it (shut it down with the loop).

    Every blocking call leaves the GUI thread through it: TaskRunner.in_worker, and
    asyncio.to_thread / run_in_executor(None) in core (the activity log, the sandbox launcher).
    Not qasync's own QThreadExecutor: its QThreads still run at interpreter exit and Qt aborts
    the process (rc 134). app.main and the test fixture both call this, so tests run the app's path.
    """
    pool = ThreadPoolExecutor(thread_name_prefix="lms365-worker")
    loop.set_default_executor(pool)
    return pool


class TaskRunner(QObject):
    """Runs coroutines on the qasync loop on behalf of a QObject and cancels them with it.

    Exceptions go to the task's ``on_error``, else to ``error_handler`` (the window's notification
    area, set by whoever composes the UI), else to the log. Cancellation is never reported.
    """

    busy_changed = Signal(bool)
    task_failed = Signal(object)

    def __init__(self, parent: QObject, *, error_handler: ErrorHandler | None = None) -> None:
        super().__init__(parent)
        self.error_handler = error_handler
        # A plain set captured by the closure below: it must outlive this QObject's C++ side,
        # because the parent's destroyed signal fires after its children are gone.
        tasks: set[asyncio.Task] = set()
        self._tasks = tasks
        parent.destroyed.connect(lambda *_: _cancel_all(tasks))

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    @property
    def tasks(self) -> frozenset[asyncio.Task]:
        return frozenset(self._tasks)

    def run(
        self,
        coro: Coroutine[Any, Any, Any] | Awaitable[Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: ErrorHandler | None = None,
    ) -> asyncio.Task:
        """Schedule ``coro`` now; ``on_done(result)`` or ``on_error(exc)`` run on the GUI thread."""
        task = asyncio.ensure_future(coro)
        was_busy = bool(self._tasks)
        self._tasks.add(task)
        if not was_busy:
            self._emit_busy(True)
        task.add_done_callback(lambda t: self._finished(t, on_done, on_error))
        return task

    async def in_worker(self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """``function(*args, **kwargs)`` on the loop's worker pool (blocking work: parsing, disk)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, functools.partial(function, *args, **kwargs))

    def cancel_all(self) -> None:
        _cancel_all(self._tasks)

    def _finished(self, task: asyncio.Task, on_done, on_error) -> None:
        self._tasks.discard(task)
        try:
            if task.cancelled():
                return
            exc = task.exception()
            if exc is None:
                if on_done is not None:
                    on_done(task.result())
                return
            self.report(exc, on_error)
        except Exception as callback_error:  # a failing callback must not vanish in the loop
            self.report(callback_error, None)
        finally:
            if not self._tasks:
                self._emit_busy(False)

    def report(self, exc: BaseException, on_error: ErrorHandler | None = None) -> None:
        """Hand ``exc`` to ``on_error``, else the error handler, else the log."""
        handler = on_error or self.error_handler
        if handler is not None:
            handler(exc)
        else:
            log.error("background task failed", exc_info=exc)
        self._emit(self.task_failed, exc)

    def _emit_busy(self, busy: bool) -> None:
        self._emit(self.busy_changed, busy)

    def _emit(self, signal, value) -> None:
        # The runner may already be half-destroyed when a cancelled task finishes at shutdown.
        try:
            signal.emit(value)
        except RuntimeError:
            pass


def _cancel_all(tasks: set[asyncio.Task]) -> None:
    for task in list(tasks):
        if not task.done():
            task.cancel()
