"""Backing up and restoring a SQLite database with SQLite's online backup API.

``backup`` copies the whole database in one step of the backup API, inside one
read transaction: in WAL mode the writers go on, and the copy is the database
as it was when the step began, every transaction committed by then and none
after. It is written beside the target and renamed into place, so a target
file is never half written, and kept as one self-contained file (no WAL). ``restore`` checks the file first (a SQLite
database that passes ``PRAGMA integrity_check``, at a schema version this code
knows) and copies it into the database the same way. PostgreSQL has its own
tools (pg_dump, pg_restore; see the README).
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import migrations
from .db import DatabaseUnavailable, shown, sqlite_path

POSTGRES_ADVICE = ("`briefings backup` and `restore` copy SQLite databases; for PostgreSQL use "
                   "`pg_dump --format=custom --file=FILE URL` and `pg_restore --clean --if-exists --no-owner --dbname=URL FILE`")


@dataclass
class Copied:
    briefings: int
    schema_version: int


def _sqlite_file(url: str) -> Path:
    if not url.startswith("sqlite:"):
        raise DatabaseUnavailable(POSTGRES_ADVICE)
    path = sqlite_path(url)
    if path is None:
        raise DatabaseUnavailable(f"{shown(url)} is not a database file")
    return path


def _described(con: sqlite3.Connection, name: str) -> Copied:
    """What the database on ``con`` holds; DatabaseUnavailable when it is not a sound briefings database."""
    try:
        problems = [row[0] for row in con.execute("PRAGMA integrity_check")]
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnavailable(f"{name} is not a SQLite database: {exc}") from None
    if problems != ["ok"]:
        raise DatabaseUnavailable(f"{name} is damaged: {problems[0]}")
    if "briefing" not in tables:
        raise DatabaseUnavailable(f"{name} is not a briefings database: it has no briefing table")
    version = con.execute("SELECT MAX(version) FROM schema_migration").fetchone()[0] or 0 \
        if "schema_migration" in tables else 0
    return Copied(con.execute("SELECT COUNT(*) FROM briefing").fetchone()[0], version)


def _copy(source: sqlite3.Connection, target: Path, journal: str) -> None:
    """Copy ``source`` into ``target`` in one backup step (one snapshot), in journal mode ``journal``."""
    dest = sqlite3.connect(target, timeout=10)
    try:
        source.backup(dest)  # pages=-1: every page in one step, under one read transaction
        dest.execute(f"PRAGMA journal_mode={journal}")
    finally:
        dest.close()


def backup(url: str, target: Path) -> Copied:
    """Copy the live database at ``url`` into the file ``target`` (replaced if it exists)."""
    source_path = _sqlite_file(url)
    if not source_path.is_file():
        raise DatabaseUnavailable(f"no database at {source_path}")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(source_path, timeout=10)
    try:
        _copy(source, partial, "delete")  # a backup is one self-contained file
    finally:
        source.close()
    with sqlite3.connect(partial) as check:
        copied = _described(check, str(target))
    check.close()
    os.replace(partial, target)
    return copied


def restore(source_file: Path, url: str, *, replace: bool = False) -> Copied:
    """Copy the backup ``source_file`` into the database at ``url``; one holding briefings only with ``replace``."""
    target = _sqlite_file(url)
    if not source_file.is_file():
        raise DatabaseUnavailable(f"no backup at {source_file}")
    source = sqlite3.connect(f"file:{source_file}?mode=ro", uri=True)
    try:
        copied = _described(source, str(source_file))
        if copied.schema_version > migrations.head():
            raise DatabaseUnavailable(migrations.mismatch(copied.schema_version))
        if target.is_file() and not replace:
            with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as con:
                held = con.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'briefing'").fetchone()[0] \
                    and con.execute("SELECT COUNT(*) FROM briefing").fetchone()[0]
            con.close()
            if held:
                raise DatabaseUnavailable(f"the database at {target} holds {held} briefings: pass --replace "
                                          f"to overwrite them with the backup")
        _copy(source, target, "wal")
    finally:
        source.close()
    return copied
