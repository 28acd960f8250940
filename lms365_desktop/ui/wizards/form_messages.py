"""The checks' message keys (request bodies, file checks; Qt-free) worded in the user's language for the wizards."""
from __future__ import annotations

from collections.abc import Mapping

import pydantic
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lms365_desktop.api.body_messages import BodyMessage
from lms365_desktop.api.problems import Problem, problem_of
from lms365_desktop.core.file_checks import FileMessage
from lms365_desktop.ui.wizards.upload_queue_view import format_size

# One sentence per key, marked for lupdate in one context; {value} is filled from the problem.
# The sentences are the ones the forms showed before the keys, so their catalogue entries stay.
TEXTS: Mapping[BodyMessage, str] = {
    BodyMessage.COURSE_CATALOG_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the course catalog."),
    BodyMessage.COURSE_TITLE_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the course title."),
    BodyMessage.DESCRIPTION_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the short description."),
    BodyMessage.CULTURE_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the culture (e.g. en-US)."),
    BodyMessage.COURSE_URL_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the course URL (e.g. safety-101)."),
    BodyMessage.CATEGORY_NAME_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the category name."),
    BodyMessage.TAG_NAME_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the tag name."),
    BodyMessage.SESSION_TITLE_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the session title."),
    BodyMessage.TIME_ZONE_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the time zone (e.g. W. Europe Standard Time)."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.LOGIN_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the user's login name (e.g. jane@contoso.com)."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.REQUEST_PATH_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the request path (e.g. Competencies)."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.WEBHOOK_ADDRESS_REQUIRED: QT_TRANSLATE_NOOP("FormMessages", "Enter the webhook address the server will call."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.CATEGORY_ID_OR_NAME: QT_TRANSLATE_NOOP("FormMessages", "Each category needs an id (existing) or a name (new)."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.TAG_ID_OR_NAME: QT_TRANSLATE_NOOP("FormMessages", "Each tag needs an id (existing) or a name (new)."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.PUBLISHING_END_BEFORE_START: QT_TRANSLATE_NOOP("FormMessages", "The publishing end date must be after its start date."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.MAX_ATTENDEES_BELOW_ONE: QT_TRANSLATE_NOOP("FormMessages", "Maximum attendees must be at least 1 (leave it empty for no limit)."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.SESSION_END_BEFORE_START: QT_TRANSLATE_NOOP("FormMessages", "The session must end after it starts."),
    BodyMessage.DEADLINE_AFTER_END: QT_TRANSLATE_NOOP("FormMessages", "The enrollment deadline must not be after the session ends."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.IMAGE_URL_NOT_HTTP: QT_TRANSLATE_NOOP("FormMessages", "The image URL {value} must be an absolute http(s) URL, e.g. https://example.com/image.png."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.CULTURE_INVALID: QT_TRANSLATE_NOOP("FormMessages", "{value} is not a culture name; use a form like en-US or da-DK."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.COURSE_URL_SPACES: QT_TRANSLATE_NOOP("FormMessages", "The course URL {value} contains spaces; use letters, digits and dashes."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.DURATION_INVALID: QT_TRANSLATE_NOOP("FormMessages", "The duration {value} must be an amount of time, e.g. 90, 2 hours or 1h 30m."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.EMAIL_INVALID: QT_TRANSLATE_NOOP("FormMessages", "{value} is not an e-mail address (e.g. room.berlin@contoso.com)."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.SESSION_TITLE_TOO_LONG: QT_TRANSLATE_NOOP("FormMessages", "The session title is {value} characters; LMS365 allows 128."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.TIME_ZONE_UNKNOWN: QT_TRANSLATE_NOOP("FormMessages", "{value} is not a Microsoft time zone id; pick one such as 'W. Europe Standard Time', 'Eastern Standard Time' or 'UTC'."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.MEETING_LINK_NOT_HTTPS: QT_TRANSLATE_NOOP("FormMessages", "The meeting link {value} must start with https://."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.MAX_ATTENDEES_NOT_NUMBER: QT_TRANSLATE_NOOP("FormMessages", "Maximum attendees must be a whole number, not {value}."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.LOGIN_SPACES: QT_TRANSLATE_NOOP("FormMessages", "The login name {value} contains spaces; enter it as jane@contoso.com or i:0#.f|membership|jane@contoso.com."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.COURSE_SESSION_ID_INVALID: QT_TRANSLATE_NOOP("FormMessages", "The course session id must be an id like 027707f9-98d5-5ddf-b98f-0a99a220c1ef (got {value})."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.COURSE_CATALOG_ID_INVALID: QT_TRANSLATE_NOOP("FormMessages", "The course catalog id must be an id like 027707f9-98d5-5ddf-b98f-0a99a220c1ef (got {value})."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.METHOD_UNKNOWN: QT_TRANSLATE_NOOP("FormMessages", "{value} is not one of GET, PUT, POST, PATCH, DELETE."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.PATH_NOT_RELATIVE: QT_TRANSLATE_NOOP("FormMessages", "Give a path relative to the API, not a full address."),  # noqa: E501 (one literal, for lupdate)
    BodyMessage.WEBHOOK_ADDRESS_NOT_HTTP: QT_TRANSLATE_NOOP("FormMessages", "The webhook address {value} must be a full http(s):// URL."),  # noqa: E501 (one literal, for lupdate)
}

# Why a file cannot be sent ({kind}, {size}, {limit} and the system's {reason} are filled in).
FILE_TEXTS: Mapping[FileMessage, str] = {
    FileMessage.NOT_A_FILE: QT_TRANSLATE_NOOP("FormMessages", "Not a regular file."),
    FileMessage.UNREADABLE: QT_TRANSLATE_NOOP("FormMessages", "Cannot read the file: {reason}."),
    FileMessage.EMPTY: QT_TRANSLATE_NOOP("FormMessages", "The file is empty."),
    FileMessage.WRONG_TYPE: QT_TRANSLATE_NOOP("FormMessages", "Not a PDF, PNG or JPEG file (its content is {kind})."),
    FileMessage.UNKNOWN_TYPE: QT_TRANSLATE_NOOP("FormMessages", "Not a PDF, PNG or JPEG file (its content is not recognised)."),  # noqa: E501 (one literal, for lupdate)
    FileMessage.TOO_LARGE: QT_TRANSLATE_NOOP("FormMessages", "Too large: {size}; the limit is {limit}."),
}


def file_problem(problem: Problem) -> str:
    """Why a file cannot be sent, in the user's language (sizes in its number format)."""
    values = dict(problem.values)
    if problem.key is FileMessage.TOO_LARGE:
        values.update(size=format_size(values["size_bytes"]), limit=format_size(values["limit_bytes"]))
    return QCoreApplication.translate("FormMessages", FILE_TEXTS[problem.key]).format(**values)


def body_message(problem: Problem) -> str:
    """The problem's sentence in the user's language, its values filled in."""
    return QCoreApplication.translate("FormMessages", TEXTS[problem.key]).format(**problem.values)


def pydantic_errors(exc: pydantic.ValidationError) -> dict[str, str]:
    """{"Field.Sub": message in the user's language} (first message per field) from a request model.

    A check of ours says what is wrong as a key; pydantic's own checks (a missing field, a too
    long title) have only pydantic's English, shown as it is.
    """
    out: dict[str, str] = {}
    for error in exc.errors():
        loc = ".".join(str(part) for part in error.get("loc", ()) if not isinstance(part, int))
        problem = problem_of(error)
        if problem is not None and isinstance(problem.key, BodyMessage):
            message = body_message(problem)
        else:
            message = str(error.get("msg", "Invalid value.")).removeprefix("Value error, ")
            message = message.removeprefix("Assertion failed, ")
            message = message[:1].upper() + message[1:]
        out.setdefault(loc or "__root__", message)
    return out
