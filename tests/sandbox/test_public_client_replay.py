"""Calls real LMS365 clients make, replayed against the sandbox: URLs, bodies and the fields each
client reads, as the sources cited in lms365-api-notes.md write them.

TEAMS = elearningforce/lms365.ms-teams server.bot/src/lms/helpers/common-helper.ts and
model-creator.ts; SPFX = zensai-international/lms365.spfx-samples Lms365StatisticsWebPart.ts;
PS = elearningforce/lms365.powershell (key:key Basic); HC-* = help centre articles; 3P = public
administration scripts (notes section 4)."""
from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

# TEAMS courseUrlQueryParameters, verbatim.
COURSE_PARAMETERS = ("$select=CEU,CourseID,CourseType,Description,Duration,Id,ImageUrl,LongDescription,Title,"
                     "Rating&$expand=Admins,Categories,CourseSessions,SharepointWeb,Rating")
PUBLISHED = "IsPublished eq true and ShowInCatalog eq true"


def encode_uri_component(value: str) -> str:
    """JavaScript's encodeURIComponent, which the vendor bot applies to values inside $filter."""
    return quote(value, safe="-_.!~*'()")


@pytest.fixture(scope="module")
def http(server):
    # PS sends the key as user and password alike.
    with httpx.Client(base_url=server.base_url, auth=(server.api_key, server.api_key), timeout=10.0) as client:
        yield client


@pytest.fixture(scope="module")
def catalog(http):
    return http.get("/odata/v2/CourseCatalogs?$select=Id,Title&$expand=SharepointWeb&$top=1").json()["value"][0]


def ok(response: httpx.Response) -> httpx.Response:
    assert 200 <= response.status_code < 300, (response.request.url, response.status_code, response.text[:300])
    assert response.headers.get("OData-Version") == "4.0", response.request.url
    return response


def read_course_as_the_bot_does(source: dict) -> None:
    """TEAMS ModelCreator.createCourse + CommonHelper.Fields.Course.Rating ('rating.rating')."""
    for name in ("CEU", "CourseID", "CourseType", "Description", "Duration", "Id", "ImageUrl", "LongDescription",
                 "Title"):
        assert name in source, name
    assert isinstance(source["Rating"]["Rating"], (int, float))
    assert all({"Email", "LoginName", "Title"} <= set(admin) for admin in source["Admins"])
    assert all({"Id", "Name"} <= set(category) for category in source["Categories"])
    assert source["SharepointWeb"]["Url"].startswith("https://")
    for session in source["CourseSessions"]:
        assert {"EndDate", "EndDateTimeZoneOffset", "Id", "MeetingUrl", "Room", "StartDate",
                "StartDateTimeZoneOffset", "TimeZone", "TimeZoneName"} <= set(session)


def test_vendor_bot_course_queries(http, catalog):
    prefix = f"CourseCatalogId eq {encode_uri_component(catalog['Id'])} and "
    urls = [
        f"odata/v2/Courses?$filter={prefix}{PUBLISHED}&{COURSE_PARAMETERS}",                     # getAll
        f"odata/v2/Courses?$filter={PUBLISHED}&{COURSE_PARAMETERS}",                              # no catalog
        f"odata/v2/Courses?$filter={prefix}{PUBLISHED} and Categories/any(x:x/Name eq "
        f"'{encode_uri_component('Health & Safety')}')&{COURSE_PARAMETERS}",                      # getByCategoryName
        f"odata/v2/Courses?$filter={prefix}CourseType eq 'ClassRoom' and {PUBLISHED}&{COURSE_PARAMETERS}",  # getByType
        f"odata/v2/Courses?$filter={prefix}CourseType eq 'ELearning' and {PUBLISHED} and Categories/any(x:x/Name "
        f"eq '{encode_uri_component('Leadership')}')&{COURSE_PARAMETERS}",                        # getByTypeAndCategoryName
        f"odata/v2/Courses?$filter={prefix}contains(Title,'Leadership') and {PUBLISHED}&{COURSE_PARAMETERS}",  # getByKeyword
    ]
    found = 0
    for url in urls:
        rows = ok(http.get("/" + url)).json()["value"]
        for row in rows:
            read_course_as_the_bot_does(row)
        found += bool(rows)
    assert found >= 4  # the seeded tenant answers most of them with courses
    count = ok(http.get(f"/odata/v2/Courses/$count?$filter={prefix}{PUBLISHED} and CourseType eq 'ClassRoom'"))
    assert int(count.text) > 0  # getCountByType: a bare integer


