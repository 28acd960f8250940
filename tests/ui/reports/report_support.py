"""What the Reports pane tests share: open the pane once its mirror has synced, and compute a report now."""
from __future__ import annotations


def open_reports(qtbot, context, size: tuple[int, int] | None = None):
    """Show the Reports pane and wait until its mirror is open, synced and says how fresh it is."""
    pane = context.reports.pane
    if size is not None:
        context.window.resize(*size)
    context.window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.controller.mirror is not None and not pane.controller.syncing
                    and "As of" in pane.freshness_label.text(), timeout=30_000)
    return pane


def recompute(qtbot, pane) -> None:
    """Compute the current report now (not after the pane's debounce) and wait for it; its errors raise."""
    task = pane.recompute()
    qtbot.waitUntil(task.done, timeout=10_000)
    task.result()
