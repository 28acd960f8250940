"""Walk a widget tree and list the visible texts a person reads, for the pseudo-language tests."""
from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
    QWizard,
    QWizardPage,
)

LETTERS = re.compile(r"[A-Za-z]{2,}")
TAGS = re.compile(r"<[^>]+>")


def visible_texts(root: QWidget):
    """(where, text) for every text a person can read in ``root``: labels, buttons, titles, headers, menus."""
    found = []

    def add(widget, kind, text):
        text = TAGS.sub("", text or "").replace("&&", "&").strip()
        if LETTERS.search(text):
            found.append((f"{type(widget).__name__}#{widget.objectName() or '?'}.{kind}", text))

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not (widget is root or widget.isVisibleTo(root)):
            continue
        if widget.isWindow():
            add(widget, "windowTitle", widget.windowTitle())
        if isinstance(widget, QLabel):
            add(widget, "text", widget.text())
        elif isinstance(widget, QAbstractButton):
            add(widget, "text", widget.text())
            if not widget.text():
                add(widget, "toolTip", widget.toolTip())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget, f"tab{index}", widget.tabText(index))
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            header = getattr(widget, "horizontalHeader", None)
            model = widget.model()
            if header is None:
                continue  # lists and trees without a header show data, not labels
            for column in range(model.columnCount(QModelIndex())):
                if header is not None and header().isSectionHidden(column):
                    continue
                add(widget, f"header{column}", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        elif isinstance(widget, QToolBar):
            for action in widget.actions():
                if not action.isSeparator() and action.isVisible():
                    add(widget, "action", action.text())
        if isinstance(widget, QWizardPage):
            add(widget, "title", widget.title())
            add(widget, "subTitle", widget.subTitle())
    for menu in root.findChildren(QMenu):
        add(menu, "title", menu.title())
        for action in menu.actions():
            if not action.isSeparator() and action.isVisible():
                add(menu, "action", action.text())
    return found


def unnamed_focusable(root: QWidget):
    """Focusable, visible widgets that Qt's accessibility interface gives no name."""
    from PySide6.QtGui import QAccessible

    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isEnabled():
            continue
        if not (widget is root or widget.isVisibleTo(root)) or widget.isWindow() and widget is not root:
            continue
        if widget.focusProxy() is not None:
            continue  # the proxy is the one focused and named
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not (name or "").strip():
            parent = widget.parentWidget()
            missing.append(f"{type(widget).__name__}#{widget.objectName() or '?'} in "
                           f"{type(parent).__name__ if parent else '-'}#{parent.objectName() if parent else ''}")
    return missing
