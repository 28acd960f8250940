"""A date as the user reads it: this computer's clock, the locale's short formats, the zone named."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from lms365_desktop.ui.local_time import (local_day, machine_zone_name, moment_text, moment_tooltip, wall_clock,
                                          zone_header)
from tests.ui.helpers import machine_clock

WINTER, SUMMER = "2027-01-12T08:00:00Z", "2027-07-12T08:00:00Z"


def test_copenhagen_in_british_and_german(qapp, monkeypatch):
    with machine_clock(monkeypatch, "Europe/Copenhagen", "en_GB"):
        assert moment_text(WINTER) == "12/01/2027 09:00"
        assert moment_text(SUMMER) == "12/07/2027 10:00"  # summer time on that date, not today's offset
        assert moment_text(WINTER, zone=True) == "12/01/2027 09:00 CET"
        assert moment_text(SUMMER, zone=True) == "12/07/2027 10:00 CEST"
        assert moment_tooltip(SUMMER) == "Monday, 12 July 2027 10:00 CEST · Copenhagen (UTC+02:00) · 12/07/2027 08:00 UTC"
        assert zone_header("Registered") == "Registered (Copenhagen time)"
    with machine_clock(monkeypatch, "Europe/Copenhagen", "de_DE"):
        assert moment_text(WINTER) == "12.01.27 09:00"
        assert moment_tooltip(WINTER).startswith("Dienstag, 12. Januar 2027 09:00 CET · Copenhagen (UTC+01:00)")


def test_a_utc_computer_says_utc_once(qapp, monkeypatch):
    with machine_clock(monkeypatch, "UTC"):
        assert machine_zone_name() == "UTC"
        assert zone_header("Created") == "Created (UTC)"
        assert moment_text(WINTER, zone=True) == "12/01/2027 08:00 UTC"
        assert moment_tooltip(WINTER) == "Tuesday, 12 January 2027 08:00 UTC"


@pytest.mark.parametrize("zone", ["Pacific/Auckland", "America/Los_Angeles"])
def test_a_deadline_day_stays_its_day_on_any_clock(qapp, monkeypatch, zone):
    with machine_clock(monkeypatch, zone):
        for stored in ("2027-02-01T23:59:59Z", "2027-02-01T00:00:00Z", "2027-02-01"):
            assert moment_text(stored, days=True) == "01/02/2027"
            assert moment_text(stored, days=True, zone=True) == "01/02/2027"  # a day has no zone
            assert moment_tooltip(stored, days=True) == "Monday, 1 February 2027 (a date without a time of day)"
            assert wall_clock(stored, days=True) == date(2027, 2, 1)
        # A moment with a time of its own is that moment, even in a deadline column.
        assert moment_text("2027-02-01T12:00:00Z", days=True) != "01/02/2027"
        # Outside deadlines midnight UTC is a moment like any other.
        assert moment_text("2027-02-01T00:00:00Z") != "01/02/2027"


def test_nothing_for_no_date_and_text_for_what_is_no_date(qapp, monkeypatch):
    with machine_clock(monkeypatch, "Europe/Copenhagen"):
        assert moment_text(None) == moment_text("1753-01-01T00:00:00Z") == moment_text("9999-12-31T23:59:59.997Z") == ""
        assert moment_text("2027-13-45T00:00:00Z") == "2027-13-45T00:00:00Z"
        assert moment_tooltip(None) == ""


def test_wall_clock_and_local_day(qapp, monkeypatch):
    with machine_clock(monkeypatch, "America/New_York"):
        assert wall_clock(WINTER) == datetime(2027, 1, 12, 3, 0)
        assert local_day("2027-01-12T03:00:00Z") == date(2027, 1, 11)  # still the 11th in New York
        assert local_day("2027-01-12") == date(2027, 1, 12)


def test_no_second_copy_of_reading_a_date_for_a_person():
    """Dates meant for a person are formatted in ui/local_time.py only: a pane that reads the system
    zone itself, or writes its own clock format, would disagree with the headers that name the zone."""
    import re
    from pathlib import Path

    import lms365_desktop.ui as ui

    patterns = re.compile(r'\.astimezone\(\)|timeZoneAbbreviation\(|\.tzname\(\)|strftime\("[^"T]*%H:%M[^"]*"\)'
                          r'|"ddd |"HH:mm')
    root = Path(ui.__file__).parent
    found = [f"{path.relative_to(root)}:{number}: {line.strip()}"
             for path in sorted(root.rglob("*.py")) if path.name != "local_time.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if patterns.search(line)]
    assert found == []
