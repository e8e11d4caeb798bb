"""Where a cache miss spends its time, request by request, in-process.

The service is built with ``create_app`` over a SQLite file holding the
corpus docs and pool (``briefings ingest``, made here unless ``--database``
names one), and driven through Flask's test client. Every request misses the
answer cache the way real traffic does: the cache is on, but each request
carries its own ``Accept-Encoding`` (``gzip, x-<n>``: the same body, a new
cache key), so the whole miss path runs, compression decision and cache
store included.

Two passes per URL:

1. Stages: a thin timer wraps the functions each layer enters through
   (listed in ``STAGES``) and charges every moment to the innermost layer
   running, so the shares add up to the time spent inside ``Flask.wsgi_app``
   (the test client's own work is shown apart: in production a WSGI server
   does it). A layer the code no longer has is reported, not guessed.
2. cProfile over the same requests: the functions with the most own time,
   to see inside a stage.

usage: python bench/profile_miss.py [--requests 2000] [--database FILE] [--top 12] [--hits]
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import os
import pstats
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

# (dotted owner, attribute, stage): the entry points of each layer. Nested layers are charged to themselves.
STAGES = [
    ("flask.app:Flask", "wsgi_app", "Flask/Werkzeug/smorest: routing, request and response objects"),
    ("peewee:Database", "connect", "connection handling"),
    ("peewee:Database", "close", "connection handling"),
    ("service.app", "guard_reads", "auth check"),
    ("service.api.caching", "answer_from_cache", "ETag and answer cache"),
    ("service.api.caching", "tag_and_keep", "ETag and answer cache"),
    ("webargs.core:Parser", "parse", "argument parsing (webargs)"),
    ("service.api.pagination", "page_body", "page envelope, Link header"),
    ("service.store.queries", "*", "store: query setup, row to record"),
    ("service.store.speakers", "speakers_named", "store: query setup, row to record"),
    ("service.store.changes", "data_version", "store: query setup, row to record"),
    ("peewee:Database", "execute", "SQL text building (Peewee)"),
    ("peewee:Database", "execute_sql", "SQL execution (driver)"),
    ("peewee:CursorWrapper", "iterate", "row fetch and conversion (Peewee)"),
    ("marshmallow:Schema", "dump", "marshmallow dump"),
    ("flask.json.provider:DefaultJSONProvider", "dumps", "JSON encoding"),
    ("service.api.wire", "*", "JSON encoding"),
    ("flask_compress:Compress", "after_request", "compression"),
]


class Stages:
    """Exclusive time per stage: a stack of running stages, each charged its time minus its children's."""

    def __init__(self):
        self.totals: dict[str, float] = defaultdict(float)
        self.stack: list[list] = []
        self.missing: list[str] = []

    def wrap(self, fn, stage: str):
        stack, totals = self.stack, self.totals

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            if stack and stack[-1][0] == stage:
                return fn(*args, **kwargs)
            frame = [stage, 0.0]
            stack.append(frame)
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.perf_counter() - started
                stack.pop()
                totals[stage] += spent - frame[1]
                if stack:
                    stack[-1][1] += spent

        timed.__wrapped_by_stages__ = True
        return timed

    def install(self) -> None:
        for owner, attr, stage in STAGES:
            module_name, _, cls_name = owner.partition(":")
            try:
                target = importlib.import_module(module_name)
            except ImportError:
                self.missing.append(f"{owner} (no such module)")
                continue
            if cls_name:
                target = getattr(target, cls_name, None)
            if target is None or (attr != "*" and not hasattr(target, attr)):
                self.missing.append(f"{owner}.{attr}")
                continue
            names = [attr] if attr != "*" else [
                n for n, v in vars(target).items() if callable(v) and getattr(v, "__module__", "").startswith("service")
                and not isinstance(v, type)]
            for name in names:
                fn = getattr(target, name)
                if not getattr(fn, "__wrapped_by_stages__", False):
                    timed = self.wrap(fn, stage)
                    setattr(target, name, timed)
                    self._rebind(fn, timed)

    @staticmethod
    def _rebind(fn, timed) -> None:
        """Point the service's modules that imported ``fn`` by name at its timed version too."""
        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("service"):
                for name, value in list(vars(module).items()):
                    if value is fn:
                        setattr(module, name, timed)


