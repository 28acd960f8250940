"""The retry rules as a table: what follows each outcome of an attempt."""
from __future__ import annotations

import pytest

from lms365_desktop.api.retries import Act, Decision, Failure, RetryPolicy, decide

RULES = RetryPolicy(attempts=3, initial_backoff=0.5, max_backoff=1.5, jitter=0.25,
                    max_429_in_a_row=4, default_pause_429=1.0)


def after(outcome, *, attempt=1, throttled=0, idempotent=True, can_read_back=False, retry_after=None, jitter=0.0):
    return decide(outcome, attempt=attempt, throttled_in_a_row=throttled, idempotent=idempotent,
                  can_read_back=can_read_back, policy=RULES, retry_after=retry_after, jitter=jitter)


@pytest.mark.parametrize("status", [200, 201, 204, 400, 401, 404, 409, 501])
def test_answers_that_retrying_cannot_change_are_returned(status):
    assert after(status) == Decision(Act.ANSWER)
    assert after(status, idempotent=False, can_read_back=True) == Decision(Act.ANSWER)


def test_a_429_pauses_the_connection_for_retry_after_without_using_an_attempt():
    assert after(429, attempt=3, throttled=1, retry_after=30.0) == Decision(Act.PAUSE, 30.0)
    assert after(429, attempt=3, throttled=1, idempotent=False, retry_after=0.0) == Decision(Act.PAUSE, 0.0)


def test_a_429_without_retry_after_backs_off_doubling_up_to_a_minute():
    assert [after(429, throttled=n).wait for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    many = RetryPolicy(max_429_in_a_row=100)
    assert decide(429, attempt=1, throttled_in_a_row=9, idempotent=True, can_read_back=False,
                  policy=many).wait == 60.0


def test_too_many_429s_in_a_row_return_the_last_one():
    assert after(429, throttled=4, retry_after=1.0) == Decision(Act.ANSWER)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_5xx_of_a_repeatable_request_is_retried_with_growing_backoff_then_returned(status):
    assert after(status, attempt=1) == Decision(Act.RETRY, 0.5)
    assert after(status, attempt=2, jitter=0.5) == Decision(Act.RETRY, 1.125)
    assert after(status, attempt=2, jitter=0.99).wait <= 1.5 + 1e-9
    assert after(status, attempt=3) == Decision(Act.GIVE_UP)


def test_a_5xx_of_a_write_is_read_back_before_any_repeat():
    assert after(503, idempotent=False, can_read_back=True) == Decision(Act.READ_BACK)
    assert after(503, idempotent=False, can_read_back=False) == Decision(Act.ANSWER)
    assert after(Failure.NOT_DONE, attempt=1, idempotent=False, can_read_back=True) == Decision(Act.RETRY, 0.5)
    assert after(Failure.NOT_DONE, attempt=3, idempotent=False, can_read_back=True) == Decision(Act.GIVE_UP)


def test_a_request_that_never_left_is_retried_whatever_its_method():
    assert after(Failure.NOT_SENT, idempotent=False) == Decision(Act.RETRY, 0.5)
    assert after(Failure.NOT_SENT, attempt=3, idempotent=False) == Decision(Act.GIVE_UP)


def test_a_dropped_write_is_read_back_or_reported_as_ambiguous():
    assert after(Failure.MAYBE_SENT, idempotent=True) == Decision(Act.RETRY, 0.5)
    assert after(Failure.MAYBE_SENT, idempotent=False, can_read_back=True) == Decision(Act.READ_BACK)
    assert after(Failure.MAYBE_SENT, idempotent=False, can_read_back=False) == Decision(Act.AMBIGUOUS)
