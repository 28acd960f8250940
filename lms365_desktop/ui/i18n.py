"""The language the UI speaks: the app's catalogue and Qt's own, by preference or the system locale."""
from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

# The preference: a language code from LANGUAGES, or "" to follow the system locale.
LANGUAGE_KEY = "ui/language"
# Languages the application ships a complete catalogue for, in their own words (the choice
# in preferences lists them so, as every desktop does). English is the source language.
LANGUAGES = {"en": "English", "de": "Deutsch"}
CATALOGUE_STEM = "lms365_desktop"
# Qt's own catalogues, for its standard dialogs and buttons (Cancel, Yes, the file dialog...).
QT_CATALOGUES = ("qtbase",)


def catalogue_folder() -> Path:
    """Where the compiled catalogues (.qm) ship: inside the package, so a wheel carries them."""
    return Path(str(resources.files("lms365_desktop") / "translations"))


def preferred_language(settings: QSettings | None) -> str:
    """The saved choice, or "" (follow the system)."""
    if settings is None:
        return ""
    value = settings.value(LANGUAGE_KEY, "", type=str)
    return value if value in LANGUAGES else ""


def set_preferred_language(settings: QSettings, language: str) -> None:
    """Save the choice; it applies at the next start, when every window is built in it."""
    settings.setValue(LANGUAGE_KEY, language if language in LANGUAGES else "")


def resolve_language(preference: str, system: QLocale | None = None) -> str:
    """The language to use: the preference, else the first system UI language we ship, else English."""
    if preference in LANGUAGES:
        return preference
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def interface_locale(language: str, system: QLocale | None = None) -> QLocale:
    """How numbers and dates are written: the system's own locale when it speaks ``language``
    (a British user keeps 10/03/2031 for 10 March, a Swiss German user 10.03.31), else the language's."""
    here = system if system is not None else QLocale.system()
    wanted = QLocale(language)
    return here if here.language() == wanted.language() else wanted


def install_translators(app: QCoreApplication, language: str, folder: Path | None = None) -> list[QTranslator]:
    """Install the catalogues for ``language`` on ``app``; return them (they must outlive their use).

    Also makes the default QLocale follow the interface (see interface_locale).
    """
    QLocale.setDefault(interface_locale(language))
    installed: list[QTranslator] = []
    own = QTranslator(app)
    if own.load(f"{CATALOGUE_STEM}_{language}", str(folder or catalogue_folder())):
        app.installTranslator(own)
        installed.append(own)
    elif language != "en":
        log.warning("No %s catalogue for %r; the interface stays in English", CATALOGUE_STEM, language)
    if language == "en":
        return installed  # English's own catalogue holds its plurals ("1 day", "2 days"); Qt's is the source
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for stem in QT_CATALOGUES:
        qt = QTranslator(app)
        if qt.load(QLocale(language), stem, "_", qt_folder):
            app.installTranslator(qt)
            installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo install_translators (tests switch languages within one process)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
