def test_speaker_search_and_lookup(client, seeded):
    found = client.get("/v1/speakers", query_string={"q": "baloch"}).json["data"]
    assert [s["name"] for s in found] == ["Mumtaz Zahra Baloch"]
    speaker = client.get(f"/v1/speakers/{found[0]['id']}").json
    assert speaker["name"] == "Mumtaz Zahra Baloch" and speaker["kind"] == "person"
    assert "Mumtaz Zahra Baloch" in speaker["aliases"]


def test_speakers_list_pages(client, seeded):
    everything = client.get("/v1/speakers?limit=100").json["data"]
    assert len(everything) >= 3
    first = client.get("/v1/speakers?limit=1").json
    assert first["data"][0]["id"] == everything[0]["id"] and first["next"]


def test_one_speaker_across_articles(client, seeded):
    """Both seed articles name Pakistan as a speaker: one record, not two."""
    found = client.get("/v1/speakers", query_string={"q": "pakistan", "limit": 100}).json["data"]
    assert [s["name"] for s in found].count("Pakistan") == 1


def test_unknown_speaker_is_a_404(client):
    response = client.get("/v1/speakers/sp_nobody")
    assert response.status_code == 404 and response.content_type == "application/problem+json"
