"""The raw OData console; app.py calls build_console_pane(context) to add it as a pane."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lms365_desktop.ui.console.console_pane import ConsolePane
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.view_verbs import ViewVerb


def build_console_pane(context: AppContext) -> ConsolePane:
    """Build the console pane, put it under Tools > Console and make it the "Show as raw request" target."""
    pane = ConsolePane(context)
    context.set_console_opener(pane.open_in_console)
    context.window.keep_pane_state(pane.save_state, pane.restore_state)
    context.view_verbs.register(pane, {ViewVerb.REFRESH: pane.refresh, ViewVerb.FIND: pane.focus_find,
                                       ViewVerb.EXPORT_CSV: pane.export_csv})
    window = context.window
    # Ctrl+7 belongs to the View-menu action add_pane creates; this one only opens the pane.
    window.add_action("tools", "console", QCoreApplication.translate("MainWindow", "&Console"), icon_name="console",
                      slot=lambda _checked=False: window.show_pane(pane))
    return pane
