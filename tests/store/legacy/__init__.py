"""Databases made by older versions of the code, rebuilt from the fixtures they made (``capture.py``).

``215974c.json`` is the project's first commit, ``1b3a794.json`` the last one
before schema versions: each holds the CREATE statements that version ran on
SQLite and on PostgreSQL, and the rows it stored for the seed articles.
"""
from __future__ import annotations

import json
from pathlib import Path

from peewee import Column, Table

from service.store.db import connect_database, is_sqlite

HERE = Path(__file__).resolve().parent
COMMITS = ("215974c", "1b3a794")


def fixture(commit: str) -> dict:
    return json.loads((HERE / f"{commit}.json").read_text(encoding="utf-8"))


def load(url: str, commit: str) -> dict:
    """Make at ``url`` (empty) the database that ``commit`` left after ingesting its seeds; returns the fixture."""
    data = fixture(commit)
    db = connect_database(url)
    with db.connection_context():
        for sql in data["schema"]["sqlite" if is_sqlite(db) else "postgresql"]:
            db.execute_sql(sql)
        for name, rows in data["rows"].items():
            if rows:
                table = Table(name).bind(db)
                columns = [Column(table, c) for c in rows[0]]
                table.insert([tuple(r.values()) for r in rows], columns=columns).execute()
    db.close_all()
    return data
