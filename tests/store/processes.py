"""Helpers for the store tests that run the real ``briefings`` command in other processes.

Concurrency and crash safety only show with separate processes (gunicorn
workers, a process killed mid-ingest), so these tests drive the installed
command over HTTP and the CLI instead of the in-process test client. Only the
standard library is used on this side, so the tests see exactly what a client
would.
"""
from __future__ import annotations

import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BRIEFINGS = str(Path(sys.executable).with_name("briefings"))
API_KEY = "concurrency-key"

FIRST = ["Amina", "Boris", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivo", "Jamal", "Kira", "Lars",
         "Mei", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wen", "Yusuf"]
LAST = ["Abara", "Brandt", "Castillo", "Dimitrov", "Eze", "Fischer", "Gupta", "Haddad", "Ivanova", "Jansen",
        "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rahman", "Santos",
        "Tanaka", "Umarov", "Varga", "Weber", "Yilmaz"]
COUNTRIES = ["Pakistan", "Kenya", "Norway", "Chile", "Vietnam", "Morocco", "Poland", "Peru", "Ghana", "Japan"]
TOPICS = ["border talks", "grain exports", "water sharing", "the ceasefire", "visa rules", "fishing rights"]


def article(i: int, seed: int = 0) -> str:
    """A small, distinct briefing article with direct and indirect statements, quotes and figures."""
    rng = random.Random(seed * 100_003 + i)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    country, topic = rng.choice(COUNTRIES), rng.choice(TOPICS)
    n, m = rng.randint(3, 900), rng.randint(2, 90)
    return "\n".join([
        f"{country} rejects claims on {topic}, briefing no. {i}",
        f"Foreign Office spokesperson {first} {last} said on Friday that {country} would not accept "
        f"any change to {topic} without consultation.",
        f"“We have been clear about this for {m} months,” {last} told reporters at the weekly briefing.",
        f"She added that at least {n} people had been affected and that {m} million dollars had been pledged.",
        f"Minister {other} stated that the talks would resume in {rng.choice(COUNTRIES)} next week.",
        f"“Our position on {topic} has not changed,” the spokesperson said, calling the reports "
        f"“baseless” (report {seed}-{i}).",
    ]) + "\n"


def write_articles(folder: Path, count: int, seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(article(i, seed), encoding="utf-8")
        paths.append(path)
    return paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(database_url: str, seeds: Path) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "BRIEFINGS_API_KEYS": API_KEY, "BRIEFINGS_SEEDS": str(seeds)}
    env.pop("TEST_DATABASE_URL", None)
    # one hash seed for every process: these tests are about storage, so a clean run and a resumed one must
    # parse alike even if parsing regresses to depending on it (test_robustness.py checks that it does not)
    env["PYTHONHASHSEED"] = "0"
    return env


def request(method: str, url: str, body: bytes | None = None, headers: dict | None = None,
            timeout: float = 30) -> tuple[int, dict | None]:
    """One HTTP exchange; returns (status, parsed JSON body or None). HTTP errors are answers, not exceptions."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, {"raw": raw[:500].decode("utf-8", "replace")}


@contextmanager
def served(database_url: str, seeds: Path, log: Path, workers: int = 2, startup: float = 60):
    """``briefings serve`` on a free loopback port; yields its base URL and always kills it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(log, "wb") as out:
        proc = subprocess.Popen([BRIEFINGS, "serve", "--port", str(port), "--workers", str(workers)],
                                env=environment(database_url, seeds), stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + startup
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if request("GET", f"{base}/health", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server not healthy after {startup} s:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 15)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait(timeout=15)


def run_cli(*args: str, database_url: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = environment(database_url, ROOT / "no-seeds")
    return subprocess.run([BRIEFINGS, *args], env=env, capture_output=True, text=True, timeout=timeout)


def parsed_counts(folder: Path) -> dict[str, dict[str, int]]:
    """For statements, quotes and figures: briefing id -> count, from ``briefings parse`` (what ingestion stores)."""
    done = run_cli("parse", "--format", "jsonl", str(folder), database_url="sqlite:///:memory:")
    assert done.returncode == 0, done.stderr[-2000:]
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return {kind: {r["id"]: len(r[f"{kind}s"]) for r in records} for kind in ("statement", "quote", "figure")}


def sqlite_statement_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        counts = dict(con.execute("SELECT b.id, COUNT(s.id) FROM briefing b LEFT JOIN statement s "
                                  "ON s.briefing_id = b.id GROUP BY b.id"))
    return counts
