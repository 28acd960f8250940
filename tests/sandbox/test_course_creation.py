"""Course, category and tag creation: swagger shapes, field validation, IsNew items, URL conflicts."""
from __future__ import annotations

import pytest

from tests.sandbox.write_support import (
    assert_error, assert_swagger, catalog_id, course_body, created_course, users,
)


def test_create_course_answers_the_swagger_shape_with_what_was_sent(api):
    trainer = users(api, 1)[0]
    body = course_body(api, CourseType="ClassRoom", CEU=1.5, Duration="02:30", CourseID="HS-101",
                       LongDescription="Long text", ShowInCatalog=False, EnrollmentFlow="LMSAdministratorsApproval",
                       CourseSessionEnrollmentType="EnrollToMultiple", TrainerLogins=[trainer["LoginName"]],
                       ImageUrl="https://example.com/image.png", CertificateTemplateId="tmpl-1",
                       DueDateSettings={"IsEnabled": True, "DaysAfterEnrollment": "30"},
                       ExpirySettings={"IsEnabled": True, "DaysAfterCompletion": "365"})
    course = assert_swagger("CreateCourse", api.post("/odata/v2/Courses", json=body))
    assert {k: course[k] for k in ("Title", "Description", "CourseType", "CourseID", "Duration", "DecimalCEU",
                                   "ShowInCatalog", "EnrollmentFlow", "CourseSessionEnrollmentType",
                                   "LongDescription", "ImageUrl", "CertificateTemplateId")} == {
        "Title": body["Title"], "Description": "Made by a test", "CourseType": "ClassRoom", "CourseID": "HS-101",
        "Duration": "02:30", "DecimalCEU": 1.5, "ShowInCatalog": False, "EnrollmentFlow": "LMSAdministratorsApproval",
        "CourseSessionEnrollmentType": "EnrollToMultiple", "LongDescription": "Long text",
        "ImageUrl": "https://example.com/image.png", "CertificateTemplateId": "tmpl-1"}
    assert course["CourseCatalogId"] == body["CourseCatalogId"] and course["CreatedAt"]
    stored = api.get(f"/odata/v2/Courses({course['Id']})",
                     params={"$expand": "Trainers($select=Id),DueDate,CertificateExpiry,SharepointWeb"}).json()
    assert [t["Id"] for t in stored["Trainers"]] == [trainer["Id"]]
    assert stored["DueDate"]["DaysAfterEnrollment"] == 30 and stored["CertificateExpiry"]["DaysAfterCompletion"] == 365
    assert stored["SharepointWeb"]["Url"].endswith("/" + body["Url"])


def test_new_categories_and_tags_are_created_and_marked_new(api):
    existing = api.get("/odata/v2/CourseCategories", params={"$top": 1, "$filter": f"CourseCatalogId eq "
                                                                                  f"{catalog_id(api)}"}).json()["value"][0]
    course = created_course(api, Categories=[{"Name": "Drone Safety", "IsNew": True}, {"Id": existing["Id"]}],
                            Tags=[{"TagName": "drones", "IsNew": True}])
    stored = api.get(f"/odata/v2/Courses({course['Id']})", params={"$expand": "Categories,Tags"}).json()
    by_name = {c["Name"]: c for c in stored["Categories"]}
    assert set(by_name) == {"Drone Safety", existing["Name"]}
    assert by_name["Drone Safety"]["IsNew"] is True and by_name[existing["Name"]]["IsNew"] is False
    assert [(t["Name"], t["IsNew"]) for t in stored["Tags"]] == [("drones", True)]
    listed = api.get("/odata/v2/CourseCategories", params={"$filter": "Name eq 'Drone Safety'"}).json()["value"]
    assert len(listed) == 1


def test_unknown_category_or_tag_is_refused_by_name(api):
    assert_error(api.post("/odata/v2/Courses", json=course_body(
        api, Categories=[{"Id": "0b0e1c2d-0000-4000-8000-000000000000"}])), 400, "Categories[0]")
    assert_error(api.post("/odata/v2/Courses", json=course_body(api, Tags=[{"IsNew": True}])), 400,
                 "Tags[0].TagName")


