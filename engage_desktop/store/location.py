"""Where the workspace lives: a SQLite file by default, or any SQLAlchemy URL.

Precedence: ``--workspace`` on the command line, then ``ENGAGE_DESKTOP_DB``, then the SQLite file
in the platform's user data directory.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url

ENV_VAR = "ENGAGE_DESKTOP_DB"
APP_DIR_NAME = "EngageDesktop"
DEFAULT_FILE_NAME = "workspace.sqlite"


@dataclass(frozen=True)
class WorkspaceLocation:
    """A resolved workspace: its URL and, for SQLite, the file path."""

    url: URL
    is_default: bool

    @property
    def sqlite_path(self) -> Path | None:
        if self.url.get_backend_name() != "sqlite" or not self.url.database:
            return None
        return Path(self.url.database)

    def display(self) -> str:
        """A string safe to show and log: never contains a password."""
        path = self.sqlite_path
        return str(path) if path else self.url.render_as_string(hide_password=True)


def default_workspace_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)) / DEFAULT_FILE_NAME


def resolve_workspace(
    explicit: str | None = None, environ: Mapping[str, str] | None = None
) -> WorkspaceLocation:
    """Turn a path or URL (or nothing) into a workspace location."""
    env = os.environ if environ is None else environ
    raw = explicit or env.get(ENV_VAR) or None
    if raw is None:
        return WorkspaceLocation(_sqlite_url(default_workspace_path()), is_default=True)
    if "://" in raw:
        url = make_url(raw)
        if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return WorkspaceLocation(url, is_default=False)
    return WorkspaceLocation(_sqlite_url(Path(raw).expanduser()), is_default=False)


def _sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path.absolute()))
