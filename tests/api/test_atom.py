from xml.etree import ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, **query):
    response = client.get("/v1/statements.atom", query_string=query)
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}id").text and feed.find(f"{ATOM}updated").text
    return feed.findall(f"{ATOM}entry")


def test_feed_of_a_speakers_statements_newest_first(client, seeded):
    found = entries(client, speaker="baloch")
    listed = client.get("/v1/statements", query_string={"speaker": "baloch", "order": "newest"}).json["data"]
    assert [e.find(f"{ATOM}id").text for e in found] == [f"urn:briefings:statement:{s['id']}" for s in listed]
    for entry in found:
        assert entry.find(f"{ATOM}author/{ATOM}name").text == "Mumtaz Zahra Baloch"
        assert entry.find(f"{ATOM}content").text
        assert entry.find(f"{ATOM}link").get("href").startswith("http://localhost/v1/briefings/br_")


def test_feed_filters_by_search_and_limit(client, seeded):
    found = entries(client, q="ceasefire", limit=1)
    assert len(found) == 1 and "ceasefire" in found[0].find(f"{ATOM}content").text.lower()
    assert entries(client, speaker="nobody at all") == []


def test_feed_rejects_unknown_parameters(client):
    response = client.get("/v1/statements.atom?format=csv")
    assert response.status_code == 400 and response.json["parameter"] == "format"
