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


def test_keyed_answers_are_never_kept_nor_served_without_the_key(client, auth):
    """Issue 11.1: one keyed GET of a webhook list, then a keyless GET, must not see it."""
    hook = client.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}, headers=auth).json
    for path in ("/v1/webhooks", f"/v1/webhooks/{hook['id']}", f"/v1/webhooks/{hook['id']}/deliveries"):
        keyed = client.get(path, headers=auth)
        assert keyed.status_code == 200 and keyed.headers["Cache-Control"] == "no-store"
        assert "ETag" not in keyed.headers
        assert client.get(path).status_code == 401
        assert client.get(path, headers={"If-None-Match": "*"}).status_code == 401


def test_a_deleted_webhook_is_no_longer_listed(client, auth):
    hook = client.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}, headers=auth).json
    assert [h["id"] for h in client.get("/v1/webhooks", headers=auth).json["data"]] == [hook["id"]]
    assert client.delete(f"/v1/webhooks/{hook['id']}", headers=auth).status_code == 204
    assert client.get("/v1/webhooks", headers=auth).json["data"] == []
    assert client.get(f"/v1/webhooks/{hook['id']}", headers=auth).status_code == 404


def test_a_request_with_credentials_is_answered_afresh(client, seeded, auth, monkeypatch):
    client.get("/v1/statements")
    calls = []
    original = queries.list_statements
    monkeypatch.setattr(queries, "list_statements", lambda **kw: calls.append(kw) or original(**kw))
    keyed = client.get("/v1/statements", headers=auth)
    assert len(calls) == 1 and keyed.headers["Cache-Control"] == "no-store"
    client.get("/v1/statements?limit=2", headers=auth)
    client.get("/v1/statements?limit=2")
    assert len(calls) == 3  # the keyed answer was not kept for the keyless request


def test_with_reads_needing_a_key_no_304_goes_to_a_keyless_request(app, client, seeded, auth):
    app.config["READS_NEED_KEY"] = True
    keyed = client.get("/v1/statements", headers=auth)
    assert keyed.status_code == 200
    again = client.get("/v1/statements", headers={"If-None-Match": keyed.headers["ETag"]})
    assert again.status_code == 401
    assert client.get("/v1/statements").status_code == 401
    assert client.get("/v1/statements", headers={**auth, "If-None-Match": keyed.headers["ETag"]}).status_code == 304


def test_the_host_is_part_of_the_tag(client, seeded):
    """A feed names its own URL: an answer for one Host must not be served for another."""
    poisoned = client.get("/v1/statements.atom", headers={"Host": "attacker.example"})
    assert b"attacker.example" in poisoned.data
    plain = client.get("/v1/statements.atom")
    assert b"attacker.example" not in plain.data and plain.headers["ETag"] != poisoned.headers["ETag"]
