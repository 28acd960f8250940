"""The table every entity list uses: fixed row heights, per-pixel scrolling, a shaping-free font."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from lms365_desktop.ui.theme import table_style

ROW_HEIGHT = 26


class EntityTableView(QTableView):
    """A table with fixed row heights (ResizeToContents on rows took seconds at 100k)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setSortingEnabled(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Cells and scroll bars repaint on every scroll step; the palette still comes from the app.
        for widget in (self, self.verticalScrollBar(), self.horizontalScrollBar()):
            widget.setStyle(table_style())
        # Only the strategy is set, so family and size still follow the application font. Cell
        # text skips OpenType shaping (kerning, ligatures) for scripts that do not need it;
        # Arabic or Devanagari are still shaped. Shaping was ~40% of a repaint here.
        font = QFont()
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.setFont(font)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.setVisible(False)
        horizontal = self.horizontalHeader()
        horizontal.setSectionsMovable(True)
        horizontal.setHighlightSections(False)
        horizontal.setStretchLastSection(True)
        horizontal.setSortIndicatorShown(True)
        horizontal.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        horizontal.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
