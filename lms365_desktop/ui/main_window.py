"""The main window: composes navigation, panes, menus, toolbar and status bar; no business logic."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QContextMenuEvent, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.ui.theme import icon, icon_size
from lms365_desktop.ui.widgets.notification_area import NotificationArea
from lms365_desktop.ui.widgets.throttle_meter import ThrottleMeter

MENU_NAMES = ("file", "actions", "tools", "view", "help")


class MainWindow(QMainWindow):
    """Hosts panes handed in by app.py; others extend it through add_pane and add_action."""

    pane_changed = Signal(str)
    closing = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("LMS365 Desktop"))
        self.setWindowIcon(icon("app"))
        self.setIconSize(icon_size())
        self.settings = settings
        self.actions_by_name: dict[str, QAction] = {}
        self.panes: dict[str, QWidget] = {}
        # (save, restore) of each pane that keeps state in the settings; see keep_pane_state.
        self._state_keepers: list[tuple[Callable[[QSettings], None], Callable[[QSettings], None]]] = []

        titles = {
            "file": self.tr("&File"), "actions": self.tr("&Actions"), "tools": self.tr("&Tools"),
            "view": self.tr("&View"), "help": self.tr("&Help"),
        }
        self.menus: dict[str, QMenu] = {}
        for name in MENU_NAMES:
            menu = self.menuBar().addMenu(titles[name])
            menu.setObjectName(f"{name}Menu")
            self.menus[name] = menu

        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("paneTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.notification_area = NotificationArea()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.notification_area)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.navigation: QWidget | None = None

        self.connection_name = ""
        self.connection_state = ""
        self.connection_icon = QLabel()
        self.connection_icon.setObjectName("connectionIcon")
        self.connection_icon.hide()
        self.connection_label = QLabel(self.tr("Not connected"))
        self.connection_label.setObjectName("connectionLabel")
        self.throttle_meter = ThrottleMeter()
        self.statusBar().addWidget(self.connection_icon)
        self.statusBar().addWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.throttle_meter)

        self.add_action("file", "quit", self.tr("&Quit"), shortcut=QKeySequence.StandardKey.Quit, slot=self.close)
        # Shift+F10 and the Menu key open the focused widget's context menu where the keyboard
        # is (a table's current cell), not at the mouse pointer.
        self.context_menu_action = QAction(self.tr("Context menu"), self)
        self.context_menu_action.setObjectName("contextMenuAction")
        self.context_menu_action.setShortcuts([QKeySequence("Shift+F10"), QKeySequence(Qt.Key.Key_Menu)])
        self.context_menu_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.context_menu_action.triggered.connect(self.open_keyboard_context_menu)
        self.addAction(self.context_menu_action)
        self.add_action("help", "about", self.tr("&About LMS365 Desktop"), icon_name="info", slot=self._show_about)

    # ---- extension points -------------------------------------------------------------------
    def add_action(
        self,
        menu: str,
        name: str,
        text: str,
        *,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
        slot: Callable | None = None,
        toolbar: bool = False,
        before: str | None = None,
    ) -> QAction:
        """Create a named action in one of the menus (file, actions, tools, view, help)."""
        action = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        action.setObjectName(f"{name}Action")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if slot is not None:
            action.triggered.connect(slot)
        target = self.menus[menu]
        anchor = self.actions_by_name.get(before or "")
        if anchor is None and menu == "file" and "quit" in self.actions_by_name:
            anchor = self.actions_by_name["quit"]  # Quit stays last in File
        if anchor is not None and anchor in target.actions():
            target.insertAction(anchor, action)
        else:
            target.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        self.actions_by_name[name] = action
        return action

    def keep_pane_state(self, save: Callable[[QSettings], None], restore: Callable[[QSettings], None]) -> None:
        """``save(settings)`` as the window closes, ``restore(settings)`` as its layout is restored."""
        self._state_keepers.append((save, restore))

    def add_pane(self, widget: QWidget, title: str, icon_or_name: QIcon | str | None = None,
                 shortcut: str | QKeySequence | None = None) -> QAction:
        """Add a pane to the stack with a View-menu action; Ctrl+<position> unless given."""
        pane_icon = icon(icon_or_name) if isinstance(icon_or_name, str) else (icon_or_name or QIcon())
        index = self.tabs.addTab(widget, pane_icon, title)
        for view in widget.findChildren(QAbstractItemView):
            view.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
        key = widget.objectName() or f"pane{index}"
        self.panes[key] = widget
        if shortcut is None and index < 9:
            shortcut = f"Ctrl+{index + 1}"
        action = self.add_action("view", key, title, shortcut=shortcut,
                                 slot=lambda _checked=False, w=widget: self.show_pane(w))
        action.setIcon(pane_icon)
        return action

    def open_keyboard_context_menu(self) -> None:
        """Send the focused widget a keyboard context-menu event at its current cell or cursor."""
        widget = QApplication.focusWidget()
        if widget is None or widget.window() is not self:
            return
        if isinstance(widget, QAbstractItemView):
            target = widget.viewport()
            rect = widget.visualRect(widget.currentIndex())
            visible = rect.intersected(target.rect())
            position = visible.center() if not visible.isEmpty() else QPoint(4, 4)
        else:
            target = widget
            cursor = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
            # Qt's answer is a QRect(F) for a text editor and None (an empty QVariant) for other widgets.
            rect = cursor.toRect() if hasattr(cursor, "toRect") else QRect()
            position = rect.center() if rect.isValid() else widget.rect().center()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, position, target.mapToGlobal(position))
        QApplication.sendEvent(target, event)

    def set_navigation(self, widget: QWidget) -> None:
        """Put the navigation tree on the left of the panes."""
        self.navigation = widget
        self.splitter.insertWidget(0, widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 1000])

    def add_status_widget(self, widget: QWidget, permanent: bool = True) -> None:
        if permanent:
            # Keep the throttle meter last (rightmost): take it out, add the widget, put it back.
            bar = self.statusBar()
            bar.removeWidget(self.throttle_meter)
            bar.addPermanentWidget(widget)
            bar.addPermanentWidget(self.throttle_meter)
            self.throttle_meter.show()
        else:
            self.statusBar().addWidget(widget, 1)

    def show_pane(self, pane: QWidget | str) -> QWidget:
        widget = self.panes[pane] if isinstance(pane, str) else pane
        self.tabs.setCurrentWidget(widget)
        return widget

    def current_pane(self) -> QWidget | None:
        return self.tabs.currentWidget()

    def set_connection_name(self, name: str) -> None:
        self.connection_name = name
        self.connection_state = ""
        self.set_connection_state("connected")
        self.setWindowTitle(self.tr("{name} — LMS365 Desktop").format(name=name))

    def set_connection_state(self, state: str) -> None:
        """``connected``, ``lost`` (the client keeps retrying) or ``key_rejected``, shown in the status bar."""
        if state == self.connection_state:
            return
        self.connection_state = state
        name = self.connection_name
        texts = {
            "connected": (self.tr("Connected to {name}"), "", ""),
            "lost": (self.tr("Connection lost — retrying ({name})"), "warning",
                     self.tr("The last request could not reach the server; the next one tries again.")),
            "key_rejected": (self.tr("Key rejected ({name})"), "error",
                             self.tr("The server refused the API key; choose Enter API key… in the notification.")),
        }
        text, icon_name, tip = texts[state]
        self.connection_label.setText(text.format(name=name))
        self.connection_label.setToolTip(tip)
        self.connection_icon.setPixmap(icon(icon_name).pixmap(16, 16) if icon_name else QPixmap())
        self.connection_icon.setVisible(bool(icon_name))

    # ---- layout -----------------------------------------------------------------------------
    def restore_layout(self) -> None:
        """Geometry, docks, splitter, last pane and each pane's columns, as the user left them."""
        self.restore_geometry()
        self.restore_panes()

    def restore_geometry(self) -> None:
        """Size and position: what can be restored before the panes exist."""
        if self.settings is None:
            self.resize(1280, 800)
            return
        settings = self.settings
        rect = settings.value("window/rect")
        if isinstance(rect, QRect) and rect.isValid() and _on_a_screen(rect):
            # The client rectangle as saved, not restoreGeometry(): that one moves a window
            # whose title bar it believes off-screen (y < title bar height) down each start,
            # which with no window manager (no title bar at all) was every window at y=0.
            self.setGeometry(rect)
            if settings.value("window/maximized") in (True, "true"):
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
            return
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)  # e.g. the saved screen is gone: Qt finds a place
        else:
            self.resize(1280, 800)

    def restore_panes(self) -> None:
        """Docks, the navigation splitter, the last pane and every pane's own layout."""
        if self.settings is None:
            return
        settings = self.settings
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        last = settings.value("window/lastPane")
        if isinstance(last, str) and last in self.panes:
            self.show_pane(last)
        for _save, restore in self._state_keepers:
            restore(settings)

    def save_layout(self) -> None:
        if self.settings is None:
            return
        settings = self.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/rect", self.normalGeometry() if self.isMaximized() else self.geometry())
        settings.setValue("window/maximized", self.isMaximized())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        current = self.current_pane()
        if current is not None:
            settings.setValue("window/lastPane", current.objectName())
        for save, _restore in self._state_keepers:
            save(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_layout()
        self.closing.emit()
        super().closeEvent(event)

    # ---- private ----------------------------------------------------------------------------
    def _on_tabs_current_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is not None:
            self.pane_changed.emit(widget.objectName())

    def _show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About LMS365 Desktop"))
        box.setText(self.tr("<b>LMS365 Desktop</b><br>Version {version}<br><br>Catalogs, courses, sessions, "
                            "users and enrollments of LMS365 (Learn365), for training coordinators.")
                    .format(version=QApplication.applicationVersion() or "?"))
        box.setIconPixmap(icon("app").pixmap(48, 48))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _on_a_screen(rect: QRect) -> bool:
    """Whether enough of ``rect`` (its top strip, where one grabs a window) is on some screen."""
    top = QRect(rect.left(), rect.top(), rect.width(), min(rect.height(), 40))
    for screen in QApplication.screens():
        overlap = screen.availableGeometry().intersected(top)
        if overlap.width() >= min(100, rect.width()) and overlap.height() >= min(20, top.height()):
            return True
    return False
