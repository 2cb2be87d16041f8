"""A real PostgreSQL server for a test session, and the small demo's rows copied into a database.

The server runs on loopback with its own data directory (initdb + pg_ctl, as the ``postgres``
user when the tests run as root, since PostgreSQL refuses root). A test run that dies without its
teardown leaves a server behind; the next run stops it.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, create_engine, insert, select, text

from engage_desktop.store.models import Base
from tests.support.net import free_port


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError(
        "PostgreSQL server binaries not found (initdb). Install them: apt-get install postgresql "
        "(the README's test command does this)."
    )


def _as_pg_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def running_server() -> Iterator[str]:
    """Start a throw-away PostgreSQL server; yields its admin URL (database ``postgres``)."""
    bindir = _pg_bin()
    _stop_orphaned_servers(bindir)
    root = Path(tempfile.mkdtemp(prefix="engage-pg-"))
    (root / "owner.pid").write_text(str(os.getpid()))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    port = free_port()
    initdb = [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
    subprocess.run(
        _as_pg_user([*initdb, "-E", "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True
    )
    options = (
        f"-k {sock} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    )
    pg_ctl = [str(bindir / "pg_ctl"), "-D", str(data)]
    subprocess.run(
        _as_pg_user([*pg_ctl, "-o", options, "-l", str(root / "server.log"), "-w", "start"]),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_pg_user([*pg_ctl, "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _stop_orphaned_servers(bindir: Path) -> None:
    """Stop servers left by test runs that died without their teardown (a crash, a kill -9)."""
    for owner in Path(tempfile.gettempdir()).glob("engage-pg-*/owner.pid"):
        try:
            os.kill(int(owner.read_text()), 0)
            continue  # its test run is still going
        except (ProcessLookupError, ValueError):
            pass
        except PermissionError:
            continue
        data = owner.parent / "data"
        subprocess.run(
            _as_pg_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(owner.parent, ignore_errors=True)


@contextmanager
def fresh_database(server_url: str, name: str) -> Iterator[str]:
    """An empty database ``name`` on the server, dropped afterwards; yields its URL."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def reset_sequences(conn: Connection) -> list[str]:
    """Move every serial or identity sequence of the public schema past its column's largest
    value, as after a restore: rows copied with explicit ids leave the sequences at 1, and the
    next insert would collide with a copied row. Returns the sequences it moved."""
    owned = conn.execute(
        text(
            "SELECT c.table_name, c.column_name, "
            "pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) "
            "FROM information_schema.columns c "
            "WHERE c.table_schema = 'public' "
            "AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL"
        )
    ).all()
    for table, column, sequence in owned:
        conn.execute(
            text(
                f'SELECT setval(:seq, COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, '
                "false)"
            ),
            {"seq": sequence},
        )
    return [sequence for _t, _c, sequence in owned]


def copy_demo(demo_file: Path, pg_url: str) -> None:
    """Copy every stored column of every table of the SQLite demo into ``pg_url``."""
    source = create_engine(f"sqlite:///{demo_file}")
    target = create_engine(pg_url)
    Base.metadata.create_all(target)
    with source.connect() as src, target.begin() as dst:
        for table in Base.metadata.sorted_tables:
            stored = [c for c in table.columns if c.computed is None]  # generated ones follow
            rows = [dict(r._mapping) for r in src.execute(select(*stored))]
            if rows:
                dst.execute(insert(table), rows)
        reset_sequences(dst)
    with target.connect() as conn:
        conn.exec_driver_sql("ANALYZE")  # as after an import: the planner knows the tables
    source.dispose()
    target.dispose()
