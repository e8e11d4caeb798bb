"""One speaker record per entity across articles (fixtures/speakers/: four short articles written for this)."""
import pytest

from tests.conftest import FIXTURES

ARTICLES = sorted((FIXTURES / "speakers").glob("*.md"))


@pytest.fixture
def stored(post_article):
    ids = []
    for path in ARTICLES:
        response = post_article(path, content_type="text/markdown")
        assert response.status_code == 201, response.json
        ids.append(response.json["id"])
    return ids


def find(client, q):
    return client.get("/v1/speakers", query_string={"q": q, "limit": 100}).json["data"]


def test_the_same_full_name_in_two_articles_is_one_speaker(client, stored):
    [qadir] = find(client, "Amina Rashid Qadir")
    statements = client.get(f"/v1/speakers/{qadir['id']}/statements", query_string={"limit": 100}).json["data"]
    assert {s["briefing_id"] for s in statements} >= {stored[0], stored[1], stored[3]}


def test_a_surname_with_a_compatible_role_joins_the_known_speaker(client, stored):
    [qadir] = find(client, "qadir")
    statements = client.get(f"/v1/speakers/{qadir['id']}/statements", query_string={"limit": 100}).json["data"]
    assert stored[2] in {s["briefing_id"] for s in statements}
    assert "Qadir" in client.get(f"/v1/speakers/{qadir['id']}").json["aliases"]


def test_different_people_sharing_a_surname_never_merge(client, stored):
    names = sorted(s["name"] for s in find(client, "khan"))
    assert "Farhan Khan" in names and "Sadia Khan" in names
    farhan = next(s for s in find(client, "Farhan Khan"))
    said = client.get(f"/v1/speakers/{farhan['id']}/statements").json["data"]
    assert all(s["briefing_id"] != stored[1] for s in said)
    # an ambiguous surname returns every matching speaker's statements
    by_surname = client.get("/v1/statements", query_string={"speaker": "khan", "limit": 100}).json["data"]
    assert {s["speaker"]["name"] for s in by_surname} >= {"Farhan Khan", "Sadia Khan"}
    assert client.get("/v1/statements", query_string={"speaker": "Farhan Sadia Khan"}).json["data"] == []


def test_roles_are_kept_with_the_dates_they_were_seen(client, stored):
    [qadir] = find(client, "Amina Rashid Qadir")
    detail = client.get(f"/v1/speakers/{qadir['id']}").json
    assert detail["first_seen"] == "2024-03-04" and detail["last_seen"] == "2025-01-15"
    assert detail["role"] == "Ambassador"
    roles = {r["role"]: r for r in detail["roles"]}
    assert roles["Ambassador"]["first_seen"] == "2025-01-15"
    assert any("spokesperson" in role for role in roles)
    assert detail["statement_count"] >= 3 and detail["briefing_count"] == 4
    assert detail["quote_count"] >= 1


def test_speaker_filters_by_kind_and_affiliation(client, stored):
    people = client.get("/v1/speakers", query_string={"kind": "person", "limit": 100}).json["data"]
    assert people and all(s["kind"] == "person" for s in people)
    assert client.get("/v1/speakers", query_string={"kind": "alien"}).status_code == 400


def test_speaker_sublists_404_for_unknown_speakers(client):
    for path in ("/v1/speakers/sp_none/statements", "/v1/speakers/sp_none/quotes"):
        response = client.get(path)
        assert response.status_code == 404 and response.content_type == "application/problem+json"


def test_briefings_filter_by_period_participant_and_host(client, stored, seeded):
    in_2024 = client.get("/v1/briefings", query_string={"since": "2024-01-01", "until": "2024-12-31"}).json["data"]
    assert {b["id"] for b in in_2024} == set(stored[:3])
    later = client.get("/v1/briefings", query_string={"since": "2025-01-01", "limit": 100}).json["data"]
    assert stored[3] in {b["id"] for b in later} and not set(stored[:3]) & {b["id"] for b in later}
    assert client.get("/v1/briefings", query_string={"since": "yesterday"}).json["parameter"] == "since"
    hosted = client.get("/v1/briefings", query_string={"host": "foreign office", "limit": 100}).json["data"]
    assert seeded[0] in {b["id"] for b in hosted}
    with_baloch = client.get("/v1/briefings", query_string={"participant": "baloch"}).json["data"]
    assert seeded[0] in {b["id"] for b in with_baloch}
    participant_id = with_baloch[0]["participants"][0]["id"]
    by_id = client.get("/v1/briefings", query_string={"participant": participant_id}).json["data"]
    assert [b["id"] for b in by_id] == [b["id"] for b in with_baloch]


def test_statements_filter_by_period(client, stored):
    early = client.get("/v1/statements", query_string={"until": "2024-03-31", "limit": 100}).json["data"]
    assert early and {s["briefing_id"] for s in early} == {stored[0]}


def test_pages_of_several_speakers_hold_every_statement_once(client, stored):
    everything = client.get("/v1/statements", query_string={"speaker": "khan", "limit": 100}).json["data"]
    assert len({s["speaker"]["id"] for s in everything}) >= 2
    for order, expected in (("oldest", everything), ("newest", everything[::-1])):
        paged, cursor = [], None
        while True:
            query = {"speaker": "khan", "limit": 1, "order": order, **({"cursor": cursor} if cursor else {})}
            page = client.get("/v1/statements", query_string=query).json
            paged += page["data"]
            cursor = page["next"]
            if cursor is None:
                break
        assert [s["id"] for s in paged] == [s["id"] for s in expected]
