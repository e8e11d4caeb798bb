import io
import json

from tests.conftest import SEEDS

SEED = SEEDS / "seed-000.txt"


def test_writes_need_a_valid_key(client):
    body = SEED.read_bytes()
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic dGVzdA=="}):
        response = client.post("/v1/articles", data=body, headers={**headers, "Content-Type": "text/plain"})
        assert response.status_code == 401
        assert response.content_type == "application/problem+json"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/v1/briefings").json["data"] == []


def test_ingest_then_duplicate(client, post_article):
    first = post_article(SEED)
    assert first.status_code == 201
    assert first.headers["Location"].endswith(f"/v1/briefings/{first.json['id']}")
    second = post_article(SEED)
    assert second.status_code == 200
    assert second.json["id"] == first.json["id"]
    assert len(client.get("/v1/briefings").json["data"]) == 1
    statements = client.get("/v1/statements?limit=100").json["data"]
    post_article(SEED)
    assert client.get("/v1/statements?limit=100").json["data"] == statements


def test_ingest_json_with_metadata(client, post_article):
    article = {"title": "Ministry holds briefing", "text": 'The minister said the talks "went well".',
               "url": "https://example.org/a", "published_at": "2024-11-20T09:30:00+05:00", "publisher": "Example"}
    response = post_article(json.dumps(article), content_type="application/json")
    assert response.status_code == 201, response.json
    briefing = response.json
    assert briefing["title"] == "Ministry holds briefing"
    assert briefing["text"].startswith("Ministry holds briefing\n\nThe minister said")
    assert briefing["source"] == {"publisher": "Example", "url": "https://example.org/a",
                                  "published_at": "2024-11-20T04:30:00Z"}


def test_ingest_markdown_with_front_matter(post_article):
    body = "---\ntitle: Talks resume\npublisher: Example\n---\nTalks resume\n\nThe envoy said talks would resume.\n"
    response = post_article(body, content_type="text/markdown")
    assert response.status_code == 201, response.json
    assert response.json["title"] == "Talks resume" and response.json["source"]["publisher"] == "Example"


def test_ingest_returns_requested_expansions(post_article):
    response = post_article(SEED, expand="statements")
    assert response.status_code == 201 and response.json["statements"]


def test_unusable_articles_are_rejected_and_nothing_is_stored(client, post_article):
    cases = [
        ("", "text/plain", 422),
        ("   \n ", "text/plain", 422),
        (b"\xff\xfe\x00bad", "text/plain", 400),
        ("null", "text/markdown", 422),
        ("{}", "text/plain", 422),
        (json.dumps({"title": "No text"}), "application/json", 422),
        (json.dumps({"text": 5}), "application/json", 422),
        (json.dumps([{"text": "a"}, {"text": "b"}]), "application/json", 422),
        ("{not json", "application/json", 400),
        ('{"text": "truncated', "application/json", 400),
        ('{"text": "a lone surrogate \\ud800 here"}', "application/json", 422),
        ("<p>hi</p>", "text/html", 415),
    ]
    for body, content_type, status in cases:
        response = post_article(body, content_type=content_type)
        assert response.status_code == status, (body, response.json)
        assert response.content_type == "application/problem+json"
        assert response.json["detail"]
    assert client.get("/v1/briefings").json["data"] == []


def test_body_over_the_limit_is_a_413(app, client, post_article):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = post_article("x" * 2000)
    assert response.status_code == 413 and response.content_type == "application/problem+json"


def _chunked(client, path, body, headers):
    """A body sent without Content-Length, as gunicorn hands a chunked upload over (wsgi.input_terminated)."""
    return client.post(path, input_stream=io.BytesIO(body), headers={**headers, "Transfer-Encoding": "chunked"},
                       environ_overrides={"wsgi.input_terminated": True})


def test_a_chunked_body_over_the_limit_is_a_413_and_nothing_is_stored(client, auth):
    """Issue 11.5: a 3 MB chunked upload was stored cut at exactly 2 MiB."""
    body = ("Minister holds briefing\n\n" + "The minister said the talks would resume. " * 72_000).encode()
    assert len(body) > 3_000_000
    response = _chunked(client, "/v1/articles", body, {**auth, "Content-Type": "text/plain"})
    assert response.status_code == 413 and response.content_type == "application/problem+json"
    assert client.get("/v1/briefings").json["data"] == []
    response = _chunked(client, "/v1/webhooks", b'{"url": "http://127.0.0.1:9/' + b"a" * 3_000_000 + b'"}',
                        {**auth, "Content-Type": "application/json"})
    assert response.status_code == 413


def test_a_chunked_body_within_the_limit_is_read_whole(client, auth):
    body = ("Minister holds briefing\n\n" + "The minister said the talks would resume. " * 1000).encode()
    response = _chunked(client, "/v1/articles", body, {**auth, "Content-Type": "text/plain"})
    assert response.status_code == 201
    assert client.get(f"/v1/briefings/{response.json['id']}").json["text"] == body.decode().rstrip()
