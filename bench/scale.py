"""The list queries at a million statements, on SQLite and PostgreSQL.

Parsing a million statements' worth of articles would take an hour, so the
database is built by replication instead: each pool article is parsed once
(``service.extract.parse`` + ``service.store.rows.document_rows``) and its
rows are written many times over with new ids, a varied text (so content
hashes differ) and new person names (so there are many distinct speakers,
as in a real archive), in large transactions into the same tables, indexes,
search triggers and GIN indexes ingestion uses. The INSERT of each table is
written once and fed with ``executemany`` (SQLite) or ``execute_values``
(PostgreSQL): Peewee's ``insert_many`` rebuilds the SQL for every value,
which made the load four times slower. Copy 0 keeps the real names. The changes feed is not replicated: no
list query reads it.

Then ``service.store.queries.list_statements`` is timed with ``speaker=``
(a generated surname shared by many speakers, and a real one), ``speaker_id=``
and ``briefing=``, and faceted queries (``facet=speaker&q=ceasefire&count=true``,
as the API asks it, and facets over the whole table): p50/p99 over ``--runs``
calls. The targets are a ``speaker=`` p50 under 5 ms and a faceted search p50
at most 50 ms; for a query that misses its target the plan is printed.
PostgreSQL gets ``ANALYZE`` after the load, as autovacuum would do; SQLite
gets nothing the service does not do itself (``--sqlite-analyze`` to compare).
PostgreSQL's tables are dropped before and after.

usage: python bench/scale.py [--statements 1000000] [--engine sqlite|postgresql|both] [--runs 200]
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from peewee import fn  # noqa: E402
from psycopg2.extras import execute_values  # noqa: E402

from service.extract import parse  # noqa: E402
from service.extract.articles import read  # noqa: E402
from service.extract.ids import speaker_id  # noqa: E402
from service.store import queries  # noqa: E402
from service.store.facets import Summary  # noqa: E402
from service.store.db import is_sqlite, open_database  # noqa: E402
from service.store.models import (  # noqa: E402
    MODELS,
    AliasWord,
    Appearance,
    Briefing,
    Figure,
    Quote,
    Speaker,
    SpeakerAlias,
    Statement,
    utcnow,
)
from service.store.rows import document_rows, folded_alias  # noqa: E402
from service.store.speakers import alias_words  # noqa: E402

POOL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "pool"
DEFAULT_PG = os.environ.get("TEST_DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/test"
CHUNK = 1000  # rows per INSERT on PostgreSQL
COMMIT_EVERY = 50_000  # statements per transaction
TARGET_MS = 5.0
FACET_TARGET_MS = 50.0
FIRST = ("Amina Boris Chen Dalia Emeka Farah Goran Hana Ivo Jamal Kira Lars Mei Nadia Omar Priya Quentin Rosa "
         "Sami Tariq Uma Viktor Wen Yusuf Zofia Adel Bela Cyrus Dina Elif Femi Greta Hugo Irina Joao Kemal "
         "Leila Milan Nour Oskar Pavel Rania Soren Taro Ugo Vera Wanjiru Xavier Yara Zhou").split()
SYLLABLES = ("ka lo mi ra to vu ne sha bel dor fin gar hul jen kor lin mar nov pel quin ros sal tev ul var wen "
             "yar zel an bo ce di").split()


def surnames(n: int, rng: random.Random) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3)))).capitalize())
    return sorted(out)


def short(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).hexdigest()


class Replicator:
    """Copies of each template article's rows: new ids, a new text and hash, new person names."""

    def __init__(self, templates, n_surnames: int, seed: int = 1):
        rng = random.Random(seed)
        self.templates = templates
        self.surnames = surnames(n_surnames, rng)
        self.speakers_seen: set[str] = set()

    def name_for(self, copy: int, old_id: str) -> str:
        h = int(short(str(copy), old_id), 16)
        return f"{FIRST[h % len(FIRST)]} {self.surnames[(h // len(FIRST)) % len(self.surnames)]}"

    def copy(self, rows, copy: int) -> dict[str, list[dict]]:
        now = utcnow()
        if copy == 0:
            b = dict(rows.briefing)
            remap, speakers_map = {}, {}
        else:
            text = rows.briefing["text"] + f"\n\n[copy {copy}]"
            digest = hashlib.sha256(text.encode()).hexdigest()
            b = {**rows.briefing, "text": text, "content_hash": digest, "id": "br_" + digest[:16]}
            remap = {}
            for kind in ("statements", "quotes", "figures"):
                for r in getattr(rows, kind):
                    remap[r["id"]] = r["id"][:3] + short(r["id"], str(copy))
            speakers_map = {}
            for sp in rows.speakers:
                if sp["kind"] == "person":
                    name = self.name_for(copy, sp["id"])
                    speakers_map[sp["id"]] = (speaker_id(name), name)
        b.update(created_at=now, updated_at=now)
        bid = b["id"]

        def sp(old):
            return speakers_map.get(old, (old,))[0] if old else old

        b["participants"] = " ".join(sp(p) for p in rows.briefing["participants"].split())
        out = {"briefing": [b], "speakers": [], "aliases": [], "alias_words": [], "statements": [], "quotes": [],
               "figures": [], "appearances": []}
        for s in rows.speakers:
            new_id, name = speakers_map.get(s["id"], (s["id"], s["name"]))
            if new_id not in self.speakers_seen:
                self.speakers_seen.add(new_id)
                out["speakers"].append({**s, "id": new_id, "name": name, "created_at": now, "updated_at": now})
        for a in rows.aliases:
            if a["speaker"] in speakers_map:
                if any(w[:1].isupper() for w in a["alias"].split()):
                    continue  # a name ("Baloch", "President Biden"): the new name and surname replace it below
                out["aliases"].append({**a, "speaker": speakers_map[a["speaker"]][0]})  # "she", "the spokesperson"
            else:
                out["aliases"].append(a)
        for new_id, name in speakers_map.values():
            for alias in (name, name.split()[-1]):
                out["aliases"].append({"speaker": new_id, "alias": alias, "folded": folded_alias(alias)})
        out["alias_words"] = alias_words(out["aliases"])
        for a in getattr(rows, "appearances", []):
            out["appearances"].append({**a, "briefing": bid, "speaker": sp(a["speaker"])})
        for r in rows.statements:
            out["statements"].append({**r, "id": remap.get(r["id"], r["id"]), "briefing": bid, "speaker": sp(r["speaker"]),
                                      "quote_ids": " ".join(remap.get(q, q) for q in r["quote_ids"].split())})
        for r in rows.quotes:
            out["quotes"].append({**r, "id": remap.get(r["id"], r["id"]), "briefing": bid, "speaker": sp(r["speaker"]),
                                  "statement_id": remap.get(r["statement_id"], r["statement_id"])})
        for r in rows.figures:
            out["figures"].append({**r, "id": remap.get(r["id"], r["id"]), "briefing": bid,
                                   "statement_id": remap.get(r["statement_id"], r["statement_id"]),
                                   "part_of": remap.get(r["part_of"], r["part_of"])})
        return out


