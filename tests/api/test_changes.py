"""The changes feed lets a consumer mirror the records through ingest, re-parse and delete."""
import pytest

from service import extract
from service.store.ingest import reparse
from service.store.models import database
from tests.conftest import SEEDS

KIND_URL = {"briefing": "/v1/briefings", "statement": "/v1/statements", "quote": "/v1/quotes",
            "figure": "/v1/figures", "speaker": "/v1/speakers"}


def poll(client, mirror, since):
    """Apply every change after `since` to `mirror` ({(kind, id): record}); return where to continue."""
    while True:
        query = {"limit": 7, **({"since": since} if since else {})}
        page = client.get("/v1/changes", query_string=query).json
        for change in page["data"]:
            key = (change["kind"], change["id"])
            if change["action"] == "deleted":
                assert change["record"] is None
                mirror.pop(key, None)
            elif change["record"] is not None:
                mirror[key] = change["record"]
        if page["next"] == since or not page["data"]:
            return page["next"]
        since = page["next"]


def source(client):
    """Every record the API lists, keyed as in the mirror."""
    state = {}
    for kind, url in KIND_URL.items():
        cursor = None
        while True:
            page = client.get(url, query_string={"limit": 100, **({"cursor": cursor} if cursor else {})}).json
            state.update({(kind, r["id"]): r for r in page["data"]})
            cursor = page["next"]
            if cursor is None:
                break
    return state


def drop_last_statement(doc):
    """A 'new parser' for the test: the same records, less the last statement."""
    if doc.statements:
        doc.statements.pop()
    return doc


def test_a_mirror_follows_ingest_reparse_and_delete(client, seeded, post_article, auth, monkeypatch):
    mirror = {}
    since = poll(client, mirror, None)
    assert mirror == source(client) and mirror

    with database.connection_context():
        same = reparse(seeded[0])
    assert same.created == same.updated == same.deleted == 0
    assert client.get("/v1/changes", query_string={"since": since}).json["data"] == []

    monkeypatch.setattr(extract, "STAGES", extract.STAGES + (drop_last_statement,))
    with database.connection_context():
        diff = reparse(seeded[0])
    assert diff.deleted >= 1
    changes = client.get("/v1/changes", query_string={"since": since, "limit": 1000}).json["data"]
    assert {c["action"] for c in changes} >= {"deleted"}
    assert all(c["briefing_id"] == seeded[0] for c in changes if c["kind"] != "speaker")
    since = poll(client, mirror, since)
    assert mirror == source(client)

    assert client.delete(f"/v1/briefings/{seeded[1]}", headers=auth).status_code == 204
    assert client.get(f"/v1/briefings/{seeded[1]}").status_code == 404
    since = poll(client, mirror, since)
    assert mirror == source(client)
    assert not any(r.get("briefing_id") == seeded[1] for r in mirror.values())


def test_changes_reject_a_bad_since(client):
    response = client.get("/v1/changes?since=bogus")
    assert response.status_code == 400 and response.json["parameter"] == "since"


def test_delete_needs_a_key_and_an_existing_briefing(client, seeded, auth):
    assert client.delete(f"/v1/briefings/{seeded[0]}").status_code == 401
    assert client.delete("/v1/briefings/br_missing", headers=auth).status_code == 404


@pytest.mark.parametrize("path", ["/v1/statements", "/v1/changes"])  # /health is never cached: it checks the schema
def test_etag_changes_when_the_data_does(client, post_article, path):
    first = client.get(path)
    assert client.get(path, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    post_article(SEEDS / "seed-000.txt")
    after = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert after.status_code == 200 and after.headers["ETag"] != first.headers["ETag"]


def test_the_link_header_continues_where_next_does(client, seeded):
    """Following `Link: rel="next"` is the same as passing `next` as `since`; the link is never refused."""
    first = client.get("/v1/changes?limit=3")
    link = first.headers["Link"]
    assert link.endswith('>; rel="next"') and "cursor=" not in link
    target = link[1:link.index(">")].removeprefix("http://localhost")
    followed = client.get(target)
    assert followed.status_code == 200
    assert followed.json == client.get("/v1/changes", query_string={"limit": 3, "since": first.json["next"]}).json
