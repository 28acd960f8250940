"""What an error says: the one rule every window, wizard and queue uses to put a failure in words."""
from __future__ import annotations

from lms365_desktop.api.errors import (
    ConflictError,
    InputValidationError,
    ServerError,
    ValidationError,
    error_field,
    error_message,
)


def test_a_client_error_says_the_servers_message():
    assert error_message(ConflictError("Conflict", "Already enrolled.", 409)) == "Already enrolled."


def test_any_other_failure_says_its_text_or_at_least_its_type():
    assert error_message(ValueError("bad date")) == "bad date"
    assert error_message(TimeoutError()) == "TimeoutError"
    assert error_message(ServerError(None, "", 500)) == "ServerError"


def test_only_a_validation_error_names_a_field():
    assert error_field(ValidationError("ModelState", "Title: required", 400, field="Title")) == "Title"
    assert error_field(InputValidationError("not a zone", field="TimeZone")) == "TimeZone"
    assert error_field(ValidationError("ModelState", "bad", 400)) is None
    assert error_field(ConflictError("Conflict", "taken", 409)) is None
    assert error_field(ValueError("x")) is None
