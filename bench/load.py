"""Throughput and latency of ``briefings serve`` against a bare Flask app under the same gunicorn settings.

The bare app is the ceiling the framework and the server allow on this
machine, so the ratio statements/bare says how much the service's own work
(routing, validation, queries, serialisation) costs; the target is a ratio
of at least 0.5 and a p99 under 25 ms at 16 connections. Everything runs on
127.0.0.1: the database is built here (the corpus docs and pool ingested
into a temporary SQLite file with ``briefings ingest``), both servers are
started and stopped here, and every wait is bounded in time.

``wrk`` drives the load when installed; otherwise a threaded Python client
does (it saturates sooner, so its numbers are lower bounds).

Every figure is a ratio to the bare endpoint measured in the same run,
interleaved: each measurement of a service URL comes right after one of the
bare endpoint with the same client settings, so the machine's load (shared
with other work) weighs on both alike. Each URL is measured twice per run:
``hit``, the same URL over and over, answered from the per-process answer
cache (``service/api/caching.py``); and ``miss``, a different
``Accept-Encoding`` (``identity, x-<n>``: the same body) with every request,
which gives every request its own cache key, so the queries and the encoding
run each time. ``--runs`` rounds (3) give min–median–max; the targets are
judged on the median.

usage: python bench/load.py [--runs 3] [--duration 5] [--connections 16] [--workers 2] [--threads 2]
                            [--corpus DIR ...]
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CORPUS = ROOT.parent / "shared" / "corpus"
BARE_APP = '''
from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/ping")
def ping():
    return jsonify(status="ok", briefings=1, parser_version="0.0.0")
'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def wait_healthy(proc: subprocess.Popen, url: str, log: Path, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if get(url, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"{url} not healthy after {limit} s:\n{log.read_text()[-3000:]}")


def stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=20)


def prepare_database(db: Path, folders: list[str], env: dict) -> None:
    started = time.monotonic()
    done = subprocess.run([str(BIN / "briefings"), "ingest", *folders], env={**env, "DATABASE_URL": f"sqlite:///{db}"},
                          capture_output=True, text=True, timeout=1800)
    print(f"ingest: {done.stdout.strip()} in {time.monotonic() - started:.0f} s", flush=True)
    if done.returncode not in (0, 1):  # 1: some files failed, which the report shows
        sys.exit(done.stderr[-3000:])


def pick_targets(db: Path) -> tuple[str, str, str]:
    """A surname of the speaker with most statements, the briefing with most statements, a common word."""
    with sqlite3.connect(db) as con:
        name = con.execute("SELECT p.name FROM statement s JOIN speaker p ON p.id = s.speaker_id "
                           "WHERE p.kind = 'person' GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
        briefing = con.execute("SELECT briefing_id FROM statement GROUP BY briefing_id "
                               "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    return name.split()[-1], briefing, "security"


# ------------------------------------------------------------------ load generators

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    return float(m.group(1)) * _UNITS[m.group(2)]


UNCACHED_LUA = """
local count = 0
function setup(thread)
  count = count + 1
  thread:set("tid", count)
end
function init(args)
  n = 0
end
function request()
  n = n + 1
  return wrk.format(nil, nil, {["Accept-Encoding"] = "identity, x-" .. tid .. "-" .. n})
