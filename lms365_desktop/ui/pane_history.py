"""Back and Forward between panes, as in a browser: each place keeps its pane, scope, search and row."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from lms365_desktop.ui.main_window import MainWindow
from lms365_desktop.ui.panes.enrollments_pane import ALL, EnrollmentsPane
from lms365_desktop.ui.panes.entity_pane import EntityPane
from lms365_desktop.ui.panes.person_pane import PersonPane, person_name

MAX_PLACES = 50
MAX_PAGES_TO_FIND_ROW = 10  # going back to row 5,000 of a long list loads pages until it is there


@dataclass(frozen=True)
class Place:
    """Where the user was: the pane (object name) and what it showed."""

    pane: str
    scope: str = ""
    label: str = ""
    search: str = ""
    quick_filter: str = ""  # on loaded rows; an opened entity starts without one, as without a search
    view: str = ""  # the Enrollments pane's view: all, pending, overdue
    person: tuple | None = None  # the person record's user row, as sorted items
    key: Any = None  # the selected row; None selects the first row when it arrives


def place_of(pane: QWidget | None) -> Place | None:
    """The place ``pane`` shows now (None for no pane)."""
    if pane is None:
        return None
    if not isinstance(pane, EntityPane):
        return Place(pane.objectName())
    row = pane.current_row()
    key = row.get(pane.model.key) if isinstance(row, dict) else None
    return Place(
        pane.objectName(), pane.scope_filter, pane.scope_label, pane.search_box.text(),
        quick_filter=pane.quick_filter_box.text(),
        view=pane.current_view if isinstance(pane, EnrollmentsPane) else "",
        person=tuple(sorted(pane.person.items())) if isinstance(pane, PersonPane) and pane.person else None,
        key=key,
    )


class PaneHistory(QObject):
    """The places left behind (Back, Alt+Left) and ahead (Forward, Alt+Right), with toolbar buttons."""

    def __init__(self, window: MainWindow, has_client: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self._has_client = has_client  # whether a reload can be sent now
        self.back_places: list[Place] = []
        self.forward_places: list[Place] = []
        self._selection_token = 0
        self.back_action = window.add_action("view", "goBack", QCoreApplication.translate("MainWindow", "&Back"),
                                             icon_name="back", slot=self.back)
        self.back_action.setShortcuts([QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)])
        self.forward_action = window.add_action("view", "goForward",
                                                QCoreApplication.translate("MainWindow", "&Forward"),
                                                icon_name="forward", slot=self.forward)
        self.forward_action.setShortcuts([QKeySequence("Alt+Right"), QKeySequence(Qt.Key.Key_Forward)])
        for action in (self.back_action, self.forward_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        # First in the toolbar, as in a browser, and as icons only: the arrows and tooltips say it.
        first = window.toolbar.actions()[0] if window.toolbar.actions() else None
        window.toolbar.insertActions(first, [self.back_action, self.forward_action])
        if first is not None:
            window.toolbar.insertSeparator(first)
        for action in (self.back_action, self.forward_action):
            button = window.toolbar.widgetForAction(action)
            if button is not None:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                button.setAccessibleName(action.text().replace("&", ""))
        self._update_actions()

    # ---- moving -----------------------------------------------------------------------------
    def go(self, place: Place) -> None:
        """Open ``place``, leaving the current one behind (what a link does in a browser)."""
        here = place_of(self.window.current_pane())
        if here is not None and here != place:
            self.back_places = [*self.back_places, here][-MAX_PLACES:]
        self.forward_places = []
        self.show(place)

    def back(self) -> None:
        if self.back_places:
            self._step(self.back_places, self.forward_places)

    def forward(self) -> None:
        if self.forward_places:
            self._step(self.forward_places, self.back_places)

    def _step(self, source: list[Place], target: list[Place]) -> None:
        here = place_of(self.window.current_pane())
        place = source.pop()
        if here is not None:
            target.append(here)
        self.show(place)

    def show(self, place: Place) -> None:
        """Put the pane back as the place describes it (one load at most) and select its row."""
        pane = self.window.panes.get(place.pane)
        if pane is None:
            self._update_actions()
            return
        index = self.window.tabs.indexOf(pane)
        if index >= 0 and not self.window.tabs.isTabVisible(index):
            self.window.tabs.setTabVisible(index, True)
        if isinstance(pane, EntityPane):
            self._restore(pane, place)
        self.window.show_pane(pane)
        if isinstance(pane, EntityPane):
            pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self._select_when_loaded(pane, place.key)
        self._update_actions()

    def _restore(self, pane: EntityPane, place: Place) -> None:
        model = pane.model
        before = model.query().params()
        if isinstance(pane, PersonPane):
            person = dict(place.person) if place.person else None
            if person != pane.person:
                pane.show_person(person, reload=False)
        if isinstance(pane, EnrollmentsPane):
            pane.set_view(place.view or ALL, reload=False)
        pane.set_place(place.scope, place.label, place.search)
        if (model.query().params() != before or not model.started) and self._has_client():
            model.reload()
        if pane.quick_filter_box.text() != place.quick_filter:
            pane.quick_filter_box.setText(place.quick_filter)  # filters the loaded rows, no call

    def _select_when_loaded(self, pane: EntityPane, key: Any) -> None:
        """Select the place's row (or the first) once the pane has it, loading pages if it must."""
        self._selection_token += 1
        token = self._selection_token
        model = pane.model
        pages, done = [0], [False]

        def attempt(*_args: Any) -> None:
            if done[0]:
                return
            if token != self._selection_token:
                stop()
            elif model.loading:
                return
            elif key is not None and pane.select_key(key):
                stop()
            elif key is None or model.all_loaded or pages[0] >= MAX_PAGES_TO_FIND_ROW or not model.canFetchMore():
                if model.rowCount() and not pane.view.selectionModel().hasSelection():
                    pane.select_key(model.row_at(0).get(model.key))
                stop()
            else:
                pages[0] += 1
                model.fetchMore()

        def stop(*_args: Any) -> None:
            if not done[0]:
                done[0] = True
                model.page_loaded.disconnect(attempt)
                model.load_failed.disconnect(stop)

        model.page_loaded.connect(attempt)
        model.load_failed.connect(stop)
        if model.started and not model.loading:
            attempt()

    # ---- the buttons say where they lead ------------------------------------------------------
    def _update_actions(self) -> None:
        for action, places, text in ((self.back_action, self.back_places, self.tr("Back to {place} (Alt+Left)")),
                                     (self.forward_action, self.forward_places,
                                      self.tr("Forward to {place} (Alt+Right)"))):
            action.setEnabled(bool(places))
            action.setToolTip(text.format(place=self.describe(places[-1])) if places else
                              (self.tr("Back (Alt+Left)") if action is self.back_action else self.tr("Forward (Alt+Right)")))

    def describe(self, place: Place) -> str:
        """"Enrollments — Fire Safety": the pane's tab title, and what it was narrowed to."""
        pane = self.window.panes.get(place.pane)
        index = self.window.tabs.indexOf(pane) if pane is not None else -1
        title = self.window.tabs.tabText(index) if index >= 0 else place.pane
        detail = person_name(dict(place.person)) if place.person else place.label
        return self.tr("{pane} — {detail}").format(pane=title, detail=detail) if detail else title
