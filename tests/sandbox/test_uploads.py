"""Certificate uploads: PDF/PNG/JPEG by content, 415 otherwise, 413 over 10 MB, same bytes served back."""
from __future__ import annotations

import struct
import zlib
from urllib.parse import quote

import pytest

from lms365_desktop.sandbox.store import ActorRecord, Certificate
from tests.sandbox.write_support import assert_error, assert_swagger

LIMIT = 10 * 1024 * 1024


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(200) + b"\xff\xd9"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def certificate_id(api):
    rows = api.get("/odata/v2/Certificates", params={"$select": "Id", "$orderby": "Id"}).json()["value"]
    return rows[next(_next_certificate)]["Id"]


def _cursor():
    n = 0
    while True:
        yield n
        n += 1


_next_certificate = _cursor()


def upload(api, certificate_id: str, content: bytes, name: str = "file.bin", **kwargs):
    return api.post(f"/certificates/{certificate_id}/upload", files={"File": (name, content)}, **kwargs)


@pytest.mark.parametrize("content,media_type", [(PDF, "application/pdf"), (png_bytes(), "image/png"),
                                                (JPEG, "image/jpeg")], ids=["pdf", "png", "jpeg"])
def test_accepted_types_are_stored_and_served_back(server, api, certificate_id, content, media_type):
    response = upload(api, certificate_id, content, name="certificate.dat")  # the name does not decide
    certificate = assert_swagger("FileUpload", response)
    assert certificate["Id"] == certificate_id
    assert (certificate["ContentType"], certificate["FileSize"], certificate["IsGenerated"]) == (
        media_type, len(content), False)
    download = api.get(certificate["ContentUrl"])
    assert download.status_code == 200
    assert download.content == content
    assert download.headers["content-type"] == media_type
    with server.store.session() as session:
        assert session.get(Certificate, certificate_id).Content == content


def test_content_is_judged_by_bytes_not_by_name(api, certificate_id):
    before = api.get(f"/odata/v2/Certificates({certificate_id})").json()
    assert_error(upload(api, certificate_id, b"just some text, honest", name="certificate.pdf"), 415, "PDF")
    zip_bytes = b"PK\x03\x04" + bytes(100)
    assert_error(upload(api, certificate_id, zip_bytes, name="certificate.png"), 415)
    assert api.get(f"/odata/v2/Certificates({certificate_id})").json() == before


def test_exactly_ten_megabytes_is_accepted_and_one_byte_more_is_413(api, certificate_id):
    at_limit = PDF + bytes(LIMIT - len(PDF))
    response = upload(api, certificate_id, at_limit)
    assert response.status_code == 200, response.text
    assert api.get(response.json()["ContentUrl"]).content == at_limit
    assert_error(upload(api, certificate_id, at_limit + b"\x00"), 413, "10 MB")
    assert api.get(f"/odata/v2/Certificates({certificate_id})").json()["FileSize"] == LIMIT


def test_far_too_large_bodies_are_refused_early(api, certificate_id):
    assert_error(upload(api, certificate_id, PDF + bytes(LIMIT + 2_000_000)), 413)


def test_malformed_uploads(api, certificate_id):
    assert_error(api.post(f"/certificates/{certificate_id}/upload", files={"Document": ("a.pdf", PDF)}), 400, "File")
    assert_error(api.post(f"/certificates/{certificate_id}/upload", content=PDF,
                          headers={"content-type": "application/pdf"}), 415, "multipart")
    assert_error(upload(api, certificate_id, b""), 400, "empty")
    assert_error(api.post(f"/certificates/{certificate_id}/upload", content=b"--x\r\ngarbage",
                          headers={"content-type": "multipart/form-data; boundary=x"}), 400)


def test_unknown_certificates_are_404(api):
    assert_error(upload(api, "0b0e1c2d-0000-4000-8000-000000000000", PDF), 404)
    assert_error(upload(api, "nope", PDF), 404)
    assert_error(api.get("/certificates/0b0e1c2d-0000-4000-8000-000000000000/content"), 404)


def test_issued_certificate_without_upload_downloads_a_generated_pdf(api, certificate_id):
    certificate = api.get(f"/odata/v2/Certificates({certificate_id})").json()
    download = api.get(certificate["ContentUrl"])
    assert download.status_code == 200 and download.headers["content-type"] == "application/pdf"
    assert download.content.startswith(b"%PDF-") and download.content.rstrip().endswith(b"%%EOF")


def test_upload_needs_the_key_and_records_the_actor(server, api, certificate_id):
    import httpx

    assert httpx.post(f"{server.base_url}/certificates/{certificate_id}/upload",
                      files={"File": ("a.pdf", PDF)}).status_code == 401
    actor = api.get("/odata/v2/Users", params={"$top": 1}).json()["value"][0]
    response = upload(api, certificate_id, PDF, headers={"LMS365-User-Id": actor["Id"]})
    assert response.status_code == 200
    with server.store.session() as session:
        records = session.query(ActorRecord).filter_by(EntityId=certificate_id, Action="Upload").all()
        assert [r.ActorUserId for r in records] == [actor["Id"]]


