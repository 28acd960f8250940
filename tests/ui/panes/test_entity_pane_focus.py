"""Tab in a pane follows reading order: views and scope, search, quick filter, columns, the rows, the details."""
from __future__ import annotations

from lms365_desktop.ui.panes.enrollments_pane import ALL, OVERDUE, PENDING


def tab_positions(root, widgets) -> list[int]:
    """Where each widget comes in ``root``'s focus chain, starting from its first widget."""
    chain, widget = [], widgets[0]
    while widget not in chain and len(chain) < 1000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return [chain.index(w) if w in chain else -1 for w in widgets]


def test_enrollments_pane_tabs_in_reading_order(main_window, qtbot):
    window, enrollments = main_window.window, main_window.workspace.enrollments
    window.show_pane(enrollments)
    qtbot.waitUntil(lambda: enrollments.model.loaded_count > 0 and not enrollments.model.loading, timeout=10_000)
    reading = [enrollments.view_buttons[ALL], enrollments.view_buttons[PENDING], enrollments.view_buttons[OVERDUE],
               enrollments.search_box, enrollments.quick_filter_box, enrollments.columns_button, enrollments.view,
               enrollments.details]
    positions = tab_positions(enrollments, reading)
    assert -1 not in positions and positions == sorted(positions), positions


def test_person_record_tabs_from_the_summary_to_the_enrollments(main_window, qtbot):
    workspace = main_window.workspace
    users = workspace.users
    main_window.window.show_pane(users)
    qtbot.waitUntil(lambda: users.model.loaded_count > 0 and not users.model.loading, timeout=10_000)
    workspace.links.open_person(users.model.visible_rows()[0])
    person = workspace.person
    qtbot.waitUntil(lambda: person.isVisible() and not person.model.loading, timeout=10_000)
    positions = tab_positions(person, [person.search_box, person.quick_filter_box, person.columns_button,
                                       person.summary, person.view])
    assert -1 not in positions and positions == sorted(positions), positions
