"""SandboxConfig: everything a sandbox is started with (size, keys, limits, fault knobs)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SandboxConfig:
    host: str = "127.0.0.1"
    port: int = 0  # 0 = a free port
    data_path: Path | None = None  # None = in-memory SQLite
    seed: int = 1
    users: int = 5000
    courses: int = 300
    api_keys: tuple[str, ...] = ("sandbox-key",)
    read_only_keys: tuple[str, ...] = ()
    rate: tuple[int, float] | None = (600, 60.0)  # calls per window seconds per key; None = off
    page_size: int = 10_000
    provisioning_seconds: float = 5.0
    fail_rate: float = 0.0
    lose_response_rate: float = 0.0
    latency_ms: tuple[int, int] = (0, 0)
    simulate_activity: float = 0.0  # events per minute; 0 = off
    webhook_retry_delays: tuple[float, ...] = (60.0, 240.0)

    def __post_init__(self) -> None:
        if not self.api_keys:
            raise ValueError("at least one full-control API key is needed")
        if self.page_size < 1:
            raise ValueError("page_size must be at least 1")
        if self.rate is not None and (self.rate[0] < 1 or self.rate[1] <= 0):
            raise ValueError("rate needs at least 1 call per positive window")
