"""The request models' checks (api.bodies, Qt-free, English) in the user's language, for the wizards' forms."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Messages without a value in them, by their English text (marked for lupdate in one context).
EXACT = {text: text for text in (
    QT_TRANSLATE_NOOP("FormMessages", "Enter the course catalog."),
    QT_TRANSLATE_NOOP("FormMessages", "Enter the course title."),
    QT_TRANSLATE_NOOP("FormMessages", "Enter the short description."),
    QT_TRANSLATE_NOOP("FormMessages", "Enter the culture (e.g. en-US)."),
    QT_TRANSLATE_NOOP("FormMessages", "Enter the course URL (e.g. safety-101)."),
    QT_TRANSLATE_NOOP("FormMessages", "Enter the category name."),
    QT_TRANSLATE_NOOP("FormMessages", "Enter the tag name."),
    QT_TRANSLATE_NOOP("FormMessages", "Enter the session title."),
    QT_TRANSLATE_NOOP("FormMessages", "Enter the time zone (e.g. W. Europe Standard Time)."),
    QT_TRANSLATE_NOOP("FormMessages", "Enter the user's login name (e.g. jane@contoso.com)."),
    QT_TRANSLATE_NOOP("FormMessages", "Each category needs an id (existing) or a name (new)."),
    QT_TRANSLATE_NOOP("FormMessages", "Each tag needs an id (existing) or a name (new)."),
    QT_TRANSLATE_NOOP("FormMessages", "The publishing end date must be after its start date."),
    QT_TRANSLATE_NOOP("FormMessages", "Maximum attendees must be at least 1 (leave it empty for no limit)."),
    QT_TRANSLATE_NOOP("FormMessages", "The session must end after it starts."),
    QT_TRANSLATE_NOOP("FormMessages", "The enrollment deadline must not be after the session ends."),
)}

# Messages that quote what was typed: the pattern finds the value, the template says it again.
PATTERNS = (
    (re.compile(r"^The image URL (?P<value>'.*'|\".*\") must be an absolute http\(s\) URL, e\.g\. "
                r"https://example\.com/image\.png\.$", re.S),
     QT_TRANSLATE_NOOP("FormMessages", "The image URL {value} must be an absolute http(s) URL, "
                                       "e.g. https://example.com/image.png.")),
    (re.compile(r"^(?P<value>'.*'|\".*\") is not a culture name; use a form like en-US or da-DK\.$", re.S),
     QT_TRANSLATE_NOOP("FormMessages", "{value} is not a culture name; use a form like en-US or da-DK.")),
    (re.compile(r"^The course URL (?P<value>'.*'|\".*\") contains spaces; use letters, digits and dashes\.$", re.S),
     QT_TRANSLATE_NOOP("FormMessages", "The course URL {value} contains spaces; use letters, digits and dashes.")),
    (re.compile(r"^The duration (?P<value>'.*'|\".*\") must be an amount of time, e\.g\. 90, 2 hours or 1h 30m\.$",
                re.S),
     QT_TRANSLATE_NOOP("FormMessages", "The duration {value} must be an amount of time, e.g. 90, 2 hours or 1h 30m.")),
    (re.compile(r"^(?P<value>'.*'|\".*\") is not an e-mail address \(e\.g\. room\.berlin@contoso\.com\)\.$", re.S),
     QT_TRANSLATE_NOOP("FormMessages", "{value} is not an e-mail address (e.g. room.berlin@contoso.com).")),
    (re.compile(r"^The session title is (?P<value>\d+) characters; LMS365 allows 128\.$"),
     QT_TRANSLATE_NOOP("FormMessages", "The session title is {value} characters; LMS365 allows 128.")),
    (re.compile(r"^(?P<value>'.*'|\".*\") is not a Microsoft time zone id; pick one such as "
                r"'W\. Europe Standard Time', 'Eastern Standard Time' or 'UTC'\.$", re.S),
     QT_TRANSLATE_NOOP("FormMessages", "{value} is not a Microsoft time zone id; pick one such as "
                                       "'W. Europe Standard Time', 'Eastern Standard Time' or 'UTC'.")),
    (re.compile(r"^The meeting link (?P<value>'.*'|\".*\") must start with https://\.$", re.S),
     QT_TRANSLATE_NOOP("FormMessages", "The meeting link {value} must start with https://.")),
    (re.compile(r"^Maximum attendees must be a whole number, not (?P<value>.*)\.$", re.S),
     QT_TRANSLATE_NOOP("FormMessages", "Maximum attendees must be a whole number, not {value}.")),
)


def form_message(text: str) -> str:
    """``text`` in the user's language when it is one of the request models' messages; else as it is."""
    if text in EXACT:
        return QCoreApplication.translate("FormMessages", EXACT[text])
    for pattern, template in PATTERNS:
        found = pattern.match(text)
        if found:
            return QCoreApplication.translate("FormMessages", template).format(value=found.group("value"))
    return text
