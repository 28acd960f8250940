"""The retry rules, pure: after each attempt's outcome, answer, retry (after how long), read back or give up."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})


@dataclass
class RetryPolicy:
    attempts: int = 5
    initial_backoff: float = 0.25
    max_backoff: float = 8.0
    jitter: float = 0.25
    max_429_in_a_row: int = 20
    default_pause_429: float = 1.0


class Failure(Enum):
    """An attempt that ended without an HTTP answer."""

    NOT_SENT = "not sent"  # refused before a byte left (connect error, pool timeout)
    MAYBE_SENT = "maybe sent"  # dropped after sending: the server may have acted
    NOT_DONE = "not done"  # a lost or failed write, read back: the server did not act


class Act(Enum):
    ANSWER = "answer"  # return this response to the caller, whatever its status
    RETRY = "retry"  # send again after `wait` seconds (uses an attempt)
    PAUSE = "pause"  # 429: pause the whole connection for `wait` seconds, then send again
    READ_BACK = "read back"  # ask the server whether the write happened, then decide again
    AMBIGUOUS = "ambiguous"  # the write may or may not have happened, and nothing can tell
    GIVE_UP = "give up"  # attempts spent: report the last response, or the failure


@dataclass(frozen=True)
class Decision:
    act: Act
    wait: float = 0.0


def decide(
    outcome: int | Failure,
    *,
    attempt: int,
    throttled_in_a_row: int,
    idempotent: bool,
    can_read_back: bool,
    policy: RetryPolicy,
    retry_after: float | None = None,
    jitter: float = 0.0,
) -> Decision:
    """What to do after an attempt. `outcome` is the HTTP status or how it failed; `attempt`
    counts from 1 (429s do not use attempts: a 429 means nothing was done); `throttled_in_a_row`
    counts this request's consecutive 429s including this one; `retry_after` is the server's
    Retry-After in seconds; `jitter` is a draw in [0, 1) spreading backoffs apart."""
    if outcome == 429:
        if throttled_in_a_row >= policy.max_429_in_a_row:
            return Decision(Act.ANSWER)
        if retry_after is None:
            retry_after = min(policy.default_pause_429 * 2 ** (throttled_in_a_row - 1), 60.0)
        return Decision(Act.PAUSE, retry_after)
    if isinstance(outcome, int):
        if outcome not in RETRYABLE_STATUSES:
            return Decision(Act.ANSWER)
        if not idempotent:
            # Repeating could do it twice: only after reading back that it was not done.
            return Decision(Act.READ_BACK) if can_read_back else Decision(Act.ANSWER)
    elif outcome is Failure.MAYBE_SENT and not idempotent:
        return Decision(Act.READ_BACK) if can_read_back else Decision(Act.AMBIGUOUS)
    if attempt >= policy.attempts:
        return Decision(Act.GIVE_UP)
    backoff = policy.initial_backoff * 2 ** (attempt - 1) + policy.jitter * jitter
    return Decision(Act.RETRY, min(backoff, policy.max_backoff))
