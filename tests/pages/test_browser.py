"""The article pages in a real browser: Debian's chromium, headless, against a server on 127.0.0.1.

The DOM chromium builds from each seed article's page is read back, and every
highlighted span must equal the API's offsets and text for every statement
part, quote and figure. Skips, saying why, only where chromium is not installed
(``.ci/run`` installs it with apt).
"""
import shutil
import subprocess
import tempfile
import threading

import pytest
from werkzeug.serving import make_server

from service.app import create_app
from tests.conftest import API_KEY, SEEDS
from tests.pages.dom import api_spans, page_spans
from tests.pages.test_pages import EXPAND, HOSTILE

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium is not installed (apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions"]


def browse(url: str, *extra: str) -> str:
    """What chromium makes of ``url``: its DOM serialised (or, with ``--screenshot=``, the file written)."""
    with tempfile.TemporaryDirectory(prefix="briefings-chromium-") as profile:
        done = subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", *(extra or ("--dump-dom",)), url],
                              capture_output=True, text=True, timeout=120, env={"HOME": profile, "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The service on a free port of 127.0.0.1, with the seeds and an article made of markup."""
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('browser') / 'b.db'}",
                      "API_KEYS": [API_KEY], "TESTING": True})
    client = app.test_client()
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "text/plain"}
    ids = [client.post("/v1/articles", data=path.read_bytes(), headers=headers).json["id"]
           for path in sorted(SEEDS.glob("*.txt"))]
    hostile = client.post("/v1/articles", data=HOSTILE, headers=headers).json["id"]
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", client, ids, hostile
    httpd.shutdown()
    thread.join()


def test_every_seed_article_shows_the_api_spans_in_the_browser(server):
    base, client, ids, _ = server
    for briefing_id in ids:
        record = client.get(f"/v1/briefings/{briefing_id}?expand={EXPAND}").json
        spans, text = page_spans(browse(f"{base}/briefings/{briefing_id}"))
        assert text == record["text"]
        assert spans == api_spans(record)
        assert {kind for kind, *_ in spans} >= {"mention", "cue", "content", "quote", "figure"}


def test_markup_in_an_article_stays_inert_in_the_browser(server):
    base, client, _, hostile = server
    dom = browse(f"{base}/briefings/{hostile}")
    title = dom.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Ministry holds briefing &lt;script&gt;")  # the script would have set it to 'pwned'
    assert "<script" not in dom and "<img" not in dom and "<b>" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    record = client.get(f"/v1/briefings/{hostile}?expand={EXPAND}").json
    assert page_spans(dom) == (api_spans(record), record["text"])
