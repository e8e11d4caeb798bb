"""A screenshot of the annotated article page of a seed article, for the README (docs/article-page.png).

Starts the service on a free port of 127.0.0.1 with the seed articles in a
temporary SQLite database and has headless chromium draw the page.

usage: python bench/screenshot.py [-o docs/article-page.png] [--size 1100,760]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from werkzeug.serving import make_server  # noqa: E402

from service.app import create_app  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=str(ROOT / "docs" / "article-page.png"))
    ap.add_argument("--size", default="1100,760")
    args = ap.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="briefings-shot-") as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp}/shot.db", "API_KEYS": ["shot"], "TESTING": True})
        client = app.test_client()
        for path in sorted((ROOT / "seeds").glob("*.txt")):
            client.post("/v1/articles", data=path.read_bytes(),
                        headers={"Authorization": "Bearer shot", "Content-Type": "text/plain"})
        briefing_id = client.get("/v1/briefings?limit=1").json["data"][0]["id"]
        httpd = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            output = Path(args.output).resolve()
            output.parent.mkdir(parents=True, exist_ok=True)
            url = f"http://127.0.0.1:{httpd.server_port}/briefings/{briefing_id}"
            done = subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp}/profile", f"--window-size={args.size}",
                                   f"--screenshot={output}", url], capture_output=True, text=True, timeout=120,
                                  env={"HOME": tmp, "PATH": "/usr/bin:/bin"})
        finally:
            httpd.shutdown()
            thread.join()
    if done.returncode != 0 or not output.exists():
        print(done.stderr[-2000:], file=sys.stderr)
        return 1
    print(f"wrote {output} ({output.stat().st_size:,} bytes) of {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
