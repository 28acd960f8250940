"""F1: a short built-in guide to what a coordinator does, with the shortcuts read from the live actions."""
from __future__ import annotations

import html

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from lms365_desktop.ui.diagnostics.shortcuts import plain, shortcut_text

# Actions the guide names; a test checks each exists, so a renamed action fails there, not here.
GUIDE_ACTIONS = (
    "connect", "openSandbox", "catalogsPane", "coursesPane", "sessionsPane", "usersPane", "enrollmentsPane",
    "activityPane", "consolePane", "find", "refresh", "approve", "reject", "cancel", "complete", "retake",
    "enroll", "newCourse", "newSession", "uploadCertificates", "exportCsv", "showJobs", "contextMenu",
)


class UserGuideDialog(QDialog):
    """The user guide: tasks in a coordinator's words, each with the keys or menu that does it."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(self.tr("LMS365 Desktop user guide"))
        self.window_ = window
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenLinks(False)
        self.browser.setHtml(self.guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 640)

    def how(self, name: str) -> str:
        """<b>Ctrl+Shift+A</b>, or the menu path when the action has no key, for an action name."""
        action = self.window_.findChild(QAction, f"{name}Action")
        if action is None:
            return ""
        keys = shortcut_text(action)
        if keys:
            return f"<b>{html.escape(keys)}</b>"
        for menu in self.window_.menus.values():
            if action in menu.actions():
                return f"<b>{html.escape(plain(menu.title()))} ▸ {html.escape(plain(action.text()))}</b>"
        return f"<b>{html.escape(plain(action.text()))}</b>"

    def guide_html(self) -> str:
        keys = {name: self.how(name) for name in GUIDE_ACTIONS}
        sections = [
            (self.tr("Connect"), [
                self.tr("Try everything on the built-in sandbox first: {openSandbox}. Its demo data is yours "
                        "to change; nothing reaches a real tenant."),
                self.tr("To work on your tenant, choose {connect}, give the region's address and your API key. "
                        "The key is kept in the system's keyring, never in a file."),
            ]),
            (self.tr("Find a course, a user or an enrollment"), [
                self.tr("Switch lists with {catalogsPane} catalogs, {coursesPane} courses, {sessionsPane} "
                        "sessions, {usersPane} users and {enrollmentsPane} enrollments."),
                self.tr("{find} filters what is loaded as you type; {refresh} reloads from the server. "
                        "Click a column header to sort."),
                self.tr("{contextMenu} opens the menu of the selected row from the keyboard."),
            ]),
            (self.tr("Handle enrollment requests"), [
                self.tr("In Enrollments, select one or many rows, then {approve} approve, {reject} reject, "
                        "{cancel} cancel, {complete} set completed or {retake} force a retake."),
                self.tr("Bulk actions run as jobs that respect the API's limit of 600 calls a minute; "
                        "{showJobs} shows their progress, and a failed item can be retried."),
                self.tr("Enroll learners with {enroll}."),
            ]),
            (self.tr("Create courses and sessions"), [
                self.tr("{newCourse} starts the course wizard; {newSession} adds a session to a course."),
            ]),
            (self.tr("Certificates"), [
                self.tr("{uploadCertificates} matches certificate files to learners; you can also drop "
                        "files on a learner's row."),
            ]),
            (self.tr("Reports and the live feed"), [
                self.tr("{exportCsv} saves the current list as a CSV file."),
                self.tr("{activityPane} shows what learners do, as it happens."),
                self.tr("{consolePane} opens the raw OData console for questions the lists do not answer."),
            ]),
            (self.tr("When something goes wrong"), [
                self.tr("Server errors appear as notifications with the server's own message. "
                        "Help ▸ Copy diagnostics copies the versions and connection host (never the key) for "
                        "support; the log file is in the folder that Help ▸ Open log folder shows."),
            ]),
        ]
        # tr() outside the f-strings: lupdate reads no call inside one.
        heading = self.tr("Working with LMS365 Desktop")
        closing = self.tr("All keyboard shortcuts: Help ▸ Keyboard shortcuts.")
        parts = [f"<h2>{html.escape(heading)}</h2>"]
        for title, paragraphs in sections:
            parts.append(f"<h3>{html.escape(title)}</h3>")
            for paragraph in paragraphs:
                parts.append(f"<p>{html.escape(paragraph).format(**keys)}</p>")
        parts.append(f"<p>{html.escape(closing)}</p>")
        return "\n".join(parts)
