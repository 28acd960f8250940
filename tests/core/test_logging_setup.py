"""The log file: category loggers, the level, and redaction of every line that reaches it."""
from __future__ import annotations

import logging
from datetime import datetime, timezone

import pytest

from lms365_desktop.api.transport import RequestLogEntry
from lms365_desktop.core import logging_setup


@pytest.fixture
def log_setup(tmp_path):
    root, package = logging.getLogger(), logging.getLogger(logging_setup.ROOT_LOGGER)
    levels = root.level, package.level
    setup = logging_setup.configure(folder=tmp_path / "log", stderr=False)
    yield setup
    setup.close()
    root.setLevel(levels[0])
    package.setLevel(levels[1])


def read(setup) -> str:
    setup.file_handler.flush()
    return setup.file.read_text(encoding="utf-8")


def test_category_lines_land_in_the_file_with_their_logger_name(log_setup):
    logging_setup.category("jobs").info("job 7 finished: 12 done, 0 failed")
    logging_setup.category("throttle").warning("waiting 1.2 s for the call budget")
    text = read(log_setup)
    assert "INFO    lms365_desktop.jobs: job 7 finished: 12 done, 0 failed" in text
    assert "WARNING lms365_desktop.throttle: waiting 1.2 s" in text
    with pytest.raises(KeyError):
        logging_setup.category("no-such-category")


def test_a_known_key_and_secret_looking_values_never_reach_the_file(log_setup):
    logging_setup.remember_secret("k3y-Sup3r-S3cret-Value")
    log = logging_setup.category("api")
    log.error("failed with k3y-Sup3r-S3cret-Value in the message")
    log.error("GET https://api:pw1234@eu.lms365.com/odata/v2/Users?api_key=abcdef&$top=5 failed")
    log.error("headers: {'Authorization': 'Basic YXBpOnNlY3JldA==', 'Accept': 'application/json'}")
    try:
        raise ValueError("token=tok-123456 rejected")
    except ValueError:
        log.exception("while connecting")
    text = read(log_setup)
    for secret in ("k3y-Sup3r-S3cret-Value", "pw1234", "abcdef", "YXBpOnNlY3JldA==", "tok-123456"):
        assert secret not in text
    assert "https://eu.lms365.com/odata/v2/Users?api_key=[redacted]&$top=5" in text
    assert "'Accept': 'application/json'" in text  # what is not secret stays readable
    assert "ValueError: token=[redacted] rejected" in text  # the traceback went through redaction too


def test_the_level_decides_what_is_written_and_third_parties_only_warn(log_setup):
    assert logging_setup.set_level("WARNING") == "WARNING"
    logging_setup.category("ui").info("not written at WARNING")
    logging.getLogger("httpx").info("HTTP Request: GET https://x/?code=1")
    assert logging_setup.set_level("DEBUG") == "DEBUG"
    logging_setup.category("ui").debug("written at DEBUG")
    assert logging_setup.set_level("LOUD") == logging_setup.DEFAULT_LEVEL  # unknown: the default
    text = read(log_setup)
    assert "not written at WARNING" not in text and "HTTP Request" not in text
    assert "written at DEBUG" in text


def test_a_request_is_one_line_and_a_429_also_goes_to_throttle(log_setup):
    started = datetime(2026, 12, 5, 9, 30, tzinfo=timezone.utc)
    logging_setup.log_request(RequestLogEntry("GET", "http://127.0.0.1:8365/odata/v2/Courses?$top=5", 200, 41.6,
                                              900, started))
    logging_setup.log_request(RequestLogEntry("POST", "http://127.0.0.1:8365/odata/v2/Enrollments", 429, 3.0,
                                              0, started, lane="BULK"))
    text = read(log_setup)
    assert "lms365_desktop.api: GET http://127.0.0.1:8365/odata/v2/Courses?$top=5 -> 200 in 42 ms" in text
    assert "lms365_desktop.throttle: 429 Too Many Requests for POST" in text


def test_the_file_rotates_at_its_size(tmp_path):
    setup = logging_setup.configure(folder=tmp_path, stderr=False)
    try:
        setup.file_handler.maxBytes = 2000
        for i in range(100):
            logging_setup.category("app").warning("line %d %s", i, "x" * 50)
    finally:
        setup.close()
    assert (tmp_path / f"{logging_setup.LOG_FILE_NAME}.1").exists()
    assert len(list(tmp_path.glob(f"{logging_setup.LOG_FILE_NAME}*"))) <= logging_setup.BACKUP_COUNT + 1
