"""The machine's zone is offered by its Microsoft name, and wall-clock times convert to UTC."""
from __future__ import annotations

from datetime import datetime, timezone

from lms365_desktop.core import time_zones
from lms365_desktop.core.time_zones import (
    SWAGGER_TIME_ZONES,
    default_time_zone,
    display_name,
    microsoft_name,
    wall_time_to_utc,
)


def test_iana_zones_map_to_the_swaggers_microsoft_names():
    assert microsoft_name("Europe/Copenhagen") == "Romance Standard Time"
    assert microsoft_name("America/New_York") == "Eastern Standard Time"
    assert microsoft_name("Asia/Tokyo") == "Tokyo Standard Time"
    assert microsoft_name("Etc/UTC") == "UTC"
    assert microsoft_name("Not/AZone") is None
    assert all(zone in SWAGGER_TIME_ZONES for zone in ("Romance Standard Time", "UTC"))


def test_default_follows_the_machine(monkeypatch):
    monkeypatch.setattr(time_zones, "machine_iana_zone", lambda: "Europe/Berlin")
    assert default_time_zone() == "W. Europe Standard Time"
    monkeypatch.setattr(time_zones, "machine_iana_zone", lambda: None)
    assert default_time_zone() == "UTC"


def test_wall_time_and_display():
    summer = datetime(2027, 7, 1, 9, 0)
    assert wall_time_to_utc(summer, "Romance Standard Time") == datetime(2027, 7, 1, 7, 0, tzinfo=timezone.utc)
    assert display_name("Romance Standard Time", datetime(2027, 1, 10)) == "(UTC+01:00) Romance Standard Time"
    assert display_name("India Standard Time", datetime(2027, 1, 10)) == "(UTC+05:30) India Standard Time"
    with_cities = display_name("Romance Standard Time", datetime(2027, 1, 10), with_cities=True)
    assert with_cities.startswith("(UTC+01:00) Romance Standard Time — Paris") and "Copenhagen" in with_cities
    assert display_name("Kamchatka Standard Time", datetime(2027, 1, 10)).startswith("(UTC+12:00)")


# ---- reading session times in the session's zone ---------------------------------------------
_WINDOWS_NAME = "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"


def test_a_utc_time_reads_on_the_session_zones_wall_clock_with_its_dst():
    assert time_zones.in_zone("2027-01-12T08:00:00Z", "Romance Standard Time").strftime("%H:%M %z") == "09:00 +0100"
    assert time_zones.in_zone("2027-07-12T07:00:00Z", "Romance Standard Time").strftime("%H:%M %z") == "09:00 +0200"
    # A zone nobody maps falls back to the offset the API sent with the session.
    assert time_zones.in_zone("2027-01-12T08:00:00Z", "Nowhere Time", 60).strftime("%H:%M") == "09:00"
    assert time_zones.in_zone(None, "UTC") is None and time_zones.in_zone("not a date", "UTC") is None


def test_zone_label_names_places_and_the_offset_on_that_date(monkeypatch):
    monkeypatch.setattr(time_zones, "machine_iana_zone", lambda: "Etc/UTC")
    winter = datetime(2027, 1, 12, 8, tzinfo=timezone.utc)
    summer = datetime(2027, 7, 12, 8, tzinfo=timezone.utc)
    assert time_zones.zone_label("Romance Standard Time", winter, _WINDOWS_NAME) == \
        "Brussels, Copenhagen, Madrid, Paris (UTC+01:00)"
    assert time_zones.zone_label("Romance Standard Time", summer, _WINDOWS_NAME).endswith("(UTC+02:00)")
    assert time_zones.zone_label("Eastern Standard Time", winter) == "New York, Detroit, Iqaluit (UTC-05:00)"
    assert time_zones.zone_label("UTC", winter) == "UTC"
    # A display name that only repeats the id names no place: the zone's cities do.
    assert time_zones.zone_label("India Standard Time", winter, "(UTC+05:30) India Standard Time") == \
        "Calcutta, Kolkata (UTC+05:30)"
    assert time_zones.machine_zone_label(winter) == "UTC"


def test_a_computer_in_the_zone_names_its_own_city(monkeypatch):
    monkeypatch.setattr(time_zones, "machine_iana_zone", lambda: "Europe/Copenhagen")
    winter = datetime(2027, 1, 12, 8, tzinfo=timezone.utc)
    assert time_zones.zone_label("Romance Standard Time", winter, _WINDOWS_NAME) == "Copenhagen (UTC+01:00)"
    assert time_zones.machine_zone_label(winter) == "Copenhagen (UTC+01:00)"
