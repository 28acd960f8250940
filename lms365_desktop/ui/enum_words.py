"""The API's enum values in a coordinator's words (course types, statuses, approval flows…), in the user's
language: one table for the panes, details, wizards, dialogs and the activity feed."""
from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CAMEL_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")

# By enum name, in sentence case as LMS365's own screens write them; marked for lupdate in one context.
WORDS = {
    "ELearning": QT_TRANSLATE_NOOP("EnumWords", "E-learning"),
    "ClassRoom": QT_TRANSLATE_NOOP("EnumWords", "Classroom"),
    "TrainingPlan": QT_TRANSLATE_NOOP("EnumWords", "Training plan"),
    "Webinar": QT_TRANSLATE_NOOP("EnumWords", "Webinar"),
    "AutomaticApproval": QT_TRANSLATE_NOOP("EnumWords", "Automatic approval"),
    "LineManagerApproval": QT_TRANSLATE_NOOP("EnumWords", "Line manager approval"),
    "LMSAdministratorsApproval": QT_TRANSLATE_NOOP("EnumWords", "LMS administrators approval"),
    "CustomApproval": QT_TRANSLATE_NOOP("EnumWords", "Custom approval"),
    "ExternalWebhookApproval": QT_TRANSLATE_NOOP("EnumWords", "External webhook approval"),
    "EnrollToSingle": QT_TRANSLATE_NOOP("EnumWords", "Enroll in one session"),
    "EnrollToAll": QT_TRANSLATE_NOOP("EnumWords", "Enroll in all sessions"),
    "EnrollToMultiple": QT_TRANSLATE_NOOP("EnumWords", "Enroll in several sessions"),
    "Enrolled": QT_TRANSLATE_NOOP("EnumWords", "Enrolled"),
    "PendingApproval": QT_TRANSLATE_NOOP("EnumWords", "Pending approval"),
    "Rejected": QT_TRANSLATE_NOOP("EnumWords", "Rejected"),
    "Cancelled": QT_TRANSLATE_NOOP("EnumWords", "Cancelled"),
    "WaitingList": QT_TRANSLATE_NOOP("EnumWords", "Waiting list"),
    "Completed": QT_TRANSLATE_NOOP("EnumWords", "Completed"),
    "NotStarted": QT_TRANSLATE_NOOP("EnumWords", "Not started"),
    "InProgress": QT_TRANSLATE_NOOP("EnumWords", "In progress"),
    "Failed": QT_TRANSLATE_NOOP("EnumWords", "Failed"),
    "Valid": QT_TRANSLATE_NOOP("EnumWords", "Valid"),
    "Expiring": QT_TRANSLATE_NOOP("EnumWords", "Expiring"),
    "Expired": QT_TRANSLATE_NOOP("EnumWords", "Expired"),
    "Unknown": QT_TRANSLATE_NOOP("EnumWords", "Unknown"),
    "Exchange": QT_TRANSLATE_NOOP("EnumWords", "Exchange"),
}


@lru_cache(maxsize=512)
def _split_camel(name: str) -> str:
    """'NewStatusName' -> 'New status name', 'XMLImport' -> 'XML import': a value a newer server added."""
    words = _CAMEL_WORD.findall(name)
    if not words:
        return name
    # Acronyms keep their capitals; the first word keeps its own.
    return " ".join([words[0], *(w if len(w) > 1 and w.isupper() else w.lower() for w in words[1:])])


def enum_text(value: Any) -> str:
    """'PendingApproval' (or the member) -> 'Pending approval', in the interface's language."""
    if value is None:
        return ""
    name = value.name if isinstance(value, Enum) else str(value)
    english = WORDS.get(name)
    return QCoreApplication.translate("EnumWords", english) if english else _split_camel(name)
