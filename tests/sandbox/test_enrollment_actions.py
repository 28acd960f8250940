"""Enrollment rules over HTTP: flows, every transition and its 409, PATCH, POST Enrollments, the actor."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lms365_desktop.sandbox.store import ActorRecord, Certificate
from tests.sandbox.write_support import (
    assert_error, assert_swagger, created_course, enroll, enrollment, fresh_users,
)


@pytest.fixture(scope="module")
def automatic(api):
    return created_course(api, EnrollmentFlow="AutomaticApproval", CEU=2.5)


@pytest.fixture(scope="module")
def approval(api):
    return created_course(api, EnrollmentFlow="LineManagerApproval")


def test_automatic_flow_enrolls_at_once(api, automatic):
    user, = fresh_users(api, 1)
    body = assert_swagger("EnrollUserToCourse", enroll(api, automatic["Id"], user))
    assert body["RegistrationStatus"] == "Enrolled"
    assert body["CoursePassingStatus"] == "NotStarted"
    assert (body["CourseId"], body["UserId"]) == (automatic["Id"], user["Id"])
    assert body["DecimalCEU"] == 2.5
    assert enrollment(api, body["Id"])["RegistrationStatus"] == "Enrolled"


@pytest.mark.parametrize("flow", ["LineManagerApproval", "LMSAdministratorsApproval", "CustomApproval",
                                  "ExternalWebhookApproval"])
def test_approval_flows_wait_for_approval(api, flow):
    course = created_course(api, EnrollmentFlow=flow)
    user, = fresh_users(api, 1)
    body = assert_swagger("EnrollUserToCourse", enroll(api, course["Id"], user))
    assert body["RegistrationStatus"] == "PendingApproval"


def test_ignore_enrollment_flow_enrolls_directly(api, approval):
    user, = fresh_users(api, 1)
    body = enroll(api, approval["Id"], user, ignoreEnrollmentFlow=True).json()
    assert body["RegistrationStatus"] == "Enrolled"


def test_login_name_may_be_the_bare_upn(api, automatic):
    user, = fresh_users(api, 1)
    upn = user["LoginName"].rsplit("|", 1)[1]
    assert enroll(api, automatic["Id"], {"LoginName": upn}).json()["UserId"] == user["Id"]


def test_approve_moves_pending_to_enrolled_once(api, approval):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, approval["Id"], user).json()["Id"]
    response = api.post(f"/odata/v2/Enrollments({enrollment_id})/Approve")
    assert response.status_code == 204 and response.content == b""
    assert enrollment(api, enrollment_id)["RegistrationStatus"] == "Enrolled"
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Approve"), 409, "PendingApproval")


def test_reject_records_the_message_and_only_from_pending(api, approval, automatic):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, approval["Id"], user).json()["Id"]
    response = api.post(f"/odata/v2/Enrollments({enrollment_id})/Reject", json={"message": "Not this quarter"})
    assert response.status_code == 204
    rejected = enrollment(api, enrollment_id)
    assert (rejected["RegistrationStatus"], rejected["CancellationReason"]) == ("Rejected", "Not this quarter")
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Reject", json={}), 409)
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Approve"), 409)
    other, = fresh_users(api, 1)
    enrolled_id = enroll(api, automatic["Id"], other).json()["Id"]
    assert_error(api.post(f"/odata/v2/Enrollments({enrolled_id})/Reject"), 409)
    assert enrollment(api, enrolled_id)["RegistrationStatus"] == "Enrolled"


def test_cancel_with_message_then_not_again(api, automatic):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, automatic["Id"], user).json()["Id"]
    response = api.post(f"/odata/v2/Enrollments({enrollment_id})/Cancel", json={"message": "Left the company"})
    assert response.status_code == 204
    cancelled = enrollment(api, enrollment_id)
    assert (cancelled["RegistrationStatus"], cancelled["CancellationReason"]) == ("Cancelled", "Left the company")
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Cancel"), 409)
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Complete"), 409)


def test_cancel_a_pending_request(api, approval):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, approval["Id"], user).json()["Id"]
    assert api.post(f"/odata/v2/Enrollments({enrollment_id})/Cancel").status_code == 204
    assert enrollment(api, enrollment_id)["RegistrationStatus"] == "Cancelled"


def test_complete_sets_date_status_and_issues_a_certificate(server, api, automatic):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, automatic["Id"], user).json()["Id"]
    assert api.post(f"/odata/v2/Enrollments({enrollment_id})/Complete").status_code == 204
    done = enrollment(api, enrollment_id)
    assert done["CoursePassingStatus"] == "Completed" and done["CompletionDate"] and done["StartDate"]
    assert done["CertificateId"]
    certificate = api.get(f"/odata/v2/Certificates({done['CertificateId']})").json()
    assert (certificate["UserId"], certificate["CourseId"], certificate["Status"]) == (
        user["Id"], automatic["Id"], "Valid")
    pdf = api.get(certificate["ContentUrl"])
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Complete"), 409, "Completed")


def test_patch_to_completed_follows_the_same_completion_rule_as_complete(api, automatic):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, automatic["Id"], user).json()["Id"]
    response = api.patch(f"/odata/v2/Enrollments({enrollment_id})",
                         json={"CoursePassingStatus": "Completed", "CompletionDate": "2026-01-02T10:00:00Z"})
    assert response.status_code == 204, response.text
    done = enrollment(api, enrollment_id)
    assert (done["CoursePassingStatus"], done["Progress"], done["CompletionDate"]) == (
        "Completed", 100, "2026-01-02T10:00:00Z")
    assert done["CertificateId"], "completing by PATCH issued no certificate"
    certificate = api.get(f"/odata/v2/Certificates({done['CertificateId']})").json()
    assert (certificate["UserId"], certificate["EnrollmentId"], certificate["Status"], certificate["Issued"]) == (
        user["Id"], enrollment_id, "Valid", "2026-01-02T10:00:00Z")
    assert api.get(certificate["ContentUrl"]).content.startswith(b"%PDF-")
    # Patching it Completed again changes nothing: still the one certificate.
    api.patch(f"/odata/v2/Enrollments({enrollment_id})", json={"CoursePassingStatus": "Completed"})
    assert enrollment(api, enrollment_id)["CertificateId"] == done["CertificateId"]
    count = api.get("/odata/v2/Certificates/$count", params={"$filter": f"EnrollmentId eq {enrollment_id}"})
    assert count.text == "1"


def test_complete_needs_an_approved_enrollment(api, approval):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, approval["Id"], user).json()["Id"]
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Complete"), 409, "PendingApproval")
    assert enrollment(api, enrollment_id)["CompletionDate"] is None


def test_retake_resets_progress_and_counts_the_attempt(api, automatic):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, automatic["Id"], user).json()["Id"]
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Retake", json={}), 409, "NotStarted")
    api.post(f"/odata/v2/Enrollments({enrollment_id})/Complete")
    assert api.post(f"/odata/v2/Enrollments({enrollment_id})/Retake", json={}).status_code == 204
    again = enrollment(api, enrollment_id)
    assert again["Attempt"] == 2 and again["Progress"] == 0
    assert again["CoursePassingStatus"] == "NotStarted"
    assert again["CompletionDate"] is None and again["StartDate"] is None and again["CertificateId"] is None
    assert again["RegistrationStatus"] == "Enrolled"


def test_retake_into_another_session(api):
    course = created_course(api, CourseType="ClassRoom")
    sessions = [api.post(f"/odata/v2/Courses({course['Id']})/CourseSessions", json={
        "Title": f"Day {n}", "StartDate": f"2031-03-0{n}T09:00:00Z", "EndDate": f"2031-03-0{n}T16:00:00Z",
        "TimeZone": "UTC"}).json()["Id"] for n in (1, 2)]
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, course["Id"], user, courseSessionIds=[sessions[0]]).json()["Id"]
    api.post(f"/odata/v2/Enrollments({enrollment_id})/Complete")
    assert api.post(f"/odata/v2/Enrollments({enrollment_id})/Retake",
                    json={"courseSessionId": sessions[1]}).status_code == 204
    again = enrollment(api, enrollment_id)
    assert again["courseSessionId"] == sessions[1] and again["EndDate"] == "2031-03-02T16:00:00Z"
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Retake",
                          json={"courseSessionId": "00000000-0000-0000-0000-000000000001"}), 409)


def test_retake_with_a_session_of_another_course_is_refused(api, automatic):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, automatic["Id"], user).json()["Id"]
    api.post(f"/odata/v2/Enrollments({enrollment_id})/Complete")
    other = api.get("/odata/v2/CourseSessions", params={"$top": 1}).json()["value"][0]["Id"]
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Retake", json={"courseSessionId": other}),
                 400, "courseSessionId")
    assert enrollment(api, enrollment_id)["Attempt"] == 1


def test_duplicate_active_enrollment_is_409_but_reenrolling_after_cancel_works(api, automatic):
    user, = fresh_users(api, 1)
    first = enroll(api, automatic["Id"], user).json()["Id"]
    assert_error(enroll(api, automatic["Id"], user), 409, "already")
    api.post(f"/odata/v2/Enrollments({first})/Cancel")
    second = enroll(api, automatic["Id"], user)
    assert second.status_code == 200 and second.json()["Id"] != first


def test_unknown_user_course_and_enrollment(api, automatic):
    assert_error(enroll(api, automatic["Id"], {"LoginName": "i:0#.f|membership|nobody@nowhere.test"}), 400,
                 "userLoginName")
    assert_error(api.post(f"/odata/v2/Courses({automatic['Id']})/Enroll", json={}), 400, "userLoginName")
    # A deleted user is still listed (IsDeleted true); the error says deleted, not "no user".
    gone = api.get("/odata/v2/Users", params={"$filter": "IsDeleted eq true", "$top": "1"}).json()["value"][0]
    assert_error(enroll(api, automatic["Id"], gone), 400, "userLoginName", "deleted")
    assert_error(enroll(api, automatic["Id"], {"LoginName": "c:0t.c|tenant|5b2f0c1e-0000-4000-8000-000000000000"}),
                 400, "group")
    user, = fresh_users(api, 1)
    assert_error(enroll(api, "3f0e7c4e-0000-4000-8000-000000000000", user), 404)
    assert_error(enroll(api, "not-a-guid", user), 400, "not a valid GUID")  # as GET Courses(x)
    for action in ("Approve", "Reject", "Cancel", "Complete", "Retake"):
        assert_error(api.post(f"/odata/v2/Enrollments(3f0e7c4e-0000-4000-8000-000000000000)/{action}"), 404)
        assert_error(api.post(f"/odata/v2/Enrollments('x')/{action}"), 400, "not a valid GUID")


def test_bodies_that_are_not_json_objects(api, automatic):
    assert_error(api.post(f"/odata/v2/Courses({automatic['Id']})/Enroll", content=b"[1]",
                          headers={"content-type": "application/json"}), 400, "JSON object")
    assert_error(api.post(f"/odata/v2/Courses({automatic['Id']})/Enroll", content=b"{nope",
                          headers={"content-type": "application/json"}), 400, "JSON")


def test_training_plan_enrolls_into_its_courses(api):
    plan = api.get("/odata/v2/TrainingPlans", params={"$expand": "Courses($select=Id)", "$top": 1}).json()["value"][0]
    in_plan = {row["UserId"] for row in api.get("/odata/v2/Enrollments", params={
        "$filter": f"CourseId eq {plan['Id']}", "$select": "UserId"}).json()["value"]}
    user = next(u for u in fresh_users(api, 20) if u["Id"] not in in_plan)
    response = enroll(api, plan["Id"], user, ignoreEnrollmentFlow=True)
    assert response.status_code == 200 and response.json()["CourseId"] == plan["Id"]
    rows = api.get("/odata/v2/Enrollments", params={
        "$filter": f"UserId eq {user['Id']} and IsPartOfTrainingPlan eq true"}).json()["value"]
    assert {row["CourseId"] for row in rows} <= {course["Id"] for course in plan["Courses"]}
    assert len(rows) >= 1


def test_post_enrollments_creates_with_201_and_location(api, automatic):
    user, = fresh_users(api, 1)
    response = api.post("/odata/v2/Enrollments", json={"CourseId": automatic["Id"], "UserId": user["Id"]})
    assert response.status_code == 201
    body = response.json()
    assert response.headers["Location"].endswith(f"/odata/v2/Enrollments({body['Id']})")
    assert api.get(response.headers["Location"]).json()["UserId"] == user["Id"]
    assert_error(api.post("/odata/v2/Enrollments", json={"UserId": user["Id"]}), 400, "CourseId")


def test_patch_changes_dates_status_and_ceu(api, automatic):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, automatic["Id"], user).json()["Id"]
    response = api.patch(f"/odata/v2/Enrollments({enrollment_id})", json={
        "DueDate": "2031-01-15T15:00:00.00Z", "CoursePassingStatus": 2, "CEU": 3, "CourseDuration": 90})
    assert response.status_code == 204 and response.content == b""
    patched = enrollment(api, enrollment_id)
    assert patched["DueDate"] == "2031-01-15T15:00:00Z"
    assert (patched["CoursePassingStatus"], patched["CEU"], patched["CourseDuration"]) == ("InProgress", 3, 90)
    assert patched["StartDate"]
    assert_error(api.patch(f"/odata/v2/Enrollments({enrollment_id})", json={"UserId": user["Id"]}), 400, "UserId")
    assert_error(api.patch(f"/odata/v2/Enrollments({enrollment_id})", json={"DueDate": "soon"}), 400, "DueDate")
    assert_error(api.patch(f"/odata/v2/Enrollments({enrollment_id})", json={"CoursePassingStatus": 7}), 400,
                 "CoursePassingStatus")
    assert enrollment(api, enrollment_id)["DueDate"] == "2031-01-15T15:00:00Z"


def test_acting_user_is_recorded_and_unknown_one_refused(server, api, approval):
    actor, learner = fresh_users(api, 2)
    enrollment_id = enroll(api, approval["Id"], learner, ).json()["Id"]
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Approve",
                          headers={"LMS365-User-Id": "6a1f5b3e-1111-4222-8333-444455556666"}), 400, "LMS365-User-Id")
    assert_error(api.post(f"/odata/v2/Enrollments({enrollment_id})/Approve",
                          headers={"LMS365-User-Id": "boss"}), 400, "LMS365-User-Id")
    assert enrollment(api, enrollment_id)["RegistrationStatus"] == "PendingApproval"
    response = api.post(f"/odata/v2/Enrollments({enrollment_id})/Approve",
                        headers={"LMS365-User-Id": actor["DirectoryObjectId"]})
    assert response.status_code == 204
    with server.store.session() as session:
        record = session.scalars(select(ActorRecord).where(ActorRecord.EntityId == enrollment_id,
                                                           ActorRecord.Action == "Approve")).one()
        assert record.ActorUserId == actor["Id"]
    other, = fresh_users(api, 1)
    enrolled = enroll(api, approval["Id"], other, ignoreEnrollmentFlow=True).json()["Id"]
    api.post(f"/odata/v2/Enrollments({enrolled})/Complete", headers={"LMS365-User-Id": actor["Id"]})
    with server.store.session() as session:
        record = session.scalars(select(ActorRecord).where(ActorRecord.EntityId == enrolled,
                                                           ActorRecord.Action == "Complete")).one()
        assert record.ActorUserId == actor["Id"]
        assert session.scalars(select(Certificate).where(Certificate.EnrollmentId == enrolled)).one()


@pytest.mark.parametrize("raw,field", [
    (b'{"CEU": 1' + b"0" * 400 + b"}", "CEU"),
    (b'{"CEU": NaN}', "CEU"),
    (b'{"DecimalCEU": Infinity}', "DecimalCEU"),
    (b'{"DueDate": "\\ud800"}', "body"),
    (b'{"DueDate": "9999-12-31T23:59:59-14:00"}', "DueDate"),
])
def test_hostile_patch_bodies_are_400(api, automatic, raw, field):
    user, = fresh_users(api, 1)
    enrollment_id = enroll(api, automatic["Id"], user).json()["Id"]
    response = api.patch(f"/odata/v2/Enrollments({enrollment_id})", content=raw,
                         headers={"content-type": "application/json"})
    assert_error(response, 400, field)


def test_due_date_and_certificate_expiry_follow_the_course_rules(api):
    from datetime import datetime, timedelta

    course = created_course(api, DueDateSettings={"IsEnabled": True, "DaysAfterEnrollment": "30"},
                            ExpirySettings={"IsEnabled": True, "DaysAfterCompletion": "365"})
    user, = fresh_users(api, 1)
    enrolled = enroll(api, course["Id"], user).json()

    def parse(text):
        return datetime.fromisoformat(text.replace("Z", "+00:00"))

    assert parse(enrolled["DueDate"]) - parse(enrolled["RegistrationDate"]) == timedelta(days=30)
    api.post(f"/odata/v2/Enrollments({enrolled['Id']})/Complete")
    certificate_id = enrollment(api, enrolled["Id"])["CertificateId"]
    certificate = api.get(f"/odata/v2/Certificates({certificate_id})").json()
    assert parse(certificate["Expiry"]) - parse(certificate["Issued"]) == timedelta(days=365)
