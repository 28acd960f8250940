"""`lms365-sandbox`: parse flags into a SandboxConfig and serve in the foreground until a signal."""
from __future__ import annotations

import argparse
import math
import os
import signal
import sys
import threading
from pathlib import Path

import platformdirs

from .server import LOOPBACK_HOSTS, SandboxConfig, SandboxServer, random_api_key

# Same directory as the desktop app's embedded sandbox, so both see the same demo tenant.
APP_NAME = APP_AUTHOR = "lms365-desktop"
HOST_ENV = "LMS365_SANDBOX_HOST"


def default_data_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "sandbox.sqlite3"


def _rate(text: str) -> tuple[int, float] | None:
    if text.strip().lower() == "off":
        return None
    calls, sep, window = text.partition("/")
    try:
        result = (int(calls), float(window)) if sep else None
    except ValueError:
        result = None
    if result is None or result[0] < 1 or not 0 < result[1] < math.inf:
        raise argparse.ArgumentTypeError(f"expected CALLS/SECONDS (e.g. 600/60) or off, not {text!r}")
    return result


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a probability between 0 and 1, not {text!r}")
    return value


def _latency(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    try:
        result = (int(low), int(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected MIN-MAX milliseconds, not {text!r}") from None
    if result[0] < 0 or result[1] < result[0]:
        raise argparse.ArgumentTypeError(f"expected 0 <= MIN <= MAX, not {text!r}")
    return result


def _delays(text: str) -> tuple[float, ...]:
    try:
        values = tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        values = (-1.0,)
    if any(not 0 <= value < math.inf for value in values):
        raise argparse.ArgumentTypeError(f"expected comma-separated seconds, not {text!r}")
    return values


def _non_negative(kind, maximum: float = math.inf):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = -1
        # `not 0 <= value` also catches nan, which compares false with everything.
        if not 0 <= value < math.inf:
            raise argparse.ArgumentTypeError(f"expected a finite non-negative number, not {text!r}")
        if value > maximum:
            raise argparse.ArgumentTypeError(f"expected at most {kind(maximum)}, not {text!r}")
        return value
    return parse


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad flag is one line (`lms365-sandbox: error: …`), not the whole usage block."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lms365-sandbox",
        description="A local LMS365-compatible API server with demo data.")
    parser.add_argument("--host", help="address to bind (default 127.0.0.1; a non-loopback "
                                       "address must be named here explicitly)")
    parser.add_argument("--port", type=_non_negative(int, 65535), default=8365,
                        help="port (0 = a free port; default 8365)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data", type=Path, metavar="FILE",
                       help=f"SQLite file; reused as it is if it exists (default "
                            f"{default_data_path()})")
    where.add_argument("--memory", action="store_true", help="keep the data in memory only")
    parser.add_argument("--seed", type=int, default=1, help="seed for new demo data")
    parser.add_argument("--users", type=_non_negative(int), default=5000)
    parser.add_argument("--courses", type=_non_negative(int), default=300)
    parser.add_argument("--api-key", action="append", dest="api_keys", metavar="KEY",
                        help="a Full Control key (repeatable; default: a random one)")
    parser.add_argument("--read-only-key", action="append", dest="read_only_keys", metavar="KEY",
                        default=[], help="a Read Only key (repeatable)")
    parser.add_argument("--rate", type=_rate, default=(600, 60.0),
                        help="calls per window per key, CALLS/SECONDS or off (default 600/60)")
    parser.add_argument("--page-size", type=_non_negative(int), default=10_000)
    parser.add_argument("--provisioning-seconds", type=_non_negative(float), default=5.0)
    knobs = ("; change it while the sandbox runs: PATCH /sandbox/faults with "
             '{"FailRate": 0.3, "LoseResponseRate": 0, "LatencyMs": [50, 250]} (GET shows it)')
    parser.add_argument("--fail-rate", type=_probability, default=0.0,
                        help="share of requests answered 500/503 before anything changes" + knobs)
    parser.add_argument("--lose-response-rate", type=_probability, default=0.0,
                        help="share of requests carried out whose answer is then dropped")
    parser.add_argument("--latency", type=_latency, default=(0, 0), metavar="MIN-MAX",
                        help="milliseconds added to every answer")
    parser.add_argument("--simulate-activity", type=_non_negative(float), default=0.0,
                        metavar="EVENTS_PER_MINUTE")
    parser.add_argument("--webhook-retry-delays", type=_delays, default=(60.0, 240.0),
                        metavar="SECONDS,...")
    return parser


def config_from_args(args: argparse.Namespace, environ=os.environ) -> SandboxConfig:
    host = args.host
    if host is None:
        host = environ.get(HOST_ENV, "127.0.0.1")
        if host not in LOOPBACK_HOSTS:
            raise SystemExit(f"lms365-sandbox: refusing to bind {host!r} (from {HOST_ENV}); a "
                             f"non-loopback address must be given with --host")
    if args.page_size < 1:
        raise SystemExit("lms365-sandbox: --page-size must be at least 1")
    data_path = None if args.memory else (args.data or default_data_path())
    if args.data is not None and not args.data.parent.is_dir():
        # Only the default location is ours to create; a typo in --data must not grow a directory tree.
        _usage_error(f"--data: directory {str(args.data.parent)!r} does not exist")
        raise SystemExit(2)
    return SandboxConfig(
        host=host, port=args.port, data_path=data_path, seed=args.seed, users=args.users,
        courses=args.courses, api_keys=tuple(args.api_keys or (random_api_key(),)),
        read_only_keys=tuple(args.read_only_keys), rate=args.rate, page_size=args.page_size,
        provisioning_seconds=args.provisioning_seconds, fail_rate=args.fail_rate,
        lose_response_rate=args.lose_response_rate, latency_ms=args.latency,
        simulate_activity=args.simulate_activity, webhook_retry_delays=args.webhook_retry_delays,
    )


def _usage_error(message: str) -> None:
    print(f"lms365-sandbox: error: {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = config_from_args(args)
    if config.host not in LOOPBACK_HOSTS:
        print(f"Warning: serving on {config.host}, reachable from the network by anyone with "
              f"the key.", file=sys.stderr, flush=True)
    stop = threading.Event()

    def on_signal(signum, frame) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    server = SandboxServer(config)
    try:
        try:
            server.start()
        except (RuntimeError, OSError) as exc:
            print(f"lms365-sandbox: {exc}", file=sys.stderr, flush=True)
            return 1
        print(f"LMS365 sandbox listening on {server.base_url}", flush=True)
        print(f"API key (use as the Basic password, any username): {server.api_key}", flush=True)
        if config.data_path is not None:
            print(f"Data file: {config.data_path}", flush=True)
        while not stop.wait(0.5):
            if server.wait(0):
                print("lms365-sandbox: the server stopped unexpectedly", file=sys.stderr)
                return 1
        return 0
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


if __name__ == "__main__":
    raise SystemExit(main())
