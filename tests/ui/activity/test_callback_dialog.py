"""The public callback address dialog checks an address as the connection form does, in the same words."""
from __future__ import annotations

import pytest
import shiboken6
from pydantic import ValidationError

from lms365_desktop.core.profiles import ConnectionProfile, profile_problems
from lms365_desktop.ui.activity.activity_dialogs import CallbackUrlDialog
from lms365_desktop.ui.dialogs.connection_form import profile_text


def form_sentence(url: str) -> str:
    """What the connection form's callback field says of ``url``."""
    try:
        ConnectionProfile(name="x", base_url="https://us-api.365.systems", public_callback_url=url)
    except ValidationError as error:
        return profile_text(profile_problems(error)["public_callback_url"])
    return ""


@pytest.fixture
def dialog(qtbot):
    shown = CallbackUrlDialog(None)  # deletes itself when accepted (WA_DeleteOnClose)
    shown.show()
    yield shown
    if shiboken6.isValid(shown):
        shown.close()


@pytest.mark.parametrize("url", [
    "http://lms-hooks.example.net", "http://hooks.localhost", "lms-hooks.example.net",
    "https://lms-hooks.example.net/?token=1", "https://lms-hooks.example.net:99999",
])
def test_a_refused_address_is_said_beside_the_field_as_the_form_says_it(dialog, qtbot, url):
    chosen = []
    dialog.url_chosen.connect(lambda *args: chosen.append(args))
    dialog.setTextValue(url)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == form_sentence(url) != ""
    assert "API address" not in dialog.error_label.text()  # the callback's own sentence, not the API field's
    dialog.accept()
    assert dialog.isVisible() and chosen == []


@pytest.mark.parametrize("typed, subscribed", [
    ("  https://lms-hooks.example.net/ ", "https://lms-hooks.example.net"),
    ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
    ("", ""),
])
def test_an_accepted_address_is_chosen_as_it_will_be_subscribed(dialog, typed, subscribed):
    chosen = []
    dialog.url_chosen.connect(lambda *args: chosen.append(args))
    dialog.setTextValue(typed)
    assert not dialog.error_label.isVisible()
    dialog.accept()
    assert chosen == [(subscribed, 0)]
