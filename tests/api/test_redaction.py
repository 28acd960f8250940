"""api.redaction: which names are secret, and every redact_* function hides them."""
from __future__ import annotations

import io
import json
import logging

import pytest

from lms365_desktop.api.redaction import (
    REDACTED,
    RedactingFilter,
    is_secret_field,
    is_secret_header,
    is_secret_param,
    redact_body,
    redact_headers,
    redact_mapping,
    redact_request,
    redact_text,
    redact_url,
)


@pytest.mark.parametrize("name", ["Authorization", "proxy-authorization", "Cookie", "Set-Cookie", "X-Session-Id",
                                  "X-Api-Key", "X-Auth-Token", "Ocp-Apim-Subscription-Key", "X-Client-Secret"])
def test_credential_headers_are_secret(name):
    assert is_secret_header(name)


@pytest.mark.parametrize("name", ["Accept", "Content-Type", "LMS365-User-Id", "X-Author", "WWW-Authenticate",
                                  "Prefer", "If-Match"])
def test_ordinary_headers_are_not(name):
    assert not is_secret_header(name)


@pytest.mark.parametrize("name", ["code", "sig", "access_token", "api_key", "apiKey", "client_secret", "password",
                                  "session", "SessionId", "auth"])
def test_credential_parameters_are_secret(name):
    assert is_secret_param(name)


@pytest.mark.parametrize("name", ["$skiptoken", "$filter", "$top", "author", "courseId", "codes"])
def test_odata_options_and_ordinary_parameters_are_not(name):
    assert not is_secret_param(name)


def test_body_fields_are_secret_by_what_they_hold_not_by_an_id_in_the_name():
    assert is_secret_field("Secret") and is_secret_field("password") and is_secret_field("apiKey")
    assert not is_secret_field("CourseSessionIds") and not is_secret_field("Title") and not is_secret_field("WebHookUri")
    assert not is_secret_field("i:0#.f|membership|tokenova@contoso.com")  # data used as a key, not a field


def test_urls_keep_everything_but_credentials():
    url = "https://u:p@host/odata/v2/Users?$skiptoken=abc&code=XYZW1&$filter=Title%20eq%20'a'&sig=S1G99"
    assert redact_url(url) == f"https://host/odata/v2/Users?$skiptoken=abc&code={REDACTED}&$filter=Title%20eq%20'a'&sig={REDACTED}"


def test_headers_of_any_shape():
    assert redact_headers([("X-Session-Id", "s"), ("Accept", "a")]) == {"X-Session-Id": REDACTED, "Accept": "a"}
    assert redact_headers({"authorization": "Basic x"}) == {"authorization": REDACTED}


def test_a_json_body_loses_only_its_secret_fields_and_keeps_its_layout_when_it_has_none():
    body = json.dumps({"WebHookUri": "https://x/cb", "Secret": "s3cr3t-value", "Nested": [{"password": "pw12345"}]})
    redacted = json.loads(redact_body(body))
    assert redacted == {"WebHookUri": "https://x/cb", "Secret": REDACTED, "Nested": [{"password": REDACTED}]}
    plain = '{ "Title":  "a" }'
    assert redact_body(plain) == plain
    assert redact_body("grant_type=x&client_secret=abcd") == f"grant_type=x&client_secret={REDACTED}"
    assert "half-typed" not in redact_body('{"Secret": "half-typed", ')


def test_free_text_loses_known_values_urls_header_lines_schemes_pairs_and_json_fields():
    text = ("GET https://h/odata/v2/Users?code=CODE1234&$top=1\n"
            "Authorization: Basic YXBpOmtleQ==\n"
            "X-Session-Id: SESSION99\n"
            "Accept: application/json\n"
            "then access_token=TOKEN777 and the key KNOWNKEY1 and {\"Secret\": \"JSONSECRET\"}\n"
            "bearer: Bearer abc.def.ghi")
    safe = redact_text(text, ["KNOWNKEY1"])
    for secret in ("CODE1234", "YXBpOmtleQ==", "SESSION99", "TOKEN777", "KNOWNKEY1", "JSONSECRET", "abc.def.ghi"):
        assert secret not in safe
    assert "Accept: application/json" in safe and "$top=1" in safe
    ids = '{"courseSessionId": "5e1c", "Key": "k-1234"}'
    assert redact_text(ids) == f'{{"courseSessionId": "5e1c", "Key": "{REDACTED}"}}'


def test_mappings_and_whole_requests():
    assert redact_mapping({"course_id": "c", "api_key": "k1234", "nested": {"Secret": "s"}, "message": "Session: full"}) == {
        "course_id": "c", "api_key": REDACTED, "nested": {"Secret": REDACTED}, "message": "Session: full"}
    text = redact_request("post", "https://h/x?token=T0KEN1", {"X-Session-Id": "S3SS10N", "Accept": "*/*"},
                          b'{"Secret": "B0DY5", "Title": "t"}', secrets=["t"])
    assert "T0KEN1" not in text and "S3SS10N" not in text and "B0DY5" not in text
    assert text.startswith("POST https://h/x?token=") and "Accept: */*" in text


def test_the_logging_filter_rewrites_messages_arguments_and_tracebacks():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(["APIKEY-1234"]))
    logger = logging.getLogger("test_redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("sending %s with %s", "https://h/x?code=C0DE42", {"X-Session-Id": "S3SS-77", "Accept": "a"})
        try:
            raise RuntimeError("failed with APIKEY-1234")
        except RuntimeError:
            logger.exception("request https://h/y?access_token=T0K3N failed")
    finally:
        logger.removeHandler(handler)
    written = stream.getvalue()
    assert "C0DE42" not in written and "APIKEY-1234" not in written and "T0K3N" not in written
    assert "S3SS-77" not in written and "'Accept': 'a'" in written
    assert "RuntimeError" in written and written.count(REDACTED) >= 3


def test_an_exception_in_a_traceback_is_not_taken_for_a_secret_header():
    text = "Traceback:\nKeyError: 'lost course 42'\nraised TokenExpiredError: session 9 ended\nX-Api-Key: S3CR3T-99"
    redacted = redact_text(text)
    assert "KeyError: 'lost course 42'" in redacted and "TokenExpiredError: session 9 ended" in redacted
    assert "S3CR3T-99" not in redacted
