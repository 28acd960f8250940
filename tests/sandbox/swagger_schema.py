"""The connector swagger as JSON Schemas, for validating sandbox responses in tests."""
from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import jsonschema

# A copy lives beside the tests so a fresh clone validates against the same contract.
SWAGGER_PATH = Path(__file__).resolve().parent / "reference" / "lms365-connector.swagger.json"

# Keys that are documentation only (and x-ms-* extensions jsonschema would ignore anyway).
_DOC_KEYS = {"x-ms-summary", "x-ms-visibility", "x-ms-dynamic-values", "x-ms-dynamic-schema",
             "x-ms-test-value", "x-ms-url-encoding"}


@functools.lru_cache(maxsize=1)
def swagger() -> dict[str, Any]:
    return json.loads(SWAGGER_PATH.read_text(encoding="utf-8"))


def _allow_null(schema: Any, name: str | None = None) -> Any:
    """OData v4 serialises null properties; the connector swagger has no x-nullable, so every
    scalar property may also be null. ProvisioningProgress is an object (notes section 5) that the
    connector types as a string: accept both. Users.Office is declared `format: date-time`, an
    evident slip in the connector (it is an office name such as "Oslo"): its format is dropped."""
    if isinstance(schema, list):
        return [_allow_null(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: value for key, value in schema.items() if key not in _DOC_KEYS}
    if "properties" in result:
        result["properties"] = {key: _allow_null(value, key)
                                for key, value in result["properties"].items()}
    if "items" in result:
        result["items"] = _allow_null(result["items"])
    kind = result.get("type")
    if name == "Office":
        result.pop("format", None)
    if name == "ProvisioningProgress":
        result["type"] = ["string", "object", "null"]
    elif name is not None and isinstance(kind, str) and kind != "array":
        result["type"] = [kind, "null"]
        if "enum" in result:
            result["enum"] = list(result["enum"]) + [None]
    return result


@functools.lru_cache(maxsize=1)
def patched_swagger() -> dict[str, Any]:
    """The swagger with nullable properties, e.g. for `schemathesis.openapi.from_dict`."""
    document = copy.deepcopy(swagger())
    for methods in document["paths"].values():
        for operation in methods.values():
            if not isinstance(operation, dict):
                continue
            for response in operation.get("responses", {}).values():
                if isinstance(response, dict) and "schema" in response:
                    response["schema"] = _allow_null(response["schema"])
    return document


def _operation(operation_id: str) -> dict[str, Any]:
    for methods in patched_swagger()["paths"].values():
        for operation in methods.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation
    raise KeyError(f"no operation {operation_id!r} in the swagger")


def response_schema(operation_id: str, status: int = 200) -> dict[str, Any]:
    responses = _operation(operation_id)["responses"]
    response = responses.get(str(status)) or responses.get("default")
    if response is None:
        raise KeyError(f"{operation_id} declares no {status} response")
    return response.get("schema") or {}


def validate_response(operation_id: str, body: Any, status: int = 200) -> None:
    """Raise jsonschema.ValidationError if `body` breaks the swagger's response schema."""
    jsonschema.validate(body, response_schema(operation_id, status))