end
"""


def run_wrk(url: str, connections: int, duration: float, uncached: bool = False) -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{int(duration)}s", "--timeout", "5s", "--latency"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if uncached:
            script.write(UNCACHED_LUA)
            script.flush()
            cmd += ["-s", script.name]
        out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=duration + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"rps": rps, "p50": _ms(latency["50"]), "p99": _ms(latency["99"]), "errors": errors}


def run_python(url: str, connections: int, duration: float, uncached: bool = False) -> dict:
    """16 threads with keep-alive connections, each timing its own requests until the deadline."""
    parsed = urllib.request.urlparse(url)
    path = parsed.path + ("?" + parsed.query if parsed.query else "")
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + duration

    def client():
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=5)
        mine, bad, n = [], 0, 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            n += 1
            headers = {"Accept-Encoding": f"identity, x-{threading.get_ident()}-{n}"} if uncached else {}
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=5)
            mine.append(1000 * (time.perf_counter() - started))
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=duration + 30)
    elapsed = time.monotonic() - started
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [float("nan")] * 99
    return {"rps": len(latencies) / elapsed, "p50": q[49], "p99": q[98], "errors": errors[0]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duration", type=float, default=5.0, help="seconds of load per measurement")
    ap.add_argument("--warmup", type=float, default=1.0, help="seconds of load before each measurement")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2, help="threads per worker, as `briefings serve` defaults")
    ap.add_argument("--corpus", nargs="*", default=[str(CORPUS / "docs"), str(CORPUS / "pool")])
    ap.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    ap.add_argument("--runs", type=int, default=3, help="rounds; each measures every pair once")
    args = ap.parse_args()

    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    load = run_wrk if use_wrk else run_python
    tmp = Path(tempfile.mkdtemp(prefix="briefings-load-"))
    db = tmp / "load.db"
    (tmp / "seeds").mkdir()
    env = {**os.environ, "BRIEFINGS_SEEDS": str(tmp / "seeds"), "BRIEFINGS_API_KEYS": "load-key"}
    (tmp / "bare_app.py").write_text(BARE_APP)
    service = bare = None
    try:
        prepare_database(db, args.corpus, env)
        surname, briefing, word = pick_targets(db)
        port, bare_port = free_port(), free_port()
        with open(tmp / "service.log", "wb") as log:
            service = subprocess.Popen(
                [str(BIN / "briefings"), "serve", "--host", "127.0.0.1", "--port", str(port),
                 "--workers", str(args.workers), "--threads", str(args.threads)],
                env={**env, "DATABASE_URL": f"sqlite:///{db}"}, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)
        with open(tmp / "bare.log", "wb") as log:  # the same gunicorn settings `briefings serve` uses
            bare = subprocess.Popen(
                [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{bare_port}", "--workers", str(args.workers),
                 "--threads", str(args.threads), "--worker-class", "gthread", "--access-logfile", "-",
                 "--chdir", str(tmp), "bare_app:app"],
                env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        base, bare_base = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{bare_port}"
        wait_healthy(service, f"{base}/health", tmp / "service.log")
        wait_healthy(bare, f"{bare_base}/ping", tmp / "bare.log")

        targets = [
            ("statements?speaker=", f"{base}/v1/statements?speaker={surname}&limit=20", {"uncached": 0.5, "cached": 0.8}),
            ("briefing expanded", f"{base}/v1/briefings/{briefing}?expand=statements,quotes,figures,speakers",
             {"uncached": 0.3}),
            ("statements?q=", f"{base}/v1/statements?q={word}", {}),
        ]
        bare_url = f"{bare_base}/ping"
        print(f"client: {'wrk -t2' if use_wrk else 'python threads'}, {args.connections} connections, "
              f"{args.duration:.0f} s per measurement; gunicorn gthread {args.workers} workers x {args.threads} "
              f"threads; {os.cpu_count()} CPUs shared by client and servers; load average before: "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
        print(f"speaker={surname}  briefing={briefing}  q={word}", flush=True)
        for label, url, _ in targets:
            status, body = get(url, timeout=30)
            if status != 200:
                sys.exit(f"{label}: HTTP {status}: {body[:200]!r}")
        modes = ("uncached", "cached")
        ratios = {(label, mode): [] for label, _, _ in targets for mode in modes}
        p99s = {(label, mode): [] for label, _, _ in targets for mode in modes}
        bare_rps = []
        for run in range(args.runs):
            for label, url, _ in targets:
                for mode in modes:
                    uncached = mode == "uncached"
                    pair = {}
                    # interleaved: the bare endpoint right before the URL, under the same client settings
                    for name, target in (("bare", bare_url), ("service", url)):
                        if args.warmup > 0:
                            load(target, args.connections, max(1.0, args.warmup), uncached)
                        pair[name] = load(target, args.connections, args.duration, uncached)
                    ratios[label, mode].append(pair["service"]["rps"] / pair["bare"]["rps"])
                    p99s[label, mode].append(pair["service"]["p99"])
                    bare_rps.append(pair["bare"]["rps"])
                    errors = pair["service"]["errors"] + pair["bare"]["errors"]
                    print(f"run {run + 1}: {label} {mode}: {pair['service']['rps']:.0f} req/s "
                          f"(p50 {pair['service']['p50']:.1f}, p99 {pair['service']['p99']:.1f} ms) against bare "
                          f"{pair['bare']['rps']:.0f} req/s: ratio {ratios[label, mode][-1]:.2f}"
                          + (f"; {errors} errors" if errors else ""), flush=True)

        def spread(values, fmt):
            values = sorted(values)
            return "–".join(fmt.format(v) for v in (values[0], statistics.median(values), values[-1]))

        print(f"\nmin–median–max over {args.runs} runs; load average after: "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; bare endpoint {spread(bare_rps, '{:.0f}')} req/s\n")
        print("| endpoint | answer cache | ratio to bare | p99 ms (16 connections) | target |")
        print("|---|---|---|---|---|")
        ok = True
        for label, _, goals in targets:
            for mode in modes:
                goal = goals.get(mode)
                met = goal is None or statistics.median(ratios[label, mode]) >= goal
                if label == "statements?speaker=" and mode == "uncached":
                    met = met and statistics.median(p99s[label, mode]) <= 25
                    goal_text = f"≥ {goal}, p99 ≤ 25 ms"
                else:
                    goal_text = f"≥ {goal}" if goal else ""
                ok = ok and met
                verdict = ("met" if met else "MISSED") if goal_text else ""
                print(f"| `{label}` | {'miss' if mode == 'uncached' else 'hit'} | "
                      f"{spread(ratios[label, mode], '{:.2f}')} | {spread(p99s[label, mode], '{:.1f}')} | "
                      f"{goal_text} {verdict} |")
        return 0 if ok else 1
    finally:
        stop(service)
        stop(bare)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
