"""API keys in the OS keyring, or in memory for this session only when there is no safe keyring."""
from __future__ import annotations

import logging

import keyring
import keyring.backend
import keyring.errors

SERVICE_NAME = "lms365-desktop"

log = logging.getLogger(__name__)

# Backends that store nothing (fail, null) or store it readable on disk (keyrings.alt's
# plaintext/base64 files): never chosen silently for an API key.
_NO_STORAGE_MODULES = ("keyring.backends.fail", "keyring.backends.null")
_INSECURE_MODULE_PREFIXES = ("keyrings.alt",)


def _describe(backend: keyring.backend.KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _unusable_reason(backend: keyring.backend.KeyringBackend) -> str | None:
    """None if `backend` keeps secrets safely; otherwise why not, in plain words."""
    module = type(backend).__module__
    if module.startswith(_NO_STORAGE_MODULES):
        return "no system keyring (such as GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager) is available"
    if module.startswith(_INSECURE_MODULE_PREFIXES):
        return f"the only keyring available ({_describe(backend)}) stores keys in a readable file"
    children = getattr(backend, "backends", None)
    if module.startswith("keyring.backends.chainer"):
        if not children:
            return "no system keyring is available"
        for child in children:
            reason = _unusable_reason(child)
            if reason:
                return reason
    return None


class SecretStore:
    """get/set/delete an API key per profile name; `.persistent` says whether it outlives the session."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None, *, service: str = SERVICE_NAME) -> None:
        self._backend = backend if backend is not None else keyring.get_keyring()
        self._service = service
        self._memory: dict[str, str] = {}
        reason = _unusable_reason(self._backend)
        self._persistent = reason is None
        self._warning: str | None = None if reason is None else self._memory_warning(reason)

    @property
    def persistent(self) -> bool:
        """False when keys are kept in memory only and must be typed again next time."""
        return self._persistent

    @property
    def warning(self) -> str | None:
        """A sentence for the user when keys are not saved, else None."""
        return self._warning

    @property
    def backend_name(self) -> str:
        return _describe(self._backend)

    def get(self, profile_name: str) -> str | None:
        if profile_name in self._memory:
            return self._memory[profile_name]
        if not self._persistent:
            return None
        try:
            return self._backend.get_password(self._service, profile_name)
        except keyring.errors.KeyringError as exc:
            self._fall_back_to_memory(exc)
            return None

    def set(self, profile_name: str, api_key: str) -> None:
        if not api_key:
            raise ValueError("The API key is empty.")
        if self._persistent:
            try:
                self._backend.set_password(self._service, profile_name, api_key)
                self._memory.pop(profile_name, None)
                return
            except keyring.errors.KeyringError as exc:
                self._fall_back_to_memory(exc)
        self._memory[profile_name] = api_key

    def delete(self, profile_name: str) -> None:
        self._memory.pop(profile_name, None)
        if not self._persistent:
            return
        try:
            self._backend.delete_password(self._service, profile_name)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was stored: deleting is already done
        except keyring.errors.KeyringError as exc:
            self._fall_back_to_memory(exc)

    def rename(self, old_name: str, new_name: str) -> None:
        """Move a key when its profile is renamed."""
        key = self.get(old_name)
        if key is None or old_name == new_name:
            return
        self.set(new_name, key)
        self.delete(old_name)

    def _fall_back_to_memory(self, exc: Exception) -> None:
        # A keyring that exists but refuses (locked, D-Bus gone): keep working for this session.
        log.warning("Keyring %s failed (%s); keeping API keys in memory", self.backend_name, type(exc).__name__)
        self._persistent = False
        self._warning = self._memory_warning(f"the system keyring refused to store it ({exc})")

    @staticmethod
    def _memory_warning(reason: str) -> str:
        return (
            f"Your API key will not be saved: {reason}. "
            "It is kept in memory until you close the app, and you will be asked for it again next time."
        )
