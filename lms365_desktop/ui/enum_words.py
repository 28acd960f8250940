"""Words for the API's enum values in the wizards and dialogs (course type, enrollment flow…), in the user's language."""
from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lms365_desktop.ui.itemmodels.columns import display_text

# By enum name; the English is what the panes show (display_text), marked for lupdate in one context.
WORDS = {
    "ELearning": QT_TRANSLATE_NOOP("EnumWords", "ELearning"),
    "ClassRoom": QT_TRANSLATE_NOOP("EnumWords", "Class Room"),
    "TrainingPlan": QT_TRANSLATE_NOOP("EnumWords", "Training Plan"),
    "Webinar": QT_TRANSLATE_NOOP("EnumWords", "Webinar"),
    "AutomaticApproval": QT_TRANSLATE_NOOP("EnumWords", "Automatic Approval"),
    "LineManagerApproval": QT_TRANSLATE_NOOP("EnumWords", "Line Manager Approval"),
    "LMSAdministratorsApproval": QT_TRANSLATE_NOOP("EnumWords", "LMS Administrators Approval"),
    "CustomApproval": QT_TRANSLATE_NOOP("EnumWords", "Custom Approval"),
    "ExternalWebhookApproval": QT_TRANSLATE_NOOP("EnumWords", "External Webhook Approval"),
    "EnrollToSingle": QT_TRANSLATE_NOOP("EnumWords", "Enroll To Single"),
    "EnrollToAll": QT_TRANSLATE_NOOP("EnumWords", "Enroll To All"),
    "EnrollToMultiple": QT_TRANSLATE_NOOP("EnumWords", "Enroll To Multiple"),
    "Unknown": QT_TRANSLATE_NOOP("EnumWords", "Unknown"),
    "Exchange": QT_TRANSLATE_NOOP("EnumWords", "Exchange"),
}


def enum_words(member: Enum) -> str:
    """The member in the user's words; a member added to the API later reads as the panes show it."""
    english = WORDS.get(member.name)
    return QCoreApplication.translate("EnumWords", english) if english else display_text(member)