def test_vendor_bot_catalog_and_category_queries(http, catalog):
    catalogs = ok(http.get("/odata/v2/CourseCatalogs?$expand=Courses($select=Id),SharepointWeb&$filter=Courses/any("
                           "x:x/IsPublished eq true and x/ShowInCatalog eq true)&$select=Id,Title")).json()["value"]
    assert catalogs and all({"Id", "Title"} <= set(c) and "Url" in c["SharepointWeb"]
                            and "Description" in c["SharepointWeb"] for c in catalogs)
    url = catalog["SharepointWeb"]["Url"]
    by_url = ok(http.get("/odata/v2/CourseCatalogs?$select=Id,Title&$expand=SharepointWeb&$filter=SharepointWeb/Url "
                         f"eq '{encode_uri_component(url)}'")).json()["value"]
    assert [c["Id"] for c in by_url] == [catalog["Id"]]
    count = ok(http.get("/odata/v2/CourseCatalogs/$count?$expand=Courses($select=Id)&$filter=Courses/any("
                        "x:x/IsPublished eq true and x/ShowInCatalog eq true)"))
    assert int(count.text) == len(catalogs)
    any_course = "Courses/any(x:x/IsPublished eq true and x/ShowInCatalog eq true and x/IsDeleted eq false)"
    categories = ok(http.get(f"/odata/v2/CourseCategories?$expand=Courses($select=Id,IsDeleted,IsPublished,"
                             f"ShowInCatalog)&$filter=CourseCatalogId eq {catalog['Id']} and {any_course}")).json()["value"]
    assert categories and all({"Id", "Name"} <= set(c) for c in categories)
    assert all({"Id", "IsDeleted", "IsPublished", "ShowInCatalog"} == set(course)
               for c in categories for course in c["Courses"])
    count = ok(http.get(f"/odata/v2/CourseCategories/$count?$expand=Courses($select=Id)&$filter=CourseCatalogId "
                        f"eq {catalog['Id']} and {any_course}"))
    assert int(count.text) == len(categories)


def test_statistics_web_part_counts(http):
    for entity_set in ("Courses", "Enrollments"):
        body = ok(http.get(f"/odata/v2/{entity_set}?$count=true&$top=0")).json()
        assert body["@odata.count"] > 0 and body["value"] == []


def test_administration_script_reads(http):
    courses = ok(http.get("/odata/v2/Courses?$expand=Rating,Publishing&$top=5000&$skip=0")).json()["value"]
    assert courses and all("Rating" in c and "Publishing" in c for c in courses)
    enrollments = ok(http.get("/odata/v2/Enrollments?$filter=CreatedAt ge 2024-01-01T00:00:00Z"
                              "&$expand=Attendances")).json()["value"]
    attended = [a for e in enrollments for a in e["Attendances"]]
    assert attended and all({"CourseSessionId", "Status"} <= set(a) for a in attended)
    everyone = ok(http.get("/odata/v2/Enrollments/IncludeDeletedUsers()?$count=true&$top=0")).json()
    plain = ok(http.get("/odata/v2/Enrollments?$count=true&$top=0")).json()
    assert everyone["@odata.count"] > plain["@odata.count"]


def test_help_centre_entity_sets(http):
    """The sets of the non-filterable-properties article (HC-NF) and the user-fields article."""
    for entity_set, fields in (("UserFields", {"Id", "Title"}), ("Competencies", {"Id", "Title"}),
                               ("CompetencyCategories", {"Id", "Title"}), ("CompetencyScaleSets", {"Id", "Title"}),
                               ("LearningModuleAttempts", {"Id", "State"}), ("ScormAttempts", {"Id", "State"}),
                               ("ExternalApps", {"Id", "Title"})):
        rows = ok(http.get(f"/odata/v2/{entity_set}?$top=50")).json()["value"]
        assert rows and all(fields <= set(row) for row in rows), entity_set
    assert all("Secret" not in app for app in http.get("/odata/v2/ExternalApps").json()["value"])
    with_competencies = ok(http.get("/odata/v2/Courses?$expand=Competencies&$top=100")).json()["value"]
    assert any(c["Competencies"] for c in with_competencies)
    sessions = ok(http.get("/odata/v2/CourseSessions?$filter=StartDate lt 1900-01-01T00:00:00Z")).json()["value"]
    assert sessions and all(s["StartDate"] == "1753-01-01T00:00:00Z" and s["EndDate"] == "9999-12-31T23:59:59.997Z"
                            for s in sessions)
    grouped = ok(http.get(f"/odata/v2/CourseSessions?$filter=GroupId eq {sessions[0]['Id']}")).json()["value"]
    assert grouped and all(s["CourseId"] == sessions[0]["CourseId"] for s in grouped)


