"""The checks' keys as the wizards word them: in the user's language, the typed value kept."""
from __future__ import annotations

import string

import pydantic
import pytest

from lms365_desktop.api.bodies import CreateCourseCategoryRequest, CreateCourseRequest, CreateCourseSessionRequest
from lms365_desktop.api.body_messages import BodyMessage
from lms365_desktop.api.problems import problem_of
from lms365_desktop.core.file_checks import FileMessage, check_file
from lms365_desktop.ui.wizards.form_messages import FILE_TEXTS, TEXTS, file_problem, pydantic_errors
from lms365_desktop.ui.wizards.upload_queue_view import format_size
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


def failures() -> list[pydantic.ValidationError]:
    found = []
    for model, payload in CASES:
        with pytest.raises(pydantic.ValidationError) as caught:
            model.model_validate(payload)
        found.append(caught.value)
    return found


def shown() -> list[str]:
    return [message for exc in failures() for message in pydantic_errors(exc).values()]


def slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("keys, texts", [(BodyMessage, TEXTS), (FileMessage, FILE_TEXTS)])
def test_every_message_key_has_a_form_text_with_the_same_values(keys, texts):
    missing = [key.name for key in keys if key not in texts]
    assert missing == []
    # The UI's sentence fills the slots the problem carries, no more and no fewer.
    assert [key.name for key in keys if slots(texts[key]) != slots(key.english)] == []


def test_every_check_the_wizards_show_is_translated_with_its_value(qapp, pseudo):
    messages = shown()
    assert len(messages) >= 10
    assert [m for m in messages if MARK not in m] == []
    # The typed value is quoted in the translation as it was typed.
    culture = next(m for m in messages if "culture name" in m)
    assert "'english'" in culture


def test_without_a_catalogue_the_message_is_the_models_own_english(qapp):
    for exc in failures():
        expected: dict[str, str] = {}
        for error in exc.errors():
            problem = problem_of(error)
            assert problem is not None, error  # every check these forms hit says what it is as a key
            loc = ".".join(str(p) for p in error["loc"] if not isinstance(p, int))
            expected.setdefault(loc or "__root__", problem.english)
        assert pydantic_errors(exc) == expected
    assert "Enter the course catalog." in shown()
    assert "'english' is not a culture name; use a form like en-US or da-DK." in shown()
    assert "The session title is 130 characters; LMS365 allows 128." in shown()


def test_the_english_sentence_keeps_braces_typed_in_a_value():
    with pytest.raises(pydantic.ValidationError) as caught:
        CreateCourseSessionRequest.model_validate({"Title": "t", "StartDate": "2027-03-10T09:00:00Z",
                                                   "EndDate": "2027-03-10T10:00:00Z", "TimeZone": "{value}"})
    (error,) = caught.value.errors()
    assert problem_of(error).key is BodyMessage.TIME_ZONE_UNKNOWN
    assert problem_of(error).english.startswith("'{value}' is not a Microsoft time zone id")


def file_reasons(folder) -> dict[FileMessage, object]:
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "archive.pdf").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    (folder / "notes.pdf").write_text("plain words, no known header")
    (folder / "big.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 3000)
    (folder / "a folder.pdf").mkdir()
    checks = [check_file(folder / "empty.pdf"), check_file(folder / "archive.pdf"), check_file(folder / "notes.pdf"),
              check_file(folder / "big.png", max_bytes=2048), check_file(folder / "missing.pdf"),
              check_file(folder / "a folder.pdf")]
    return {check.reason.key: check.reason for check in checks}


def test_every_file_check_is_worded_in_the_users_language(qapp, pseudo, tmp_path):
    reasons = file_reasons(tmp_path)
    assert set(reasons) == set(FileMessage)
    assert [key.name for key, reason in reasons.items() if MARK not in file_problem(reason)] == []
    assert "ZIP" in file_problem(reasons[FileMessage.WRONG_TYPE])


def test_file_checks_read_as_their_english_without_a_catalogue(qapp, tmp_path):
    reasons = file_reasons(tmp_path)
    for key in set(FileMessage) - {FileMessage.TOO_LARGE}:
        assert file_problem(reasons[key]) == reasons[key].english
    assert reasons[FileMessage.TOO_LARGE].english == "Too large: 2.9 KB; the limit is 2.0 KB."
    # The UI writes the sizes as the upload queue does, in the user's number format.
    assert file_problem(reasons[FileMessage.TOO_LARGE]) == \
        f"Too large: {format_size(3008)}; the limit is {format_size(2048)}."
