"""Help ▸ Keyboard shortcuts lists the window's real actions; F1's guide names only actions that exist."""
from __future__ import annotations

from PySide6.QtGui import QAction

from tests.ui.helpers import shot


def visible(window, kind):
    """The dialog of ``kind`` that an action just opened (dialog.open() shows it at once)."""
    shown = [dialog for dialog in window.findChildren(kind) if dialog.isVisible()]
    assert shown, f"no {kind.__name__} is shown"
    return shown[-1]


def test_the_shortcuts_dialog_lists_every_action_with_a_key(diagnostics, qtbot):
    from lms365_desktop.ui.diagnostics.shortcuts import ShortcutsDialog, plain, shortcut_text

    context, controller, _setup, _recorder = diagnostics
    context.window.actions_by_name["keyboardShortcuts"].trigger()
    dialog = visible(context.window, ShortcutsDialog)
    shot(dialog, "shortcuts")
    rows = dialog.visible_rows()
    assert ("Approve", "Ctrl+Shift+A") in rows
    assert ("Keyboard shortcuts", "Ctrl+/") in rows
    expected = {(plain(a.text()), shortcut_text(a)) for a in context.window.findChildren(QAction)
                if shortcut_text(a) and a.text()}
    assert expected <= set(rows)
    # An action added later (another pane, another release) appears without touching the dialog.
    context.window.add_action("tools", "brandNew", "Brand new tool", shortcut="Ctrl+Alt+B")
    dialog.close()
    context.window.actions_by_name["keyboardShortcuts"].trigger()
    fresh = visible(context.window, ShortcutsDialog)
    assert ("Brand new tool", "Ctrl+Alt+B") in fresh.visible_rows()
    fresh.filter_edit.setText("approve")
    assert fresh.visible_rows() == [("Approve", "Ctrl+Shift+A")]
    fresh.close()


def test_f1_opens_the_guide_with_live_shortcuts(diagnostics, qtbot):
    from lms365_desktop.ui.diagnostics.user_guide import GUIDE_ACTIONS, UserGuideDialog

    context, _controller, _setup, _recorder = diagnostics
    for name in GUIDE_ACTIONS:
        assert context.window.findChild(QAction, f"{name}Action") is not None, name
    assert context.window.actions_by_name["userGuide"].shortcut().toString() == "F1"
    context.window.actions_by_name["userGuide"].trigger()
    dialog = visible(context.window, UserGuideDialog)
    shot(dialog, "user-guide")
    text = dialog.browser.toPlainText()
    assert "Handle enrollment requests" in text
    assert "Ctrl+Shift+A approve" in text
    assert "{" not in text  # every placeholder filled
    dialog.close()
