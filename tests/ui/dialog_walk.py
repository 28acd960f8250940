"""The pseudo-language and accessibility checks the wizard and dialog walks share."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget, QWizard

from tests.ui.i18n_walk import TAGS, unnamed_focusable, visible_texts

ROOT = Path(__file__).resolve().parents[2]
MARK = "\u27e6"
# Shown as typed in every language: a URL scheme as a placeholder.
NOT_WORDS = {"https://"}


@pytest.fixture(scope="session")
def pseudo_qm(tmp_path_factory) -> Path:
    """The pseudo catalogue of the code as it is now (every text wrapped in ⟦…⟧)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import translations

    return translations.pseudo(tmp_path_factory.mktemp("pseudo"))


@pytest.fixture
def pseudo(qapp, pseudo_qm):
    """The pseudo language installed for one test (before any window of it is built)."""
    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def qt_own_texts() -> set[str]:
    """Texts Qt's own buttons carry (Next >, Cancel…): Qt's catalogue translates them, not ours."""
    wizard = QWizard()
    texts = {wizard.buttonText(which) for which in QWizard.WizardButton if int(which.value) < 7}
    box = QDialogButtonBox()
    for which in QDialogButtonBox.StandardButton:
        if which not in (QDialogButtonBox.StandardButton.NoButton,):
            button = box.addButton(which)
            if button is not None:
                texts.add(button.text())
    message = QMessageBox()
    texts.update(button.text() for button in message.buttons())
    wizard.deleteLater()
    box.deleteLater()
    message.deleteLater()
    return {text.replace("&", "") for text in texts if text} | set(texts)


def untranslated(root: QWidget, data: dict[str, object] | None = None) -> list[tuple[str, str]]:
    """Visible texts of ``root`` that did not come through the catalogue.

    ``data`` names the widgets that show data from the server or the user (a course title, a
    file name), by "Type#objectName.kind" -> the exact text they show: exempt only while they show it.
    """
    own = qt_own_texts()
    data = data or {}
    found = []
    for where, text in visible_texts(root):
        if MARK in text or text in NOT_WORDS or text in own or text.replace("&", "") in own:
            continue
        if where in data and text == TAGS.sub("", str(data[where])).replace("&&", "&").strip():
            continue
        found.append((where, text))
    return found


def check(root: QWidget, data: dict[str, object] | None = None) -> None:
    """No untranslated text, no focusable widget without an accessible name, Tab in reading order."""
    texts, unnamed = untranslated(root, data), unnamed_focusable(root)
    if os.environ.get("DIALOG_WALK_REPORT"):  # while fixing: list everything, stop at nothing
        print(f"\nWALK {root.objectName()}: untranslated: {texts}\nWALK unnamed: {unnamed}"
              f"\nWALK backwards: {backward_tabs(root)}")
        return
    backwards = backward_tabs(root)
    assert not texts and not unnamed and len(backwards) <= 1, (
        f"untranslated: {texts}\nwithout an accessible name: {unnamed}\nTab jumps back up: {backwards}")


def unmarked_items(combo) -> list[str]:
    """A combo box's choices that did not come through the catalogue (for combos of fixed choices)."""
    texts = [combo.itemText(index) for index in range(combo.count())]
    return [text for text in texts if MARK not in text]


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``root``, in the order it visits them."""
    from PySide6.QtCore import Qt

    stops, seen, current = [], set(), root.nextInFocusChain()
    while id(current) not in seen and current is not root:
        seen.add(id(current))
        if (current.focusPolicy() & Qt.FocusPolicy.TabFocus and current.isVisibleTo(root) and current.isEnabled()
                and current.focusProxy() is None and current.window() is root.window()):
            stops.append(current)
        current = current.nextInFocusChain()
    return stops


def backward_tabs(root: QWidget) -> list[tuple[str, str]]:
    """Pairs where Tab jumps back up the same column, around the whole cycle of tab stops.

    Reading order is top to bottom, so one such jump is the wrap from the last stop to the
    first; a second one means Tab leaves the reading order somewhere.
    """
    problems = []
    stops = tab_stops(root)
    for before, after in zip(stops, stops[1:] + stops[:1]):
        a, b = before.mapTo(root, before.rect().topLeft()), after.mapTo(root, after.rect().topLeft())
        same_column = a.x() < b.x() + after.width() and b.x() < a.x() + before.width()
        if same_column and b.y() + 8 < a.y():
            problems.append((before.objectName() or type(before).__name__, after.objectName() or type(after).__name__))
    return problems


def focus_chain(root: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    """The given widgets in the order Tab visits them, starting from the first."""
    order, seen = [], set()
    current = widgets[0]
    wanted = {id(w) for w in widgets}
    while id(current) not in seen:
        seen.add(id(current))
        if id(current) in wanted:
            order.append(current)
        current = current.nextInFocusChain()
    return order
