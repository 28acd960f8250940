"""$metadata: CSDL that describes exactly the entity sets, properties and enums that are served."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx
import pytest

EDM = "{http://docs.oasis-open.org/odata/ns/edm}"


@pytest.fixture(scope="module")
def api(sandbox):
    with httpx.Client(base_url=sandbox.base_url + "/odata/v2", auth=("api", sandbox.api_key),
                      timeout=10) as client:
        yield client


@pytest.fixture(scope="module")
def schema(api):
    response = api.get("/$metadata")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.attrib["Version"] == "4.0"
    return root.find(f".//{EDM}Schema")


def entity_types(schema) -> dict[str, ET.Element]:
    return {e.attrib["Name"]: e for e in schema.findall(f"{EDM}EntityType")}


def test_entity_sets_are_those_the_service_document_lists(api, schema):
    container = schema.find(f"{EDM}EntityContainer")
    in_csdl = {s.attrib["Name"] for s in container.findall(f"{EDM}EntitySet")}
    served = {s["name"] for s in api.get("/").json()["value"]}
    assert in_csdl == served == {"Courses", "CourseCatalogs", "CourseCategories", "CourseTags",
                                 "CourseSessions", "Users", "Enrollments", "Certificates",
                                 "TrainingPlans"}


def test_properties_match_what_get_returns_for_every_entity_set(api, schema):
    types = entity_types(schema)
    container = schema.find(f"{EDM}EntityContainer")
    for entity_set in container.findall(f"{EDM}EntitySet"):
        type_name = entity_set.attrib["EntityType"].rsplit(".", 1)[1]
        declared = {p.attrib["Name"] for p in types[type_name].findall(f"{EDM}Property")}
        rows = api.get(f"/{entity_set.attrib['Name']}", params={"$top": "1"}).json()["value"]
        assert rows, entity_set.attrib["Name"]
        assert set(rows[0]) == declared, entity_set.attrib["Name"]


def test_navigation_properties_expand(api, schema):
    types = entity_types(schema)
    container = schema.find(f"{EDM}EntityContainer")
    for entity_set in container.findall(f"{EDM}EntitySet"):
        type_name = entity_set.attrib["EntityType"].rsplit(".", 1)[1]
        navs = [n.attrib["Name"] for n in types[type_name].findall(f"{EDM}NavigationProperty")]
        if not navs:
            continue
        response = api.get(f"/{entity_set.attrib['Name']}",
                           params={"$top": "1", "$expand": ",".join(navs)})
        assert response.status_code == 200, response.text
        assert set(navs) <= set(response.json()["value"][0])


def test_enums_are_listed_with_names_and_values(schema):
    enums = {e.attrib["Name"]: {m.attrib["Name"]: int(m.attrib["Value"])
                                for m in e.findall(f"{EDM}Member")}
             for e in schema.findall(f"{EDM}EnumType")}
    assert enums["CourseType"] == {"ELearning": 1, "ClassRoom": 3, "TrainingPlan": 4,
                                   "Webinar": 5}
    assert enums["CoursePassingStatus"] == {"Completed": 0, "NotStarted": 1, "InProgress": 2}
    assert set(enums["RegistrationStatus"]) >= {"Enrolled", "PendingApproval", "Rejected",
                                                "Cancelled"}
    course = entity_types(schema)["Course"]
    types = {p.attrib["Name"]: p.attrib["Type"] for p in course.findall(f"{EDM}Property")}
    assert types["CourseType"] == "LMS365.Api.CourseType"
    assert types["Id"] == "Edm.Guid" and types["CreatedAt"] == "Edm.DateTimeOffset"


def test_bound_actions_and_functions_are_those_registered(sandbox, schema):
    router = sandbox.state.extras["router"]
    actions = {a.attrib["Name"] for a in schema.findall(f"{EDM}Action")}
    functions = {f.attrib["Name"] for f in schema.findall(f"{EDM}Function")}
    assert functions == {name for _, name in router.functions}
    assert actions == {name for _, name, _ in router.actions} | {
        name for _, name, _ in router.collection_actions}
    assert "IncludeDeletedUsers" in functions
