import pytest

BALOCH = "Mumtaz Zahra Baloch"


def walk(client, url, limit, **filters):
    """Every record of a list, page by page, following `next`."""
    records, cursor = [], None
    while True:
        query = {**filters, "limit": limit, **({"cursor": cursor} if cursor else {})}
        response = client.get(url, query_string=query)
        assert response.status_code == 200, response.json
        records.extend(response.json["data"])
        cursor = response.json["next"]
        if cursor is None:
            assert "Link" not in response.headers
            return records
        assert f"cursor={cursor}" in response.headers["Link"] and 'rel="next"' in response.headers["Link"]


@pytest.mark.parametrize("query", ["baloch", "Mumtaz Baloch", "BALOCH", "Balóch", "Baloch, Mumtaz Zahra"])
def test_speaker_matches_whole_words_of_the_name_in_any_case_and_accent(client, seeded, query):
    response = client.get("/v1/statements", query_string={"speaker": query})
    assert response.status_code == 200
    names = {s["speaker"]["name"] for s in response.json["data"]}
    assert names == {BALOCH}


@pytest.mark.parametrize("query", ["loch", "Mumtaz Khan", "zahra baloch x"])
def test_speaker_does_not_match_part_of_a_word_or_a_missing_word(client, seeded, query):
    response = client.get("/v1/statements", query_string={"speaker": query})
    assert response.status_code == 200
    assert response.json["data"] == []


def test_statements_carry_evidence_that_points_at_the_stored_text(client, seeded):
    statements = client.get("/v1/statements", query_string={"speaker": "baloch"}).json["data"]
    assert len(statements) >= 3
    text = client.get(f"/v1/briefings/{statements[0]['briefing_id']}").json["text"]
    for st in statements:
        for part in ("content", "cue", "speaker_mention"):
            span = st[part]
            assert text[span["start"]:span["end"]] == span["text"], (part, span)
        assert st["speaker"]["id"].startswith("sp_")
    contents = [st["content"]["text"] for st in statements]
    assert any(c.startswith("Pakistan condemns the US decision") for c in contents)


def test_speaker_id_is_exact(client, seeded):
    one = client.get("/v1/statements", query_string={"speaker": "baloch"}).json["data"][0]
    by_id = client.get("/v1/statements", query_string={"speaker_id": one["speaker"]["id"]}).json["data"]
    assert by_id and all(s["speaker"]["id"] == one["speaker"]["id"] for s in by_id)
    assert client.get("/v1/statements", query_string={"speaker_id": one["speaker"]["id"][:-1]}).json["data"] == []


def test_briefing_and_type_filters(client, seeded):
    first, second = seeded
    in_first = walk(client, "/v1/statements", 100, briefing=first)
    assert in_first and all(s["briefing_id"] == first for s in in_first)
    for kind in ("direct", "indirect", "mixed"):
        of_kind = client.get("/v1/statements", query_string={"type": kind, "limit": 100}).json["data"]
        assert all(s["type"] == kind for s in of_kind)
    everything = walk(client, "/v1/statements", 100)
    assert len(everything) > len(in_first)


def test_pagination_reaches_the_end_without_loss_or_repeats(client, seeded):
    everything = walk(client, "/v1/statements", 100)
    assert len(everything) > 5
    for limit in (1, 2, 3, 7):
        paged = walk(client, "/v1/statements", limit)
        assert [s["id"] for s in paged] == [s["id"] for s in everything]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ({"speakr": "baloch"}, "speakr"),
        ({"limit": "0"}, "limit"),
        ({"limit": "1000"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"type": "rumour"}, "type"),
        ({"cursor": "not-a-cursor"}, "cursor"),
    ],
)
def test_bad_parameters_are_a_400_problem_naming_the_parameter(client, seeded, query, parameter):
    response = client.get("/v1/statements", query_string=query)
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    problem = response.json
    assert problem["status"] == 400 and problem["title"] and problem["type"]
    assert problem["parameter"] == parameter
    assert parameter in problem["detail"]


def test_etag_and_not_modified(client, seeded):
    response = client.get("/v1/statements?speaker=baloch")
    etag = response.headers["ETag"]
    again = client.get("/v1/statements?speaker=baloch", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    other = client.get("/v1/statements?speaker=baloch&limit=1", headers={"If-None-Match": etag})
    assert other.status_code == 200
