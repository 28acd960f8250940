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
