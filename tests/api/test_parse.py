import io
import json

from click.testing import CliRunner

from service.cli import main
from tests.conftest import SEEDS
from tests.extract.test_articles import BILLION_LAUGHS


def test_parse_returns_the_records_without_storing(client):
    response = client.post("/v1/parse", data=(SEEDS / "seed-002.txt").read_bytes(),
                           headers={"Content-Type": "text/plain"})
    assert response.status_code == 200
    parsed = response.json
    assert parsed["statements"] and parsed["quotes"] and parsed["speakers"]
    assert client.get("/v1/briefings").json["data"] == []


def test_parse_matches_the_cli_and_the_stored_records(client, post_article):
    path = SEEDS / "seed-000.txt"
    api = client.post("/v1/parse", data=path.read_bytes(), headers={"Content-Type": "text/plain"}).json
    cli = json.loads(CliRunner().invoke(main, ["parse", "--format", "jsonl", str(path)]).output)
    assert cli.pop("file") == str(path)
    assert cli == api
    stored_id = post_article(path).json["id"]
    stored = client.get(f"/v1/briefings/{stored_id}?expand=statements,quotes,figures,speakers").json
    assert stored["id"] == api["id"]
    for kind in ("statements", "quotes", "figures"):
        assert stored[kind] == api[kind]
    assert {s["id"] for s in stored["speakers"]} <= {s["id"] for s in api["speakers"]}


def test_parse_needs_no_key_but_a_usable_article(client):
    response = client.post("/v1/parse", data="", headers={"Content-Type": "text/plain"})
    assert response.status_code == 422 and response.content_type == "application/problem+json"


def test_billion_laughs_is_refused_at_once_and_nothing_is_stored(client, post_article):
    """Issue 11.2: 600 bytes of nested YAML aliases were stored as a 312-million-character briefing."""
    parsed = client.post("/v1/parse", data=BILLION_LAUGHS, headers={"Content-Type": "text/markdown"})
    stored = post_article(BILLION_LAUGHS, content_type="text/markdown")
    for response in (parsed, stored):
        assert response.status_code == 400 and "anchors or aliases" in response.json["detail"]
        assert len(response.data) < 1000
    assert client.get("/v1/briefings").json["data"] == []


def test_keyless_parse_takes_a_bounded_body(client, auth):
    article = ("Minister holds briefing\n\n" + "The minister said the talks would resume. " * 25_000).encode()
    assert 1_000_000 < len(article) < 2 * 1024 * 1024
    keyless = client.post("/v1/parse", data=article, headers={"Content-Type": "text/plain"})
    assert keyless.status_code == 413 and keyless.json["type"] == "/problems/too-large"
    chunked = client.post("/v1/parse", input_stream=io.BytesIO(article), environ_overrides={"wsgi.input_terminated": True},
                          headers={"Content-Type": "text/plain", "Transfer-Encoding": "chunked"})
    assert chunked.status_code == 413 and "262,144 bytes" in chunked.json["detail"]
    keyed = client.post("/v1/parse", data=article[:300_000], headers={**auth, "Content-Type": "text/plain"})
    assert keyed.status_code == 200


def test_a_parse_over_its_time_budget_is_stopped(app, client, monkeypatch):
    """Issue 11.3: a parse that runs on is stopped and answered, and the worker serves the next request."""
    import service.api.parse as parse_view

    app.config["PARSE_SECONDS"] = 0.2
    spins = []

    def endless(text, published=None):
        while True:
            spins.append(1)
            if len(spins) > 10**9:
                return None

    monkeypatch.setattr(parse_view, "parse_text", endless)
    response = client.post("/v1/parse", data="Headline\n\nBody.", headers={"Content-Type": "text/plain"})
    assert response.status_code == 422 and "took longer than 0.2 s" in response.json["detail"]
    count = len(spins)
    monkeypatch.undo()
    assert client.post("/v1/parse", data=(SEEDS / "seed-000.txt").read_bytes(),
                       headers={"Content-Type": "text/plain"}).status_code == 200
    assert len(spins) == count  # the stopped work did not go on
