"""The details panel beside a table: fields of the selected row, then sections loaded on demand."""
from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import display_text, field_value
from lms365_desktop.ui.itemmodels.lookups import Directory
from lms365_desktop.ui.local_time import looks_like_date_time, moment_tooltip
from lms365_desktop.ui.theme import icon

SECTION_LINES = 60
# What a details field can lead to (the first half of a FieldTarget).
PERSON, COURSE, SESSION = "person", "course", "session"
FieldTarget = tuple[str, str]  # (PERSON, user id) and so on


class DetailsPanel(QScrollArea):
    """Shows one row; subclasses fill ``fields`` and may load more with ``load_more(row)``."""

    # A field shown as a link was clicked (or activated with the keyboard): where it leads,
    # (PERSON, user id), (COURSE, course id) or (SESSION, session id); PaneLinks opens it.
    field_link_activated = Signal(str, str)

    icon_name = "details"
    fields: Sequence[tuple[str, str]] = ()  # (wire path, label)
    day_fields: frozenset[str] = frozenset({"DueDate"})  # deadlines: a day's start or end in UTC reads as the day

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("detailsPanel")
        self.setAccessibleName(self.tr("Details"))
        self.setAccessibleDescription(self.tr("The selected row in full"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(200)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(4)
        self.setWidget(self._body)
        self._task: asyncio.Task | None = None
        self.row: Any = None
        self.sections: dict[str, list[str]] = {}
        self.show_row(None)

    def heading(self, row: Any) -> str:
        return display_text(field_value(row, "Title"))

    def field_text(self, row: Any, path: str) -> str:
        return display_text(field_value(row, path))

    def field_target(self, row: Any, path: str) -> FieldTarget | None:
        """Where the field leads (a manager to their record, a course to the course), if anywhere."""
        return None

    def field_tooltip(self, row: Any, path: str) -> str:
        """A date's whole date, zone, offset and UTC time (the value shows the short form); else nothing."""
        value = field_value(row, path) if ":" not in path else None
        if isinstance(value, date) or (isinstance(value, str) and looks_like_date_time(value)):
            return moment_tooltip(value, days=path in self.day_fields)
        return ""

    def show_row(self, row: Any) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self.row = row
        self._clear()
        self.sections = {}
        if row is None:
            hint = _label(self.tr("Select one row to see its details."))
            hint.setObjectName("detailsHint")
            hint.setEnabled(False)
            self._layout.addWidget(hint)
            self._layout.addStretch(1)
            return
        badge = QLabel()
        badge.setPixmap(icon(self.icon_name).pixmap(28, 28))
        heading = _breakable(_escape(self.heading(row)))
        title = _label(f"<span style='font-size:12pt; font-weight:600'>{heading}</span>")
        title.setObjectName("detailsTitle")
        head = QHBoxLayout()
        head.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(title, 1)
        self._layout.addLayout(head)
        # A grid, not a QFormLayout: the form layout gave wrapped values one line's height when
        # the panel was narrow, cutting off the second line.
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(3)
        form.setColumnStretch(1, 1)
        for line, (path, label) in enumerate(self.fields):
            value = _label("")
            value.setObjectName(f"detail_{path.replace('/', '_')}")
            value.linkActivated.connect(lambda _href, p=path: self._on_field_link_activated(p))
            self._fill_field(value, row, path)
            caption = QLabel(label)
            caption.setEnabled(False)
            form.addWidget(caption, line, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.addWidget(value, line, 1)
        self._layout.addLayout(form)
        self._layout.addStretch(1)
        if self.context.client is not None:
            self._task = self.context.tasks.run(self.load_more(row))

    async def load_more(self, row: Any) -> None:
        """Fetch and add sections for ``row`` (runs after the fields are shown)."""

    def refresh_field(self, path: str) -> None:
        """Show one field again (a name the user directory has just found for a login)."""
        value = self.findChild(QLabel, f"detail_{path.replace('/', '_')}")
        if value is None or self.row is None:
            return
        self._fill_field(value, self.row, path)

    def _on_field_link_activated(self, path: str) -> None:
        target = self.field_target(self.row, path) if self.row is not None else None
        if target is not None:
            self.field_link_activated.emit(*target)

    def shown_text(self, path: str) -> str:
        """What the field's line reads now, as plain text (a link's words without its markup)."""
        value = self.findChild(QLabel, f"detail_{path.replace('/', '_')}")
        return QTextDocumentFragment.fromHtml(value.text()).toPlainText().replace("\u200b", "") if value else ""

    def _fill_field(self, value: QLabel, row: Any, path: str) -> None:
        text = self.field_text(row, path) or "—"
        shown = _breakable(_escape(text))
        if text != "—" and self.field_target(row, path) is not None:
            value.setText(f"<a href='{path}'>{shown}</a>")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        else:
            value.setText(shown)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setToolTip(self.field_tooltip(row, path) or (text if len(text) > 24 else ""))

    def add_section(self, name: str, title: str, items: Sequence[str], empty: str | None = None) -> QLabel:
        """A titled block of lines under the fields (at most SECTION_LINES, then "and N more")."""
        caption = QLabel(f"<b>{_escape(title)}</b>")
        caption.setContentsMargins(0, 10, 0, 0)
        lines = [_escape(item) for item in list(items)[:SECTION_LINES]]
        if len(items) > SECTION_LINES:
            lines.append(self.tr("… and {n} more").format(n=QLocale().toString(len(items) - SECTION_LINES)))
        if lines:
            body = _label("<br>".join(lines))
            body.setObjectName(f"details_{name}")  # the section's lines: what the server holds
        else:
            placeholder = empty or self.tr("None")
            body = _label(f"<i>{_escape(placeholder)}</i>")
            body.setObjectName(f"detailsEmpty_{name}")
        body.setEnabled(bool(items))
        at = self._layout.count() - 1  # before the closing stretch
        self._layout.insertWidget(at, caption)
        self._layout.insertWidget(at + 1, body)
        self.sections[name] = list(items)
        return body

    def section_texts(self, name: str) -> list[str]:
        return list(self.sections.get(name, []))

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                # Out of the layout it keeps its place until deleted: hidden now, so the next
                # row's fields never paint over the last one's for a frame.
                widget.hide()
                widget.deleteLater()
            elif item.layout() is not None:
                _delete_layout(item.layout())


def person_target(directory: Directory, login: str | None) -> FieldTarget | None:
    """The record of whoever signs in as ``login``, when the people directory knows them (a manager
    who is no user of this LMS365 has no record to open)."""
    user = directory.people.user(login) if login else None
    return (PERSON, user.id) if user is not None and user.id else None


def id_target(kind: str, value: Any) -> FieldTarget | None:
    """A course or session field's target: the id it holds, when it holds one."""
    return (kind, str(value)) if value else None


def _delete_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _delete_layout(item.layout())
    layout.deleteLater()


def _label(html: str) -> QLabel:
    """A selectable, wrapping label that may shrink below its longest word (no sideways scroll)."""
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    # A fresh policy drops the height-for-width flag setWordWrap set: without it the layout
    # gave wrapped values one line's height and cut the rest off.
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


def _breakable(text: str) -> str:
    """Zero-width spaces after @, dots, pipes and hyphens let long e-mails and logins wrap, not be cut off."""
    return (text.replace("@", "@\u200b").replace(".", ".\u200b").replace("|", "|\u200b")
            .replace("-", "-\u200b"))  # ids: no break opportunity before a digit after "-" otherwise


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