def test_help_centre_writes(http, server):
    login = "i:0#.f|membership|replay.learner@contoso.onmicrosoft.com"
    key = quote(login, safe="")
    created = ok(http.put(f"/odata/v2/Users('{key}')", json={"Title": "Replay Learner",
                                                              "Email": "replay.learner@contoso.com"}))
    assert created.status_code == 201 and created.json()["LoginName"] == login
    ok(http.put(f"/odata/v2/Users('{key}')", json={"Department": "Sales"}))
    fields = http.get("/odata/v2/UserFields").json()["value"]
    number = next(f for f in fields if f["Title"] == "Employee number")
    ok(http.post(f"/odata/v2/Users('{key}')/UpdateUserFieldValues",
                 json={"UserFieldValues": [{"FieldId": number["Id"], "Value": "E900001"}]}))
    values = http.get(f"/odata/v2/Users('{key}')?$expand=UserFieldValues").json()["UserFieldValues"]
    assert [(v["FieldTitle"], v["Value"]) for v in values] == [("Employee number", "E900001")]

    user_id = created.json()["Id"]
    course = http.get("/odata/v2/Courses?$filter=EnrollmentFlow eq 'AutomaticApproval' and CourseType eq "
                      "'ELearning'&$top=1&$select=Id").json()["value"][0]
    enrollment = ok(http.post("/odata/v2/Enrollments", json={"CourseId": course["Id"], "UserId": user_id,
                                                             "UserLoginName": login}))
    assert enrollment.status_code == 201 and enrollment.headers["Location"]
    enrollment_id = enrollment.json()["Id"]
    patched = ok(http.patch(f"/odata/v2/Enrollments({enrollment_id})", json={
        "CompletionDate": "2024-01-15T15:00:00.00Z", "CoursePassingStatus": 0, "CourseDuration": 90}))
    assert patched.status_code == 204 and patched.content == b""

    certificate = ok(http.post("/odata/v2/Certificates", json={
        "CourseId": course["Id"], "UserId": user_id, "Issued": "2024-01-16T00:00:00Z", "TemplateId": "template-1"}))
    assert certificate.status_code == 201
    mine = ok(http.get(f"/odata/v2/Certificates?$filter=UserId eq {user_id}")).json()["value"]
    assert {"Id", "UserId", "CourseId", "ContentUrl", "IsGenerated", "Status", "Issued", "Expiry",
            "TemplateId"} <= set(mine[0])
    pdf = ok(http.get(mine[0]["ContentUrl"]))
    assert pdf.content.startswith(b"%PDF")


def test_documented_webhook_registration(http, server):
    """support.lms365.jp 24884233665305 (Logic Apps HTTP Webhook) and the connector's per-event form."""
    callback = "https://prod-01.westeurope.logic.azure.com/workflows/replay/triggers/manual/paths/invoke?noecho"
    subscribed = ok(http.post("/webhooks/subscribe", json={"WebHookUri": callback,
                                                          "Filters": ["CourseEnrollment", "CourseUnenrollment"]}))
    assert subscribed.status_code == 201 and subscribed.json()["Filters"] == ["CourseEnrollment", "CourseUnenrollment"]
    connector = ok(http.post("/webhooks/subscribe/CourseCompleted", json={"WebHookUri": callback}))
    assert connector.headers["Location"]
    removed = ok(http.post("/webhooks/unsubscribe", json={"WebHookUri": callback}))
    assert removed.json()["Removed"] == 2
    assert [s for s in server.state.webhooks.subscriptions() if s.uri == callback] == []


@pytest.mark.parametrize("entity_set, member", [
    ("Courses", "TimeZone"), ("CourseSessions", "StartDateTimeZoneOffset"), ("CourseSessions", "EndDateTimeZoneOffset"),
    ("CourseSessions", "StartDateLocal"), ("CourseSessions", "EndDateLocal"), ("CourseSessions", "TimeZoneName"),
    ("CourseSessions", "Room"), ("CourseSessions", "AttendanceStartDateLocal"),
    ("CourseSessions", "AttendanceEndDateLocal"), ("CourseSessions", "EnrollmentDeadlineLocal"),
    ("CourseSessions", "Instructors"), ("ExternalApps", "Secret"), ("ExternalApps", "CustomFields"),
    ("LearningModuleAttempts", "State"), ("ScormAttempts", "State"), ("Users", "IsExternal"),
])
def test_members_the_help_centre_lists_as_not_filterable(http, entity_set, member):
    """HC-NF (support.lms365.jp 20824071378457): EF6's own words, with a 400."""
    linq = http.get(f"/odata/v2/{entity_set}", params={"$filter": f"{member} eq null"})
    assert linq.status_code == 400, linq.text
    assert linq.json()["error"]["message"] == (
        f"The specified type member '{member}' is not supported in LINQ to Entities. Only initializers, entity "
        f"members, and entity navigation properties are supported.")
    assert linq.headers["OData-Version"] == "4.0"
    if (entity_set, member) in {("ExternalApps", "Secret"), ("ExternalApps", "CustomFields"),
                                ("LearningModuleAttempts", "State"), ("ScormAttempts", "State")}:
        selected = http.get(f"/odata/v2/{entity_set}", params={"$select": f"Id,{member}"})
        assert selected.status_code == 400 and "LINQ to Entities" in selected.text


def test_refusals_carry_what_real_clients_expect(http):
    wrong_method = http.get("/webhooks/subscribe")
    assert wrong_method.status_code == 405 and wrong_method.headers["Allow"] == "POST"
    assert wrong_method.headers["OData-Version"] == "4.0"
    refused = http.delete("/odata/v2/Courses")
    assert refused.status_code == 405 and "GET" in refused.headers["Allow"] and "POST" in refused.headers["Allow"]
    anonymous = httpx.get(str(http.base_url) + "/odata/v2/Courses")
    assert anonymous.status_code == 401 and anonymous.headers["OData-Version"] == "4.0"
