"""Where the app keeps its files: the one place that decides (platformdirs, or one folder for tests).

Every file the app writes is named here, so a second module never picks its own folder again
(six did; the console history passed `appauthor=False`, which on Windows is another folder than
the rest). Constructors still take an explicit path; these are the defaults behind them.

`LMS365_DESKTOP_HOME` puts everything under one folder (``config/``, ``data/``, ``cache/``,
``logs/``): the test suite sets it for every test, and a user can use it for a portable setup.
The sandbox keeps its own copy of the data folder's name in `sandbox/cli.py`: it may not import
the client side (DESIGN rule 2).
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "lms365-desktop"
APP_AUTHOR = "lms365-desktop"
HOME_ENV = "LMS365_DESKTOP_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The app's four folders and the files in them; nothing is created until a file is written."""

    config: Path
    data: Path
    cache: Path
    logs: Path

    @classmethod
    def default(cls) -> AppPaths:
        """`LMS365_DESKTOP_HOME` when set, else the user's platform folders."""
        home = os.environ.get(HOME_ENV, "").strip()
        if home:
            return cls.under(Path(home))
        return cls(
            config=platformdirs.user_config_path(APP_NAME, APP_AUTHOR),
            data=platformdirs.user_data_path(APP_NAME, APP_AUTHOR),
            cache=platformdirs.user_cache_path(APP_NAME, APP_AUTHOR),
            logs=platformdirs.user_log_path(APP_NAME, APP_AUTHOR),
        )

    @classmethod
    def under(cls, root: Path | str) -> AppPaths:
        """Everything below one folder (tests, a portable install)."""
        root = Path(root)
        return cls(config=root / "config", data=root / "data", cache=root / "cache", logs=root / "logs")

    # -- settings ---------------------------------------------------------------------------
    @property
    def settings_file(self) -> Path:
        """Window and pane state (QSettings, INI format).

        The name is the one QSettings() chose on Linux from the organisation and application
        names, so state saved before this module existed is still found there.
        """
        return self.config / "LMS365 Desktop.conf"

    @property
    def connections_file(self) -> Path:
        """Saved connection profiles (never a key: those are in the keyring)."""
        return self.config / "connections.json"

    # -- data -------------------------------------------------------------------------------
    @property
    def jobs_journal(self) -> Path:
        return self.data / "jobs.sqlite3"

    @property
    def console_history(self) -> Path:
        return self.data / "console_history.sqlite3"

    @property
    def activity_log(self) -> Path:
        return self.data / "activity.sqlite3"

    @property
    def sandbox_data(self) -> Path:
        """The folder of the embedded sandbox's data file (the `lms365-sandbox` CLI uses the same)."""
        return self.data

    def connection_dir(self, connection_name: str) -> Path:
        """A folder of one connection's own files (a local mirror, a user directory cache).

        Named after the connection, made safe for every file system, with a short hash so two
        names that read alike once cleaned (``A/B`` and ``A:B``) never share a folder.
        """
        readable = re.sub(r"[^A-Za-z0-9._-]+", "_", connection_name.strip()).strip("._")[:40] or "connection"
        digest = hashlib.sha256(connection_name.encode("utf-8")).hexdigest()[:8]
        return self.data / "connections" / f"{readable}-{digest}"

    # -- logs -------------------------------------------------------------------------------
    @property
    def log_dir(self) -> Path:
        """Where log files go (a windowed build has no stderr: DESIGN pitfalls)."""
        return self.logs
