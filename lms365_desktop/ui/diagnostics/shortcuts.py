"""Keyboard shortcuts read from the window's own actions, so the list cannot go stale."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Shortcut:
    section: str  # the menu's title without "&", or "Window" for actions in no menu
    text: str  # the action's text without "&" and "…"
    keys: str  # every key sequence of the action, in the platform's notation


def plain(text: str) -> str:
    """A menu text as a person reads it: no mnemonic ampersand, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def shortcut_text(action: QAction) -> str:
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
                     if not key.isEmpty())


def collect_shortcuts(window) -> list[Shortcut]:
    """Every action of the window (menus first, in menu order) that has a key sequence."""
    seen: set[int] = set()
    found: list[Shortcut] = []
    for menu in window.menus.values():
        section = plain(menu.title())
        for action in menu.actions():
            if id(action) in seen or action.isSeparator():
                continue
            seen.add(id(action))
            keys = shortcut_text(action)
            if keys:
                found.append(Shortcut(section, plain(action.text()), keys))
    for action in window.findChildren(QAction):
        if id(action) in seen or action.isSeparator():
            continue
        seen.add(id(action))
        keys = shortcut_text(action)
        if keys and action.text():
            found.append(Shortcut(QCoreApplication.translate("ShortcutsDialog", "Window"), plain(action.text()), keys))
    return found


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: the window's actions by menu, with a filter."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("shortcutFilter")
        self.filter_edit.setPlaceholderText(self.tr("Type to filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter shortcuts"))
        filter_label = QLabel(self.tr("&Filter:"))
        filter_label.setBuddy(self.filter_edit)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutTree")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.shortcuts = collect_shortcuts(window)
        sections: dict[str, QTreeWidgetItem] = {}
        for shortcut in self.shortcuts:
            parent_item = sections.get(shortcut.section)
            if parent_item is None:
                parent_item = QTreeWidgetItem(self.tree, [shortcut.section])
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
                parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                parent_item.setFirstColumnSpanned(True)
                sections[shortcut.section] = parent_item
            QTreeWidgetItem(parent_item, [shortcut.text, shortcut.keys])
        self.tree.expandAll()
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(filter_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(480, 560)

    def visible_rows(self) -> list[tuple[str, str]]:
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            for j in range(section.childCount()):
                child = section.child(j)
                if not child.isHidden():
                    rows.append((child.text(0), child.text(1)))
        return rows

    def _on_filter_edit_text_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            shown = 0
            for j in range(section.childCount()):
                child = section.child(j)
                hit = not needle or needle in child.text(0).casefold() or needle in child.text(1).casefold()
                child.setHidden(not hit)
                shown += hit
            section.setHidden(shown == 0)
