"""The fields of one connection (name, region or address, API key, options) with messages beside each field."""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pydantic import ValidationError

from lms365_desktop.api.problems import Problem
from lms365_desktop.core.profiles import (
    REGION_PRESETS, ConnectionProfile, ProfileMessage, preset_for_url, profile_problems,
)
from lms365_desktop.ui.theme import icon, is_dark

CUSTOM = "custom"
# The regions' names by preset key, marked for lupdate in this class's context (core stays Qt-free).
REGION_NAMES = {
    "us": QT_TRANSLATE_NOOP("ConnectionForm", "United States (Central US)"),
    "ne": QT_TRANSLATE_NOOP("ConnectionForm", "Europe (North Europe)"),
    "uk": QT_TRANSLATE_NOOP("ConnectionForm", "United Kingdom (UK South)"),
    "de": QT_TRANSLATE_NOOP("ConnectionForm", "Germany (West Central)"),
    "ch": QT_TRANSLATE_NOOP("ConnectionForm", "Switzerland (North)"),
    "ca": QT_TRANSLATE_NOOP("ConnectionForm", "Canada (Central)"),
    "au": QT_TRANSLATE_NOOP("ConnectionForm", "Australia (East)"),
    "je": QT_TRANSLATE_NOOP("ConnectionForm", "Japan (East)"),
    "usgcc": QT_TRANSLATE_NOOP("ConnectionForm", "US Government (GCC)"),
    "compat": QT_TRANSLATE_NOOP("ConnectionForm", "Any region (compatibility host api.365.systems)"),
}

# The profile's checks (core, Qt-free) say what is wrong as a key; each key's sentence is here,
# marked for lupdate in this class's context (the same sentences as before the keys).
PROFILE_TEXTS: Mapping[ProfileMessage, str] = {
    ProfileMessage.NAME_EMPTY: QT_TRANSLATE_NOOP("ConnectionForm", "Give the connection a name."),
    ProfileMessage.NAME_NOT_ONE_LINE: QT_TRANSLATE_NOOP("ConnectionForm", "The name must be a single line of text."),
    ProfileMessage.ADDRESS_EMPTY: QT_TRANSLATE_NOOP("ConnectionForm", "The API address is empty. Choose a region or type the API address, e.g. https://us-api.365.systems."),  # noqa: E501 (one literal, for lupdate)
    ProfileMessage.ADDRESS_NOT_WEB: QT_TRANSLATE_NOOP("ConnectionForm", "The API address must be a full web address starting with https://, e.g. https://us-api.365.systems."),  # noqa: E501 (one literal, for lupdate)
    ProfileMessage.ADDRESS_PLAIN_HTTP: QT_TRANSLATE_NOOP("ConnectionForm", "The API address must use https:// (plain http:// would send the API key unencrypted; it is allowed only for this computer, e.g. http://127.0.0.1:8365)."),  # noqa: E501 (one literal, for lupdate)
    ProfileMessage.ADDRESS_EXTRAS: QT_TRANSLATE_NOOP("ConnectionForm", "The API address must not contain a query, a fragment or credentials."),  # noqa: E501 (one literal, for lupdate)
    ProfileMessage.ADDRESS_BAD_PORT: QT_TRANSLATE_NOOP("ConnectionForm", "The API address has an invalid port number."),  # noqa: E501 (one literal, for lupdate)
    ProfileMessage.CALLBACK_EMPTY: QT_TRANSLATE_NOOP("ConnectionForm", "The public callback address is empty. Type the https address a tunnel forwards to this computer, e.g. https://example.ngrok.app."),  # noqa: E501 (one literal, for lupdate)
    ProfileMessage.CALLBACK_NOT_WEB: QT_TRANSLATE_NOOP("ConnectionForm", "The public callback address must be a full web address starting with https://, e.g. https://example.ngrok.app."),  # noqa: E501 (one literal, for lupdate)
    ProfileMessage.CALLBACK_PLAIN_HTTP: QT_TRANSLATE_NOOP("ConnectionForm", "The public callback address must use https://: LMS365 delivers events to it across the internet. Plain http:// is allowed only for an address on this computer."),  # noqa: E501 (one literal, for lupdate)
    ProfileMessage.CALLBACK_EXTRAS: QT_TRANSLATE_NOOP("ConnectionForm", "The public callback address must not contain a query, a fragment or credentials."),  # noqa: E501 (one literal, for lupdate)
    ProfileMessage.CALLBACK_BAD_PORT: QT_TRANSLATE_NOOP("ConnectionForm", "The public callback address has an invalid port number."),  # noqa: E501 (one literal, for lupdate)
}


