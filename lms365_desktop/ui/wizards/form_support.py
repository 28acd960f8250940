"""Form pages for the wizards: mandatory marks, and an error message shown beside each field."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

ERROR_STYLE = "color: #c42b1c;"


class FormPage(QWizardPage):
    """A wizard page of labelled fields; ``show_errors`` puts each message under its field."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.error_labels: dict[str, QLabel] = {}
        self.page_error = QLabel()
        self.page_error.setObjectName("pageError")
        self.page_error.setStyleSheet(ERROR_STYLE)
        self.page_error.setWordWrap(True)
        self.page_error.hide()
        outer.addWidget(self.page_error)

    def add_field(self, key: str, label: str, widget: QWidget, *, mandatory: bool = False,
                  hint: str = "") -> QWidget:
        """Add a row; ``key`` is the request field it fills (dots for nested: "Room.Title")."""
        text = f"{label} <span style='color:#c42b1c'>*</span>" if mandatory else label
        caption = QLabel(text)
        caption.setTextFormat(Qt.TextFormat.RichText)
        caption.setBuddy(widget)
        name_fields(widget, label)
        if mandatory:
            caption.setToolTip(self.tr("Required"))
            widget.setAccessibleDescription(self.tr("Required"))
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet("color: palette(placeholder-text);")
            column.addWidget(hint_label)
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.error_labels[key] = error
        self.form.addRow(caption, holder)
        # A message goes away as soon as the user edits its field; Next checks again anyway.
        connect_changed([widget], error.hide)
        return widget

    def add_row(self, label: str, widget: QWidget) -> None:
        self.form.addRow(label, widget)
        if label:
            name_fields(widget, label)

    @property
    def field_keys(self) -> Iterable[str]:
        return self.error_labels.keys()

    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.clear()
            label.hide()
        self.page_error.hide()

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Show the errors that belong to this page's fields; True when there were any."""
        self.clear_errors()
        shown = False
        for key, message in errors.items():
            label = self._label_for(key)
            if label is not None:
                label.setText(message)
                label.show()
                shown = True
        return shown

    def show_page_error(self, message: str) -> None:
        self.page_error.setText(message)
        self.page_error.setVisible(bool(message))

    def error_text(self, key: str) -> str:
        label = self.error_labels.get(key)
        return label.text() if label is not None and label.isVisible() else ""

    def _label_for(self, key: str) -> QLabel | None:
        # "PublishingSettings.StartDate" lands on its own row, or on "PublishingSettings" if the
        # page shows the object as one row.
        parts = key.split(".")
        for cut in range(len(parts), 0, -1):
            label = self.error_labels.get(".".join(parts[:cut]))
            if label is not None:
                return label
        return None


def name_fields(widget: QWidget, label: str) -> None:
    """Give the field (or the unnamed editors of a compound field) the label's words as accessible name.

    Qt names a field after its buddy label only when both share a parent; a form row's field
    sits in a holder, so screen readers would hear nothing.
    """
    name = label.replace("&", "").rstrip(":").strip()
    editors = [widget] if widget.focusPolicy() != Qt.FocusPolicy.NoFocus else widget.findChildren(QWidget)
    for editor in editors:
        if editor.focusPolicy() == Qt.FocusPolicy.NoFocus or editor.accessibleName():
            continue
        if isinstance(editor, QAbstractButton) and editor.text():
            continue  # a check box or button says what it is itself
        if editor.focusProxy() is not None or (editor is not widget and isinstance(editor.parentWidget(), QAbstractSpinBox)):
            continue
        editor.setAccessibleName(name)


def row(*widgets: QWidget, stretch: int | None = None) -> QWidget:
    """Several widgets side by side as one form field; ``stretch`` names the one that grows."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if index == stretch else 0)
    if stretch is None:
        layout.addStretch(1)
    return holder


def connect_changed(widgets: Iterable[QWidget], slot: Callable[[], None]) -> None:
    """Call ``slot`` when any of these editors changes, whatever its kind."""
    for widget in widgets:
        for name in ("textChanged", "currentIndexChanged", "toggled", "dateTimeChanged", "valueChanged"):
            # Qt editors name their change signal differently; the first one the widget has is used.
            signal = getattr(widget, name, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(lambda *_: slot())
                break
