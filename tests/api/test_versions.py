"""An article sent again is a version of the briefing it matches (the same text or the same url), never a new one."""
import json

ARTICLE = {"title": "Ministry holds briefing", "text": "The minister said talks would resume.",
           "url": "https://example.org/briefing-1", "publisher": "Example"}


def send(post_article, **changes):
    return post_article(json.dumps({**ARTICLE, **changes}), content_type="application/json")


def changes_since(client, since):
    return [(c["kind"], c["action"]) for c in client.get("/v1/changes", query_string={"since": since}).json["data"]]


def test_an_edited_text_at_the_same_url_is_the_next_version_of_the_same_briefing(client, post_article):
    first = send(post_article)
    assert first.status_code == 201
    since = client.get("/v1/changes").json["next"]
    edited = send(post_article, text="The minister said talks would resume on Monday.")
    assert edited.status_code == 200, edited.json
    assert edited.json["id"] == first.json["id"] and edited.json["text"].endswith("resume on Monday.")
    assert edited.json["content_hash"] != first.json["content_hash"]
    assert [b["id"] for b in client.get("/v1/briefings").json["data"]] == [first.json["id"]]
    statements = client.get("/v1/statements", query_string={"briefing": first.json["id"]}).json["data"]
    assert [s["content"]["text"] for s in statements] == ["talks would resume on Monday"]
    feed = changes_since(client, since)
    assert ("briefing", "updated") in feed and ("briefing", "created") not in feed
    assert ("statement", "created") in feed and ("statement", "deleted") in feed


def test_the_same_text_with_new_metadata_updates_the_metadata(client, post_article):
    first = send(post_article)
    since = client.get("/v1/changes").json["next"]
    again = send(post_article, publisher="Another publisher", published_at="2024-11-20T09:00:00Z",
                 url="https://example.org/moved")
    assert again.status_code == 200 and again.json["id"] == first.json["id"]
    assert again.json["source"] == {"publisher": "Another publisher", "url": "https://example.org/moved",
                                    "published_at": "2024-11-20T09:00:00Z"}
    assert client.get(f"/v1/briefings/{first.json['id']}").json["source"] == again.json["source"]
    assert changes_since(client, since) == [("briefing", "updated")]


def test_the_same_article_again_writes_nothing(client, post_article):
    first = send(post_article)
    since = client.get("/v1/changes").json["next"]
    again = send(post_article)
    assert again.status_code == 200 and again.json == first.json
    assert changes_since(client, since) == []


def test_articles_without_a_url_are_versions_only_by_their_text(client, post_article):
    one = send(post_article, url=None)
    other = send(post_article, url=None, text="The minister said talks had ended.")
    assert one.status_code == other.status_code == 201 and one.json["id"] != other.json["id"]
