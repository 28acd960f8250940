"""Connection profiles (where and how to connect, never the key) and their store on disk."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lms365_desktop.api.problems import MessageKey, Problem, ProblemError, problem_of
from lms365_desktop.api.transport import is_loopback
from lms365_desktop.core.paths import AppPaths

SANDBOX_PROFILE_NAME = "Local sandbox"


class ProfileMessage(MessageKey):
    """What a profile's checks can say; the connection form words each key itself (ui/dialogs/connection_form.py)."""

    NAME_EMPTY = ("name_empty", "Give the connection a name.")
    NAME_NOT_ONE_LINE = ("name_not_one_line", "The name must be a single line of text.")
    ADDRESS_EMPTY = ("address_empty", "The API address is empty. Choose a region or type the API address, "
                                      "e.g. https://us-api.365.systems.")
    ADDRESS_NOT_WEB = ("address_not_web", "The API address must be a full web address starting with https://, "
                                          "e.g. https://us-api.365.systems.")
    ADDRESS_PLAIN_HTTP = ("address_plain_http", "The API address must use https:// (plain http:// would send the "
                                                "API key unencrypted; it is allowed only for this computer, "
                                                "e.g. http://127.0.0.1:8365).")
    ADDRESS_EXTRAS = ("address_extras", "The API address must not contain a query, a fragment or credentials.")
    ADDRESS_BAD_PORT = ("address_bad_port", "The API address has an invalid port number.")
    CALLBACK_EMPTY = ("callback_empty", "The public callback address is empty. Type the https address a tunnel "
                                        "forwards to this computer, e.g. https://example.ngrok.app.")
    CALLBACK_NOT_WEB = ("callback_not_web", "The public callback address must be a full web address starting "
                                            "with https://, e.g. https://example.ngrok.app.")
    CALLBACK_PLAIN_HTTP = ("callback_plain_http", "The public callback address must use https://: LMS365 delivers "
                                                  "events to it across the internet. Plain http:// is allowed only "
                                                  "for an address on this computer.")
    CALLBACK_EXTRAS = ("callback_extras", "The public callback address must not contain a query, a fragment or "
                                          "credentials.")
    CALLBACK_BAD_PORT = ("callback_bad_port", "The public callback address has an invalid port number.")


class AddressMessages(NamedTuple):
    """The keys one address field's checks use, in check order."""

    empty: ProfileMessage
    not_web: ProfileMessage
    plain_http: ProfileMessage
    extras: ProfileMessage
    bad_port: ProfileMessage


API_ADDRESS = AddressMessages(ProfileMessage.ADDRESS_EMPTY, ProfileMessage.ADDRESS_NOT_WEB,
                              ProfileMessage.ADDRESS_PLAIN_HTTP, ProfileMessage.ADDRESS_EXTRAS,
                              ProfileMessage.ADDRESS_BAD_PORT)
CALLBACK_ADDRESS = AddressMessages(ProfileMessage.CALLBACK_EMPTY, ProfileMessage.CALLBACK_NOT_WEB,
                                   ProfileMessage.CALLBACK_PLAIN_HTTP, ProfileMessage.CALLBACK_EXTRAS,
                                   ProfileMessage.CALLBACK_BAD_PORT)


class RegionPreset(NamedTuple):
    """A published LMS365 API host (API notes §1)."""

    key: str
    label: str
    base_url: str


REGION_PRESETS: tuple[RegionPreset, ...] = (
    RegionPreset("us", "United States (Central US)", "https://us-api.365.systems"),
    RegionPreset("ne", "Europe (North Europe)", "https://ne-api.365.systems"),
    RegionPreset("uk", "United Kingdom (UK South)", "https://uk-api.365.systems"),
    RegionPreset("de", "Germany (West Central)", "https://de-api.365.systems"),
    RegionPreset("ch", "Switzerland (North)", "https://ch-api.365.systems"),
    RegionPreset("ca", "Canada (Central)", "https://ca-api.365.systems"),
    RegionPreset("au", "Australia (East)", "https://au-api.365.systems"),
    RegionPreset("je", "Japan (East)", "https://je-api.365.systems"),
    RegionPreset("usgcc", "US Government (GCC)", "https://va-api.usgcc365.systems"),
    RegionPreset("compat", "Any region (compatibility host api.365.systems)", "https://api.365.systems"),
)


def preset_for_url(base_url: str) -> RegionPreset | None:
    """The preset whose host is `base_url`, if any (so a saved profile shows its region)."""
    wanted = base_url.rstrip("/").lower()
    return next((p for p in REGION_PRESETS if p.base_url == wanted), None)


