"""Demo data a coordinator would believe: consistent dates, varied messages, sessions in office hours, real rooms."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.sandbox.write_support import client, start_sandbox

# Where each session time zone's classrooms are (by the room's location text).
CITIES_OF_ZONE = {
    "Romance Standard Time": ("Copenhagen", "Aarhus"), "GMT Standard Time": ("London",),
    "W. Europe Standard Time": ("Berlin", "Munich"), "Eastern Standard Time": ("Manhattan", "New York"),
    "Pacific Standard Time": ("Seattle",), "Tokyo Standard Time": ("Tokyo",), "AUS Eastern Standard Time": ("Sydney",),
}


@pytest.fixture(scope="module")
def server():
    with start_sandbox(users=2000, courses=120) as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def api(server):
    with client(server) as http:
        yield http


def count(api, entity_set: str, where: str) -> int:
    response = api.get(f"/odata/v2/{entity_set}/$count", params={"$filter": where})
    assert response.status_code == 200, response.text
    return int(response.text)


def now_literal() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_enrollment_dates_are_in_order_and_not_in_the_future(api):
    now = now_literal()
    assert count(api, "Enrollments", "CompletionDate lt StartDate") == 0
    assert count(api, "Enrollments", "StartDate lt RegistrationDate") == 0
    assert count(api, "Enrollments", f"StartDate gt {now}") == 0
    assert count(api, "Enrollments", f"CompletionDate gt {now}") == 0
    assert count(api, "Enrollments", "CoursePassingStatus eq 'Completed'") > 100


def test_cancellations_and_rejections_give_varied_reasons(api):
    def reasons(status: str) -> list:
        return [e["CancellationReason"] for e in api.get("/odata/v2/Enrollments", params={
            "$filter": f"RegistrationStatus eq '{status}'", "$select": "CancellationReason"}).json()["value"]]

    cancelled, rejected = reasons("Cancelled"), reasons("Rejected")
    assert cancelled and rejected
    assert len(set(cancelled)) >= 5 and all(cancelled)
    assert len(set(rejected)) >= 4 and sum(r is not None for r in rejected) > len(rejected) // 2


def test_sessions_start_in_office_hours_on_weekdays_in_rooms_of_their_city(api):
    sessions = api.get("/odata/v2/CourseSessions").json()["value"]
    assert len(sessions) > 40
    rooms = 0
    for session in sessions:
        if session["StartDate"].startswith("1753-"):
            continue  # a session group: placeholder dates (API notes section 4)
        start = dt.datetime.fromisoformat(session["StartDate"].replace("Z", "+00:00"))
        local = start + dt.timedelta(minutes=session["StartDateTimeZoneOffset"])
        assert 8 <= local.hour <= 16 and local.weekday() < 5, (session["TimeZone"], local)
        room = session["Room"]
        if room and room["Location"]:
            rooms += 1
            cities = CITIES_OF_ZONE[session["TimeZone"]]
            assert any(city in room["Location"] for city in cities), (session["TimeZone"], room)
    assert rooms > 10


def test_certificate_status_agrees_with_its_expiry(api):
    now = now_literal()
    assert count(api, "Certificates", f"Status eq 'Expired' and Expiry gt {now}") == 0
    # Statuses are those of the seed's day: one that lapsed since midnight may still say Expiring.
    midnight = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT00:00:00Z")
    assert count(api, "Certificates", f"Status ne 'Expired' and Expiry lt {midnight}") == 0
    assert count(api, "Certificates", "Status eq 'Expired'") > 0


def test_descriptions_read_as_english(api):
    descriptions = [c["Description"] for c in api.get("/odata/v2/Courses", params={"$select": "Description"}
                                                      ).json()["value"]]
    assert not [d for d in descriptions if " a E" in d or "ClassRoom" in d or "TrainingPlan" in d]
    assert any("an e-learning course" in d for d in descriptions)
    assert any("a classroom course" in d for d in descriptions)


def test_some_seeded_users_are_deleted_and_their_enrollments_show_only_when_asked(api):
    deleted = count(api, "Users", "IsDeleted eq true")
    assert 1 <= deleted <= 20
    visible = int(api.get("/odata/v2/Enrollments/$count").text)
    everything = api.get("/odata/v2/Enrollments/IncludeDeletedUsers()", params={"$count": "true", "$top": 0})
    assert everything.status_code == 200, everything.text
    assert everything.json()["@odata.count"] > visible
    managers = {u["ManagerId"] for u in api.get("/odata/v2/Users", params={"$select": "ManagerId"}).json()["value"]}
    gone = {u["Id"] for u in api.get("/odata/v2/Users", params={"$filter": "IsDeleted eq true"}).json()["value"]}
    assert not managers & gone, "nobody reports to a deleted user"
