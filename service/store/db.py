"""Opening the database named by a URL, and creating its tables.

``sqlite:///path`` (the default) runs in WAL mode with a busy timeout, foreign
keys on and write transactions that begin IMMEDIATE, so readers never block
the writer and concurrent writers wait instead of failing; ``postgresql://…`` goes through a connection pool.
"""
from peewee import Database, SqliteDatabase
from playhouse.db_url import connect

from . import search
from .speakers import index_alias_words
from .models import MODELS, database

DEFAULT_URL = "sqlite:///briefings.db"
SQLITE_PRAGMAS = {"journal_mode": "wal", "busy_timeout": 10000, "foreign_keys": 1, "synchronous": "normal"}


def connect_database(url: str = DEFAULT_URL) -> Database:
    """The database at ``url``, bound to the models; nothing is created."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    # a pool: a request borrows a connection instead of opening one (and, for SQLite, setting its pragmas)
    scheme, rest = url.split("://", 1)
    pooled = f"{scheme.split('+')[0]}+pool://{rest}"
    if url.startswith("sqlite:"):
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


def open_database(url: str = DEFAULT_URL) -> Database:
    """Connect to ``url``, bind the models to it and create any missing tables."""
    db = connect_database(url)
    with db.connection_context():
        db.create_tables(MODELS, safe=True)
        search.install(db)
        index_alias_words()
    return db


def is_sqlite(db: Database) -> bool:
    return isinstance(db, SqliteDatabase)
