"""The German catalogue is complete and current, the language follows preference or system, and nothing escapes translation."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale

from lms365_desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402  (the project's own catalogue tool)

GERMAN_TS = ROOT / "lms365_desktop" / "translations" / "lms365_desktop_de.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {(context.findtext("name") or "", message.findtext("source") or ""): message
            for context in tree.iter("context") for message in context.iter("message")}


def test_german_catalogue_has_no_unfinished_entry():
    open_entries = [source for (_, source), message in _messages(GERMAN_TS).items()
                    if message.find("translation").get("type") == "unfinished"]
    assert open_entries == []


def test_german_catalogue_holds_every_string_of_the_code(tmp_path):
    """A fresh extraction finds no string the committed catalogue lacks (run `make translations`)."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([translations.tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *translations.sources(), "-ts", str(fresh)], cwd=ROOT, check=True)
    missing = sorted(set(_messages(fresh)) - set(_messages(GERMAN_TS)))
    assert missing == [], f"not in the German catalogue: {missing[:20]}"


def test_shipped_german_qm_is_compiled_from_the_catalogue(tmp_path):
    out = tmp_path / "de.qm"
    subprocess.run([translations.tool("lrelease"), "-silent", str(GERMAN_TS), "-qm", str(out)], check=True)
    shipped = i18n.catalogue_folder() / "lms365_desktop_de.qm"
    assert shipped.read_bytes() == out.read_bytes(), "run `make translations`"


@pytest.mark.parametrize(("preference", "system", "expected"), [
    ("", "de_DE", "de"), ("", "de_AT", "de"), ("", "fr_FR", "en"), ("en", "de_DE", "en"), ("de", "en_US", "de"),
    ("xx", "en_GB", "en"),
])
def test_language_follows_the_preference_then_the_system(preference, system, expected):
    assert i18n.resolve_language(preference, QLocale(system)) == expected


def test_preference_is_kept_in_settings(settings):
    assert i18n.preferred_language(settings) == ""
    i18n.set_preferred_language(settings, "de")
    assert i18n.preferred_language(settings) == "de"
    i18n.set_preferred_language(settings, "klingon")
    assert i18n.preferred_language(settings) == ""


def test_german_main_window_speaks_german_and_formats_numbers_the_german_way(qapp, qtbot, settings):
    from lms365_desktop.ui.main_window import MainWindow

    installed = i18n.install_translators(qapp, "de")
    try:
        assert installed, "the German catalogue loads"
        window = MainWindow(settings)
        qtbot.addWidget(window)
        titles = [menu.title() for menu in window.menus.values()]
        assert titles[:2] == ["&Datei", "&Aktionen"]
        assert QLocale().toString(1234567) == "1.234.567"
        # Qt's own dialogs come in German too (qtbase catalogue)
        from PySide6.QtWidgets import QDialogButtonBox
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    finally:
        i18n.remove_translators(qapp, installed)


def test_english_reads_one_day_and_two_days(qapp):
    """English has a catalogue of its plurals only: "%n day(s)" reads "1 day" and "2 days"."""
    from PySide6.QtCore import QCoreApplication

    translators = i18n.install_translators(qapp, "en")
    try:
        assert translators, "the English plural catalogue did not load"
        translate = QCoreApplication.translate
        assert translate("ReportTables", "%n day(s)", "", 1) == "1 day"
        assert translate("ReportTables", "%n day(s)", "", 30) == "30 days"
        # an entry written with QCoreApplication.translate, whose count lupdate alone misses
        assert translate("ReportCharts", "%1 of %n course(s)", "", 1) == "%1 of 1 course"
        assert translate("ReportCharts", "%1 of %n course(s)", "", 4) == "%1 of 4 courses"
    finally:
        i18n.remove_translators(qapp, translators)


def test_shipped_english_qm_is_compiled_from_its_catalogue(tmp_path):
    ts = GERMAN_TS.with_name("lms365_desktop_en.ts")
    out = tmp_path / "en.qm"
    subprocess.run([translations.tool("lrelease"), "-silent", str(ts), "-qm", str(out)], check=True)
    assert out.read_bytes() == (i18n.catalogue_folder() / "lms365_desktop_en.qm").read_bytes()


@pytest.mark.parametrize("system, language, written", [
    ("en_GB", "en", "10/03/2031"),   # a British user keeps day-first dates in the English interface
    ("de_CH", "de", "10.03.31"),
    ("de_DE", "en", "3/10/31"),      # English chosen on a German system: English's own way
    ("C", "en", "3/10/31"),          # no real locale (a bare container): English's own way
])
def test_dates_are_written_the_way_the_users_region_writes_them(system, language, written):
    locale = i18n.interface_locale(language, QLocale(system))
    assert locale.toString(QDate(2031, 3, 10), QLocale.FormatType.ShortFormat) == written