def test_post_certificates_creates_a_record_to_upload_to(server, api):
    enrollment = api.get("/odata/v2/Enrollments", params={
        "$filter": "RegistrationStatus eq 'Enrolled' and CertificateId eq null", "$top": 1}).json()["value"][0]
    response = api.post("/odata/v2/Certificates", json={
        "CourseId": enrollment["CourseId"], "UserId": enrollment["UserId"], "EnrollmentId": enrollment["Id"],
        "Issued": "2031-02-01T10:00:00Z", "Expiry": "2033-02-01T10:00:00Z"})
    assert response.status_code == 201
    certificate = response.json()
    assert response.headers["Location"].endswith(f"/odata/v2/Certificates({certificate['Id']})")
    assert (certificate["Issued"], certificate["Expiry"], certificate["Status"]) == (
        "2031-02-01T10:00:00Z", "2033-02-01T10:00:00Z", "Valid")
    assert certificate["ContentUrl"] is None and certificate["IsGenerated"] is False  # waits for its file
    linked = api.get(f"/odata/v2/Enrollments({enrollment['Id']})").json()
    assert linked["CertificateId"] == certificate["Id"]
    uploaded = upload(api, certificate["Id"], PDF).json()
    assert api.get(uploaded["ContentUrl"]).content == PDF


def test_post_certificates_with_a_template_is_generated(api):
    enrollment = api.get("/odata/v2/Enrollments", params={"$top": 1, "$skip": 3}).json()["value"][0]
    certificate = api.post("/odata/v2/Certificates", json={
        "CourseId": enrollment["CourseId"], "UserLoginName": enrollment["UserLoginName"], "TemplateId": "classic",
        "Issued": "2031-02-01T10:00:00Z"}).json()
    assert certificate["IsGenerated"] is True and certificate["UserId"] == enrollment["UserId"]
    assert api.get(certificate["ContentUrl"]).content.startswith(b"%PDF-")


@pytest.mark.parametrize("changes,field", [
    ({"CourseId": None}, "CourseId"), ({"Issued": None}, "Issued"), ({"Issued": "yesterday"}, "Issued"),
    ({"UserId": None}, "UserId"), ({"UserId": "0b0e1c2d-0000-4000-8000-000000000000"}, "UserId"),
    ({"Expiry": "2000-01-01T00:00:00Z"}, "Expiry"), ({"Status": "Shiny"}, "Status"),
    ({"CourseId": "0b0e1c2d-0000-4000-8000-000000000000"}, "CourseId"),
    ({"EnrollmentId": "0b0e1c2d-0000-4000-8000-000000000000"}, "EnrollmentId"),
])
def test_post_certificates_refuses_bad_bodies(api, changes, field):
    enrollment = api.get("/odata/v2/Enrollments", params={"$top": 1}).json()["value"][0]
    body = {"CourseId": enrollment["CourseId"], "UserId": enrollment["UserId"], "Issued": "2031-02-01T10:00:00Z"}
    body.update(changes)
    assert_error(api.post("/odata/v2/Certificates", json={k: v for k, v in body.items() if v is not None}), 400, field)


def test_patch_certificate(api, certificate_id):
    response = api.patch(f"/odata/v2/Certificates({certificate_id})", json={"Status": "Expiring",
                                                                          "Expiry": "2040-01-01T00:00:00Z"})
    assert response.status_code == 204
    certificate = api.get(f"/odata/v2/Certificates({certificate_id})").json()
    assert (certificate["Status"], certificate["Expiry"]) == ("Expiring", "2040-01-01T00:00:00Z")
    assert_error(api.patch(f"/odata/v2/Certificates({certificate_id})", json={"UserId": "x"}), 400, "UserId")
    assert_error(api.patch(f"/odata/v2/Certificates({certificate_id})", json={"Expiry": "1990-01-01T00:00:00Z"}),
                 400, "Expiry")
    assert api.get(f"/odata/v2/Certificates({certificate_id})").json()["Expiry"] == "2040-01-01T00:00:00Z"
    assert_error(api.patch("/odata/v2/Certificates(0b0e1c2d-0000-4000-8000-000000000000)", json={"Status": 0}), 404)


@pytest.mark.parametrize("name,fallback", [("証明書.pdf", "___.pdf"), ("Zertifikat für Müller.pdf",
                                                                        "Zertifikat f_r M_ller.pdf")])
def test_non_latin1_file_names_download_with_an_rfc6266_disposition(api, certificate_id, name, fallback):
    assert upload(api, certificate_id, PDF, name=name).status_code == 200
    download = api.get(f"/certificates/{certificate_id}/content")
    assert download.status_code == 200, download.text
    assert download.content == PDF
    disposition = download.headers["content-disposition"]
    disposition.encode("ascii")  # header bytes stay ASCII: nothing for a client to mis-decode
    assert f'filename="{fallback}"' in disposition
    assert "filename*=UTF-8''" + quote(name, safe="") in disposition
