"""From a preview to a journaled job, and from a finished job to its result file, undo file and audit entry."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from lms365_desktop.core.job_journal import ItemRecord, ItemState, JobRecord
from lms365_desktop.core.spreadsheet_import.audit import AuditEntry, ImportAudit
from lms365_desktop.core.spreadsheet_import.operations import JOB_KIND_PREFIX, created_enrollment_id
from lms365_desktop.core.spreadsheet_import.preview import Preview
from lms365_desktop.core.spreadsheet_import.reading import read_sheet
from lms365_desktop.core.spreadsheet_import.results import (
    STATUS_DONE,
    STATUS_FAILED,
    STATUS_NOT_RUN,
    STATUS_SKIPPED,
    row_results,
    stamped_path,
    write_result_file,
    write_undo_file,
)
from lms365_desktop.core.spreadsheet_import.mapping import Field
from lms365_desktop.core.spreadsheet_import.verdicts import VERDICT_TEXT, Action, RowPlan, Verdict

LABELS = {
    Action.ENROLL: "Import: enrol {n} rows of {file}",
    Action.COMPLETE: "Import: record {n} completions from {file}",
    Action.CANCEL: "Import: cancel {n} enrollments from {file}",
    Action.APPROVE: "Import: approve {n} requests from {file}",
    Action.REJECT: "Import: reject {n} requests from {file}",
}


@dataclass(frozen=True)
class JobRequest:
    """What JobManager.start / JobService.start take for an import run."""

    kind: str
    items: list[dict[str, Any]]
    params: dict[str, Any]
    label: str
    item_labels: dict[str, str]


def job_request(preview: Preview) -> JobRequest:
    """The rows the preview will send as job items; the others' verdicts ride along for the result file."""
    action = preview.options.action
    sending = preview.to_send()
    items = [plan.item(action) for plan in sending]
    skipped = {str(p.row): [p.verdict.value, _skip_message(preview, p)] for p in preview.plans if not p.verdict.sends}
    people = {str(p.row): [p.user.display_name if p.user else "", p.user.real_email if p.user else "",
                           (p.course or {}).get("Title") or ""] for p in sending}
    params = {
        "file": str(preview.sheet.path), "sheet": preview.sheet.sheet_name, "action": action.value,
        "columns": {f.value: c for f, c in preview.mapping.columns.items()},
        "total_rows": len(preview.sheet.rows), "skipped": skipped, "people": people,
    }
    label = LABELS[action].format(n=len(items), file=preview.sheet.path.name)
    return JobRequest(JOB_KIND_PREFIX + action.value, items, params, label,
                      {str(item): plan.label() for item, plan in zip(items, sending)})


def _skip_message(preview: Preview, plan: RowPlan) -> str:
    if plan.verdict is Verdict.ALREADY_DONE:  # keep what the earlier run said (e.g. the enrollment it made)
        return str(preview.sheet.cell(plan.row, preview.mapping.get(Field.MESSAGE)) or "")
    text = VERDICT_TEXT[plan.verdict]
    return f"{text}: {plan.detail}" if plan.detail else text


@dataclass(frozen=True)
class RunFiles:
    result_file: Path | None
    undo_file: Path | None
    counts: dict[str, int]


def finish_run(record: JobRecord, items: list[ItemRecord], *, who: str, audit: ImportAudit,
               now: datetime | None = None, fallback_folder: Path | None = None) -> RunFiles:
    """Write the result file (and the undo file when something changed) and the audit entry (blocking)."""
    now = now or datetime.now(timezone.utc)
    params = record.params
    source = Path(params["file"])
    results = row_results(int(params.get("total_rows", 0)), params.get("skipped") or {}, items)
    counts = Counter(r.status for r in results)
    result_file = undo_file = None
    try:
        sheet = read_sheet(source, params.get("sheet") or None)
    except (OSError, ValueError):
        sheet = None  # the input was moved or deleted since: the journal still holds every outcome
    if sheet is not None and len(sheet.rows) == len(results):
        result_file = _write_beside(source, "result", now, fallback_folder,
                                    lambda path: write_result_file(sheet, params.get("columns") or {}, results, path))
    undo_rows = undo_rows_of(record, items)
    if undo_rows:
        undo_file = _write_beside(source, "undo", now, fallback_folder, lambda path: write_undo_file(undo_rows, path))
    audit.append(AuditEntry(
        job_id=record.id, who=who, when=now.isoformat(timespec="seconds"), file=str(source),
        action=params.get("action", ""), result_file=str(result_file or ""), undo_file=str(undo_file or ""),
        counts={k: counts.get(k, 0) for k in (STATUS_DONE, STATUS_FAILED, STATUS_SKIPPED, STATUS_NOT_RUN)}))
    return RunFiles(result_file, undo_file, dict(counts))


