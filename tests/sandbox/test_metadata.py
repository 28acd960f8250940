"""$metadata: CSDL that describes exactly the entity sets, properties and enums that are served."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import quote

import httpx
import pytest

from lms365_desktop.sandbox import edm
from tests.sandbox.write_support import client, created_course, enroll, fresh_users

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
                                 "TrainingPlans", "UserFields", "Competencies",
                                 "CompetencyCategories", "CompetencyScaleSets",
                                 "LearningModuleAttempts", "ScormAttempts", "ExternalApps"}


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
    router = sandbox.router
    actions = {a.attrib["Name"] for a in schema.findall(f"{EDM}Action")}
    functions = {f.attrib["Name"] for f in schema.findall(f"{EDM}Function")}
    assert functions == {name for _, name in router.functions}
    assert actions == {name for _, name, _ in router.actions} | {
        name for _, name, _ in router.collection_actions}
    assert "IncludeDeletedUsers" in functions
    # Every served action has its parameters and return type described.
    assert set(edm.ACTION_SIGNATURES) == {(set_name, name) for set_name, name, _ in router.actions}


# A value of the wrong type for each kind of parameter: the server must refuse it naming the parameter,
# which shows the declared parameter is one the action really reads.
_WRONG_VALUE = {"Edm.String": {"not": "text"}, "Edm.Guid": "not-a-guid", "Edm.Boolean": "perhaps",
                "Collection(Edm.Guid)": ["not-a-guid"],
                "Collection(LMS365.Api.UserFieldValueInput)": "not a list"}


def _actions(schema) -> dict[str, ET.Element]:
    return {a.attrib["Name"]: a for a in schema.findall(f"{EDM}Action")}


def test_action_parameters_follow_the_connector_bodies(schema):
    def parameters(name):
        return {p.attrib["Name"]: p.attrib["Type"] for p in _actions(schema)[name].findall(f"{EDM}Parameter")}

    assert parameters("Enroll") == {
        "bindingParameter": "LMS365.Api.Course", "userLoginName": "Edm.String", "courseSessionId": "Edm.Guid",
        "courseSessionIds": "Collection(Edm.Guid)", "ignoreMaxAttendees": "Edm.Boolean",
        "ignoreEnrollmentFlow": "Edm.Boolean"}
    assert parameters("Reject") == parameters("Cancel") == {
        "bindingParameter": "LMS365.Api.Enrollment", "message": "Edm.String"}
    assert parameters("Retake") == {"bindingParameter": "LMS365.Api.Enrollment", "courseSessionId": "Edm.Guid"}
    assert parameters("Approve") == parameters("Complete") == {"bindingParameter": "LMS365.Api.Enrollment"}
    enroll = _actions(schema)["Enroll"]
    assert [p.attrib.get("Nullable") for p in enroll.findall(f"{EDM}Parameter")
            if p.attrib["Name"] == "userLoginName"] == ["false"]
    assert enroll.find(f"{EDM}ReturnType").attrib["Type"] == "LMS365.Api.Enrollment"
    assert _actions(schema)["Approve"].find(f"{EDM}ReturnType") is None  # 204, nothing returned


def test_every_declared_action_parameter_is_read_by_the_server(api, schema):
    course = api.get("/Courses", params={"$top": 1, "$filter": "EnrollmentFlow eq 'AutomaticApproval'"}).json()
    course_id = course["value"][0]["Id"]
    enrollment_id = api.get("/Enrollments", params={
        "$top": 1, "$filter": "RegistrationStatus eq 'PendingApproval'"}).json()["value"][0]["Id"]
    login = api.get("/Users", params={"$top": 1}).json()["value"][0]["LoginName"]
    for action in _actions(schema).values():
        name = action.attrib["Name"]
        binding, *declared = action.findall(f"{EDM}Parameter")
        target = {"LMS365.Api.Course": f"/Courses({course_id})",
                  "LMS365.Api.User": f"/Users('{quote(login, safe='')}')"}.get(binding.attrib["Type"],
                                                                f"/Enrollments({enrollment_id})")
        for parameter in declared:
            body = {"userLoginName": login} if name == "Enroll" else {}
            body[parameter.attrib["Name"]] = _WRONG_VALUE[parameter.attrib["Type"]]
            response = api.post(f"{target}/{name}", json=body)
            assert response.status_code == 400, (name, parameter.attrib, response.text)
            # An OData error, or Web API's ModelState for a body that fails binding (notes section 6).
            error = response.json()
            message = error["error"]["message"] if "error" in error else str(error["ModelState"])
            assert parameter.attrib["Name"] in message, (name, response.text)


def test_enroll_returns_what_its_return_type_declares(server, schema):
    """On the module's own write sandbox, so the shared read sandbox stays as seeded."""
    declared = {p.attrib["Name"] for p in entity_types(schema)["Enrollment"].findall(f"{EDM}Property")}
    with client(server) as http:
        course_id = created_course(http, EnrollmentFlow="AutomaticApproval")["Id"]
        user, = fresh_users(http, 1)
        response = enroll(http, course_id, user)
    assert response.status_code == 200, response.text
    assert {k for k in response.json() if not k.startswith("@")} == declared