TABLES = (("speakers", Speaker, True), ("aliases", SpeakerAlias, True), ("alias_words", AliasWord, True),
          ("briefing", Briefing, False),
          ("statements", Statement, False), ("quotes", Quote, False), ("figures", Figure, False),
          ("appearances", Appearance, True))


def insert_sql(db, model, keys: list[str], ignore: bool) -> str:
    """One INSERT for ``model``'s ``keys``, written once: Peewee would build the SQL again for every value."""
    table = model._meta.table_name
    columns = ", ".join(f'"{model._meta.fields[k].column_name}"' for k in keys)
    if is_sqlite(db):
        marks = ", ".join("?" for _ in keys)
        return f'INSERT {"OR IGNORE " if ignore else ""}INTO "{table}" ({columns}) VALUES ({marks})'
    return f'INSERT INTO "{table}" ({columns}) VALUES %s' + (" ON CONFLICT DO NOTHING" if ignore else "")


def write(db, buffers: dict[str, list[dict]]) -> int:
    """Insert the buffered rows, parents first, in one transaction; the number of rows written.

    Values go through each field's ``db_value`` as Peewee would convert them; SQLite gets ``executemany``,
    PostgreSQL ``execute_values`` (one multi-row INSERT per page).
    """
    written = 0
    with db.atomic():
        cursor = db.cursor()
        for key, model, ignore in TABLES:
            rows = buffers[key]
            if not rows:
                continue
            keys = list(rows[0])
            fields = [model._meta.fields[k] for k in keys]
            values = [tuple(f.db_value(r.get(k)) for f, k in zip(fields, keys)) for r in rows]
            sql = insert_sql(db, model, keys, ignore)
            if is_sqlite(db):
                cursor.executemany(sql, values)
            else:
                execute_values(cursor, sql, values, page_size=CHUNK)
            written += len(rows)
            rows.clear()
    return written


def load_templates(pool: Path):
    started = time.monotonic()
    templates, hashes = [], set()
    for path in sorted(pool.glob("*.txt")):
        for article in read(path.read_bytes(), name=path.name):
            rows = document_rows(parse(article.text, published=article.published_date), article)
            if rows.statements and rows.briefing["content_hash"] not in hashes:  # the pool holds a few duplicates
                hashes.add(rows.briefing["content_hash"])
                templates.append(rows)
    n = sum(len(t.statements) for t in templates)
    print(f"parsed {len(templates)} pool articles ({n} statements) in {time.monotonic() - started:.1f} s", flush=True)
    return templates


