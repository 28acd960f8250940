"""A check's verdict as a stable key plus the values it names, so each layer words it its own way."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any


class MessageKey(Enum):
    """Base of the checks' message keys: the value is a stable code, ``english`` the sentence for logs.

    Subclasses list members as ``NAME = ("code", "English sentence with {value}.")``. The UI
    never reads ``english``: it has its own translatable sentence for each member, so rewording
    the English here cannot silently lose a translation (a test checks every member has one).
    """

    english: str

    def __new__(cls, code: str, english: str) -> MessageKey:
        member = object.__new__(cls)
        member._value_ = code
        member.english = english
        return member

    @property
    def code(self) -> str:
        return self.value


@dataclass(frozen=True)
class Problem:
    """One failed check: what is wrong (``key``) and the values its sentence shows.

    Values are as the sentence shows them (a typed text quoted as typed, a count as a number),
    so the English here and the UI's translation fill the same ``{name}`` slots alike.
    """

    key: MessageKey
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    @property
    def english(self) -> str:
        """The sentence in English, for logs, the CLI and error details."""
        return self.key.english.format(**self.values)

    def __str__(self) -> str:
        return self.english


class ProblemError(ValueError):
    """A ValueError that carries its ``Problem``; pydantic keeps it in an error's ``ctx["error"]``."""

    def __init__(self, key: MessageKey, **values: Any) -> None:
        self.problem = Problem(key, values)
        super().__init__(self.problem.english)


def problem_of(error: Mapping[str, Any]) -> Problem | None:
    """The ``Problem`` behind one entry of ``pydantic.ValidationError.errors()``, if it has one."""
    cause = (error.get("ctx") or {}).get("error")
    return cause.problem if isinstance(cause, ProblemError) else None
