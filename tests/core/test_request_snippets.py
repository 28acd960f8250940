"""Console request resolution, snippet export (never the key) and curl parsing."""
from __future__ import annotations

import shlex

import pytest

from lms365_desktop.core.request_snippets import (
    ConsoleRequest,
    ForeignHostError,
    Header,
    parse_curl,
    resolve,
    to_curl,
    to_powershell,
    to_python,
)

BASE = "https://api.365.systems"
SECRET = "s3cr3t-header-value"


def _request(**changes) -> ConsoleRequest:
    values = dict(
        method="POST",
        uri="Courses(7c4c3a8e-0f7e-4c35-9a57-0d5d2f7d1a11)/Enroll",
        params=(("$select", "Id,Title"),),
        headers=(Header("LMS365-User-Id", "42"), Header("X-Tenant-Token", SECRET, secret=True)),
        body='{"userLoginName": "i:0#.f|membership|ann@example.com"}',
    )
    values.update(changes)
    return ConsoleRequest(**values)


def test_relative_uri_goes_under_the_odata_root_and_host_relative_under_the_host():
    url, params = resolve(BASE, ConsoleRequest(uri="Users?$top=5", params=(("$select", "Id"),)))
    assert url == "https://api.365.systems/odata/v2/Users"
    assert params == [("$top", "5"), ("$select", "Id")]
    url, _ = resolve(BASE, ConsoleRequest(uri="odata/v2/Users", relative_to_host=True))
    assert url == "https://api.365.systems/odata/v2/Users"
    url, _ = resolve(BASE, ConsoleRequest(uri="/webhooks/abc"))
    assert url == "https://api.365.systems/webhooks/abc"


def test_path_characters_that_would_break_the_url_are_encoded():
    url, _ = resolve(BASE, ConsoleRequest(uri="Users('i:0#.f|membership|ann@example.com')"))
    assert url == "https://api.365.systems/odata/v2/Users('i:0%23.f%7Cmembership%7Cann@example.com')"


@pytest.mark.parametrize("uri", [
    "https://evil.example.com/odata/v2/Users",
    "http://api.365.systems/odata/v2/Users",        # same host, plain http
    "https://api.365.systems:8443/odata/v2/Users",  # same host, other port
])
def test_foreign_absolute_urls_are_refused(uri):
    with pytest.raises(ForeignHostError, match="Refused"):
        resolve(BASE, ConsoleRequest(uri=uri))


def test_same_host_absolute_url_is_accepted():
    url, params = resolve(BASE, ConsoleRequest(uri="https://api.365.systems/odata/v2/Users?$skip=10"))
    assert (url, params) == ("https://api.365.systems/odata/v2/Users", [("$skip", "10")])


@pytest.mark.parametrize("export", [to_curl, to_powershell, to_python])
def test_exports_name_the_key_variable_and_never_a_secret(export):
    text = export(BASE, _request())
    assert "LMS365_API_KEY" in text
    assert "LMS365_HEADER_X_TENANT_TOKEN" in text
    assert SECRET not in text
    assert "/odata/v2/Courses(7c4c3a8e-0f7e-4c35-9a57-0d5d2f7d1a11)/Enroll" in text
    assert "LMS365-User-Id" in text


def test_a_typed_authorization_header_is_exported_as_a_variable_only():
    request = _request(headers=(Header("Authorization", "Bearer eyJhbGciOi.token.sig"),))
    curl = to_curl(BASE, request)
    assert "eyJhbGciOi" not in curl and "LMS365_HEADER_AUTHORIZATION" in curl
    assert "-u " not in curl  # the user's own Authorization replaces Basic auth


def test_curl_is_valid_shell_and_round_trips_through_the_parser():
    request = _request()
    curl = to_curl(BASE, request)
    words = shlex.split(curl.replace("\\\n", " "))
    assert words[:3] == ["curl", "-X", "POST"]
    parsed = parse_curl(curl, BASE)
    assert parsed.dropped_credentials  # the -u part is never taken into the form
    got = parsed.request
    assert (got.method, got.uri, got.params, got.body) == (request.method, request.uri, request.params, request.body)
    assert got.headers == (Header("LMS365-User-Id", "42"), Header("X-Tenant-Token", "", secret=True))
    assert not got.relative_to_host


def test_pasted_curl_with_a_real_key_keeps_the_request_but_not_the_key():
    command = (
        "curl 'https://api.365.systems/odata/v2/Courses?$filter=CourseType%20eq%20%27ELearning%27&$top=3' "
        "-H 'Authorization: Basic YXBpOnJlYWwta2V5' -H 'Accept: application/json' --compressed"
    )
    parsed = parse_curl(command, BASE)
    assert parsed.dropped_credentials
    assert parsed.request.method == "GET"
    assert parsed.request.uri == "Courses"
    assert parsed.request.params == (("$filter", "CourseType eq 'ELearning'"), ("$top", "3"))
    assert parsed.request.headers == (Header("Accept", "application/json"),)
    assert "YXBpOnJlYWwta2V5" not in repr(parsed)


def test_curl_data_implies_post_and_other_paths_are_host_relative():
    parsed = parse_curl("curl --data '{\"a\":1}' https://api.365.systems/webhooks/subscribe/CourseCreated", BASE)
    assert (parsed.request.method, parsed.request.uri, parsed.request.relative_to_host) == (
        "POST", "webhooks/subscribe/CourseCreated", True)
    assert parsed.request.body == '{"a":1}'


@pytest.mark.parametrize("text", ["", "wget https://x", "curl -X GET", "curl 'unterminated"])
def test_text_that_is_not_a_usable_curl_command_is_rejected(text):
    with pytest.raises(ValueError):
        parse_curl(text, BASE)


def test_redaction_replaces_secret_values_everywhere():
    request = _request(uri=f"Users?token={SECRET}")
    redacted = request.redacted()
    assert SECRET not in repr(redacted)
    assert redacted.headers[0] == Header("LMS365-User-Id", "42")


@pytest.mark.parametrize("name", ["Authorization", "X-Auth-Token", "X-Api-Key", "Cookie", "ms-signature", "X-Secret"])
def test_headers_named_like_credentials_are_secret_without_the_tick(name):
    assert Header(name, "value").is_secret
    assert not Header("LMS365-User-Id", "7").is_secret and not Header("Accept", "x").is_secret
