"""The view verbs (F5, Ctrl+F, Ctrl+C, export, columns): which pane performs which, as its builder registered."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from PySide6.QtWidgets import QWidget


class ViewVerb(StrEnum):
    """A verb of the View and File menus; the value is the name of its window action."""

    REFRESH = "refresh"
    FIND = "find"
    COPY_ROWS = "copyRows"
    EXPORT_CSV = "exportCsv"  # "Export view…": the rows shown
    EXPORT_ALL = "exportAll"  # "Export all matching…"
    CHOOSE_COLUMNS = "chooseColumns"


PaneVerbs = Mapping[ViewVerb, Callable[[], object]]


class ViewVerbs:
    """Each pane's verbs, registered by whoever builds the pane; a verb a pane lacks stays disabled there."""

    def __init__(self) -> None:
        self._by_pane: dict[QWidget, PaneVerbs] = {}
        self._listeners: list[Callable[[], object]] = []

    def register(self, pane: QWidget, verbs: PaneVerbs) -> None:
        self._by_pane[pane] = dict(verbs)
        # The first pane added is current before its verbs are registered: the menus update now.
        for listener in self._listeners:
            listener()

    def add_listener(self, listener: Callable[[], object]) -> None:
        """Called after each registration (the window enables the current pane's verbs)."""
        self._listeners.append(listener)

    def get(self, pane: QWidget | None, verb: ViewVerb) -> Callable[[], object] | None:
        return self._by_pane.get(pane, {}).get(verb) if pane is not None else None
