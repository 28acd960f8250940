"""Bulk work from a spreadsheet: read a CSV or .xlsx, map its columns, preview every row, run it as a journaled job."""
