"""Asks whether a bulk action covers only the loaded rows or every row matching on the server."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_scope(parent: QWidget, verb: str, loaded: int, total: int,
              on_loaded: Callable[[], None], on_all: Callable[[], None]) -> QMessageBox:
    """Non-modal (open()): "200 loaded of 810 matching" with "All 810 matching" / "Only the 200 loaded"."""
    # A function, not a class: its texts live in the "BulkScope" context, written out for lupdate.
    number = QLocale().toString
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("BulkScope", "Only the loaded rows are selected"),
                      QCoreApplication.translate("BulkScope", "{verb}: {loaded} loaded of {total} matching.").format(
                          verb=verb, loaded=number(loaded), total=number(total)),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("bulkScopeDialog")
    rest = total - loaded
    # Two literal sources (one row, more rows): pyside6-lupdate marks no plural for translate(), only for tr().
    box.setInformativeText((
        QCoreApplication.translate("BulkScope", "The other {rest} row has not been loaded yet. Include every "
                                   "matching row (its id is fetched first), or only the loaded ones?") if rest == 1
        else QCoreApplication.translate("BulkScope", "The other {rest} rows have not been loaded yet. Include every "
                                        "matching row (their ids are fetched first), or only the loaded ones?")
    ).format(rest=number(rest)))
    every = box.addButton(QCoreApplication.translate("BulkScope", "All {total} matching").format(total=number(total)),
                          QMessageBox.ButtonRole.AcceptRole)
    every.setObjectName("bulkScopeAll")
    only = box.addButton(QCoreApplication.translate("BulkScope", "Only the {loaded} loaded").format(
        loaded=number(loaded)), QMessageBox.ButtonRole.AcceptRole)
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