def test_course_content_types_describe_the_nested_configuration(schema):
    types = entity_types(schema)
    module = {p.attrib["Name"]: p.attrib["Type"] for p in types["LearningModule"].findall(f"{EDM}Property")}
    assert module["Configuration"] == "LMS365.Api.LearningModuleConfiguration"
    complex_types = {c.attrib["Name"]: {p.attrib["Name"]: p.attrib["Type"] for p in c.findall(f"{EDM}Property")}
                     for c in schema.findall(f"{EDM}ComplexType")}
    assert complex_types["LearningModuleConfiguration"] == {
        "LearningModuleId": "Edm.Guid", "Items": "Collection(LMS365.Api.LearningModuleItem)"}
    assert set(complex_types["LearningModuleItem"]) == {
        "Id", "Title", "Content", "ItemType", "Type", "EmbedType", "ConfirmationMessage", "CheckMarkMessage"}
    course_navs = {n.attrib["Name"]: n.attrib for n in types["Course"].findall(f"{EDM}NavigationProperty")}
    # Modules and quizzes have no entity set of their own: they are contained in the course.
    assert course_navs["LearningModules"]["ContainsTarget"] == "true"
    assert course_navs["Quizzes"]["Type"] == "Collection(LMS365.Api.Quiz)"
    assert "ContainsTarget" not in course_navs["Categories"]


def test_the_sets_and_members_beyond_the_connector_are_described(schema):
    types = entity_types(schema)

    def navigations(type_name):
        return {n.attrib["Name"]: n.attrib["Type"] for n in types[type_name].findall(f"{EDM}NavigationProperty")}

    def properties(type_name):
        return {p.attrib["Name"]: p.attrib["Type"] for p in types[type_name].findall(f"{EDM}Property")}

    assert navigations("Course")["Rating"] == "LMS365.Api.CourseRating"
    assert navigations("Course")["Competencies"] == "Collection(LMS365.Api.Competency)"
    assert navigations("Enrollment")["Attendances"] == "Collection(LMS365.Api.Attendance)"
    assert navigations("User")["UserFieldValues"] == "Collection(LMS365.Api.UserFieldValue)"
    assert "Rating" in properties("CourseRating")
    assert "Secret" not in properties("ExternalApp") and "CustomFields" in properties("ExternalApp")
    assert properties("CompetencyScaleSet")["Levels"] == "Collection(LMS365.Api.CompetencyScaleLevel)"
    assert properties("LearningModuleAttempt")["State"] == properties("ScormAttempt")["State"] == \
        "LMS365.Api.AttemptState"
    functions = {f.attrib["Name"] for f in schema.findall(f"{EDM}Function")}
    assert "IncludeDeletedUsers" in functions
    update = _actions(schema)["UpdateUserFieldValues"]
    assert update.find(f"{EDM}Parameter").attrib["Type"] == "LMS365.Api.User"