def build(db, templates, target: int, n_surnames: int) -> dict:
    rep = Replicator(templates, n_surnames)
    buffers = {key: [] for key, _, _ in TABLES}
    statements = rows_written = briefings = pending = 0
    started = time.monotonic()
    copy = 0
    while statements < target:
        for t in templates:
            if statements >= target:
                break
            out = rep.copy(t, copy)
            for key, rows in out.items():
                buffers["briefing" if key == "briefing" else key].extend(rows)
            statements += len(out["statements"])
            pending += len(out["statements"])
            briefings += 1
            if pending >= COMMIT_EVERY:
                rows_written += write(db, buffers)
                pending = 0
                elapsed = time.monotonic() - started
                print(f"  {statements:>9,} statements, {rows_written:>10,} rows, {elapsed:6.1f} s, "
                      f"{rows_written / elapsed:,.0f} rows/s", flush=True)
        copy += 1
    rows_written += write(db, buffers)
    elapsed = time.monotonic() - started
    return {"statements": statements, "rows": rows_written, "briefings": briefings, "speakers": len(rep.speakers_seen),
            "seconds": elapsed, "copies": copy, "surnames": rep.surnames}


class CaptureSQL(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.last = []

    def emit(self, record):
        if isinstance(record.msg, tuple):
            self.last.append(record.msg)


def explain(db, call, is_sqlite: bool) -> None:
    capture = CaptureSQL()
    logger = logging.getLogger("peewee")
    old = logger.level
    logger.addHandler(capture)
    logger.setLevel(logging.DEBUG)
    try:
        call()
    finally:
        logger.removeHandler(capture)
        logger.setLevel(old)
    for sql, params in capture.last:
        print(f"    SQL: {sql[:400]}{' …' if len(sql) > 400 else ''}\n    params: {params}")
        prefix = "EXPLAIN QUERY PLAN " if is_sqlite else "EXPLAIN (ANALYZE, BUFFERS) "
        for row in db.execute_sql(prefix + sql, params).fetchall():
            print("      " + (" | ".join(str(c) for c in row) if is_sqlite else row[0]))


def measure(db, name: str, call, runs: int, is_sqlite: bool, target: float | None) -> dict:
    call()  # warm the cache and the statement
    times = []
    started = time.monotonic()
    for _ in range(runs):
        t = time.perf_counter()
        page = call()
        times.append(1000 * (time.perf_counter() - t))
        if time.monotonic() - started > 120:  # bounded: a pathological plan must not stall the run
            break
    q = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
    result = {"query": name, "p50": statistics.median(times), "p99": q[98], "runs": len(times),
              "records": len(page.records)}
    met = "" if target is None else ("  target met" if result["p50"] < target else f"  MISSED (p50 >= {target} ms)")
    print(f"  {name:<44} p50 {result['p50']:8.2f} ms  p99 {result['p99']:8.2f} ms  ({len(times)} runs, "
          f"{result['records']} records){met}", flush=True)
    if target is not None and result["p50"] >= target:
        explain(db, call, is_sqlite)
    return result


def pick(db, built: dict, templates) -> dict:
    """The query arguments: a generated surname with many speakers, a real surname, a busy speaker, a briefing."""
    counts = {}
    for s in Speaker.select(Speaker.name).where(Speaker.kind == "person").tuples().iterator():
        last = s[0].split()[-1]
        counts[last] = counts.get(last, 0) + 1
    generated = [s for s in built["surnames"] if s in counts]
    common = max(generated, key=counts.get)
    real = {}
    for t in templates:
        names = {sp["id"]: sp["name"] for sp in t.speakers if sp["kind"] == "person"}
        for st in t.statements:
            if st["speaker"] in names:
                last = names[st["speaker"]].split()[-1]
                real[last] = real.get(last, 0) + 1
    real_surname = max(real, key=real.get) if real else common
    busiest = (Statement.select(Statement.speaker).where(Statement.speaker.is_null(False))
               .group_by(Statement.speaker).order_by(fn.COUNT(Statement.id).desc()).limit(1).scalar())
    middle = Briefing.select(Briefing.id).order_by(Briefing.seq).offset(built["briefings"] // 2).limit(1).scalar()
    return {"common": (common, counts[common]), "real": real_surname, "speaker_id": busiest, "briefing": middle}


def run_engine(engine: str, url: str, templates, args) -> list[dict]:
    print(f"\n== {engine}: {url}", flush=True)
    if engine == "postgresql":
        db = open_database(url)
        with db.connection_context():
            db.drop_tables(MODELS, safe=True, cascade=True)
        db.close_all()
    db = open_database(url)
    is_sqlite = engine == "sqlite"
    results = []
    try:
        with db.connection_context():
            built = build(db, templates, args.statements, args.surnames)
            print(f"built: {built['statements']:,} statements, {built['briefings']:,} briefings, "
                  f"{built['speakers']:,} speakers, {built['rows']:,} rows in {built['seconds']:.1f} s: "
                  f"{built['rows'] / built['seconds']:,.0f} rows/s, "
                  f"{built['statements'] / built['seconds']:,.0f} statements/s", flush=True)
            started = time.monotonic()
            if not is_sqlite:
                db.execute_sql("ANALYZE")
            elif args.sqlite_analyze:
                db.execute_sql("ANALYZE")
            if not is_sqlite or args.sqlite_analyze:
                print(f"ANALYZE: {time.monotonic() - started:.1f} s", flush=True)
            chosen = pick(db, built, templates)
            common, n_common = chosen["common"]
            print(f"queries (limit 20): speaker={common!r} names {n_common} speakers; real surname "
                  f"{chosen['real']!r}; speaker_id={chosen['speaker_id']}; briefing={chosen['briefing']}", flush=True)
            cases = [
                (f"speaker={common} (generated)", lambda: queries.list_statements(speaker=common, limit=20), TARGET_MS),
                (f"speaker={chosen['real']} (real)", lambda: queries.list_statements(speaker=chosen["real"], limit=20),
                 TARGET_MS),
                ("speaker_id=", lambda: queries.list_statements(speaker_id=chosen["speaker_id"], limit=20), None),
                ("briefing=", lambda: queries.list_statements(briefing=chosen["briefing"], limit=20), None),
                ("facet=speaker&q=ceasefire&count=true", lambda: queries.list_statements(
                    q="ceasefire", limit=20, summary=Summary(("speaker",), count=True)), FACET_TARGET_MS),
                ("facet=speaker&speaker_id=&count=true", lambda: queries.list_statements(
                    speaker_id=chosen["speaker_id"], limit=20, summary=Summary(("speaker", "type"), count=True)),
                 FACET_TARGET_MS),
                ("facet=type,briefing_kind,month (all rows)", lambda: queries.list_statements(
                    limit=20, summary=Summary(("type", "briefing_kind", "month"))), None),
                ("facet=speaker&count=true (all rows)", lambda: queries.list_statements(
                    limit=20, summary=Summary(("speaker",), count=True)), None),
            ]
            for name, call, target in cases:
                results.append({"engine": engine, **measure(db, name, call, args.runs, is_sqlite, target)})
    finally:
        if engine == "postgresql":
            with db.connection_context():
                db.drop_tables(MODELS, safe=True, cascade=True)
            db.close_all()
            print("postgresql tables dropped", flush=True)
        else:
            db.close()
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--postgresql-url", default=DEFAULT_PG)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--surnames", type=int, default=3000, help="distinct generated surnames")
    ap.add_argument("--sqlite-analyze", action="store_true", help="run ANALYZE on SQLite after the load")
    ap.add_argument("--pool", default=str(POOL))
    args = ap.parse_args()

    templates = load_templates(Path(args.pool))
    results = []
    engines = ("sqlite", "postgresql") if args.engine == "both" else (args.engine,)
    with tempfile.TemporaryDirectory(prefix="briefings-scale-") as tmp:
        for engine in engines:
            url = f"sqlite:///{Path(tmp) / 'scale.db'}" if engine == "sqlite" else args.postgresql_url
            results += run_engine(engine, url, templates, args)
    print(f"\n{'engine':<11} {'query':<44} {'p50 ms':>8} {'p99 ms':>8}")
    for r in results:
        print(f"{r['engine']:<11} {r['query']:<44} {r['p50']:8.2f} {r['p99']:8.2f}")
    missed = [r for r in results if r["query"].startswith("speaker=") and r["p50"] >= TARGET_MS]
    print("speaker= p50 < 5 ms: " + ("met on every engine" if not missed else
                                     "MISSED: " + ", ".join(f"{r['engine']} {r['query']}" for r in missed)))
    slow = [r for r in results if r["query"].startswith("facet=speaker&") and r["p50"] > FACET_TARGET_MS]
    print("faceted query p50 <= 50 ms: " + ("met on every engine" if not slow else
                                            "MISSED: " + ", ".join(f"{r['engine']} {r['query']}" for r in slow)))
    return 1 if missed or slow else 0


if __name__ == "__main__":
    sys.exit(main())
