"""Builds the coordinator's workspace in the window: navigation, entity panes and their actions."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence

from lms365_desktop.ui.context import AppContext


def install_workspace(context: AppContext) -> None:
    """Add the view actions every entity pane answers to (F5, Ctrl+F, Ctrl+C, export)."""
    window = context.window
    tr = window.tr

    def on_current(method: str):
        def call(*_args) -> None:
            pane = window.current_pane()
            handler = getattr(pane, method, None)
            if callable(handler):
                handler()
        return call

    window.add_action("view", "refresh", tr("&Refresh"), shortcut=QKeySequence.StandardKey.Refresh,
                      icon_name="refresh", slot=on_current("refresh"), toolbar=True)
    window.add_action("view", "find", tr("&Find…"), shortcut=QKeySequence.StandardKey.Find,
                      icon_name="find", slot=on_current("focus_find"))
    window.add_action("view", "copyRows", tr("&Copy rows"), shortcut=QKeySequence.StandardKey.Copy,
                      icon_name="copy", slot=on_current("copy_selection"))
    window.add_action("file", "exportCsv", tr("&Export view to CSV…"), icon_name="export",
                      slot=on_current("export_csv"))
    window.add_action("view", "chooseColumns", tr("C&olumns…"), icon_name="columns",
                      slot=on_current("choose_columns"))
    window.toolbar.addSeparator()
