"""core.paths: one folder decides where every file lives; the stores' defaults follow it."""
from __future__ import annotations

import platformdirs
import pytest

from lms365_desktop.core.activity_log import ActivityLog
from lms365_desktop.core.console_history import ConsoleHistory
from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.paths import APP_AUTHOR, APP_NAME, HOME_ENV, AppPaths
from lms365_desktop.core.profiles import ProfileStore
from lms365_desktop.core.sandbox_launcher import DATA_FILE_NAME, EmbeddedSandbox


def test_the_test_suite_points_every_default_at_the_tests_folder(tmp_path, app_home):
    assert AppPaths.default() == app_home == AppPaths.under(tmp_path)
    with JobJournal() as journal:
        assert journal.path == tmp_path / "data" / "jobs.sqlite3"
    history = ConsoleHistory()
    assert history.path == tmp_path / "data" / "console_history.sqlite3"
    history.close()
    assert ProfileStore().path == tmp_path / "config" / "connections.json"
    assert EmbeddedSandbox(lambda **_: None).data_path == tmp_path / "data" / DATA_FILE_NAME
    assert app_home.activity_log.parent == app_home.jobs_journal.parent == app_home.console_history.parent


def test_without_the_override_every_folder_is_the_platforms_with_one_app_name_and_author(monkeypatch):
    monkeypatch.delenv(HOME_ENV)
    paths = AppPaths.default()
    # appauthor matters on Windows only (…\\Local\\author\\name): the same pair for every folder.
    assert paths.data == platformdirs.user_data_path(APP_NAME, APP_AUTHOR)
    assert paths.config == platformdirs.user_config_path(APP_NAME, APP_AUTHOR)
    assert paths.cache == platformdirs.user_cache_path(APP_NAME, APP_AUTHOR)
    assert paths.log_dir == platformdirs.user_log_path(APP_NAME, APP_AUTHOR)
    assert paths.sandbox_data == paths.data


@pytest.mark.parametrize("name", ["Contoso prod", "A/B", "A:B", "..", "", "Ünïcode tenant ✓", "x" * 300])
def test_a_connection_gets_its_own_safe_folder_under_data(app_home, name):
    folder = app_home.connection_dir(name)
    assert folder.parent == app_home.data / "connections"
    assert len(folder.name) < 60 and folder.name not in (".", "..")
    assert "/" not in folder.name and ":" not in folder.name and "\\" not in folder.name
    assert folder == app_home.connection_dir(name)  # stable across runs


def test_names_that_clean_up_alike_still_get_different_folders(app_home):
    assert app_home.connection_dir("A/B") != app_home.connection_dir("A:B")


def test_the_activity_log_is_written_where_paths_says(app_home):
    log = ActivityLog(app_home.activity_log)
    assert app_home.activity_log.exists()
    log.close()
