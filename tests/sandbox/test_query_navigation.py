"""$filter and $orderby over several single-valued navigation properties at once, over HTTP."""
from __future__ import annotations

import httpx
import pytest


@pytest.fixture(scope="module")
def api(sandbox):
    with httpx.Client(base_url=sandbox.base_url + "/odata/v2", auth=("api", sandbox.api_key),
                      timeout=20) as client:
        yield client


def all_rows(api, entity_set: str, **params) -> list[dict]:
    out, url = [], f"/{entity_set}"
    query = {f"${k}": v for k, v in params.items()}
    while url:
        response = api.get(url, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        out.extend(body["value"])
        url, query = body.get("@odata.nextLink"), None
    return out


def count(api, entity_set: str, text: str) -> int:
    response = api.get(f"/{entity_set}", params={"$filter": text, "$count": "true", "$top": "0"})
    assert response.status_code == 200, response.text
    return response.json()["@odata.count"]


def test_two_navigations_in_one_filter_give_the_matching_enrollments(api):
    enrollments = all_rows(api, "Enrollments",
                           expand="User($select=Department),Course($select=CEU)")
    department = enrollments[0]["User"]["Department"]
    expected = {e["Id"] for e in enrollments
                if e["User"]["Department"] == department and e["Course"]["CEU"] > 1}
    assert expected and len(expected) < len(enrollments)
    text = f"User/Department eq '{department}' and Course/CEU gt 1"
    got = all_rows(api, "Enrollments", filter=text, select="Id")
    assert {e["Id"] for e in got} == expected
    assert count(api, "Enrollments", text) == len(expected)
    # Sorted by a third navigation while filtering on two others.
    ordered = all_rows(api, "Enrollments", filter=text, orderby="CourseSession/Title,User/Title")
    assert {e["Id"] for e in ordered} == expected


def test_two_course_navigations_combined_with_or(api):
    courses = all_rows(api, "Courses", expand="Publishing,SharepointWeb")
    expected = {c["Id"] for c in courses
                if (c["SharepointWeb"] or {}).get("Url") is not None
                and (c["Publishing"] or {}).get("IsEnabled") is True}
    got = all_rows(api, "Courses",
                   filter="SharepointWeb/Url ne null and Publishing/IsEnabled eq true")
    assert {c["Id"] for c in got} == expected and expected
    either = count(api, "Courses", "DueDate/IsEnabled eq true or ProvisioningProgress/Progress eq 100")
    assert either >= 1


def test_self_referencing_navigation_compares_the_related_row(api):
    users = {u["Id"]: u for u in all_rows(api, "Users", expand="Manager($select=Department)")}
    managed = [u for u in users.values() if u.get("Manager")]
    assert managed
    department = managed[0]["Manager"]["Department"]
    expected = {u["Id"] for u in managed if u["Manager"]["Department"] == department}
    got = all_rows(api, "Users", filter=f"Manager/Department eq '{department}'", select="Id")
    assert {u["Id"] for u in got} == expected