def build_database(path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}", "BRIEFINGS_SEEDS": str(path.parent / "no-seeds")}
    (path.parent / "no-seeds").mkdir(exist_ok=True)
    started = time.monotonic()
    done = subprocess.run([str(Path(sys.executable).parent / "briefings"), "ingest", str(CORPUS / "docs"),
                           str(CORPUS / "pool")], env=env, capture_output=True, text=True, timeout=1800)
    print(f"ingest: {done.stdout.strip()} in {time.monotonic() - started:.0f} s", flush=True)


def targets(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as con:
        name = con.execute("SELECT p.name FROM statement s JOIN speaker p ON p.id = s.speaker_id "
                           "WHERE p.kind = 'person' GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
        briefing = con.execute("SELECT briefing_id FROM statement GROUP BY briefing_id "
                               "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    return [
        ("statements?speaker=", f"/v1/statements?speaker={name.split()[-1]}&limit=20"),
        ("briefing expanded", f"/v1/briefings/{briefing}?expand=statements,quotes,figures,speakers"),
        ("statements?q=", "/v1/statements?q=security"),
    ]


def drive(client, url: str, n: int, hits: bool, offset: int = 0) -> float:
    """Seconds for ``n`` requests; each its own cache key unless ``hits``."""
    started = time.perf_counter()
    for i in range(n):
        response = client.get(url, headers={"Accept-Encoding": "gzip" if hits else f"gzip, x-{offset + i}"})
        if response.status_code != 200:
            sys.exit(f"{url}: HTTP {response.status_code}: {response.get_data(as_text=True)[:300]}")
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000, help="requests per URL and pass")
    ap.add_argument("--database", help="a SQLite file with the corpus ingested (default: built here)")
    ap.add_argument("--top", type=int, default=12, help="cProfile rows per URL")
    ap.add_argument("--hits", action="store_true", help="repeat one cache key (the cached path) instead")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="briefings-profile-"))
    db = Path(args.database) if args.database else tmp / "corpus.db"
    if not args.database:
        build_database(db)
    stages = Stages()
    stages.install()  # before the app exists: it registers some of these functions as hooks
    from service.app import create_app

    app = create_app({"DATABASE_URL": f"sqlite:///{db}", "SEEDS_DIR": str(tmp / "no-seeds"), "TESTING": False})
    client = app.test_client()
    print(f"{'cache hits' if args.hits else 'every request a cache miss'}; {args.requests} requests per URL; "
          f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} on {os.cpu_count()} CPUs")
    if stages.missing:
        print("layers not found (not timed): " + ", ".join(stages.missing))
    for label, url in targets(db):
        body = client.get(url, headers={"Accept-Encoding": "gzip"})
        drive(client, url, 200, args.hits, offset=10**9)  # warm: statement caches, imports, pools
        stages.totals.clear()
        wall = drive(client, url, args.requests, args.hits)
        inside = sum(stages.totals.values())
        per = 1e6 / args.requests
        print(f"\n{label}: {url}\n  {len(body.get_data())} bytes ({body.headers.get('Content-Encoding', 'identity')}),"
              f" {wall * per:.0f} us per request through the test client, {inside * per:.0f} us inside the app")
        print(f"  {'stage':<64} {'us/req':>7} {'share':>6}")
        for stage, spent in sorted(stages.totals.items(), key=lambda kv: -kv[1]):
            print(f"  {stage:<64} {spent * per:7.0f} {spent / inside:6.1%}")
        print(f"  {'(test client, outside the app)':<64} {(wall - inside) * per:7.0f}")

        profile = cProfile.Profile()
        profile.enable()
        drive(client, url, args.requests, args.hits, offset=2 * 10**9)
        profile.disable()
        stats = pstats.Stats(profile)
        rows = sorted(((k, v) for k, v in stats.stats.items() if k[2] != "timed"),  # the stage timer itself
                      key=lambda kv: -kv[1][2])[: args.top]
        print("  cProfile, most own time (under the profiler, so slower):")
        print(f"  {'function':<64} {'calls/req':>9} {'own us/req':>10} {'cum us/req':>10}")
        for (path, line, name), (_cc, calls, own, cum, _callers) in rows:
            where = f"{Path(path).parent.name}/{Path(path).name}:{line}({name})" if path != "~" else name
            print(f"  {where[-64:]:<64} {calls / args.requests:9.1f} {own * per:10.1f} {cum * per:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
