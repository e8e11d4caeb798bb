"""Full-text search (`q=`) on statements, quotes and briefings: ranked, highlighted, and safe on any input."""
import pytest


def test_statement_search_is_ranked_with_highlights(client, seeded):
    data = client.get("/v1/statements", query_string={"q": "condemn"}).json["data"]
    assert data
    scores = [s["match"]["score"] for s in data]
    assert scores == sorted(scores, reverse=True)
    for record in data:
        snippet = record["match"]["snippet"]
        assert snippet["highlights"]
        for start, end in snippet["highlights"]:
            assert snippet["text"][start:end].lower().startswith("condemn")


def test_stemming_and_accents(client, seeded):
    assert client.get("/v1/statements", query_string={"q": "condemned"}).json["data"]
    assert client.get("/v1/briefings", query_string={"q": "ISLÁMABAD"}).json["data"]


def test_phrase_and_prefix(client, seeded):
    phrase = client.get("/v1/statements", query_string={"q": '"ceasefire resolution"'}).json["data"]
    assert phrase and all("ceasefire resolution" in s["content"]["text"] for s in phrase)
    scrambled = client.get("/v1/statements", query_string={"q": '"resolution ceasefire"'}).json["data"]
    assert scrambled == []
    prefix = client.get("/v1/quotes", query_string={"q": "uncondition*"}).json["data"]
    assert prefix and all("unconditional" in q["text"] for q in prefix)


def test_search_combines_with_filters(client, seeded):
    everything = client.get("/v1/statements", query_string={"q": "Pakistan", "limit": 100}).json["data"]
    hers = client.get("/v1/statements", query_string={"q": "Pakistan", "speaker": "baloch", "limit": 100}).json["data"]
    assert hers and len(hers) < len(everything)
    assert all(s["speaker"]["name"] == "Mumtaz Zahra Baloch" for s in hers)


def test_search_pages_through_the_ranking(client, seeded):
    everything = client.get("/v1/briefings", query_string={"q": "Pakistan", "limit": 100}).json["data"]
    first = client.get("/v1/briefings", query_string={"q": "Pakistan", "limit": 1}).json
    assert first["data"][0]["id"] == everything[0]["id"]
    if len(everything) > 1:
        second = client.get("/v1/briefings", query_string={"q": "Pakistan", "limit": 1, "cursor": first["next"]}).json
        assert second["data"][0]["id"] == everything[1]["id"]


@pytest.mark.parametrize("q", ["covid-19", "o'brien", '"unbalanced', "AND OR NOT", "*", "((", "NEAR(a b)", "?!", "'"])
@pytest.mark.parametrize("path", ["/v1/statements", "/v1/quotes", "/v1/briefings"])
def test_any_user_input_is_answered_without_error(client, seeded, q, path):
    response = client.get(path, query_string={"q": q})
    assert response.status_code == 200, response.json
    assert isinstance(response.json["data"], list)


def test_unbalanced_quote_runs_to_the_end(client, seeded):
    data = client.get("/v1/statements", query_string={"q": '"ceasefire resolution'}).json["data"]
    assert data and all("ceasefire resolution" in s["content"]["text"] for s in data)


def test_results_without_q_carry_no_match(client, seeded):
    assert "match" not in client.get("/v1/statements").json["data"][0]
