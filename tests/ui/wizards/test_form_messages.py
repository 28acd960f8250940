"""The request models' checks, as the wizards show them: in the user's language, the typed value kept."""
from __future__ import annotations

import pydantic
import pytest

from lms365_desktop.api.bodies import CreateCourseCategoryRequest, CreateCourseRequest, CreateCourseSessionRequest
from lms365_desktop.ui.wizards.form_messages import form_message
from lms365_desktop.ui.wizards.form_support import pydantic_errors
from tests.ui.dialog_walk import MARK, pseudo, pseudo_qm  # noqa: F401 (fixtures)

CASES = [
    (CreateCourseRequest, {"CourseCatalogId": "", "Title": "", "Description": "", "Url": "has spaces",
                           "Culture": "english", "UICulture": "", "CourseType": "ELearning", "Duration": "soon",
                           "ImageUrl": "picture.png"}),
    (CreateCourseSessionRequest, {"Title": "x" * 130, "StartDate": "2027-03-10T09:00:00Z",
                                  "EndDate": "2027-03-10T08:00:00Z", "TimeZone": "Atlantis Standard Time",
                                  "MeetingUrl": "teams meeting", "MaxAttendees": 0,
                                  "Room": {"EmailAddress": "not-an-email"}}),
    (CreateCourseCategoryRequest, {"Name": "", "CourseCatalogId": "00000000-0000-0000-0000-000000000001"}),
]


def messages() -> list[str]:
    found = []
    for model, payload in CASES:
        with pytest.raises(pydantic.ValidationError) as caught:
            model.model_validate(payload)
        found += pydantic_errors(caught.value).values()
    return found


def test_every_check_the_wizards_show_is_translated_with_its_value(qapp, pseudo):
    shown = messages()
    assert len(shown) >= 10
    assert [m for m in shown if MARK not in form_message(m)] == []
    # The typed value is quoted in the translation as it was typed.
    culture = next(m for m in shown if "culture name" in m)
    assert "'english'" in form_message(culture)


def test_without_a_catalogue_the_message_is_the_models_own(qapp):
    for message in messages():
        assert form_message(message) == message
