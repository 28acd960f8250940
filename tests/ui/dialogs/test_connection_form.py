"""The profile checks' keys as the connection form words them: every key has a sentence, in the user's language."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from lms365_desktop.core.profiles import ConnectionProfile, ProfileMessage, profile_problems
from lms365_desktop.ui.dialogs.connection_form import PROFILE_TEXTS, ConnectionForm, profile_text
from tests.ui.dialog_walk import MARK, pseudo, pseudo_qm  # noqa: F401 (fixtures)

# One profile per check (name, address, callback address), so every key is reached.
BAD = [
    {"name": "", "base_url": "", "public_callback_url": ""},
    {"name": "two\nlines", "base_url": "us-api.365.systems", "public_callback_url": "ftp://host"},
    {"name": "x", "base_url": "http://10.0.0.5", "public_callback_url": "http://10.0.0.5"},
    {"name": "x", "base_url": "https://user:pw@host", "public_callback_url": "https://host/?q=1"},
    {"name": "x", "base_url": "https://host:99999", "public_callback_url": "https://host:99999"},
]


def problems() -> list:
    found = []
    for fields in BAD:
        with pytest.raises(ValidationError) as caught:
            ConnectionProfile(**fields)
        found += profile_problems(caught.value).values()
    return found


def test_every_profile_message_key_has_a_sentence_in_the_form():
    assert [key.name for key in ProfileMessage if key not in PROFILE_TEXTS] == []


def test_the_checks_reach_every_key_but_the_empty_callback():
    # A blank callback address means "none", so its "empty" message is there for a caller that
    # requires one; every other key is what some typed value gets.
    reached = {p.key for p in problems() if not isinstance(p, str)}
    assert reached == set(ProfileMessage) - {ProfileMessage.CALLBACK_EMPTY}


def test_profile_messages_read_as_their_english_without_a_catalogue(qapp):
    for problem in problems():
        assert profile_text(problem) == str(problem)


def test_profile_messages_are_shown_in_the_users_language(qtbot, pseudo):
    assert [str(p) for p in problems() if MARK not in profile_text(p)] == []
    form = ConnectionForm()
    qtbot.addWidget(form)
    form.name_edit.setText("")
    form.url_edit.setText("http://us-api.365.systems")
    assert form.read() is None
    assert MARK in form.error_text("name") and MARK in form.error_text("base_url")
    assert "must use https://" in form.error_text("base_url")
