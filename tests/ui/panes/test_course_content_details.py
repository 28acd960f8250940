"""Course details list the course's learning modules (in order) and quizzes as the sandbox serves them."""
from __future__ import annotations

from tests.ui.helpers import run_async, select_rows, shot
from tests.ui.panes.test_panes import wait_loaded


def test_elearning_course_details_list_modules_and_quizzes(main_window, qtbot):
    courses = main_window.workspace.courses
    main_window.window.show_pane(courses)
    wait_loaded(qtbot, courses)
    rows = courses.model.visible_rows()
    client = main_window.client
    row_index = next(i for i, r in enumerate(rows) if r["CourseType"] == "ELearning" and run_async(
        qtbot, client.get_course_info(r["Id"], expand="Quizzes")).quizzes)
    select_rows(courses.view, [row_index])
    details = courses.details
    qtbot.waitUntil(lambda: "enrollments" in details.sections, timeout=10_000)
    course = run_async(qtbot, client.get_course_info(rows[row_index]["Id"], expand="LearningModules,Quizzes"))
    modules = [m.title for m in sorted(course.learning_modules, key=lambda m: m.order)]
    assert modules and details.section_texts("modules") == modules
    assert details.section_texts("quizzes") == [q.title for q in course.quizzes]
    shot(main_window.window, "course_details")