def _write_beside(source: Path, what: str, now: datetime, fallback: Path | None, write) -> Path:
    try:
        return write(stamped_path(source, what, now))
    except OSError:
        if fallback is None:
            raise
        fallback.mkdir(parents=True, exist_ok=True)
        return write(stamped_path(source, what, now, fallback))


def undo_rows_of(record: JobRecord, items: list[ItemRecord]) -> list[dict[str, Any]]:
    """What takes a run back, as rows of an undo file: for an enrol run the enrollments it created
    (imported as "cancel"); for a cancel run the people and courses it cancelled (imported as
    "enrol": new enrollments, the old progress stays with the cancelled ones). Other runs: none."""
    people = record.params.get("people") or {}
    done = [item for item in items if item.state is ItemState.DONE]
    rows = []
    if record.kind == JOB_KIND_PREFIX + Action.ENROLL.value:
        for item in done:
            enrollment_id = created_enrollment_id(item.message)
            if not enrollment_id:
                continue
            name, email, course = (people.get(str(item.item["row"])) or ["", "", ""])[:3]
            rows.append({"enrollment_id": enrollment_id, "name": name, "email": email,
                         "course_id": item.item.get("course_id"), "course": course,
                         "reason": f"Undo of the import of {Path(record.params['file']).name}"})
    elif record.kind == JOB_KIND_PREFIX + Action.CANCEL.value and not record.params.get("undo_of"):
        for item in done:
            if item.item.get("login") and item.item.get("course_id"):
                name, email, course = (people.get(str(item.item["row"])) or ["", "", ""])[:3]
                rows.append({"enrollment_id": None, "login": item.item["login"], "name": name, "email": email,
                             "course_id": item.item["course_id"], "course": course})
    return rows


def undo_request(record: JobRecord, items: list[ItemRecord]) -> JobRequest | None:
    """"Undo this import" while its journal exists: cancel what an enrol run created, or enrol again
    whom a cancel run cancelled."""
    rows = undo_rows_of(record, items)
    if not rows:
        return None
    name = Path(record.params.get("file", "")).name
    common = {"file": record.params.get("file", ""), "sheet": "", "undo_of": record.id, "total_rows": len(rows),
              "skipped": {}, "columns": {},
              "people": {str(n): [r["name"], r["email"], r["course"]] for n, r in enumerate(rows)}}
    labels = [f"{r['name']} <{r['email']}> · {r['course']}" for r in rows]
    if rows[0]["enrollment_id"] is None:
        undo_items = [{"row": n, "login": r["login"], "course_id": r["course_id"], "session_ids": None,
                       "due_date": None} for n, r in enumerate(rows)]
        return JobRequest(JOB_KIND_PREFIX + Action.ENROLL.value, undo_items,
                          {**common, "action": Action.ENROLL.value}, f"Undo: enrol {len(rows)} again ({name})",
                          {str(i): label for i, label in zip(undo_items, labels)})
    undo_items = [{"row": n, "enrollment_id": r["enrollment_id"], "reason": r["reason"]} for n, r in enumerate(rows)]
    return JobRequest(JOB_KIND_PREFIX + Action.CANCEL.value, undo_items, {**common, "action": Action.CANCEL.value},
                      f"Undo: cancel {len(rows)} enrollments of {name}",
                      {str(i): label for i, label in zip(undo_items, labels)})
