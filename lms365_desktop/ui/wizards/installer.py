"""Puts the wizards into the main window: menu actions, pane context menus, certificate drops, the catalog menu."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.wizards.category_tag_dialogs import CatalogTreeMenu
from lms365_desktop.ui.wizards.certificate_drop import CertificateDrop
from lms365_desktop.ui.wizards.launcher import WizardLauncher
from lms365_desktop.ui.workspace import Workspace


@dataclass
class Wizards:
    """What install_wizards added, for app.py and tests to reach."""

    launcher: WizardLauncher
    certificate_drop: CertificateDrop
    catalog_menu: CatalogTreeMenu


def install_wizards(context: AppContext, workspace: Workspace) -> Wizards:
    """Called by app.build_ui: adds the wizard actions and watches the enrollments pane for drops."""
    launcher = WizardLauncher(context, workspace)
    window = context.window
    # A function, not a class: its texts live in the "Wizards" context, written out for lupdate.
    window.add_action("file", "newCourse", QCoreApplication.translate("Wizards", "New &course…"),
                      shortcut="Ctrl+N", icon_name="course", slot=lambda *_: launcher.new_course(), toolbar=True)
    new_session = window.add_action("actions", "newSession",
                                    QCoreApplication.translate("Wizards", "New &session…"),
                                    icon_name="session", slot=lambda *_: launcher.new_session())
    upload = window.add_action("actions", "uploadCertificates",
                               QCoreApplication.translate("Wizards", "Upload &certificates…"),
                               icon_name="certificate", slot=lambda *_: launcher.upload_certificates())
    window.add_action("tools", "uploadFile", QCoreApplication.translate("Wizards", "&Upload file…"),
                      icon_name="upload", slot=lambda *_: launcher.upload_file())
    workspace.courses.add_context_actions([new_session, upload])
    workspace.enrollments.add_context_actions([upload])
    return Wizards(
        launcher,
        CertificateDrop(launcher, workspace.enrollments),
        CatalogTreeMenu(context, workspace.navigation, launcher.course_service, launcher.keep),
    )
