"""Make a legacy-schema fixture with an OLD version of the code: its SQL schema on each engine, plus a few rows.

Run it from a checkout of the old commit (the tests never run it)::

    git worktree add /tmp/old 1b3a794
    cd /tmp/old && PYTHONPATH=. TEST_DATABASE_URL=postgresql://… python /path/to/capture.py OUT.json

It records the CREATE statements the old ``open_database`` runs on an empty
database (SQLite, and PostgreSQL when ``TEST_DATABASE_URL`` is set; its
tables there are dropped first), ingests the old ``seeds/`` and keeps every
table's rows, in ``seq`` order and without ``seq`` (the loader's inserts
number them again, and keep each engine's sequences right).
"""
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from peewee import AutoField, Database
from playhouse.db_url import connect

import service
from service.extract.articles import read
from service.store import db as store_db
from service.store.ingest import ingest
from service.store.models import MODELS

ROOT = Path.cwd()
assert Path(service.__file__).resolve().is_relative_to(ROOT), f"run from the old checkout, not {service.__file__}"


def creates(url: str) -> list[str]:
    """The CREATE statements ``open_database(url)`` runs."""
    seen, original = [], Database.execute_sql

    def recording(self, sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith("CREATE"):
            seen.append(sql)
        return original(self, sql, params, *args, **kwargs)

    Database.execute_sql = recording
    try:
        store_db.open_database(url)
    finally:
        Database.execute_sql = original
    return seen


def plain(value):
    return str(value) if isinstance(value, (dt.datetime, dt.date)) else value


def rows() -> dict[str, list[dict]]:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for article in read(path.read_bytes(), name=path.name):
            ingest(article)
    dumped = {}
    for model in MODELS:
        auto = [f for f in model._meta.sorted_fields if isinstance(f, AutoField)]
        kept = [f for f in model._meta.sorted_fields if not isinstance(f, AutoField)]
        query = model.select(*kept).order_by(*auto).tuples()
        dumped[model._meta.table_name] = [{f.column_name: plain(v) for f, v in zip(kept, r)} for r in query]
    return dumped


def main(out: str) -> None:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    schema = {}
    if os.environ.get("TEST_DATABASE_URL"):
        url = os.environ["TEST_DATABASE_URL"]
        pg = connect(url)
        with pg.bind_ctx(MODELS):
            pg.drop_tables(MODELS, safe=True, cascade=True)
        pg.close()
        schema["postgresql"] = creates(url)
    with tempfile.TemporaryDirectory() as tmp:
        schema["sqlite"] = creates(f"sqlite:///{tmp}/old.db")
        with store_db.open_database(f"sqlite:///{tmp}/old.db").connection_context():
            data = rows()
    Path(out).write_text(json.dumps({"commit": commit, "schema": schema, "rows": data}, indent=1,
                                    ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
