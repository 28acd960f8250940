"""PUT Users('{LoginName}'): create (201 + UserCreated) or update (204), with validation naming the member."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.sandbox.receiver import WebhookReceiver
from tests.sandbox.write_support import assert_error, assert_notification_shape, users


def user_path(login: str) -> str:
    return "/odata/v2/Users('" + quote(login.replace("'", "''"), safe="|@:") + "')"


def test_put_creates_a_user_and_announces_it(api):
    manager = users(api, 1)[0]
    login = "i:0#.f|membership|new.hire@contoso.onmicrosoft.com"
    with WebhookReceiver() as receiver:
        location = api.post("/webhooks/subscribe/UserCreated", json={"WebHookUri": receiver.url()}).headers["Location"]
        response = api.put(user_path(login), json={"Title": "New Hire", "Department": "Sales",
                                                   "ManagerLoginName": manager["LoginName"]})
        assert response.status_code == 201
        created = response.json()
        assert (created["LoginName"], created["Title"], created["ManagerId"]) == (login, "New Hire", manager["Id"])
        assert created["Email"] == "new.hire@contoso.onmicrosoft.com"
        assert api.get(response.headers["Location"]).json()["Department"] == "Sales"
        delivery, = receiver.wait_for(1)
        assert_notification_shape("UserCreated", delivery.json)
        item, = delivery.json["Notifications"]
        assert (item["UserId"], item["LoginName"], item["IsDeleted"]) == (created["Id"], login, False)
        api.delete(location)


def test_put_updates_an_existing_user(api):
    user = users(api, 1, skip=5)[0]
    response = api.put(user_path(user["LoginName"]), json={"JobTitle": "Trainer", "City": "Aarhus"})
    assert response.status_code == 204 and response.content == b""
    again = api.get(f"/odata/v2/Users({user['Id']})").json()
    assert (again["JobTitle"], again["City"], again["Title"]) == ("Trainer", "Aarhus", user["Title"])
    assert api.put(f"/odata/v2/Users({user['Id']})", json={"Office": "HQ"}).status_code == 204
    assert api.get(f"/odata/v2/Users({user['Id']})").json()["Office"] == "HQ"


def test_a_bare_upn_becomes_a_membership_login(api):
    response = api.put("/odata/v2/Users('solo.learner@contoso.onmicrosoft.com')", json={"Title": "Solo Learner"})
    assert response.status_code == 201
    assert response.json()["LoginName"] == "i:0#.f|membership|solo.learner@contoso.onmicrosoft.com"


@pytest.mark.parametrize("body,status,field", [
    ({}, 400, "Title"),
    ({"Title": ""}, 400, "Title"),
    ({"Title": "X", "Email": "nope"}, 400, "Email"),
    ({"Title": "X", "ManagerLoginName": "i:0#.f|membership|ghost@nowhere.test"}, 400, "ManagerLoginName"),
    ({"Title": "X", "Id": "0b0e1c2d-0000-4000-8000-000000000000"}, 400, "Id"),
    ({"Title": "X", "DirectoryObjectId": "dir"}, 400, "DirectoryObjectId"),
    ({"Title": "X", "IsExternal": "no"}, 400, "IsExternal"),
])
def test_bad_bodies_name_the_member(api, body, status, field):
    assert_error(api.put(user_path("i:0#.f|membership|bad.body@contoso.onmicrosoft.com"), json=body), status, field)
    assert api.get(user_path("i:0#.f|membership|bad.body@contoso.onmicrosoft.com")).status_code == 404


def test_conflicts_and_unknown_keys(api):
    first, second = users(api, 2, skip=10)
    assert_error(api.put(user_path(second["LoginName"]), json={"DirectoryObjectId": first["DirectoryObjectId"]}),
                 409, "DirectoryObjectId")
    assert_error(api.put("/odata/v2/Users(0b0e1c2d-0000-4000-8000-000000000000)", json={"Title": "X"}), 404)
    assert_error(api.put("/odata/v2/Users('not a login')", json={"Title": "X"}), 400)
    assert_error(api.put(user_path(first["LoginName"]), json={"ManagerLoginName": first["LoginName"]}), 400,
                 "own manager")
