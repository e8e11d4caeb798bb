"""``briefings backup`` while eight writers ingest through a real server, and ``briefings restore`` of it.

The backup is one snapshot taken with SQLite's online backup API: it must
pass ``PRAGMA integrity_check`` once restored and hold every briefing whose
POST was answered before the backup began, however busy the writers were.
"""
import sqlite3
import threading
import time

from tests.store.processes import API_KEY, request, run_cli, served, write_articles

WRITERS = 8
PER_WRITER = 12


def test_a_backup_taken_while_eight_writers_ingest_restores_everything_acknowledged_before_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    bodies = [p.read_bytes() for p in write_articles(tmp_path / "articles", WRITERS * PER_WRITER, seed=15)]
    acknowledged: list[tuple[float, str]] = []  # (when the 201 arrived, briefing id)
    failures = []
    lock = threading.Lock()

    def writer(w: int):
        for body in bodies[w::WRITERS]:
            status, answer = request("POST", f"{base}/v1/articles", body, {
                "Authorization": f"Bearer {API_KEY}", "Content-Type": "text/plain; charset=utf-8"}, timeout=60)
            with lock:
                if status == 201:
                    acknowledged.append((time.monotonic(), answer["id"]))
                else:
                    failures.append((status, answer))

    (tmp_path / "seeds").mkdir()
    with served(url, tmp_path / "seeds", tmp_path / "server.log") as base:
        threads = [threading.Thread(target=writer, args=(w,), daemon=True) for w in range(WRITERS)]
        for t in threads:
            t.start()
        while len(acknowledged) < WRITERS * 2 and any(t.is_alive() for t in threads):
            time.sleep(0.05)
        began = time.monotonic()
        done = run_cli("backup", str(tmp_path / "backup.db"), database_url=url)
        ended = time.monotonic()
        for t in threads:
            t.join(timeout=300)
    assert done.returncode == 0, done.stderr
    assert failures == []
    before = {bid for at, bid in acknowledged if at < began}
    assert before and any(began < at for at, _ in acknowledged), "the writers were not busy during the backup"
    assert "backed up" in done.stdout, done.stdout
    print(f"backup took {ended - began:.2f} s with {len(acknowledged)} of {len(bodies)} articles ingested")

    restored = tmp_path / "restored.db"
    back = run_cli("restore", str(tmp_path / "backup.db"), database_url=f"sqlite:///{restored}")
    assert back.returncode == 0, back.stderr
    with sqlite3.connect(restored) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        held = {row[0] for row in con.execute("SELECT id FROM briefing")}
        statements = con.execute("SELECT COUNT(*) FROM statement s JOIN briefing b ON b.id = s.briefing_id").fetchone()
    con.close()
    assert before <= held
    assert held <= {bid for _, bid in acknowledged}
    assert statements[0] >= len(held)  # each briefing came with its records, not alone
    listed = run_cli("export", "briefings", database_url=f"sqlite:///{restored}")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == len(held)


def test_restore_refuses_to_overwrite_briefings_and_checks_the_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    write_articles(tmp_path / "articles", 2)
    assert run_cli("ingest", str(tmp_path / "articles"), database_url=url).returncode == 0
    assert run_cli("backup", str(tmp_path / "backup.db"), database_url=url).returncode == 0
    refused = run_cli("restore", str(tmp_path / "backup.db"), database_url=url)
    assert refused.returncode == 1 and "holds 2 briefings: pass --replace" in refused.stderr
    assert run_cli("restore", "--replace", str(tmp_path / "backup.db"), database_url=url).returncode == 0
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    junk = run_cli("restore", str(tmp_path / "junk.db"), database_url=f"sqlite:///{tmp_path / 'new.db'}")
    assert junk.returncode == 1 and "junk.db is not a SQLite database" in junk.stderr
    missing = run_cli("backup", "b.db", database_url=f"sqlite:///{tmp_path / 'absent.db'}")
    assert missing.returncode == 1 and "absent.db" in missing.stderr
    postgres = run_cli("backup", "b.db", database_url="postgresql://postgres@127.0.0.1:5432/none")
    assert postgres.returncode == 1 and "pg_dump" in postgres.stderr
