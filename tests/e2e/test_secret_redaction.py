"""One secret-laden request through every outlet that shows, stores or logs a request: no secret in any.

The outlets: the request log, a raw response's request line and headers (the console's response
view), the console history (entries, saved requests and the file itself), the curl/PowerShell/
Python snippets, error details, the job journal (and its file), and log output / diagnostics
text. Every one asks api.redaction; a second copy of the rule that disagrees fails here.
"""
from __future__ import annotations

import io
import json
import logging

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.errors import error_from_response
from lms365_desktop.api.redaction import RedactingFilter, redact_request, redact_text
from lms365_desktop.core.console_history import ConsoleHistory, ResponseSummary
from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.request_snippets import ConsoleRequest, Header, full_url, to_curl, to_powershell, to_python
from lms365_desktop.ui.console.response_content import interpret
from lms365_desktop.ui.errors import describe

SESSION = "sess-5f1e2d3c4b"      # a header named like a session (hidden in history, once shown elsewhere)
CODE = "oauth-code-9z8y7x"       # a code= query value (hidden in the request log, once kept in history)
TOKEN = "tok-abcdef123456"       # an access_token= query value
BODY_SECRET = "body-secret-778899"  # a Secret field of a JSON body
TICKED = "ticked-header-value-42"  # a header the user marked secret without a telling name

URI = f"Users?$top=1&code={CODE}"
PARAMS = (("access_token", TOKEN),)
# What goes on the wire: secret by name only (a tick is the console's knowledge, see _console_request).
HEADERS = {"X-Session-Id": SESSION, "Accept": "application/json"}
BODY = json.dumps({"Title": "probe", "Secret": BODY_SECRET})


def _secrets(api_key: str) -> list[str]:
    return [SESSION, CODE, TOKEN, BODY_SECRET, TICKED, api_key]


def _leaks(text: str, api_key: str) -> list[str]:
    return [secret for secret in _secrets(api_key) if secret in text]


def _console_request() -> ConsoleRequest:
    headers = tuple(Header(name, value) for name, value in HEADERS.items()) + (Header("X-Custom", TICKED, secret=True),)
    return ConsoleRequest("POST", URI, PARAMS, headers, BODY)


async def test_no_outlet_shows_stores_or_logs_a_secret(sandbox, tmp_path):
    key = sandbox.api_key
    request = _console_request()
    url = full_url(sandbox.base_url, request)
    assert CODE in url and TOKEN in url  # the request really carries them

    logged: list = []
    async with Lms365Client(sandbox.base_url, key) as client:
        client.add_request_log_listener(logged.append)
        raw = await client.request("POST", url, headers=dict(HEADERS), content=BODY.encode())
        get = await client.request("GET", url, headers=dict(HEADERS))
        request_log = list(client.request_log)
    assert raw.status >= 400 and get.status == 200  # a POST to Users is refused; the GET answers

    outlets: dict[str, str] = {}
    # Request log (and its listeners: the status bar, the network monitor).
    outlets["request log"] = repr(request_log) + repr(logged)
    # The response view: the request line and headers it shows, and the response headers.
    for name, response in (("POST", raw), ("GET", get)):
        content = interpret(response.status, response.headers, response.body, response.elapsed_ms)
        outlets[f"response view {name}"] = "\n".join(
            [response.method, response.url, repr(response.request_headers), repr(content.headers),
             content.error_code, content.error_message])
    # Console history: what is recorded, what is saved, and the file on disk.
    history = ConsoleHistory(tmp_path / "history.sqlite3")
    content = interpret(raw.status, raw.headers, raw.body, raw.elapsed_ms)
    echo = f"{content.text} (sent {BODY} to {url} with {SESSION})"
    entry = history.record(request, ResponseSummary(raw.status, raw.elapsed_ms, len(raw.body), content.content_type,
                                                    echo, f"{content.error_code}: {url}"))
    history.save("probe", request)
    outlets["history entry"] = repr(entry) + repr(history.search("")) + repr(history.saved())
    history.close()
    outlets["history file"] = (tmp_path / "history.sqlite3").read_bytes().decode("latin-1")
    # Snippets.
    for export in (to_curl, to_powershell, to_python):
        outlets[export.__name__] = export(sandbox.base_url, request)
    # Error details: a server error echoing the request, and an unexpected exception naming it.
    error = error_from_response(400, json.dumps({"error": {"code": "Bad", "message": f"bad {url}",
                                                           "details": [{"message": f"Authorization: Basic {key}"}]}}))
    outlets["error details"] = repr(describe(error))
    outlets["unexpected error"] = repr(describe(RuntimeError(f"while sending {url} with {HEADERS}")))
    # Job journal: parameters, an item's failure message, and the file.
    with JobJournal(tmp_path / "jobs.sqlite3") as journal:
        job = journal.create_job("enrollments.reject", ["e-1"], label="probe",
                                 params={"message": "Please choose another session", "client_secret": BODY_SECRET})
        journal.mark_failed(job.id, 0, f"{error.message} / sent with X-Session-Id: {SESSION}, Accept: */*", "Bad")
        outlets["job journal"] = repr(journal.job(job.id)) + repr(journal.items(job.id))
        # What the job sends stays as typed: only secret-named parameters are replaced.
        assert journal.job(job.id).params["message"] == "Please choose another session"
    outlets["job journal file"] = b"".join(
        p.read_bytes() for p in tmp_path.glob("jobs.sqlite3*")).decode("latin-1")
    # Log output and a diagnostics text.
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter([key, SESSION, TICKED]))
    log = logging.getLogger("tests.redaction.outlets")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("POST %s headers=%s body=%s", url, HEADERS, BODY)
    finally:
        log.removeHandler(handler)
    outlets["log output"] = stream.getvalue()
    outlets["diagnostics"] = redact_request("POST", url, {**HEADERS, "Authorization": f"Basic {key}"}, BODY,
                                            secrets=[TICKED]) + redact_text(f"last request {url}\n{BODY}")

    leaks = {name: found for name, text in outlets.items() if (found := _leaks(text, key))}
    assert leaks == {}
    assert all(outlets.values())  # every outlet said something: none passed by being empty
