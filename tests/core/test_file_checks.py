"""File checks judge type by content and size, whatever the file is called."""
from __future__ import annotations

from lms365_desktop.core.file_checks import MAX_UPLOAD_BYTES, check_file, format_size

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
ZIP = b"PK\x03\x04" + b"\x00" * 64


def test_accepts_pdf_png_jpeg_by_content(tmp_path):
    for name, data, kind in [("a.pdf", PDF, "PDF"), ("b.bin", PNG, "PNG"), ("c", JPEG, "JPEG")]:
        path = tmp_path / name
        path.write_bytes(data)
        check = check_file(path)
        assert check.ok, check.problem
        assert check.kind == kind
        assert check.size == len(data)


def test_rejects_a_zip_named_pdf(tmp_path):
    path = tmp_path / "certificate.pdf"
    path.write_bytes(ZIP)
    check = check_file(path)
    assert not check.ok
    assert "Not a PDF, PNG or JPEG" in check.problem and "ZIP" in check.problem


def test_rejects_text_named_pdf_and_empty(tmp_path):
    text = tmp_path / "notes.pdf"
    text.write_text("just text")
    assert "not recognised" in check_file(text).problem
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert check_file(empty).problem == "The file is empty."


def test_size_limit_is_inclusive(tmp_path):
    exact = tmp_path / "exact.pdf"
    exact.write_bytes(PDF + b"\0" * (MAX_UPLOAD_BYTES - len(PDF)))
    assert check_file(exact).ok
    over = tmp_path / "over.pdf"
    over.write_bytes(PDF + b"\0" * (MAX_UPLOAD_BYTES - len(PDF) + 1))
    problem = check_file(over).problem
    assert problem.startswith("Too large: 10.0 MB") and "limit is 10.0 MB" in problem


def test_missing_file_and_sizes(tmp_path):
    assert "Cannot read" in check_file(tmp_path / "nope.pdf").problem
    assert format_size(512) == "512 B"
    assert format_size(3 * 1024 * 1024 + 200 * 1024) == "3.2 MB"