@pytest.mark.parametrize("field", ["CourseCatalogId", "Description", "Title", "Url", "CourseType", "Culture",
                                   "UICulture"])
def test_each_required_field_is_named_when_missing(api, field):
    body = course_body(api)
    del body[field]
    assert_error(api.post("/odata/v2/Courses", json=body), 400, field)


@pytest.mark.parametrize("field,value", [
    ("CourseType", "Seminar"), ("EnrollmentFlow", "Whenever"), ("CourseSessionEnrollmentType", "EnrollToSome"),
    ("CourseCatalogId", "catalog"), ("Culture", "english please"), ("Title", 42), ("Title", "x" * 256),
    ("CEU", -1), ("CEU", "many"), ("ShowInCatalog", "yes"), ("Url", "bad url with spaces"),
    ("TrainerLogins", ["i:0#.f|membership|ghost@nowhere.test"]), ("Categories", "Safety"),
    ("PublishingSettings", {"StartDate": "2030-02-01T00:00:00Z", "EndDate": "2030-01-01T00:00:00Z"}),
    ("DueDateSettings", {"IsEnabled": True}), ("ImageUrl", "not a url"),
])
def test_bad_values_are_refused_with_the_field_named(api, field, value):
    error = assert_error(api.post("/odata/v2/Courses", json=course_body(api, **{field: value})), 400)
    assert field in error["message"]


def test_unknown_catalog_is_a_400(api):
    assert_error(api.post("/odata/v2/Courses", json=course_body(
        api, CourseCatalogId="0b0e1c2d-0000-4000-8000-000000000000")), 400, "CourseCatalogId")


def test_url_conflict_is_409_unless_auto_resolved(api):
    first = created_course(api, Url="compliance-basics")
    first_url = api.get(f"/odata/v2/Courses({first['Id']})/SharepointWeb").json()["Url"]
    assert_error(api.post("/odata/v2/Courses", json=course_body(api, Url="compliance-basics")), 409, "Url")
    resolved = api.post("/odata/v2/Courses", json=course_body(api, Url="Compliance-Basics",
                                                              AutoResolveUrlConflict=True))
    assert resolved.status_code == 200
    second_url = api.get(f"/odata/v2/Courses/IncludeNotCreated", params={
        "$filter": f"Id eq {resolved.json()['Id']}", "$expand": "SharepointWeb"}).json()["value"][0]["SharepointWeb"]["Url"]
    assert second_url != first_url and second_url.lower().startswith(first_url.lower())


def test_create_category_and_tag(api):
    catalog = catalog_id(api)
    category = assert_swagger("CreateCourseCategory", api.post("/odata/v2/CourseCategories",
                                                                json={"Name": "Forklifts", "CourseCatalogId": catalog}))
    assert (category["Name"], category["CourseCatalogId"], category["IsNew"]) == ("Forklifts", catalog, True)
    tag = assert_swagger("CreateCourseTag", api.post("/odata/v2/CourseTags",
                                                      json={"Name": "forklift", "CourseCatalogId": catalog}))
    assert api.get(f"/odata/v2/CourseTags({tag['Id']})").json()["Name"] == "forklift"
    assert_error(api.post("/odata/v2/CourseCategories", json={"Name": "x"}), 400, "CourseCatalogId")
    assert_error(api.post("/odata/v2/CourseTags", json={"CourseCatalogId": catalog}), 400, "Name")
    assert_error(api.post("/odata/v2/CourseTags", json={"Name": "t", "CourseCatalogId":
                                                        "0b0e1c2d-0000-4000-8000-000000000000"}), 400,
                 "CourseCatalogId")


