"""Random sequences of enrollment actions over HTTP, checked against a small model of the rules."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from tests.sandbox.write_support import client, course_body, start_sandbox, wait_until

ACTIVE = {"Enrolled", "PendingApproval"}


@pytest.fixture(scope="module")
def server():
    with start_sandbox(provisioning_seconds=0) as sandbox:
        yield sandbox


def test_enrollment_actions_follow_the_rules(server):
    with client(server) as api:
        courses = {}
        for flow in ("AutomaticApproval", "LMSAdministratorsApproval"):
            course = api.post("/odata/v2/Courses", json=course_body(api, EnrollmentFlow=flow)).json()
            wait_until(lambda: api.get(f"/odata/v2/Courses/$count",
                                       params={"$filter": f"Id eq {course['Id']}"}).text == "1")
            courses[flow] = course["Id"]
        logins = [u["LoginName"] for u in api.get("/odata/v2/Users", params={"$top": 6, "$skip": 200}).json()["value"]]

        class Enrollments(RuleBasedStateMachine):
            """Model: id -> (status, passing, attempt); (course, login) -> active id."""

            enrollment = Bundle("enrollment")

            @initialize()
            def start(self):
                self.model: dict[str, dict] = {}
                self.active: dict[tuple[str, str], str] = {}
                # Each example starts from a clean slate: cancel what earlier examples left active.
                for row in api.get("/odata/v2/Enrollments", params={
                        "$filter": " or ".join(f"CourseId eq {c}" for c in courses.values()),
                        "$select": "Id,RegistrationStatus"}).json()["value"]:
                    if row["RegistrationStatus"] in ACTIVE:
                        assert api.post(f"/odata/v2/Enrollments({row['Id']})/Cancel").status_code == 204

            @rule(target=enrollment, flow=st.sampled_from(sorted(courses)), login=st.sampled_from(logins),
                  ignore_flow=st.booleans())
            def enroll(self, flow, login, ignore_flow):
                response = api.post(f"/odata/v2/Courses({courses[flow]})/Enroll",
                                    json={"userLoginName": login, "ignoreEnrollmentFlow": ignore_flow})
                if (flow, login) in self.active:
                    assert response.status_code == 409, response.text
                    return self.active[(flow, login)]
                assert response.status_code == 200, response.text
                body = response.json()
                expected = "Enrolled" if flow == "AutomaticApproval" or ignore_flow else "PendingApproval"
                assert body["RegistrationStatus"] == expected
                self.model[body["Id"]] = {"status": expected, "passing": "NotStarted", "attempt": 1,
                                          "key": (flow, login)}
                self.active[(flow, login)] = body["Id"]
                return body["Id"]

            def _act(self, enrollment_id, action, allowed: bool, body=None):
                response = api.post(f"/odata/v2/Enrollments({enrollment_id})/{action}", json=body or {})
                assert response.status_code == (204 if allowed else 409), (action, self.model[enrollment_id],
                                                                           response.text)
                return allowed

            def _deactivate(self, enrollment_id):
                self.active.pop(self.model[enrollment_id]["key"], None)

            @rule(enrollment_id=enrollment)
            def approve(self, enrollment_id):
                state = self.model[enrollment_id]
                if self._act(enrollment_id, "Approve", state["status"] == "PendingApproval"):
                    state["status"] = "Enrolled"

            @rule(enrollment_id=enrollment)
            def reject(self, enrollment_id):
                state = self.model[enrollment_id]
                if self._act(enrollment_id, "Reject", state["status"] == "PendingApproval", {"message": "no"}):
                    state["status"] = "Rejected"
                    self._deactivate(enrollment_id)

            @rule(enrollment_id=enrollment)
            def cancel(self, enrollment_id):
                state = self.model[enrollment_id]
                if self._act(enrollment_id, "Cancel", state["status"] in ACTIVE, {"message": "bye"}):
                    state["status"] = "Cancelled"
                    self._deactivate(enrollment_id)

            @rule(enrollment_id=enrollment)
            def complete(self, enrollment_id):
                state = self.model[enrollment_id]
                if self._act(enrollment_id, "Complete",
                             state["status"] == "Enrolled" and state["passing"] != "Completed"):
                    state["passing"] = "Completed"

            @rule(enrollment_id=enrollment)
            def retake(self, enrollment_id):
                state = self.model[enrollment_id]
                if self._act(enrollment_id, "Retake",
                             state["status"] == "Enrolled" and state["passing"] != "NotStarted"):
                    state["passing"], state["attempt"] = "NotStarted", state["attempt"] + 1

            @rule(enrollment_id=enrollment)
            def start_learning(self, enrollment_id):
                state = self.model[enrollment_id]
                if (state["status"], state["passing"]) != ("Enrolled", "NotStarted"):
                    return  # a learner can only open a course they are in and have not started
                response = api.patch(f"/odata/v2/Enrollments({enrollment_id})",
                                     json={"CoursePassingStatus": "InProgress"})
                assert response.status_code == 204
                self.model[enrollment_id]["passing"] = "InProgress"

            @invariant()
            def server_agrees(self):
                for enrollment_id, state in self.model.items():
                    row = api.get(f"/odata/v2/Enrollments({enrollment_id})", params={
                        "$select": "RegistrationStatus,CoursePassingStatus,Attempt,CompletionDate,CertificateId"}).json()
                    assert (row["RegistrationStatus"], row["CoursePassingStatus"], row["Attempt"]) == (
                        state["status"], state["passing"], state["attempt"])
                    assert (row["CompletionDate"] is not None) == (state["passing"] == "Completed")
                    assert (row["CertificateId"] is not None) == (state["passing"] == "Completed")

        run = settings(max_examples=int(os.environ.get("LMS365_FUZZ_EXAMPLES", "15")), stateful_step_count=12,
                       deadline=None, derandomize=not os.environ.get("LMS365_FUZZ_RANDOM"), database=None,
                       suppress_health_check=list(HealthCheck))(Enrollments)
        run.TestCase().runTest()
