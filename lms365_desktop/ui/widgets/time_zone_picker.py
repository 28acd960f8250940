"""A searchable picker of the swagger's Microsoft time zones, showing each zone's UTC offset."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from lms365_desktop.core.time_zones import SWAGGER_TIME_ZONES, default_time_zone, display_name


class TimeZonePicker(QComboBox):
    """Editable combo: type any part of a name, city or offset ("Copenhagen", "+01:00") to narrow the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeZonePicker")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for zone in SWAGGER_TIME_ZONES:
            self.addItem(display_name(zone, with_cities=True), zone)
        completer = QCompleter(self.model(), self)
        completer.setCompletionColumn(0)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.set_zone(default_time_zone())

    def set_zone(self, zone: str) -> bool:
        index = self.findData(zone)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def zone(self) -> str | None:
        """The chosen Microsoft name; None when the typed text names no zone."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.itemData(index)
        # A bare Microsoft name typed by hand counts too.
        index = self.findData(text)
        return self.itemData(index) if index >= 0 else None

