import pytest

from service.store.rows import EXPANSIONS


def test_list_briefings(client, seeded):
    data = client.get("/v1/briefings").json["data"]
    assert [b["id"] for b in data] == seeded
    first = data[0]
    assert first["title"].startswith("Pakistan expresses")
    assert first["text"].startswith(first["title"])
    assert first["created_at"].endswith("Z") and "T" in first["created_at"]
    assert first["source"] == {"publisher": None, "url": None, "published_at": None}
    assert "statements" not in first


def test_kind_filter(client, seeded):
    kinds = {b["kind"] for b in client.get("/v1/briefings").json["data"]}
    for kind in kinds:
        data = client.get("/v1/briefings", query_string={"kind": kind}).json["data"]
        assert data and all(b["kind"] == kind for b in data)
    assert client.get("/v1/briefings?kind=party").status_code == 400


def test_get_briefing_with_every_expansion(client, seeded):
    briefing = client.get(f"/v1/briefings/{seeded[1]}", query_string={"expand": ",".join(EXPANSIONS)}).json
    text = briefing["text"]
    assert briefing["statements"] and briefing["quotes"] and briefing["speakers"]
    for quote in briefing["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    for figure in briefing["figures"]:
        assert text[figure["start"]:figure["end"]] == figure["text"]
    speaker_ids = {s["id"] for s in briefing["speakers"]}
    assert {s["speaker"]["id"] for s in briefing["statements"] if s["speaker"]} <= speaker_ids
    assert all(s["aliases"] for s in briefing["speakers"])


@pytest.mark.parametrize("expand", ["statements", "quotes", "figures", "speakers"])
def test_each_expansion_alone(client, seeded, expand):
    briefing = client.get(f"/v1/briefings/{seeded[0]}", query_string={"expand": expand}).json
    assert expand in briefing
    assert not set(EXPANSIONS) - {expand} & set(briefing)


def test_unknown_expansion_is_a_400(client, seeded):
    response = client.get(f"/v1/briefings/{seeded[0]}?expand=comments")
    assert response.status_code == 400 and response.json["parameter"] == "expand"


def test_unknown_briefing_is_a_404_problem(client, seeded):
    response = client.get("/v1/briefings/br_0000000000000000")
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"
    assert "br_0000000000000000" in response.json["detail"]


def test_unknown_route_is_a_404_problem(client):
    response = client.get("/v1/nothing-here")
    assert response.status_code == 404 and response.json["status"] == 404
