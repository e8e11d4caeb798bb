"""Opening the database named by a URL, and checking its schema version.

``sqlite:///path`` (the default) runs in WAL mode with a busy timeout, foreign
keys on and write transactions that begin IMMEDIATE, so readers never block
the writer and concurrent writers wait instead of failing; ``postgresql://…`` goes through a connection pool.

A database with no tables is new: commands that write create its schema by
running every migration; read-only ones refuse it. One at another schema
version is refused (``migrations.check``) until ``briefings migrate`` runs.
A URL that cannot be opened is a ``DatabaseUnavailable`` with a one-line reason.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from peewee import Database, ImproperlyConfigured, OperationalError, SqliteDatabase
from playhouse.db_url import connect, parse

from . import migrations
from .models import database

DEFAULT_URL = "sqlite:///briefings.db"
SQLITE_PRAGMAS = {"journal_mode": "wal", "busy_timeout": 10000, "foreign_keys": 1, "synchronous": "normal"}
SCHEMES = ("sqlite", "postgresql", "postgres")


class DatabaseUnavailable(Exception):
    """The database URL is malformed, its driver is missing, or the database cannot be reached."""


def shown(url: str) -> str:
    """``url`` without its password, fit for a message."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")).geturl()


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL; None for another engine or an in-memory database."""
    if not url.startswith("sqlite:"):
        return None
    name = parse(url)["database"]
    return None if name in ("", ":memory:") else Path(name)


def connect_database(url: str = DEFAULT_URL) -> Database:
    """The database at ``url``, bound to the models; nothing is created."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    scheme = url.split("://", 1)[0].split("+")[0] if "://" in url else ""
    if scheme not in SCHEMES:
        raise DatabaseUnavailable(f"unsupported database URL {shown(url)!r}: use sqlite:///FILE or "
                                  f"postgresql://USER@HOST:PORT/NAME")
    # a pool: a request borrows a connection instead of opening one (and, for SQLite, setting its pragmas)
    pooled = f"{scheme}+pool://{url.split('://', 1)[1]}"
    if scheme == "sqlite":
        # check_same_thread: a pooled connection moves between threads, one at a time. IMMEDIATE: a write
        # transaction takes the write lock when it begins, so a concurrent writer waits (busy timeout) instead
        # of failing when its read snapshot turns out stale at its first write
        db = connect(pooled, pragmas=SQLITE_PRAGMAS, timeout=10, max_connections=64, stale_timeout=300,
                     check_same_thread=False, lock_type="IMMEDIATE")
    else:
        # no parallel query: for the API's small, indexed reads, starting workers costs more (2-8 ms at a
        # million statements) than the work they share
        db = connect(pooled, max_connections=32, stale_timeout=300,
                     options="-c max_parallel_workers_per_gather=0")
    database.initialize(db)
    return db


def reach(url: str = DEFAULT_URL) -> Database:
    """Connect to ``url`` and check that the database answers; DatabaseUnavailable with the reason if not."""
    db = connect_database(url)
    try:
        db.connect(reuse_if_open=True)
    except ImproperlyConfigured as exc:  # peewee found no driver for the engine
        raise DatabaseUnavailable(f"cannot open the database at {shown(url)}: {exc} (for PostgreSQL: "
                                  f"pip install 'briefings[postgres]')") from None
    except OperationalError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnavailable(f"cannot open the database at {shown(url)}: {reason}") from None
    db.close()
    return db


def open_database(url: str = DEFAULT_URL, *, create: bool = True, check: bool = True) -> Database:
    """Connect to ``url`` and bind the models; a new database gets its schema when ``create`` is set.

    Raises DatabaseUnavailable (cannot open; or, without ``create``, no database there) and, with ``check``,
    migrations.SchemaMismatch (the database is behind or ahead of the code).
    """
    path = sqlite_path(url)
    if not create and path is not None and not path.is_file():
        raise DatabaseUnavailable(f"no database at {path}: check DATABASE_URL or --database")
    db = reach(url)
    with db.connection_context():
        version = migrations.current_version(db)
        if version is None and create:
            migrations.run(db)
        elif version is None:
            raise DatabaseUnavailable(f"the database at {shown(url)} is empty: run `briefings migrate` "
                                      f"to create its tables")
        elif check:
            migrations.check(db)
    return db


def is_sqlite(db: Database) -> bool:
    return isinstance(db, SqliteDatabase)
