"""A client that gives up mid-body (a cancelled request) is not an error on the server."""
from __future__ import annotations

import base64
import logging
import socket
from urllib.parse import urlsplit

from tests.sandbox.write_support import wait_until


def test_a_client_leaving_before_its_body_arrives_logs_no_error(server, api, caplog):
    enrollment = api.get("/odata/v2/Enrollments", params={"$top": "1"}).json()["value"][0]
    address = urlsplit(server.base_url)
    auth = "Basic " + base64.b64encode(f"api:{server.api_key}".encode()).decode()
    caplog.set_level(logging.DEBUG, logger="lms365_desktop.sandbox")
    with socket.create_connection((address.hostname, address.port)) as raw:
        raw.sendall((f"POST /odata/v2/Enrollments({enrollment['Id']})/Reject HTTP/1.1\r\n"
                     f"Host: {address.netloc}\r\nAuthorization: {auth}\r\n"
                     "Content-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"message\":").encode())
    wait_until(lambda: any("client left" in r.getMessage() for r in caplog.records))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    # and the server still answers
    assert api.get(f"/odata/v2/Enrollments({enrollment['Id']})").status_code == 200
