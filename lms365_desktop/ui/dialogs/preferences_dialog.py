"""Tools ▸ Preferences: settings a user may change (the language, the log level, the reports' copy age), saved on OK."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox,
                               QVBoxLayout, QWidget)

from lms365_desktop.core import logging_setup
from lms365_desktop.core.mirror.learning import MAX_AGE
from lms365_desktop.ui import i18n

LOG_LEVEL_KEY = "diagnostics/logLevel"
MIRROR_MAX_AGE_KEY = "reports/maxAgeHours"  # hours, as a number; the reports' controller reads it before each sync
HOURS, DAYS = "hours", "days"
MAX_AGE_LIMIT_HOURS = 365 * 24


def saved_mirror_max_age(settings: QSettings | None) -> timedelta:
    """How old the reports' local copy may grow before a sync reads it whole again (default: a day)."""
    value = settings.value(MIRROR_MAX_AGE_KEY) if settings is not None else None
    try:
        hours = float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        hours = None
    if hours is None or not 0 < hours <= MAX_AGE_LIMIT_HOURS:
        return MAX_AGE
    return timedelta(hours=hours)


def saved_log_level(settings: QSettings) -> str:
    value = settings.value(LOG_LEVEL_KEY, logging_setup.DEFAULT_LEVEL)
    return value if isinstance(value, str) and value in logging_setup.LEVELS else logging_setup.DEFAULT_LEVEL


def apply_saved_log_level(settings: QSettings) -> str:
    """At start: the level the user chose last time."""
    return logging_setup.set_level(saved_log_level(settings))


class PreferencesDialog(QDialog):
    """A form of preferences; OK saves them to QSettings and applies them at once."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.log_level = QComboBox()
        self.log_level.setObjectName("logLevelCombo")
        self.log_level.setAccessibleName(self.tr("Log level"))
        self.log_level.setAccessibleDescription(self.tr("How much the log file records; Debug is for support."))
        names = {"DEBUG": self.tr("Debug (everything, for support)"), "INFO": self.tr("Info (each request)"),
                 "WARNING": self.tr("Warnings and errors"), "ERROR": self.tr("Errors only")}
        for level in logging_setup.LEVELS:
            self.log_level.addItem(names[level], level)
        self.log_level.setCurrentIndex(self.log_level.findData(saved_log_level(settings)))
        label = QLabel(self.tr("&Log level:"))
        label.setBuddy(self.log_level)
        # Languages are listed in their own words, as every desktop does; "" follows the system.
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("The language of the interface; it applies at the next start."))
        self.language.addItem(self.tr("As the system (%1)").replace(
            "%1", i18n.LANGUAGES[i18n.resolve_language("")]), "")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.preferred_language(settings))))
        language_label = QLabel(self.tr("L&anguage:"))
        language_label.setBuddy(self.language)
        self.language_note = QLabel(self.tr("A new language applies when LMS365 Desktop starts next."))
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: palette(placeholder-text);")
        # The reports' local copy: a number and its unit, so "7 days" need not be typed as 168 hours.
        self.max_age = QSpinBox()
        self.max_age.setObjectName("mirrorMaxAgeSpin")
        self.max_age.setAccessibleName(self.tr("Full re-sync of the reports' copy after"))
        self.max_age.setAccessibleDescription(self.tr(
            "When the reports' local copy is older than this, the next sync reads it whole again."))
        self.max_age_unit = QComboBox()
        self.max_age_unit.setObjectName("mirrorMaxAgeUnit")
        self.max_age_unit.setAccessibleName(self.tr("Unit of the reports' copy age"))
        self.max_age_unit.addItem("", HOURS)
        self.max_age_unit.addItem("", DAYS)
        hours = saved_mirror_max_age(settings).total_seconds() / 3600
        in_days = hours >= 24 and hours % 24 == 0
        self.max_age_unit.setCurrentIndex(self.max_age_unit.findData(DAYS if in_days else HOURS))
        self._on_max_age_unit_changed()
        self.max_age.setValue(round(hours / 24) if in_days else max(1, round(hours)))
        self._name_units()
        self.max_age_unit.currentIndexChanged.connect(self._on_max_age_unit_changed)
        self.max_age.valueChanged.connect(self._name_units)
        max_age_label = QLabel(self.tr("&Full re-sync of reports after:"))
        max_age_label.setBuddy(self.max_age)
        max_age_row = QHBoxLayout()
        max_age_row.addWidget(self.max_age)
        max_age_row.addWidget(self.max_age_unit)
        max_age_row.addStretch(1)
        self.max_age_note = QLabel(self.tr(
            "The reports read new rows at every sync; a copy older than this is read whole again."))
        self.max_age_note.setWordWrap(True)
        self.max_age_note.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout()
        form.addRow(language_label, self.language)
        form.addRow("", self.language_note)
        form.addRow(label, self.log_level)
        form.addRow(max_age_label, max_age_row)
        form.addRow("", self.max_age_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # Reading order, not creation order.
        QWidget.setTabOrder(self.language, self.log_level)
        QWidget.setTabOrder(self.log_level, self.max_age)
        QWidget.setTabOrder(self.max_age, self.max_age_unit)

    def _on_max_age_unit_changed(self) -> None:
        if self.max_age_unit.currentData() == DAYS:
            self.max_age.setRange(1, MAX_AGE_LIMIT_HOURS // 24)
        else:
            self.max_age.setRange(1, MAX_AGE_LIMIT_HOURS)

    def _name_units(self) -> None:
        """The units agree with the number beside them: "1 day", "2 days"."""
        count = self.max_age.value()
        number = str(count)  # as %n writes it; the spin box beside shows the number itself
        for index, text in enumerate((self.tr("%n hour(s)", "", count), self.tr("%n day(s)", "", count))):
            self.max_age_unit.setItemText(index, text.replace(number, "", 1).strip())

    def mirror_max_age(self) -> timedelta:
        """The age chosen in the form (not yet saved)."""
        factor = 24 if self.max_age_unit.currentData() == DAYS else 1
        return timedelta(hours=self.max_age.value() * factor)

    def accept(self) -> None:
        level = self.log_level.currentData()
        i18n.set_preferred_language(self.settings, self.language.currentData())
        self.settings.setValue(MIRROR_MAX_AGE_KEY, int(self.mirror_max_age().total_seconds() // 3600))
        self.settings.setValue(LOG_LEVEL_KEY, level)
        logging_setup.set_level(level)
        logging_setup.category("app").info("log level set to %s", level)
        super().accept()
