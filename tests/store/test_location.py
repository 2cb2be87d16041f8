"""Which workspace is opened: the command-line value, then the environment, then the default."""

from __future__ import annotations

from pathlib import Path

from engage_desktop.store.location import ENV_VAR, resolve_workspace


def test_location_precedence(tmp_path: Path) -> None:
    env = {ENV_VAR: str(tmp_path / "from-env.sqlite")}
    assert resolve_workspace(None, env).sqlite_path == tmp_path / "from-env.sqlite"
    explicit = resolve_workspace(str(tmp_path / "cli.sqlite"), env)
    assert explicit.sqlite_path == tmp_path / "cli.sqlite"
    default = resolve_workspace(None, {})
    assert default.is_default and default.sqlite_path is not None
    assert default.sqlite_path.name == "workspace.sqlite"
    pg = resolve_workspace("postgresql://u:pw@db.example/engage", {})
    assert pg.url.drivername == "postgresql+psycopg"
    assert "pw" not in pg.display()
