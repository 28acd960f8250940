"""The Catalogs pane reads by name: its ids are in the column chooser and the export, not across half the table."""
from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from tests.ui.helpers import shot


def test_catalogs_show_their_names_and_export_their_ids(main_window, qtbot, tmp_path):
    window, pane = main_window.window, main_window.workspace.catalogs
    window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0,
                    timeout=15_000)
    titles = [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in pane.visible_columns()]
    assert titles == ["Catalog"]
    shot(window, "catalogs-pane-names")
    path = tmp_path / "catalogs.csv"
    task = pane.export_view_to(str(path))
    qtbot.waitUntil(task.done, timeout=10_000)
    with open(path, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["Catalog"] and r["Id"] for r in rows)
