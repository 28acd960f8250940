"""Keyboard-only use: Tab leaves the tables, Shift+F10 and the Menu key open the menu at the current row;
View verbs are enabled only on panes that perform them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.helpers import close_window, make_window


@pytest.fixture
def window_context(qtbot, qasync_loop, sandbox, settings, tmp_path):
    context = make_window(qtbot, sandbox, settings, tmp_path)
    yield context
    close_window(qtbot, context)


def loaded(qtbot, pane):
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 5,
                    timeout=10_000)


def test_tab_leaves_the_table(qtbot, window_context):
    window, users = window_context.window, window_context.workspace.users
    window.show_pane(users)
    loaded(qtbot, users)
    view = users.view
    view.setFocus()
    view.setCurrentIndex(users.model.index(0, 0))
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not view)
    assert view.currentIndex().column() == 0  # not moved to the next cell


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
@pytest.mark.parametrize("key, modifier", [(Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
                                           (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier)])
def test_keyboard_opens_the_context_menu_at_the_current_row(qtbot, window_context, key, modifier):
    window, users = window_context.window, window_context.workspace.users
    window.show_pane(users)
    loaded(qtbot, users)
    view = users.view
    view.setFocus()
    # The first column on screen: a cell further right can put the menu past the offscreen
    # screen's edge, where Qt moves it left to fit.
    index = users.model.index(4, view.horizontalHeader().logicalIndex(0))
    view.setCurrentIndex(index)
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, key, modifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    try:
        cell = view.visualRect(index)
        at = view.viewport().mapFromGlobal(menu.pos())
        assert cell.top() <= at.y() <= cell.bottom() + 1
        assert cell.left() <= at.x() <= cell.right()
        assert any(a.objectName() == "copyRowsAction" for a in menu.actions())
    finally:
        menu.close()


def test_view_verbs_follow_what_the_pane_can_do(qtbot, window_context):
    window = window_context.window
    verbs = ("refresh", "find", "copyRows", "exportCsv", "chooseColumns")
    window.show_pane(window_context.workspace.users)
    assert all(window.actions_by_name[name].isEnabled() for name in verbs)
    console = next(p for p in window.panes.values() if type(p).__name__ == "ConsolePane")
    window.show_pane(console)
    enabled = {name for name in verbs if window.actions_by_name[name].isEnabled()}
    assert enabled == {name for name, method in
                       (("refresh", "refresh"), ("find", "focus_find"), ("copyRows", "copy_selection"),
                        ("exportCsv", "export_csv"), ("chooseColumns", "choose_columns"))
                       if callable(getattr(console, method, None))}
    assert "chooseColumns" not in enabled
    activity = next(p for p in window.panes.values() if type(p).__name__ == "ActivityPane")
    window.show_pane(activity)
    assert not window.actions_by_name["chooseColumns"].isEnabled()
    assert window.actions_by_name["refresh"].isEnabled()


def test_the_first_pane_shown_at_start_can_be_refreshed_and_exported(qtbot, window_context):
    """The Catalogs pane, current at start, had Refresh and Export greyed until another pane was visited."""
    window = window_context.window
    assert window.current_pane() is window_context.workspace.catalogs
    assert all(window.actions_by_name[name].isEnabled() for name in ("refresh", "exportCsv", "find"))
