"""Connection profiles: validation a person can act on, a readable file, and never the key in it."""
from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from lms365_desktop.core.profiles import (
    REGION_PRESETS,
    ConnectionProfile,
    ProfileStore,
    preset_for_url,
    profile_problems,
)


def test_region_presets_are_the_published_hosts():
    hosts = {p.key: p.base_url for p in REGION_PRESETS}
    for region in ("us", "ne", "je", "au", "ca", "uk", "de", "ch"):
        assert hosts[region] == f"https://{region}-api.365.systems"
    assert hosts["usgcc"] == "https://va-api.usgcc365.systems"
    assert hosts["compat"] == "https://api.365.systems"
    assert preset_for_url("https://UK-api.365.systems/").key == "uk"
    assert preset_for_url("https://example.com") is None


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://us-api.365.systems/", "https://us-api.365.systems"),
        ("  https://tenant.example.com:8443/lms  ", "https://tenant.example.com:8443/lms"),
        ("http://127.0.0.1:8365", "http://127.0.0.1:8365"),
        ("http://localhost:9000/", "http://localhost:9000"),
        ("http://[::1]:9000", "http://[::1]:9000"),
    ],
)
def test_accepted_addresses_are_normalised(url, expected):
    assert ConnectionProfile(name="x", base_url=url).base_url == expected


@pytest.mark.parametrize(
    "url, fragment",
    [
        ("http://us-api.365.systems", "must use https://"),
        ("http://10.0.0.5", "must use https://"),
        ("us-api.365.systems", "full web address"),
        ("ftp://host", "full web address"),
        ("", "empty"),
        ("https://user:pw@host", "credentials"),
        ("https://host:99999", "invalid port"),
    ],
)
def test_unsafe_or_malformed_addresses_say_why(url, fragment):
    with pytest.raises(ValidationError) as caught:
        ConnectionProfile(name="x", base_url=url)
    assert fragment in str(profile_problems(caught.value)["base_url"])


def test_field_messages_are_per_field():
    with pytest.raises(ValidationError) as caught:
        ConnectionProfile(name="  ", base_url="http://example.com", rate_calls=0)
    errors = {field: str(problem) for field, problem in profile_problems(caught.value).items()}
    assert errors["name"] == "Give the connection a name."
    assert "https" in errors["base_url"]
    assert "rate_calls" in errors


def test_blank_optional_fields_become_none_and_username_defaults():
    profile = ConnectionProfile(name="x", base_url="https://h", username="", on_behalf_of=" ", public_callback_url="")
    assert (profile.username, profile.on_behalf_of, profile.public_callback_url) == ("api", None, None)


def test_store_round_trips_and_tracks_last_used(tmp_path):
    store = ProfileStore(tmp_path / "cfg" / "connections.json")
    assert store.list() == [] and store.last_used() is None
    us = ConnectionProfile(name="Contoso US", base_url="https://us-api.365.systems", rate_calls=300,
                           rate_window=30, on_behalf_of="i:0#.f|membership|admin@contoso.com")
    local = ConnectionProfile(name="Local sandbox", base_url="http://127.0.0.1:8365", is_sandbox=True)
    store.save(us)
    store.save(local)
    store.set_last_used("Contoso US")

    reopened = ProfileStore(store.path)
    assert reopened.list() == [us, local]
    assert reopened.last_used() == us

    renamed = us.model_copy(update={"name": "Contoso (US)"})
    reopened.save(renamed, previous_name="Contoso US")
    assert [p.name for p in reopened.list()] == ["Local sandbox", "Contoso (US)"]
    assert reopened.last_used() == renamed

    assert reopened.delete("Contoso (US)") is True
    assert reopened.delete("Contoso (US)") is False
    assert reopened.last_used() is None
    assert [p.name for p in ProfileStore(store.path).list()] == ["Local sandbox"]


def test_file_is_readable_json_without_any_key(tmp_path, memory_keyring):
    from lms365_desktop.core.secrets import SecretStore

    store = ProfileStore(tmp_path / "connections.json")
    secrets = SecretStore()
    key = "k3y-Sup3r-S3cret-0123456789"
    profile = ConnectionProfile(name="Tenant", base_url="https://ne-api.365.systems")
    store.save(profile)
    secrets.set(profile.name, key)

    text = store.path.read_text(encoding="utf-8")
    assert key not in text
    document = json.loads(text)
    assert document["profiles"][0]["base_url"] == "https://ne-api.365.systems"
    assert not any("key" in field.lower() for field in document["profiles"][0])
    assert not list(tmp_path.glob(".connections-*"))  # no temporary file left behind


def test_a_bad_hand_edited_entry_does_not_hide_the_others(tmp_path):
    path = tmp_path / "connections.json"
    path.write_text(json.dumps({"profiles": [
        {"name": "bad", "base_url": "http://plain.example.com"},
        {"name": "good", "base_url": "https://au-api.365.systems"},
    ]}))
    assert [p.name for p in ProfileStore(path).list()] == ["good"]
