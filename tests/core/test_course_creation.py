"""The URL-conflict suggestion keeps what the user typed and only counts its own suffix."""
from __future__ import annotations

import pytest

from lms365_desktop.core.course_creation import next_free_url


@pytest.mark.parametrize("typed, suggested", [
    ("fire-safety-2026", "fire-safety-2026-2"),  # a year stays that year
    ("wizard-safety-101", "wizard-safety-101-2"),  # a course number stays that number
    ("fire-safety", "fire-safety-2"),
    ("fire-safety-2", "fire-safety-3"),  # our own counter goes up
    ("fire-safety-1", "fire-safety-1-2"),
    ("module-9", "module-10"),
])
def test_suggestion_keeps_the_number_the_user_typed(typed, suggested):
    assert next_free_url(typed) == suggested


def test_suggestion_skips_urls_known_to_be_taken():
    assert next_free_url("safety-2026", {"safety-2026-2", "safety-2026-3"}) == "safety-2026-4"
