"""Answers are kept per data version: repeated GETs skip the query, and any write makes them fresh again."""
from service.store import queries
from tests.conftest import SEEDS


def test_a_repeated_get_is_answered_without_querying_again(client, seeded, monkeypatch):
    first = client.get("/v1/statements?speaker=baloch")
    calls = []
    original = queries.list_statements
    monkeypatch.setattr(queries, "list_statements", lambda **kw: calls.append(kw) or original(**kw))
    again = client.get("/v1/statements?speaker=baloch")
    assert again.status_code == 200 and again.json == first.json and again.headers["ETag"] == first.headers["ETag"]
    assert calls == []
    client.get("/v1/statements?speaker=baloch&limit=3")
    assert len(calls) == 1


def test_a_write_is_seen_at_once(client, post_article, auth):
    assert client.get("/v1/briefings").json["data"] == []
    post_article(SEEDS / "seed-000.txt")
    assert len(client.get("/v1/briefings").json["data"]) == 1
    briefing = client.get("/v1/briefings").json["data"][0]
    assert client.delete(f"/v1/briefings/{briefing['id']}", headers=auth).status_code == 204
    assert client.get("/v1/briefings").json["data"] == []


def test_the_cache_can_be_turned_off(app, client, seeded, monkeypatch):
    app.extensions.pop("briefings.cache")
    client.get("/v1/statements")
    calls = []
    original = queries.list_statements
    monkeypatch.setattr(queries, "list_statements", lambda **kw: calls.append(kw) or original(**kw))
    client.get("/v1/statements")
    assert len(calls) == 1