def test_create_category_under_a_parent_of_the_same_catalog(api):
    catalogs = [c["Id"] for c in api.get("/odata/v2/CourseCatalogs", params={"$orderby": "Id"}).json()["value"]]
    parent = assert_swagger("CreateCourseCategory", api.post("/odata/v2/CourseCategories", json={
        "Name": "Warehouse", "CourseCatalogId": catalogs[0]}))
    child = assert_swagger("CreateCourseCategory", api.post("/odata/v2/CourseCategories", json={
        "Name": "Pallet jacks", "CourseCatalogId": catalogs[0], "ParentCategoryId": parent["Id"]}))
    assert child["ParentCategoryId"] == parent["Id"]
    assert api.get(f"/odata/v2/CourseCategories({child['Id']})").json()["ParentCategoryId"] == parent["Id"]
    before = api.get("/odata/v2/CourseCategories/$count").text
    assert_error(api.post("/odata/v2/CourseCategories", json={
        "Name": "Orphan", "CourseCatalogId": catalogs[0],
        "ParentCategoryId": "0b0e1c2d-0000-4000-8000-000000000000"}), 400, "ParentCategoryId")
    assert_error(api.post("/odata/v2/CourseCategories", json={
        "Name": "Elsewhere", "CourseCatalogId": catalogs[1], "ParentCategoryId": parent["Id"]}), 400,
        "ParentCategoryId")
    assert_error(api.post("/odata/v2/CourseCategories", json={
        "Name": "Bad", "CourseCatalogId": catalogs[0], "ParentCategoryId": "not-a-guid"}), 400, "ParentCategoryId")
    assert api.get("/odata/v2/CourseCategories/$count").text == before


def test_duplicate_category_and_tag_names_in_a_catalog_are_409(api):
    catalogs = [c["Id"] for c in api.get("/odata/v2/CourseCatalogs", params={"$orderby": "Id"}).json()["value"]]
    first = api.post("/odata/v2/CourseCategories", json={"Name": "Scaffolding", "CourseCatalogId": catalogs[0]})
    assert first.status_code == 200
    assert_error(api.post("/odata/v2/CourseCategories", json={"Name": "scaffolding ",
                                                               "CourseCatalogId": catalogs[0]}), 409, "Scaffolding")
    # The same name is fine in another catalog, and under another parent.
    assert api.post("/odata/v2/CourseCategories", json={"Name": "Scaffolding",
                                                         "CourseCatalogId": catalogs[1]}).status_code == 200
    assert api.post("/odata/v2/CourseCategories", json={
        "Name": "Scaffolding", "CourseCatalogId": catalogs[0],
        "ParentCategoryId": first.json()["Id"]}).status_code == 200
    assert api.post("/odata/v2/CourseTags", json={"Name": "ladders", "CourseCatalogId": catalogs[0]}).status_code == 200
    assert_error(api.post("/odata/v2/CourseTags", json={"Name": "Ladders", "CourseCatalogId": catalogs[0]}), 409,
                 "ladders")
    assert api.post("/odata/v2/CourseTags", json={"Name": "ladders", "CourseCatalogId": catalogs[1]}).status_code == 200
    count = api.get("/odata/v2/CourseTags/$count", params={"$filter": "tolower(Name) eq 'ladders'"}).text
    assert count == "2"


def test_read_only_key_cannot_create(make_sandbox):
    server = make_sandbox(read_only_keys=("reader",))
    import httpx

    with httpx.Client(base_url=server.base_url, auth=("api", "reader")) as reader:
        response = reader.post("/odata/v2/CourseTags", json={"Name": "t", "CourseCatalogId": "x"})
        assert_error(response, 403)


def test_learning_modules_and_quizzes_named_at_creation_are_kept_in_order(api):
    course = created_course(api, CourseType="ELearning", LearningModules=["Welcome", "Hazards", "Wrap-up"],
                            Quizzes=["Final check"])
    stored = api.get(f"/odata/v2/Courses({course['Id']})", params={"$expand": "LearningModules,Quizzes"}).json()
    assert [m["Title"] for m in stored["LearningModules"]] == ["Welcome", "Hazards", "Wrap-up"]
    assert [m["Order"] for m in stored["LearningModules"]] == [1, 2, 3]
    assert [q["Title"] for q in stored["Quizzes"]] == ["Final check"]
    plain = api.get(f"/odata/v2/Courses({created_course(api)['Id']})", params={"$expand": "LearningModules"}).json()
    assert plain["LearningModules"] == []
