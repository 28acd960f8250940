"""400s for bad queries name the offending text: syntax position, types, functions, keys."""
from __future__ import annotations

import httpx
import pytest


@pytest.fixture(scope="module")
def api(sandbox):
    with httpx.Client(base_url=sandbox.base_url + "/odata/v2", auth=("api", sandbox.api_key),
                      timeout=20) as client:
        yield client


def message(response: httpx.Response) -> str:
    assert response.status_code == 400, response.text
    return response.json()["error"]["message"]


def filter_error(api, entity_set: str, text: str) -> str:
    return message(api.get(f"/{entity_set}", params={"$filter": text}))


@pytest.mark.parametrize("text, named", [
    ("(Title eq 'a'", "ends"),
    ("Title eq 'a' and", "'and' at position 14"),
    ("CreatedAt gt 2024-13-45T00:00:00Z", "'-13-45T00:00:00Z' at position 18"),
    ("Title eq 'a' xor Title eq 'b'", "'xor"),
])
def test_syntax_errors_name_the_text_and_position_not_tokenizer_internals(api, text, named):
    got = filter_error(api, "Courses", text)
    assert named in got
    assert "Token(" not in got and "None" not in got


def test_indexof_works_like_str_find(api):
    courses = api.get("/Courses", params={"$select": "Title", "$top": "500"}).json()["value"]
    letter = courses[0]["Title"][1]
    expected = sum(1 for c in courses if c["Title"].find(letter) == 1)
    response = api.get("/Courses", params={"$filter": f"indexof(Title,'{letter}') eq 1",
                                           "$count": "true", "$top": "0"})
    assert response.status_code == 200, response.text
    assert response.json()["@odata.count"] == expected > 0


@pytest.mark.parametrize("text, words", [
    ("Title eq 5", ["Title", "Edm.String"]),
    ("IsPublished eq 'yes'", ["IsPublished", "Edm.Boolean"]),
    ("CEU gt 'abc'", ["CEU", "'abc'"]),
    ("contains(CEU,'a')", ["contains", "CEU"]),
    ("tolower(5) eq 'x'", ["tolower"]),
])
def test_type_mismatches_are_a_400_naming_the_property_and_type(api, text, words):
    got = filter_error(api, "Courses", text)
    for word in words:
        assert word in got, (word, got)


def test_invalid_guid_key_is_the_same_400_on_reads_and_actions(api):
    read = message(api.get("/Enrollments(xyz)"))
    action = message(api.post("/Enrollments(xyz)/Approve", json={}))
    enroll = message(api.post("/Courses(abc)/Enroll", json={"userLoginName": "x"}))
    assert "not a valid GUID" in read and "not a valid GUID" in action \
        and "not a valid GUID" in enroll
    # Users are also addressed by login name, which is no GUID.
    assert api.get("/Users('nobody@example.com')").status_code == 404
