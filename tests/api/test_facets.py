"""facet= and count= on every list: counts over every matching record, never over the page."""
import json
from collections import Counter

import pytest

from tests.conftest import FIXTURES


@pytest.fixture
def corpus(seeded, post_article):
    """The seeds and the fixture articles: several briefing kinds, speakers and ceasefire statements."""
    for path in sorted((FIXTURES / "articles").iterdir()):
        kind = "text/markdown" if path.suffix == ".md" else "text/plain"
        assert post_article(path, content_type=kind).status_code == 201
    return seeded


def export(client, path, **query):
    response = client.get(path, query_string={**query, "format": "ndjson"})
    assert response.status_code == 200
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


def as_counter(facet):
    return Counter({v["value"]: v["count"] for v in facet["values"]})


def test_speaker_facet_and_count_equal_the_full_export(client, corpus):
    page = client.get("/v1/statements?facet=speaker&q=ceasefire&count=true&limit=1").json
    records = export(client, "/v1/statements", q="ceasefire")
    assert len(records) > 1 and len(page["data"]) == 1  # counts are over all matches, not the page
    assert page["count"] == len(records)
    expected = Counter(r["speaker"]["id"] if r["speaker"] else None for r in records)
    assert not page["facets"]["speaker"]["more"]
    assert as_counter(page["facets"]["speaker"]) == expected
    names = {r["speaker"]["id"]: r["speaker"]["name"] for r in records if r["speaker"]}
    assert all(v["label"] == names.get(v["value"]) for v in page["facets"]["speaker"]["values"])


def test_facets_on_the_briefing_equal_the_export(client, corpus):
    briefings = {b["id"]: b for b in export(client, "/v1/briefings")}
    page = client.get("/v1/statements?facet=briefing_kind&facet=month,type&limit=1").json
    records = export(client, "/v1/statements")
    assert as_counter(page["facets"]["briefing_kind"]) == Counter(briefings[r["briefing_id"]]["kind"] for r in records)
    assert len(page["facets"]["briefing_kind"]["values"]) > 1
    assert sum(v["count"] for v in page["facets"]["month"]["values"]) == len(records)
    assert as_counter(page["facets"]["type"]) == Counter(r["type"] for r in records)
    assert "count" not in page


def test_facets_follow_the_filters(client, corpus):
    speaker = client.get("/v1/statements?facet=speaker").json["facets"]["speaker"]["values"][0]
    page = client.get("/v1/statements", query_string={"speaker_id": speaker["value"], "facet": "speaker",
                                                      "count": "true"}).json
    assert page["count"] == speaker["count"]
    assert page["facets"]["speaker"]["values"] == [speaker]


def test_figure_and_quote_facets(client, corpus):
    page = client.get("/v1/figures?facet=kind,unit&count=true&limit=1").json
    figures = export(client, "/v1/figures")
    assert page["count"] == len(figures)
    assert as_counter(page["facets"]["kind"]) == Counter(f["kind"] for f in figures)
    assert as_counter(page["facets"]["unit"]) == Counter(f["unit"] for f in figures)
    quotes = client.get("/v1/quotes?facet=speaker&facet_size=100&count=true").json
    assert sum(v["count"] for v in quotes["facets"]["speaker"]["values"]) == quotes["count"]
    assert quotes["count"] == len(export(client, "/v1/quotes"))


def test_briefing_and_speaker_facets(client, corpus):
    page = client.get("/v1/briefings?facet=kind&count=true").json
    assert as_counter(page["facets"]["kind"]) == Counter(b["kind"] for b in export(client, "/v1/briefings"))
    assert page["count"] == len(corpus) + 4
    speakers = client.get("/v1/speakers?facet=kind").json
    assert as_counter(speakers["facets"]["kind"]) == Counter(s["kind"] for s in export(client, "/v1/speakers"))


def test_a_facet_is_cut_at_its_size_most_frequent_first(client, corpus):
    full = client.get("/v1/statements?facet=speaker&facet_size=100").json["facets"]["speaker"]
    top = client.get("/v1/statements?facet=speaker&facet_size=2").json["facets"]["speaker"]
    assert len(full["values"]) > 2 and not full["more"]
    assert top["more"] and top["values"] == full["values"][:2]
    counts = [v["count"] for v in full["values"]]
    assert counts == sorted(counts, reverse=True)


def test_an_export_gives_its_count_in_a_header(client, corpus):
    response = client.get("/v1/quotes?q=ceasefire&count=true&facet=speaker&format=csv")
    assert response.status_code == 200
    rows = response.get_data(as_text=True).splitlines()[1:]
    assert rows and response.headers["X-Total-Count"] == str(len(rows))
    assert "X-Total-Count" not in client.get("/v1/quotes?format=csv").headers


def test_a_search_with_no_word_counts_nothing(client, corpus):
    page = client.get("/v1/statements?q=%3F%21&facet=speaker&count=true").json
    assert page == {"data": [], "next": None, "facets": {"speaker": {"values": [], "more": False}}, "count": 0}


@pytest.mark.parametrize("query, parameter", [
    ("/v1/statements?facet=unit", "facet"),  # statements have no unit
    ("/v1/figures?facet=speaker", "facet"),
    ("/v1/statements?facet=speaker&facet_size=1000", "facet_size"),
    ("/v1/statements?count=maybe", "count"),
])
def test_bad_facets_are_errors(client, query, parameter):
    response = client.get(query)
    assert response.status_code == 400 and response.json["parameter"] == parameter
