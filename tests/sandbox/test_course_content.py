"""Course navigations LearningModules and Quizzes: seeded, expandable, readable as nav collections, per the swagger."""
from __future__ import annotations

import pytest

from tests.sandbox.swagger_schema import response_schema
from tests.sandbox.write_support import assert_swagger

NAVS = "SharepointWeb,Categories,Tags,CourseSessions,LearningModules,Trainers,Admins,Quizzes,DueDate,Publishing," \
       "CertificateExpiry,ProvisioningProgress"


def _item_fields(nav: str) -> set[str]:
    return set(response_schema("GetCourseInfo")["properties"][nav]["items"]["properties"])


@pytest.fixture(scope="module")
def elearning(api):
    return api.get("/odata/v2/Courses", params={"$filter": "CourseType eq 'ELearning'", "$orderby": "Id",
                                                "$top": 1}).json()["value"][0]


def test_course_info_with_modules_and_quizzes_matches_the_swagger(api, elearning):
    body = assert_swagger("GetCourseInfo", api.get(f"/odata/v2/Courses({elearning['Id']})",
                                                   params={"$expand": NAVS}))
    modules, quizzes = body["LearningModules"], body["Quizzes"]
    assert modules and quizzes, "an e-learning course has modules and a quiz"
    assert all(set(m) == _item_fields("LearningModules") for m in modules)
    assert all(set(q) == _item_fields("Quizzes") for q in quizzes)
    assert [m["Order"] for m in modules] == sorted(m["Order"] for m in modules)
    for module in modules:
        assert module["CourseId"] == elearning["Id"]
        assert module["Configuration"]["LearningModuleId"] == module["Id"]
        assert module["Configuration"]["Items"] and all(item["Title"] for item in module["Configuration"]["Items"])
    assert all(0 < q["PassingPercentage"] <= 100 and q["MaxAttemptsLimit"] >= 0 for q in quizzes)


def test_nav_collections_list_the_same_modules_and_quizzes(api, elearning):
    expanded = api.get(f"/odata/v2/Courses({elearning['Id']})",
                       params={"$expand": "LearningModules,Quizzes"}).json()
    for nav in ("LearningModules", "Quizzes"):
        response = api.get(f"/odata/v2/Courses({elearning['Id']})/{nav}")
        assert response.status_code == 200, response.text
        assert {r["Id"] for r in response.json()["value"]} == {r["Id"] for r in expanded[nav]}


def test_expand_options_and_filter_on_modules(api, elearning):
    response = api.get("/odata/v2/Courses", params={
        "$filter": f"Id eq {elearning['Id']}",
        "$expand": "LearningModules($select=Id,Title,Order;$orderby=Order desc;$top=1),Quizzes($select=Title)"})
    assert response.status_code == 200, response.text
    course = response.json()["value"][0]
    assert len(course["LearningModules"]) == 1 and set(course["LearningModules"][0]) == {"Id", "Title", "Order"}
    assert all(set(q) == {"Title"} for q in course["Quizzes"])
    published = api.get(f"/odata/v2/Courses({elearning['Id']})/LearningModules",
                        params={"$filter": "IsPublished eq true", "$count": "true"}).json()
    assert published["@odata.count"] == len(published["value"])


def test_classroom_courses_have_no_learning_modules_and_the_seed_spreads_them(api):
    counts = {}
    for course_type in ("ELearning", "ClassRoom"):
        rows = api.get("/odata/v2/Courses", params={"$filter": f"CourseType eq '{course_type}'",
                                                    "$expand": "LearningModules($select=Id),Quizzes($select=Id)",
                                                    "$select": "Id"}).json()["value"]
        counts[course_type] = (sum(bool(r["LearningModules"]) for r in rows), sum(bool(r["Quizzes"]) for r in rows),
                               len(rows))
    with_modules, with_quizzes, total = counts["ELearning"]
    assert with_modules == total and with_quizzes >= total // 2
    assert counts["ClassRoom"][0] == 0
