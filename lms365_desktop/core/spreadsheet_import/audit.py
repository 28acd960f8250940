"""A local record of every import run (who, when, which file, counts), listed in the Jobs panel's history."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lms365_desktop.core.paths import AppPaths


@dataclass(frozen=True)
class AuditEntry:
    job_id: str
    who: str  # the connection's user name and the profile
    when: str  # ISO 8601, UTC
    file: str
    action: str
    counts: dict[str, int] = field(default_factory=dict)  # done / failed / skipped / not run
    result_file: str = ""
    undo_file: str = ""


class ImportAudit:
    """Entries appended as JSON lines to one file in the app's data folder (survives restarts)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else AppPaths.default().data / "import_audit.jsonl"

    def append(self, entry: AuditEntry) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")

    def entries(self) -> list[AuditEntry]:
        """Newest first; a damaged line is passed over."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return []
        entries = []
        for line in lines:
            try:
                entries.append(AuditEntry(**json.loads(line)))
            except (ValueError, TypeError):
                continue
        return entries[::-1]
