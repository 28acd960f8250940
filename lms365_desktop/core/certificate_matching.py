"""Matches certificate files to enrollments by the learner's login, e-mail or name in the file name."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

# "{learner}" marks where the learner is named in the file name; "*" stands for anything.
DEFAULT_PATTERN = "*{learner}*"
LEARNER_TOKEN = "{learner}"


class MatchStatus(StrEnum):
    MATCHED = "matched"
    UNMATCHED = "unmatched"
    AMBIGUOUS = "ambiguous"
    DUPLICATE = "duplicate"  # another file matched the same enrollment
    MANUAL = "manual"  # chosen by hand


# How specific a key is: a lower rank wins when several learners fit one file.
RANK_LOGIN = 0  # the full UPN or e-mail: unique by construction
RANK_LOCAL_PART = 1  # the part before "@"
RANK_NAME = 2  # the display name: people share names


@dataclass(frozen=True)
class Learner:
    """One enrollment of the course as the matcher needs it."""

    enrollment_id: str
    user_id: str
    login_name: str
    email: str
    name: str
    certificate_id: str | None = None
    has_certificate_file: bool = False

    @property
    def upn(self) -> str:
        """The login without the SharePoint claims prefix (``i:0#.f|membership|``)."""
        return self.login_name.rsplit("|", 1)[-1]

    def keys(self) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for value in {self.upn, self.email}:
            if value:
                out.append((RANK_LOGIN, normalise(value)))
                local = value.split("@", 1)[0]
                if local and local != value:
                    out.append((RANK_LOCAL_PART, normalise(local)))
        if self.name:
            out.append((RANK_NAME, normalise(self.name)))
        return [(rank, key) for rank, key in out if len(key) >= 3]


@dataclass
class FileMatch:
    """Where one file goes; ``candidates`` lists every learner that fits equally well."""

    path: Path
    status: MatchStatus
    learner: Learner | None = None
    candidates: list[Learner] = field(default_factory=list)
    matched_on: str = ""

    def assign(self, learner: Learner | None) -> None:
        """Resolve by hand (None leaves the file out)."""
        self.learner = learner
        self.status = MatchStatus.MANUAL if learner else MatchStatus.UNMATCHED
        self.matched_on = "chosen by hand" if learner else ""


def normalise(text: str) -> str:
    """Lower case without accents, every run of separators as one space ("@" kept)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.split(r"[^0-9a-z@]+", plain)).strip()


class PatternError(ValueError):
    """The file name pattern cannot be used; the message says why."""


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Turn "cert_{learner}_*" into a regular expression over the file name without extension."""
    if pattern.count(LEARNER_TOKEN) != 1:
        raise PatternError(f"The pattern must contain {LEARNER_TOKEN} exactly once.")
    before, after = pattern.split(LEARNER_TOKEN)

    def part(text: str) -> str:
        return ".*?".join(re.escape(piece) for piece in text.split("*"))

    return re.compile(f"^{part(before)}(?P<learner>.+){part(after)}$", re.IGNORECASE)


def _contains_key(text: str, key: str) -> bool:
    # Word boundaries on both sides: "john smith" must not match inside "john smithson".
    return re.search(rf"(?<![0-9a-z]){re.escape(key)}(?![0-9a-z])", text) is not None


def match_file(path: str | Path, learners: list[Learner], regex: re.Pattern[str]) -> FileMatch:
    path = Path(path)
    found = regex.match(path.stem)
    if not found:
        return FileMatch(path, MatchStatus.UNMATCHED)
    text = normalise(found.group("learner"))
    # A login like "anna.berg" reads the same as the name "Anna Berg": it proves no more than a name.
    names = {normalise(learner.name) for learner in learners}
    best: dict[str, tuple[int, Learner, str]] = {}
    for learner in learners:
        for rank, key in learner.keys():
            if rank == RANK_LOCAL_PART and key in names:
                rank = RANK_NAME
            if _contains_key(text, key):
                current = best.get(learner.enrollment_id)
                if current is None or rank < current[0]:
                    best[learner.enrollment_id] = (rank, learner, key)
    if not best:
        return FileMatch(path, MatchStatus.UNMATCHED)
    top = min(rank for rank, _, _ in best.values())
    winners = [(learner, key) for rank, learner, key in best.values() if rank == top]
    if len(winners) > 1:
        return FileMatch(path, MatchStatus.AMBIGUOUS, candidates=[learner for learner, _ in winners])
    learner, key = winners[0]
    label = {RANK_LOGIN: "login or e-mail", RANK_LOCAL_PART: "login", RANK_NAME: "name"}[top]
    return FileMatch(path, MatchStatus.MATCHED, learner, [learner], label)


def match_files(
    paths: list[str | Path], learners: list[Learner], pattern: str = DEFAULT_PATTERN
) -> list[FileMatch]:
    """Match every file; two files landing on one enrollment are both marked duplicate."""
    regex = compile_pattern(pattern)
    matches = [match_file(path, learners, regex) for path in paths]
    mark_duplicates(matches)
    return matches


def mark_duplicates(matches: list[FileMatch]) -> None:
    """Mark files that share a target; a file resolved by hand keeps its choice."""
    by_target: dict[str, list[FileMatch]] = {}
    for match in matches:
        if match.learner and match.status in (MatchStatus.MATCHED, MatchStatus.DUPLICATE):
            by_target.setdefault(match.learner.enrollment_id, []).append(match)
    for group in by_target.values():
        status = MatchStatus.DUPLICATE if len(group) > 1 else MatchStatus.MATCHED
        for match in group:
            match.status = status
