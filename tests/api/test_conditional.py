"""Conditional GETs: If-None-Match compares entity tags weakly (RFC 9110 13.1.2), as caches and proxies expect."""
import pytest


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_a_weak_validator_of_the_current_tag_is_not_modified(client, seeded, encoding):
    first = client.get("/v1/statements", query_string={"limit": 100}, headers={"Accept-Encoding": encoding})
    tag = first.headers["ETag"]
    assert not tag.startswith("W/")
    weak = client.get("/v1/statements", query_string={"limit": 100},
                      headers={"Accept-Encoding": encoding, "If-None-Match": f"W/{tag}"})
    assert weak.status_code == 304 and weak.data == b""
    listed = client.get("/v1/statements", query_string={"limit": 100},
                        headers={"Accept-Encoding": encoding, "If-None-Match": f'"other", W/{tag}'})
    assert listed.status_code == 304


def test_a_weak_validator_of_another_tag_gets_the_answer(client, seeded):
    response = client.get("/v1/statements", headers={"If-None-Match": 'W/"not-this-one"'})
    assert response.status_code == 200 and response.json["data"]


def test_after_a_write_the_old_tag_no_longer_matches(client, seeded, auth):
    tag = client.get("/v1/briefings").headers["ETag"]
    assert client.delete(f"/v1/briefings/{seeded[0]}", headers=auth).status_code == 204
    assert client.get("/v1/briefings", headers={"If-None-Match": f"W/{tag}"}).status_code == 200