def check_base_url(url: str, *, messages: AddressMessages = API_ADDRESS) -> str:
    """Return the normalised URL or raise ProblemError (a ValueError) saying what a person must change."""
    text = (url or "").strip()
    if not text:
        raise ProblemError(messages.empty)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProblemError(messages.not_web)
    if parts.scheme == "http" and not is_loopback(parts.hostname or ""):
        raise ProblemError(messages.plain_http)
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ProblemError(messages.extras)
    try:
        parts.port  # noqa: B018 - a malformed port raises here
    except ValueError:
        raise ProblemError(messages.bad_port) from None
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")


class ConnectionProfile(BaseModel):
    """Where and how to reach one LMS365 tenant (or the local sandbox); the API key is not here."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=80)
    base_url: str
    username: str = "api"
    rate_calls: int = Field(default=600, ge=1, le=100_000)
    rate_window: float = Field(default=60.0, gt=0, le=3600)
    on_behalf_of: str | None = None
    is_sandbox: bool = False
    public_callback_url: str | None = None

    @field_validator("name")
    @classmethod
    def _name_is_printable(cls, value: str) -> str:
        if any(ch in value for ch in "\r\n\t\x00"):
            raise ProblemError(ProfileMessage.NAME_NOT_ONE_LINE)
        return value

    @field_validator("base_url")
    @classmethod
    def _base_url_is_safe(cls, value: str) -> str:
        return check_base_url(value, messages=API_ADDRESS)

    @field_validator("on_behalf_of", "public_callback_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("public_callback_url")
    @classmethod
    def _callback_is_safe(cls, value: str | None) -> str | None:
        return None if value is None else check_base_url(value, messages=CALLBACK_ADDRESS)

    @field_validator("username")
    @classmethod
    def _username_defaults_to_api(cls, value: str) -> str:
        # The server ignores the user name (API notes §2), but Basic auth needs one.
        return value or "api"


def profile_problems(error: ValidationError) -> dict[str, Problem | str]:
    """Field name -> its first problem, for showing beside the field that was typed.

    Our checks give a ``Problem`` (a key the UI words); pydantic's own range checks (rate limits)
    have only pydantic's English, given as text.
    """
    found: dict[str, Problem | str] = {}
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "profile"
        problem: Problem | str | None = problem_of(item)
        if item["type"] == "string_too_short" and field == "name":
            problem = Problem(ProfileMessage.NAME_EMPTY)
        found.setdefault(field, problem if problem is not None else item["msg"].removeprefix("Value error, "))
    return found


class ProfileStore:
    """Saved connection profiles in a readable JSON file (never holding a key)."""

    FORMAT_VERSION = 1

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else AppPaths.default().connections_file

    def list(self) -> list[ConnectionProfile]:
        return list(self._read()[0].values())

    def get(self, name: str) -> ConnectionProfile | None:
        return self._read()[0].get(name)

    def save(self, profile: ConnectionProfile, *, previous_name: str | None = None) -> None:
        """Add or replace `profile`; with `previous_name`, a rename replaces the old entry."""
        profiles, last_used = self._read()
        if previous_name and previous_name != profile.name:
            profiles.pop(previous_name, None)
            if last_used == previous_name:
                last_used = profile.name
        profiles[profile.name] = profile
        self._write(profiles, last_used)

    def delete(self, name: str) -> bool:
        profiles, last_used = self._read()
        if profiles.pop(name, None) is None:
            return False
        self._write(profiles, None if last_used == name else last_used)
        return True

    def last_used(self) -> ConnectionProfile | None:
        profiles, last_used = self._read()
        return profiles.get(last_used) if last_used else None

    def set_last_used(self, name: str) -> None:
        profiles, _ = self._read()
        if name not in profiles:
            raise KeyError(f"No saved connection named {name!r}.")
        self._write(profiles, name)

    def _read(self) -> tuple[dict[str, ConnectionProfile], str | None]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}, None
        except (OSError, ValueError) as exc:
            raise ProfileFileError(f"The connections file {self.path} cannot be read: {exc}") from exc
        profiles: dict[str, ConnectionProfile] = {}
        for entry in raw.get("profiles", []):
            try:
                profile = ConnectionProfile.model_validate(entry)
            except ValidationError:
                continue  # one hand-edited bad entry must not hide the others
            profiles[profile.name] = profile
        return profiles, raw.get("last_used")

    def _write(self, profiles: dict[str, ConnectionProfile], last_used: str | None) -> None:
        document = {
            "version": self.FORMAT_VERSION,
            "last_used": last_used,
            "profiles": [p.model_dump(mode="json") for p in profiles.values()],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a crash mid-write never leaves a half file behind.
        fd, tmp = tempfile.mkstemp(prefix=".connections-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(document, handle, indent=2, ensure_ascii=False)
                handle.write("\n")
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class ProfileFileError(RuntimeError):
    """The profiles file exists but is not readable JSON."""
