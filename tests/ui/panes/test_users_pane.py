"""Users pane: a person's sign-in name is shown as they know it, never with the claim prefix."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.ui.helpers import select_rows


def test_login_shows_without_the_claim_prefix_in_details_and_column(main_window, qtbot):
    pane = main_window.workspace.users
    main_window.window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0)
    row = pane.model.row_at(0)
    assert row["LoginName"].startswith("i:0#.f|membership|")
    select_rows(pane.view, [0])
    qtbot.waitUntil(lambda: pane.details.findChild(QLabel, "detail_LoginName") is not None)
    shown = pane.details.findChild(QLabel, "detail_LoginName").text()
    assert "membership" not in shown and row["LoginName"].rsplit("|", 1)[-1] in shown.replace("\u200b", "")
    login_column = next(i for i, c in enumerate(pane.model.columns) if c.title == "Login")
    assert pane.model.index(0, login_column).data() == row["LoginName"].rsplit("|", 1)[-1]
