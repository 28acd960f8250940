"""`lms365-sandbox` as a user runs it: the two start lines, a working key, clean exit on signals."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import httpx
import pytest

from lms365_desktop.sandbox.cli import build_parser, config_from_args


def start(*args: str, env: dict | None = None) -> tuple[subprocess.Popen, str, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "lms365_desktop.sandbox.cli", "--port", "0", "--users", "40",
         "--courses", "8", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})})
    first = process.stdout.readline().strip()
    second = process.stdout.readline().strip()
    if not first.startswith("LMS365 sandbox listening on http://"):
        process.kill()
        pytest.fail(f"unexpected start output {first!r}: {process.stderr.read()}")
    return process, first.rsplit(" ", 1)[1], second.rsplit(" ", 1)[1]


def stop(process: subprocess.Popen, sig: int) -> int:
    process.send_signal(sig)
    try:
        return process.wait(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_prints_url_and_key_serves_and_exits_zero_on_signal(sig):
    process, url, key = start("--memory")
    assert url.startswith("http://127.0.0.1:")
    response = httpx.get(url + "/odata/v2/Users/$count", auth=("api", key))
    assert response.status_code == 200 and response.text == "40"
    assert stop(process, sig) == 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/odata/v2/Users/$count", auth=("api", key))


def test_given_keys_are_used_and_random_ones_differ():
    process, url, key = start("--memory", "--api-key", "my-key", "--read-only-key", "ro",
                              "--rate", "off")
    try:
        assert key == "my-key"
        assert httpx.get(url + "/odata/v2/Users", auth=("x", "ro")).status_code == 200
        assert httpx.post(url + "/odata/v2/Enrollments", auth=("x", "ro")).status_code == 403
    finally:
        assert stop(process, signal.SIGTERM) == 0


def test_without_api_key_a_random_one_is_made():
    keys = {config_from_args(build_parser().parse_args(["--memory"]), environ={}).api_keys[0]
            for _ in range(3)}
    assert len(keys) == 3 and all(len(key) >= 20 for key in keys)


def test_existing_data_file_is_reused_as_it_is(tmp_path):
    data = tmp_path / "demo.sqlite3"
    process, url, key = start("--data", str(data))
    stop(process, signal.SIGTERM)
    assert data.exists()
    process, url, key = start("--data", str(data), "--users", "90", "--seed", "7")
    try:
        assert httpx.get(url + "/odata/v2/Users/$count", auth=("a", key)).text == "40"
    finally:
        stop(process, signal.SIGTERM)


def test_default_data_file_lives_in_the_user_data_dir(tmp_path):
    process, url, key = start(env={"XDG_DATA_HOME": str(tmp_path)})
    stop(process, signal.SIGTERM)
    assert (tmp_path / "lms365-desktop" / "sandbox.sqlite3").exists()


def test_non_loopback_host_must_be_named_with_host_flag():
    process = subprocess.run(
        [sys.executable, "-m", "lms365_desktop.sandbox.cli", "--memory", "--port", "0"],
        env={**os.environ, "LMS365_SANDBOX_HOST": "0.0.0.0"}, capture_output=True, text=True,
        timeout=60)
    assert process.returncode != 0 and "--host" in process.stderr
    args = build_parser().parse_args(["--host", "0.0.0.0", "--memory"])
    assert config_from_args(args, environ={}).host == "0.0.0.0"


@pytest.mark.parametrize("flags", [["--rate", "fast"], ["--fail-rate", "2"],
                                   ["--latency", "9-1"], ["--page-size", "0"],
                                   ["--data", "x", "--memory"]])
def test_bad_flags_exit_with_a_message(flags, capsys):
    with pytest.raises(SystemExit) as exited:
        config_from_args(build_parser().parse_args(flags), environ={})
    assert exited.value.code != 0
    assert capsys.readouterr().err.strip() or isinstance(exited.value.code, str)


def test_flags_map_onto_the_config():
    args = build_parser().parse_args([
        "--port", "9000", "--memory", "--seed", "3", "--users", "10", "--courses", "2",
        "--api-key", "k1", "--api-key", "k2", "--rate", "100/10", "--page-size", "25",
        "--provisioning-seconds", "0.5", "--fail-rate", "0.1", "--lose-response-rate", "0.2",
        "--latency", "5-20", "--simulate-activity", "30", "--webhook-retry-delays", "1,2.5"])
    config = config_from_args(args, environ={})
    assert (config.port, config.data_path, config.seed, config.users, config.courses) == \
        (9000, None, 3, 10, 2)
    assert config.api_keys == ("k1", "k2") and config.rate == (100, 10.0)
    assert (config.page_size, config.provisioning_seconds, config.fail_rate,
            config.lose_response_rate, config.latency_ms, config.simulate_activity,
            config.webhook_retry_delays) == (25, 0.5, 0.1, 0.2, (5, 20), 30.0, (1.0, 2.5))
    assert build_parser().parse_args(["--rate", "off"]).rate is None


def test_a_busy_port_is_a_clear_error_not_a_hang():
    import socket

    from lms365_desktop.sandbox.server import SandboxConfig, SandboxServer

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(RuntimeError, match=f"127.0.0.1:{port}.*in use"):
            SandboxServer(SandboxConfig(users=5, courses=2, port=port)).start()


def test_a_file_that_is_not_sandbox_data_is_refused_with_a_message(tmp_path):
    from lms365_desktop.sandbox.server import SandboxConfig, SandboxServer

    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(RuntimeError, match="not a usable sandbox data file"):
        SandboxServer(SandboxConfig(users=5, courses=2, data_path=junk)).start()
    assert junk.read_bytes().startswith(b"these are my notes")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lms365_desktop.sandbox.cli", "--users", "40", "--courses", "8",
                           *args], capture_output=True, text=True, timeout=60)


def test_an_out_of_range_port_is_one_clean_error_line():
    process = run_cli("--memory", "--port", "70000")
    assert process.returncode == 2
    assert "Traceback" not in process.stderr
    lines = process.stderr.strip().splitlines()
    assert len(lines) == 1 and "--port" in lines[0] and "65535" in lines[0], process.stderr


@pytest.mark.parametrize("flags", [["--simulate-activity", "nan"], ["--simulate-activity", "inf"],
                                   ["--provisioning-seconds", "inf"], ["--provisioning-seconds", "nan"],
                                   ["--webhook-retry-delays", "1,nan"], ["--rate", "5/inf"]])
def test_non_finite_numbers_are_refused_by_the_parser(flags, capsys):
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(flags)
    assert exited.value.code == 2
    assert flags[0] in capsys.readouterr().err


def test_the_data_file_is_created_owner_only(tmp_path):
    data = tmp_path / "secret.sqlite3"
    process, url, key = start("--data", str(data))
    try:
        assert httpx.get(url + "/odata/v2/Users/$count", auth=("a", key)).text == "40"
    finally:
        stop(process, signal.SIGTERM)
    assert data.stat().st_mode & 0o777 == 0o600  # it holds webhook subscriptions and their secrets


def test_a_data_file_in_a_missing_directory_is_an_error_not_a_new_tree(tmp_path):
    process = run_cli("--port", "0", "--data", str(tmp_path / "no" / "such" / "x.sqlite3"))
    assert process.returncode == 2
    lines = process.stderr.strip().splitlines()
    assert len(lines) == 1 and "does not exist" in lines[0], process.stderr
    assert not (tmp_path / "no").exists()
