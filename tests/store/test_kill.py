"""A bulk ingest killed with SIGKILL leaves a consistent database, and running it again completes it.

Each article is one transaction, so whatever moment the process dies at,
every stored briefing must have all its statements, quotes and figures, no
record may point at a briefing that is not there, and the same ingest run
again must add exactly what is missing: the end state equals a clean
ingestion. The kill comes once a few briefings are visible, so it lands in
the middle of the run however fast the machine is.
"""
import signal
import sqlite3
import subprocess
import time

from tests.store.processes import BRIEFINGS, environment, parsed_counts, run_cli, write_articles

ARTICLES = 300
TABLES = ("briefing", "statement", "quote", "figure", "speaker", "speaker_alias")


def connect(url: str):
    if url.startswith("sqlite:///"):
        return sqlite3.connect(url[len("sqlite:///"):], timeout=30)
    import psycopg2

    con = psycopg2.connect(url)
    con.autocommit = True
    return con


def query(url: str, sql: str) -> list[tuple]:
    con = connect(url)
    try:
        cur = con.cursor()
        cur.execute(sql)
        return cur.fetchall()
    finally:
        con.close()


def briefing_count(url: str) -> int:
    try:
        return query(url, "SELECT COUNT(*) FROM briefing")[0][0]
    except Exception:  # the table does not exist until the command has created it
        return 0


def snapshot(url: str) -> dict:
    """Row counts, per-briefing child counts and orphans: everything the assertions compare."""
    out = {"tables": {t: query(url, f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}}
    for child in ("statement", "quote", "figure"):
        out[child] = dict(query(url, f"SELECT b.id, COUNT(c.id) FROM briefing b LEFT JOIN {child} c "
                                     f"ON c.briefing_id = b.id GROUP BY b.id"))
        out[f"orphan {child}"] = query(url, f"SELECT c.id FROM {child} c LEFT JOIN briefing b "
                                            f"ON b.id = c.briefing_id WHERE b.id IS NULL")
    out["orphan speaker refs"] = query(url, "SELECT s.id FROM statement s LEFT JOIN speaker p ON p.id = s.speaker_id "
                                            "WHERE s.speaker_id IS NOT NULL AND p.id IS NULL")
    out["orphan aliases"] = query(url, "SELECT a.id FROM speaker_alias a LEFT JOIN speaker p "
                                       "ON p.id = a.speaker_id WHERE p.id IS NULL")
    out["duplicate hashes"] = query(url, "SELECT content_hash FROM briefing GROUP BY content_hash HAVING COUNT(*) > 1")
    return out


def ingest_until_killed(folder, url: str, log) -> int:
    """Start ``briefings ingest``, SIGKILL it once a few briefings are committed; the count seen at the kill."""
    with open(log, "wb") as out:
        proc = subprocess.Popen([BRIEFINGS, "ingest", str(folder)], env=environment(url, folder / "no-seeds"),
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        seen = 0
        while proc.poll() is None and time.monotonic() < deadline:
            seen = briefing_count(url)
            if seen >= 5:
                break
            time.sleep(0.005)
        assert proc.poll() is None, f"ingest ended before it could be killed:\n{log.read_text()[-2000:]}"
        assert seen >= 5, "no briefing became visible within 120 s"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        return seen
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)


def assert_consistent(state: dict, expected: dict) -> None:
    for child in ("statement", "quote", "figure"):
        assert state[f"orphan {child}"] == [], f"{child} rows without their briefing"
        wrong = {b: (n, expected[child].get(b)) for b, n in state[child].items() if n != expected[child].get(b)}
        assert wrong == {}, f"briefings with missing or extra {child}s (stored, parsed): {wrong}"
    assert state["orphan speaker refs"] == [] and state["orphan aliases"] == []
    assert state["duplicate hashes"] == []


def test_killed_ingest_is_consistent_and_resumable(database_url, tmp_path):
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES, seed=3)
    expected = parsed_counts(folder)
    assert len(expected["statement"]) == ARTICLES and sum(expected["statement"].values()) >= 3 * ARTICLES

    seen = ingest_until_killed(folder, database_url, tmp_path / "killed.log")
    after_kill = snapshot(database_url)
    stored = after_kill["tables"]["briefing"]
    assert seen <= stored < ARTICLES, f"the kill came too late to test anything ({stored} stored)"
    assert_consistent(after_kill, expected)

    again = run_cli("ingest", str(folder), database_url=database_url)
    assert again.returncode == 0, again.stdout + again.stderr[-2000:]
    assert again.stdout.strip().endswith(f"{ARTICLES - stored} new, {stored} duplicate, 0 failed")
    resumed = snapshot(database_url)
    assert_consistent(resumed, expected)
    assert set(resumed["statement"]) == set(expected["statement"])

    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = run_cli("ingest", str(folder), database_url=clean_url)
    assert clean.returncode == 0, clean.stderr[-2000:]
    assert resumed["tables"] == snapshot(clean_url)["tables"]