def profile_text(problem: Problem | str) -> str:
    """A profile problem in the user's language; pydantic's own English (rate limits) as it is."""
    if isinstance(problem, Problem) and isinstance(problem.key, ProfileMessage):
        return QCoreApplication.translate("ConnectionForm", PROFILE_TEXTS[problem.key]).format(**problem.values)
    return str(problem)


def error_colour() -> str:
    return "#ff7b72" if is_dark() else "#c62828"


class ConnectionForm(QWidget):
    """Edits a `ConnectionProfile` and its key; `read()` validates and shows what is wrong where."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._custom_url = ""
        self._errors: dict[str, QLabel] = {}

        self.name_edit = QLineEdit(objectName="connectionName")
        self.name_edit.setPlaceholderText(self.tr("e.g. Contoso production"))
        self.region_combo = QComboBox(objectName="connectionRegion")
        for preset in REGION_PRESETS:
            name = QCoreApplication.translate("ConnectionForm", REGION_NAMES[preset.key]) \
                if preset.key in REGION_NAMES else preset.label
            self.region_combo.addItem(f"{name} — {preset.base_url.removeprefix('https://')}", preset.key)
        self.region_combo.addItem(self.tr("Custom address…"), CUSTOM)
        self.url_edit = QLineEdit(objectName="connectionUrl")
        self.url_edit.setPlaceholderText("https://")
        self.key_edit = QLineEdit(objectName="connectionKey")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste the API key"))
        self.key_edit.setToolTip(self.tr("Created in LMS365 Admin Center › Global Settings › API key management."))
        self._reveal = QAction(icon("key"), self.tr("Show the key"), self)
        self._reveal.setCheckable(True)
        self._reveal.toggled.connect(self._on_reveal_toggled)
        self.key_edit.addAction(self._reveal, QLineEdit.ActionPosition.TrailingPosition)
        self.key_notice = QWidget(objectName="keyringWarning")
        notice_icon = QLabel()
        notice_icon.setPixmap(icon("warning").pixmap(16, 16))
        notice_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.key_notice_text = QLabel(objectName="keyringWarningText")
        self.key_notice_text.setWordWrap(True)
        notice_layout = QHBoxLayout(self.key_notice)
        notice_layout.setContentsMargins(0, 0, 0, 0)
        notice_layout.addWidget(notice_icon)
        notice_layout.addWidget(self.key_notice_text, 1)
        self.key_notice.hide()

        self.username_edit = QLineEdit("api", objectName="connectionUsername")
        self.rate_calls = QSpinBox(objectName="connectionRateCalls", minimum=1, maximum=100_000, value=600)
        self.rate_calls.setSuffix(self.tr(" calls"))
        self.rate_window = QDoubleSpinBox(objectName="connectionRateWindow", minimum=1, maximum=3600, value=60, decimals=0)
        self.rate_window.setSuffix(self.tr(" s"))
        self.on_behalf_edit = QLineEdit(objectName="connectionOnBehalfOf")
        self.on_behalf_edit.setPlaceholderText(self.tr("optional: LMS365 user id or Entra object id"))
        self.callback_edit = QLineEdit(objectName="connectionCallbackUrl")
        self.callback_edit.setPlaceholderText(self.tr("optional: public https address for live events"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Each label is the buddy of its editor (not of the box around it with the message), so
        # its mnemonic focuses the editor and a screen reader names the editor after it.
        self._add_row(form, self.tr("&Name:"), self.name_edit, self._with_error(self.name_edit, "name"))
        self._add_row(form, self.tr("&Region:"), self.region_combo, self.region_combo)
        self._add_row(form, self.tr("&Address:"), self.url_edit, self._with_error(self.url_edit, "base_url"))
        self._add_row(form, self.tr("API &key:"), self.key_edit, self._with_error(self.key_edit, "api_key"))
        self.key_edit.setAccessibleDescription(self.key_edit.toolTip())
        form.addRow(self.key_notice)

        self.more_button = QToolButton(objectName="connectionMoreOptions", text=self.tr("More options"))
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setAutoRaise(True)
        self.more_button.toggled.connect(self._on_more_toggled)
        form.addRow("", self.more_button)

        rate_row = QWidget()
        rate_layout = QHBoxLayout(rate_row)
        rate_layout.setContentsMargins(0, 0, 0, 0)
        rate_layout.addWidget(self.rate_calls)
        per = QLabel(self.tr("per"))
        per.setBuddy(self.rate_window)
        rate_layout.addWidget(per)
        self.rate_window.setAccessibleName(self.tr("Rate limit: time window in seconds"))
        rate_layout.addWidget(self.rate_window)
        rate_layout.addStretch(1)
        # Options rows live in the same form (aligned labels) and are shown on demand.
        self._advanced_rows = [
            self._with_error(self.username_edit, "username"),
            self._with_error(rate_row, "rate_calls"),
            self._with_error(self.on_behalf_edit, "on_behalf_of"),
            self._with_error(self.callback_edit, "public_callback_url"),
        ]
        advanced = ((self.tr("&User name:"), self.username_edit), (self.tr("Rate &limit:"), self.rate_calls),
                    (self.tr("On behal&f of:"), self.on_behalf_edit), (self.tr("Call&back address:"), self.callback_edit))
        for (label, editor), row in zip(advanced, self._advanced_rows):
            self._add_row(form, label, editor, row)
            form.setRowVisible(row, False)
        self.rate_calls.setAccessibleName(self.tr("Rate limit: calls"))
        self._form = form

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        # Tab follows the rows as they read: "More options" sits between the key and the options it shows.
        chain = [self.name_edit, self.region_combo, self.url_edit, self.key_edit, self.more_button,
                 self.username_edit, self.rate_calls, self.rate_window, self.on_behalf_edit, self.callback_edit]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

        self.region_combo.currentIndexChanged.connect(self._on_region_changed)
        for field, edit in (("name", self.name_edit), ("base_url", self.url_edit), ("api_key", self.key_edit),
                            ("username", self.username_edit), ("on_behalf_of", self.on_behalf_edit),
                            ("public_callback_url", self.callback_edit)):
            edit.textEdited.connect(lambda _text, field=field: self._on_field_edited(field))
        self.rate_calls.valueChanged.connect(lambda _value: self._on_field_edited("rate_calls"))
        self.rate_window.valueChanged.connect(lambda _value: self._on_field_edited("rate_calls"))
        self._on_region_changed()

    # -- public ------------------------------------------------------------------------------

    def set_key_notice(self, text: str | None) -> None:
        """A plain-words note under the key field, e.g. that keys are kept in memory only."""
        self.key_notice_text.setText(text or "")
        self.key_notice.setVisible(bool(text))

    def fill(self, profile: ConnectionProfile, key: str | None) -> None:
        """Show a saved profile for editing (its key, if known, stays masked)."""
        self.name_edit.setText(profile.name)
        preset = preset_for_url(profile.base_url)
        if preset is None:
            self._custom_url = profile.base_url
        self.region_combo.setCurrentIndex(self.region_combo.findData(preset.key if preset else CUSTOM))
        self.url_edit.setText(profile.base_url)
        self.key_edit.setText(key or "")
        self.username_edit.setText(profile.username)
        self.rate_calls.setValue(profile.rate_calls)
        self.rate_window.setValue(profile.rate_window)
        self.on_behalf_edit.setText(profile.on_behalf_of or "")
        self.callback_edit.setText(profile.public_callback_url or "")
        self.show_errors({})

    def read(self, taken_names: set[str] = frozenset()) -> tuple[ConnectionProfile, str] | None:
        """The profile and key as typed, or None after showing a message beside each bad field."""
        errors: dict[str, str] = {}
        profile = None
        try:
            profile = ConnectionProfile(
                name=self.name_edit.text(),
                base_url=self.url_edit.text(),
                username=self.username_edit.text(),
                rate_calls=self.rate_calls.value(),
                rate_window=self.rate_window.value(),
                on_behalf_of=self.on_behalf_edit.text(),
                public_callback_url=self.callback_edit.text(),
            )
        except ValidationError as exc:
            errors.update({field: profile_text(problem) for field, problem in profile_problems(exc).items()})
            if "rate_window" in errors:  # both spin boxes share one message line
                errors.setdefault("rate_calls", errors.pop("rate_window"))
        if profile is not None and profile.name in taken_names:
            errors["name"] = self.tr("A saved connection already has this name; choose another.")
        key = self.key_edit.text().strip()
        if not key:
            errors["api_key"] = self.tr("Enter the API key (a Full Control key can make changes; Read Only cannot).")
        self.show_errors(errors)
        if errors:
            first = next((name for name in self._errors if name in errors), "name")
            self._focus_for(first).setFocus(Qt.FocusReason.OtherFocusReason)
            if first not in ("name", "base_url", "api_key"):
                self.more_button.setChecked(True)
            return None
        return profile, key

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, label in self._errors.items():
            text = errors.get(field, "")
            label.setText(text)
            label.setVisible(bool(text))

    def error_text(self, field: str) -> str:
        label = self._errors[field]
        return label.text() if label.isVisibleTo(self) else ""

    # -- private -----------------------------------------------------------------------------

    @staticmethod
    def _add_row(form: QFormLayout, text: str, editor: QWidget, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(editor)
        editor.setAccessibleName(text.replace("&", "").rstrip(":"))
        form.addRow(label, field)

    def _with_error(self, field: QWidget, name: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        label = QLabel(objectName=f"{name}Error")
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {error_colour()};")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        layout.addWidget(label)
        self._errors[name] = label
        return box

    def _focus_for(self, field: str) -> QWidget:
        return {
            "name": self.name_edit, "base_url": self.url_edit, "api_key": self.key_edit,
            "username": self.username_edit, "rate_calls": self.rate_calls,
            "on_behalf_of": self.on_behalf_edit, "public_callback_url": self.callback_edit,
        }.get(field, self.name_edit)

    def _on_region_changed(self, *_: object) -> None:
        key = self.region_combo.currentData()
        custom = key == CUSTOM
        if custom:
            self.url_edit.setText(self._custom_url)
        else:
            if not self.url_edit.isReadOnly():
                self._custom_url = self.url_edit.text()  # keep what was typed if they come back
            self.url_edit.setText(next(p.base_url for p in REGION_PRESETS if p.key == key))
        self.url_edit.setReadOnly(not custom)
        self.url_edit.setClearButtonEnabled(custom)
        self._errors["base_url"].hide()
        self.edited.emit()

    def _on_reveal_toggled(self, shown: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._reveal.setText(self.tr("Hide the key") if shown else self.tr("Show the key"))

    def _on_more_toggled(self, shown: bool) -> None:
        for row in self._advanced_rows:
            self._form.setRowVisible(row, shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _on_field_edited(self, field: str) -> None:
        self._errors[field].hide()  # the message was about what was there before
        self.edited.emit()
