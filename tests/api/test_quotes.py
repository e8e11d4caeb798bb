def test_quotes_point_at_the_text_and_filter_by_briefing(client, seeded):
    quotes = client.get("/v1/quotes", query_string={"briefing": seeded[0], "limit": 100}).json["data"]
    assert quotes
    text = client.get(f"/v1/briefings/{seeded[0]}").json["text"]
    for quote in quotes:
        assert quote["briefing_id"] == seeded[0]
        assert text[quote["start"]:quote["end"]] == quote["text"]
        assert text[quote["start"] - 1] in "\"“'‘"


def test_quotes_by_speaker(client, seeded):
    everything = client.get("/v1/quotes?limit=100").json["data"]
    named = [q for q in everything if q["speaker"]]
    assert named
    speaker = named[0]["speaker"]
    by_name = client.get("/v1/quotes", query_string={"speaker": speaker["name"], "limit": 100}).json["data"]
    assert by_name and all(q["speaker"]["name"] == speaker["name"] for q in by_name)
    by_id = client.get("/v1/quotes", query_string={"speaker_id": speaker["id"], "limit": 100}).json["data"]
    assert [q["id"] for q in by_id] == [q["id"] for q in by_name]


def test_quotes_reject_unknown_parameters(client):
    response = client.get("/v1/quotes?kind=count")
    assert response.status_code == 400 and response.json["parameter"] == "kind"
