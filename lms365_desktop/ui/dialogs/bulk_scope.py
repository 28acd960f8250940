"""Asks whether a bulk action covers only the loaded rows or every row matching on the server."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_scope(parent: QWidget, verb: str, loaded: int, total: int,
              on_loaded: Callable[[], None], on_all: Callable[[], None]) -> QMessageBox:
    """Non-modal (open()): "200 loaded of 810 matching" with "All 810 matching" / "Only the 200 loaded"."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.tr("Only the loaded rows are selected"),
                      parent.tr("{verb}: {loaded:,} loaded of {total:,} matching.").format(
                          verb=verb, loaded=loaded, total=total), QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("bulkScopeDialog")
    box.setInformativeText(parent.tr("The other {rest:,} rows have not been loaded yet. Include every matching "
                                     "row (their ids are fetched first), or only the loaded ones?").format(
        rest=total - loaded))
    every = box.addButton(parent.tr("All {total:,} matching").format(total=total), QMessageBox.ButtonRole.AcceptRole)
    every.setObjectName("bulkScopeAll")
    only = box.addButton(parent.tr("Only the {loaded:,} loaded").format(loaded=loaded), QMessageBox.ButtonRole.AcceptRole)
    only.setObjectName("bulkScopeLoaded")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(every)

    def on_clicked(button) -> None:
        if button is every:
            on_all()
        elif button is only:
            on_loaded()

    box.buttonClicked.connect(on_clicked)
    box.open()
    return box
