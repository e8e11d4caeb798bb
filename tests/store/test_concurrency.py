"""Eight clients ingesting overlapping articles at once through a real server: each stored once, none lost.

Ingestion relies on the database, not on the process, to keep one copy of
each text (a unique content hash) and to share speakers between articles, so
this has to run against ``briefings serve`` with several gunicorn workers,
on SQLite (WAL, busy timeout) and on PostgreSQL (a connection pool).
"""
import random
import threading

from tests.store.processes import API_KEY, request, run_cli, served, sqlite_statement_counts, write_articles

ARTICLES = 30
WRITERS = 8
PER_WRITER = 18


def assignments(seed: int = 7) -> list[list[int]]:
    """Each writer's articles: a shuffled, overlapping subset; together they cover every article."""
    rng = random.Random(seed)
    plans = []
    for w in range(WRITERS):
        own = [i for i in range(ARTICLES) if i % WRITERS == w]
        others = rng.sample([i for i in range(ARTICLES) if i % WRITERS != w], PER_WRITER - len(own))
        plan = own + others
        rng.shuffle(plan)
        plans.append(plan)
    return plans


def all_briefings(base: str) -> list[str]:
    ids, cursor = [], None
    for _ in range(100):  # bounded: 30 briefings at 7 a page is 5 pages
        url = f"{base}/v1/briefings?limit=7" + (f"&cursor={cursor}" if cursor else "")
        status, body = request("GET", url)
        assert status == 200, body
        ids += [b["id"] for b in body["data"]]
        cursor = body["next"]
        if not cursor:
            return ids
    raise AssertionError("briefing pages never ended")


def test_concurrent_writers_store_each_article_once(database_url, tmp_path):
    paths = write_articles(tmp_path / "articles", ARTICLES)
    bodies = [p.read_bytes() for p in paths]
    plans = assignments()
    results: list[tuple[int, int, object]] = []  # (article, status, briefing id or error body)
    lock = threading.Lock()
    start = threading.Barrier(WRITERS)

    def writer(plan):
        try:
            start.wait(timeout=30)
        except threading.BrokenBarrierError:
            pass
        for i in plan:
            try:
                status, body = request("POST", f"{base}/v1/articles", bodies[i], {
                    "Authorization": f"Bearer {API_KEY}", "Content-Type": "text/plain; charset=utf-8"}, timeout=60)
                outcome = body.get("id") if status in (200, 201) and body else body
            except OSError as exc:  # a dropped connection is a failure to report, not a crash of the test
                status, outcome = -1, repr(exc)
            with lock:
                results.append((i, status, outcome))

    (tmp_path / "seeds").mkdir()
    with served(database_url, tmp_path / "seeds", tmp_path / "server.log") as base:
        threads = [threading.Thread(target=writer, args=(plan,), daemon=True) for plan in plans]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        assert not any(t.is_alive() for t in threads), "a writer did not finish within 300 s"

        failures = [(i, status, outcome) for i, status, outcome in results if status not in (200, 201)]
        assert failures == [], f"POSTs that failed: {failures[:5]}"
        assert len(results) == WRITERS * PER_WRITER
        ids_by_article = {}
        for i, _status, bid in results:
            ids_by_article.setdefault(i, set()).add(bid)
        assert sorted(ids_by_article) == list(range(ARTICLES))
        assert all(len(ids) == 1 for ids in ids_by_article.values()), "one text got several briefing ids"
        created = sorted(i for i, status, _ in results if status == 201)
        assert created == list(range(ARTICLES)), "each article must be created (201) exactly once"

        listed = all_briefings(base)
        expected = {next(iter(ids)) for ids in ids_by_article.values()}
        assert len(listed) == len(set(listed)), "a briefing is listed twice"
        assert set(listed) == expected

        served_counts = {}
        for bid in expected:
            status, body = request("GET", f"{base}/v1/briefings/{bid}?expand=statements,quotes")
            assert status == 200, body
            served_counts[bid] = len(body["statements"])

    reference = tmp_path / "single.db"
    done = run_cli("ingest", str(tmp_path / "articles"), database_url=f"sqlite:///{reference}")
    assert done.returncode == 0, done.stderr[-2000:]
    single = sqlite_statement_counts(reference)
    assert served_counts == single
    assert sum(single.values()) >= 3 * ARTICLES  # the articles really hold statements
