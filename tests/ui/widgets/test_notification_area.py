"""A file the app wrote is announced with its path and opens, or shows its folder, from the card."""
from __future__ import annotations

import weakref

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from lms365_desktop.ui.widgets.notification_area import NotificationArea


def buttons(card) -> dict[str, QPushButton]:
    return {b.text(): b for b in card.findChildren(QPushButton)}


def desktop_opens(monkeypatch, result: bool) -> list[str]:
    """Stands in for the desktop's file handler (the one part no test machine has); records what it was asked."""
    asked: list[str] = []

    def open_url(url) -> bool:
        asked.append(url.toLocalFile())
        return result

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return asked


def test_a_saved_file_opens_and_shows_its_folder_from_its_card(qtbot, tmp_path, monkeypatch):
    area = NotificationArea()
    qtbot.addWidget(area)
    area.show()
    book = tmp_path / "compliance.xlsx"
    book.write_bytes(b"PK")
    asked = desktop_opens(monkeypatch, True)
    card = area.show_saved_file("Report exported", book, "Every row matching the search.")
    assert card.message_label.text() == f"{book}\nEvery row matching the search."
    buttons(card)["Open"].click()
    assert not card.isVisible() and area.cards == []  # used: it goes
    card = area.show_saved_file("Report exported", book)
    buttons(card)["Show in Folder"].click()
    assert asked == [str(book), str(tmp_path)]
    assert area.cards == []  # both opened: nothing more to say


def test_a_file_nothing_can_open_is_said_on_a_card(qtbot, tmp_path, monkeypatch):
    area = NotificationArea()
    qtbot.addWidget(area)
    asked = desktop_opens(monkeypatch, False)
    assert area.open_path(tmp_path) is False
    assert asked == [str(tmp_path)]
    [card] = area.cards
    assert card.title_label.text() == "<b>Could not open</b>"
    assert card.message_label.text() == f"No application on this computer opened {tmp_path}."


def test_a_card_with_buttons_stays_longer_than_a_plain_note(qtbot, tmp_path):
    area = NotificationArea()
    qtbot.addWidget(area)
    area.INFO_SECONDS, area.ACTION_SECONDS = 0.2, 1.5
    plain = area.show_info("Saved", "note")
    saved = area.show_saved_file("Exported", tmp_path / "rows.csv")
    qtbot.waitUntil(lambda: plain not in area.cards, timeout=3000)
    assert saved in area.cards
    qtbot.waitUntil(lambda: saved not in area.cards, timeout=5000)


def test_a_card_does_not_keep_its_area_alive(qtbot, tmp_path):
    # A card's button that held its parentless area strongly was the area's last reference once a
    # test let go of it; deleting the card then freed the area inside the card's destructor (SIGSEGV).
    area = NotificationArea()
    card = area.show_saved_file("Exported", tmp_path / "rows.csv")
    area_ref, card_ref = weakref.ref(area), weakref.ref(card)
    del area, card
    assert area_ref() is None and card_ref() is None
