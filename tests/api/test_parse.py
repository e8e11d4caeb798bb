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
