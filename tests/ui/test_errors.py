"""Each error body the real service sends (OData, Web API ModelState, Web API exception) reaches the
user as a notification whose message names the field, never a generic refusal."""
from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.errors import Lms365Error, error_from_response
from lms365_desktop.ui.errors import report_error
from lms365_desktop.ui.widgets.notification_area import NotificationArea
from tests.ui.helpers import run_async, shot

GENERIC = "The server refused the request as invalid."


async def failure(base_url: str, key: str, method: str, path: str, *, json=None, transport=None) -> Lms365Error:
    async with Lms365Client(base_url, key, rate=None, transport=transport) as client:
        response = await client.request(method, path, json=json)
    assert response.status >= 400, (method, path, response.status)
    return error_from_response(response.status, response.body)  # what every client method raises


def shown(qtbot, exc: Lms365Error) -> str:
    area = NotificationArea()
    qtbot.addWidget(area)
    card = report_error(area, exc)
    area.resize(520, 160)
    shot(area, f"error-{exc.code}")
    return card.message_label.text()


def test_odata_error_names_the_field(qtbot, qasync_loop, sandbox):
    login = quote("i:0#.f|membership|nobody.new@contoso.onmicrosoft.com", safe="")
    exc = run_async(qtbot, failure(sandbox.base_url, sandbox.api_key, "PUT", f"/odata/v2/Users('{login}')",
                                   json={"Email": "nobody@contoso.com"}))
    text = shown(qtbot, exc)
    assert "Title" in text and text != GENERIC


def test_web_api_model_state_names_the_field(qtbot, qasync_loop, sandbox):
    with httpx.Client(base_url=sandbox.base_url, auth=("api", sandbox.api_key)) as http:
        login = http.get("/odata/v2/Users", params={"$top": 1}).json()["value"][0]["LoginName"]
    path = f"/odata/v2/Users('{quote(login, safe='')}')/UpdateUserFieldValues"
    exc = run_async(qtbot, failure(sandbox.base_url, sandbox.api_key, "POST", path,
                                   json={"UserFieldValues": [{"Value": "E1"}]}))
    assert exc.code == "ModelState" and exc.field == "UserFieldValues[0].FieldId"
    text = shown(qtbot, exc)
    assert text == "UserFieldValues[0].FieldId: The FieldId field is required."


@pytest.mark.parametrize("body, expected", [
    ({"Message": "An error has occurred.", "ExceptionMessage": "Value cannot be null.\r\nParameter name: courseId",
      "ExceptionType": "System.ArgumentNullException", "StackTrace": "   at LMS365.Api.Controllers.X()"},
     "courseId: Value cannot be null."),
    ({"Message": "An error has occurred.", "ExceptionMessage": "An error occurred while updating the entries.",
      "ExceptionType": "System.Data.Entity.Infrastructure.DbUpdateException", "StackTrace": "…",
      "InnerException": {"Message": "An error has occurred.",
                         "ExceptionMessage": "String or binary data would be truncated. (Parameter 'Title')",
                         "ExceptionType": "System.Data.SqlClient.SqlException"}},
     "Title: String or binary data would be truncated."),
])
def test_web_api_exception_names_the_field(qtbot, qasync_loop, body, expected):
    """The sandbox never leaks an exception body (its 500s are generic), so a transport plays the
    real service's answer with errors not hidden."""
    transport = httpx.MockTransport(lambda request: httpx.Response(500, json=body))
    exc = run_async(qtbot, failure("https://ne-api.365.systems", "key", "POST", "/odata/v2/Enrollments",
                                   json={}, transport=transport))
    text = shown(qtbot, exc)
    assert text == expected and "StackTrace" not in text and "at LMS365" not in text
