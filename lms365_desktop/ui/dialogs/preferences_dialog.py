"""Tools ▸ Preferences: settings a user may change (the language, the log level), saved on OK."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from lms365_desktop.core import logging_setup
from lms365_desktop.ui import i18n

LOG_LEVEL_KEY = "diagnostics/logLevel"


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
        form = QFormLayout()
        form.addRow(language_label, self.language)
        form.addRow("", self.language_note)
        form.addRow(label, self.log_level)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.language, self.log_level)  # reading order, not creation order

    def accept(self) -> None:
        level = self.log_level.currentData()
        i18n.set_preferred_language(self.settings, self.language.currentData())
        self.settings.setValue(LOG_LEVEL_KEY, level)
        logging_setup.set_level(level)
        logging_setup.category("app").info("log level set to %s", level)
        super().accept()
