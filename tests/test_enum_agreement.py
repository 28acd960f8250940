"""The client's and the sandbox's enum tables, written twice on purpose, agree wherever both define one.

An assumed value ([A] in lms365-api-notes.md) copied wrongly to one side would otherwise pass every
round-trip test: the client would send what the sandbox expects, and both would be wrong together
only if they were one table. Two tables that must agree catch a slip on either side.
"""
from __future__ import annotations

import inspect
from enum import Enum, IntEnum

import pytest

from lms365_desktop.api import enums as client_enums
from lms365_desktop.api import time_zones as client_time_zones
from lms365_desktop.sandbox import enums as sandbox_enums


def enums_of(module) -> dict[str, type[Enum]]:
    return {name: value for name, value in vars(module).items()
            if inspect.isclass(value) and issubclass(value, Enum) and value.__module__ == module.__name__}


CLIENT, SANDBOX = enums_of(client_enums), enums_of(sandbox_enums)
SHARED = sorted(CLIENT.keys() & SANDBOX.keys())


def test_the_pairs_are_found():
    assert {"CourseType", "RegistrationStatus", "ProvisioningStatus", "WebhookEvent"} <= set(SHARED)


@pytest.mark.parametrize("name", SHARED)
def test_each_shared_enum_has_the_same_names_and_integers(name):
    client, sandbox = CLIENT[name], SANDBOX[name]
    assert list(client.__members__) == list(sandbox.__members__)
    if issubclass(client, IntEnum) and issubclass(sandbox, IntEnum):
        assert {m.name: m.value for m in client} == {m.name: m.value for m in sandbox}
    else:
        # WebhookEvent: the client's values are the wire names; the sandbox's ints are only its
        # storage order, so the names are what must agree.
        assert {m.name for m in client} == {m.name for m in sandbox}


def test_every_enum_the_sandbox_puts_on_the_wire_is_known_to_the_client():
    assert set(sandbox_enums.ALL_ENUMS) <= set(client_enums.ALL_ENUMS)


def test_the_time_zone_ids_agree():
    assert client_time_zones.TIME_ZONES == sandbox_enums.TIME_ZONES
