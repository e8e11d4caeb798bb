"""Peak memory of a server streaming a large export: `briefings serve` on loopback, N statements as NDJSON.

Usage: python bench/export_memory.py [--rows 100000]

Fills a temporary SQLite database with N statements, serves it, streams
/v1/statements?format=ndjson and samples the resident memory (VmRSS) of the
serving processes while it reads. Flat memory means the peak stays near the
idle figure however large N is.
"""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.store.db import open_database  # noqa: E402
from tests.store.test_export_memory import fill  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(root_pid: int) -> int:
    """Resident memory of a process and its children, in KiB."""
    total = 0
    pids = [root_pid]
    children = Path(f"/proc/{root_pid}/task/{root_pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="briefings-export-")
    url = f"sqlite:///{folder}/export.db"
    db = open_database(url)
    with db.connection_context():
        fill(args.rows)
    db.close()
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "BRIEFINGS_SEEDS": folder}
    server = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--workers", "1"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        idle = rss_kib(server.pid)
        peak, rows, size, started = idle, 0, 0, time.perf_counter()
        with urllib.request.urlopen(base + "/v1/statements?format=ndjson", timeout=600) as response:
            for line in response:
                rows += 1
                size += len(line)
                if rows % 5000 == 0:
                    peak = max(peak, rss_kib(server.pid))
        seconds = time.perf_counter() - started
        print(f"rows streamed      {rows:,} ({size / 1e6:.1f} MB of NDJSON in {seconds:.1f} s, {rows / seconds:,.0f} rows/s)")
        print(f"server RSS idle    {idle / 1024:.1f} MiB")
        print(f"server RSS peak    {peak / 1024:.1f} MiB (+{(peak - idle) / 1024:.1f} MiB while streaming)")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
