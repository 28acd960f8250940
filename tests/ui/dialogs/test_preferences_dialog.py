"""Preferences: the reports' copy age row (label, names, units) decides when a sync reads the mirror whole again."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lms365_desktop.ui.dialogs.preferences_dialog import (DAYS, HOURS, MIRROR_MAX_AGE_KEY, PreferencesDialog,
                                                          saved_mirror_max_age)
from tests.ui.helpers import run_async, shot


def _closed(qtbot, dialog) -> None:
    gone = []
    dialog.destroyed.connect(lambda *_: gone.append(True))
    dialog.deleteLater()
    qtbot.waitUntil(lambda: bool(gone))


def _choose(qtbot, context, amount: int, unit: str) -> None:
    dialog = PreferencesDialog(context.settings, context.window)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    dialog.max_age_unit.setCurrentIndex(dialog.max_age_unit.findData(unit))
    dialog.max_age.setValue(amount)
    dialog.accept()
    _closed(qtbot, dialog)


def test_the_age_row_is_labelled_named_and_starts_at_a_day(qtbot, qapp, settings):
    dialog = PreferencesDialog(settings)
    dialog.resize(560, dialog.sizeHint().height())
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    shot(dialog, "preferences-max-age")
    buddies = {label.buddy() for label in dialog.findChildren(type(dialog.language_note)) if label.buddy()}
    assert dialog.max_age in buddies
    assert dialog.max_age.accessibleName() and dialog.max_age_unit.accessibleName()
    assert (dialog.max_age.value(), dialog.max_age_unit.currentData()) == (1, DAYS)  # the default: 24 hours
    dialog.max_age_unit.setCurrentIndex(dialog.max_age_unit.findData(HOURS))
    dialog.max_age.setValue(36)
    dialog.accept()
    assert saved_mirror_max_age(settings) == timedelta(hours=36)
    _closed(qtbot, dialog)
    again = PreferencesDialog(settings)  # shown as it was saved
    assert (again.max_age.value(), again.max_age_unit.currentData()) == (36, HOURS)
    _closed(qtbot, again)
    settings.setValue(MIRROR_MAX_AGE_KEY, "soon")  # a hand-edited file: the default, not a crash
    assert saved_mirror_max_age(settings) == timedelta(hours=24)


def test_changing_the_age_changes_when_a_full_re_sync_runs(qtbot, main_window):
    context = main_window
    pane = context.reports.pane
    context.window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.controller.mirror is not None and not pane.controller.syncing
                    and "As of" in pane.freshness_label.text(), timeout=30_000)
    controller, mirror = pane.controller, pane.controller.mirror

    def age_mirror(hours: float) -> datetime:
        """As if the last full sync had run ``hours`` ago (the clock cannot be moved in a test)."""
        then = datetime.now(timezone.utc) - timedelta(hours=hours)
        mirror.database.write_now(lambda c: c.execute(
            "UPDATE report_freshness SET full_sync_at = ? WHERE name = 'learning'", (then.isoformat(),)))
        return then

    def sync() -> datetime:
        assert run_async(qtbot, controller.run_sync(None), timeout=30_000)
        return run_async(qtbot, mirror.freshness()).full_sync_at

    # 2 hours old: under the default day, the sync only reads new rows.
    then = age_mirror(2)
    assert sync() == then
    # One hour in Preferences: the same age now means a full re-sync.
    _choose(qtbot, context, 1, HOURS)
    assert context.settings.value(MIRROR_MAX_AGE_KEY) in (1, "1")
    then = age_mirror(2)
    assert sync() > then + timedelta(hours=1)
    # Three days: a copy two days old is read for new rows only.
    _choose(qtbot, context, 3, DAYS)
    then = age_mirror(48)
    assert sync() == then
