"""Reads an import sheet: CSV in any common encoding and delimiter (detected), or one sheet of an .xlsx workbook."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer
import openpyxl

SNIFF_BYTES = 64 * 1024
DELIMITERS = ",;\t|"
WESTERN = "cp1252"


class SheetReadError(ValueError):
    """The file cannot be read as a table (said in words a coordinator understands)."""


@dataclass
class SheetData:
    """One table: its header texts and its rows (cells as read: text, numbers, dates)."""

    path: Path
    headers: list[str]
    rows: list[list[Any]]
    format: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""
    sheet_name: str = ""
    sheet_names: list[str] = field(default_factory=list)

    def cell(self, row: int, column: int | None) -> Any:
        if column is None or column >= len(self.rows[row]):
            return None
        return self.rows[row][column]


def is_sheet_file(path: str | Path) -> bool:
    return str(path).lower().endswith((".csv", ".xlsx", ".txt", ".tsv"))


def read_sheet(path: str | Path, sheet_name: str | None = None) -> SheetData:
    """The table in `path` (blocking: call it off the GUI thread)."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path, sheet_name)
    return _read_csv(path)


def _read_csv(path: Path) -> SheetData:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        encoding = _detect_encoding(raw, path)
    text = raw.decode(encoding, errors="replace")
    sample = text[:SNIFF_BYTES]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
        delimiter = dialect.delimiter
    except csv.Error:
        dialect, delimiter = csv.excel, ","  # one column: nothing to split on
    rows = [r for r in csv.reader(io.StringIO(text, newline=""), dialect) if any(c.strip() for c in r)]
    if not rows:
        raise SheetReadError(f"{path.name} holds no rows.")
    headers = [h.strip() for h in rows[0]]
    return SheetData(path, headers, [[c.strip() for c in r] for r in rows[1:]], "csv", encoding=encoding,
                     delimiter=delimiter)


def _detect_encoding(raw: bytes, path: Path) -> str:
    if not raw:
        return "utf-8"
    matches = charset_normalizer.from_bytes(raw)
    best = matches.best()
    if best is None:
        raise SheetReadError(f"{path.name} is not a text file (no character encoding fits it).")
    # A short file often fits several code pages equally well; of those, Windows' Western one is
    # what an HR export most likely is.
    tied = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    western = next((m for m in tied if WESTERN in m.could_be_from_charset), None)
    return WESTERN if western is not None else best.encoding


def workbook_sheet_names(path: str | Path) -> list[str]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _read_xlsx(path: Path, sheet_name: str | None) -> SheetData:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile/openpyxl raise many kinds for a damaged or foreign file
        raise SheetReadError(f"{path.name} is not an Excel workbook that can be read: {exc}") from None
    try:
        names = list(workbook.sheetnames)
        name = sheet_name if sheet_name in names else names[0]
        rows: list[list[Any]] = []
        for values in workbook[name].iter_rows(values_only=True):
            cells = [_xlsx_cell(v) for v in values]
            if any(c not in (None, "") for c in cells):
                rows.append(cells)
    finally:
        workbook.close()
    if not rows:
        raise SheetReadError(f"The sheet “{name}” of {path.name} holds no rows.")
    width = max(len(r) for r in rows)
    headers = [str(h or "").strip() for h in rows[0]] + [""] * (width - len(rows[0]))
    while headers and not headers[-1]:
        headers.pop()
    body = [r[:len(headers)] + [None] * (len(headers) - len(r)) for r in rows[1:]]
    return SheetData(path, headers, body, "xlsx", sheet_name=name, sheet_names=names)


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    return value
