"""Transcript turns through the API: /v1/briefings/{id}/turns, expand=turns, exports and the changes feed."""
import json

import pytest

from tests.conftest import FIXTURES

TRANSCRIPT = FIXTURES / "transcripts" / "briefing.txt"


@pytest.fixture
def briefing_id(post_article):
    response = post_article(TRANSCRIPT)
    assert response.status_code == 201, response.json
    return response.json["id"]


def test_turns_in_order_with_their_exchanges(client, briefing_id):
    turns = client.get(f"/v1/briefings/{briefing_id}/turns", query_string={"limit": 100}).json["data"]
    text = client.get(f"/v1/briefings/{briefing_id}").json["text"]
    assert [t["label"]["text"] for t in turns] == ["MS LOWELL", "QUESTION", "MS LOWELL", "QUESTION",
                                                   "AMBASSADOR QUIST", "OPERATOR", "MS LOWELL"]
    assert [t["position"] for t in turns] == list(range(7))
    for t in turns:
        for span in [t["label"], t["text"], *t["directions"]]:
            assert text[span["start"]:span["end"]] == span["text"]
    question, answer = turns[1], turns[2]
    assert question["kind"] == "question" and question["speaker"] is None
    assert question["answered_by"] == [answer["id"]] and answer["answers"] == question["id"]
    assert answer["speaker"]["name"] == "Dana Lowell"
    assert [d["text"] for d in turns[4]["directions"]] == ["(Via interpreter)"]


def test_turns_by_speaker_and_kind(client, briefing_id):
    url = f"/v1/briefings/{briefing_id}/turns"
    quist = client.get(url, query_string={"speaker": "quist"}).json["data"]
    assert [t["text"]["text"] for t in quist] == ["(Via interpreter) The teams leave on Friday."]
    assert len(client.get(url, query_string={"kind": "question"}).json["data"]) == 2
    assert client.get(url, query_string={"speaker": "nobody"}).json["data"] == []
    page = client.get(url, query_string={"limit": 3})
    assert len(page.json["data"]) == 3 and page.json["next"]


def test_turn_statements_and_header(client, briefing_id):
    record = client.get(f"/v1/briefings/{briefing_id}", query_string={"expand": "turns,statements"}).json
    assert (record["kind"], record["host"], record["date"], record["location"]) == (
        "press_briefing", "Dana Lowell", "2023-03-03", "Geneva")
    assert len(record["turns"]) == 7
    turn_statements = [s for s in record["statements"] if s["type"] == "turn"]
    assert turn_statements and all(s["speaker_mention"]["text"] in ("MS LOWELL", "AMBASSADOR QUIST")
                                   for s in turn_statements)
    listed = client.get("/v1/statements", query_string={"type": "turn", "speaker": "Lowell", "limit": 100}).json
    assert {s["speaker"]["name"] for s in listed["data"]} == {"Dana Lowell"}


def test_turns_export_and_changes(client, briefing_id):
    lines = client.get(f"/v1/briefings/{briefing_id}/turns", query_string={"format": "ndjson"}).data.decode()
    assert len(lines.splitlines()) == 7 and json.loads(lines.splitlines()[0])["kind"] == "official"
    changes = client.get("/v1/changes", query_string={"limit": 1000}).json["data"]
    turns = [c for c in changes if c["kind"] == "turn"]
    assert len(turns) == 7 and turns[0]["record"]["label"]["text"] == "MS LOWELL"


def test_deleting_the_briefing_deletes_its_turns(client, auth, briefing_id):
    assert client.delete(f"/v1/briefings/{briefing_id}", headers=auth).status_code == 204
    assert client.get(f"/v1/briefings/{briefing_id}/turns").status_code == 404
    tombstones = [c for c in client.get("/v1/changes", query_string={"limit": 1000}).json["data"]
                  if c["kind"] == "turn" and c["action"] == "deleted"]
    assert len(tombstones) == 7


def test_prose_has_no_turns(client, seeded):
    assert client.get(f"/v1/briefings/{seeded[0]}/turns").json == {"data": [], "next": None}
