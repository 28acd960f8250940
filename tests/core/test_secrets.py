"""API keys: in the keyring when one is usable, otherwise in memory only and the user is told so."""
from __future__ import annotations

import keyring
import keyring.backends.fail
import keyring.errors
import pytest

from lms365_desktop.core.secrets import SERVICE_NAME, SecretStore


def test_keys_go_to_the_keyring(memory_keyring):
    store = SecretStore()
    assert store.persistent is True and store.warning is None
    store.set("Contoso", "abc123")
    assert memory_keyring.passwords == {(SERVICE_NAME, "Contoso"): "abc123"}
    assert SecretStore().get("Contoso") == "abc123"  # a new session finds it
    store.rename("Contoso", "Contoso US")
    assert memory_keyring.passwords == {(SERVICE_NAME, "Contoso US"): "abc123"}
    store.delete("Contoso US")
    store.delete("never stored")
    assert memory_keyring.passwords == {}
    assert store.get("Contoso US") is None


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_without_a_keyring_the_key_lives_in_memory_and_the_user_is_told(no_keyring):
    store = SecretStore()
    assert store.persistent is False
    assert "will not be saved" in store.warning
    assert "no system keyring" in store.warning
    assert "asked for it again next time" in store.warning
    store.set("Contoso", "abc123")
    assert store.get("Contoso") == "abc123"
    assert SecretStore().get("Contoso") is None  # nothing outlives the session


def test_a_plaintext_backend_is_never_used_silently():
    class PlaintextKeyring(keyring.backend.KeyringBackend):
        priority = -1  # never wins auto-selection
        stored: dict = {}

        def get_password(self, service, username):
            return self.stored.get((service, username))

        def set_password(self, service, username, password):
            self.stored[(service, username)] = password

        def delete_password(self, service, username):
            self.stored.pop((service, username), None)

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    store = SecretStore(PlaintextKeyring())
    store.set("Contoso", "abc123")
    assert PlaintextKeyring.stored == {}
    assert store.persistent is False and "readable file" in store.warning
    assert store.get("Contoso") == "abc123"


def test_a_keyring_that_refuses_falls_back_to_memory_with_a_warning(memory_keyring):
    def refuse(*args):
        raise keyring.errors.KeyringLocked("the collection is locked")

    memory_keyring.set_password = refuse
    store = SecretStore()
    assert store.persistent is True
    store.set("Contoso", "abc123")
    assert store.persistent is False
    assert "refused" in store.warning and "locked" in store.warning
    assert store.get("Contoso") == "abc123"
    assert memory_keyring.passwords == {}


def test_an_empty_key_is_refused(memory_keyring):
    with pytest.raises(ValueError, match="empty"):
        SecretStore().set("Contoso", "")
