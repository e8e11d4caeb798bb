"""Cursors: opaque, of the pattern the spec declares, and every value of that pattern is accepted."""
import base64
import re

import yaml

from schemas.common import CURSOR_PATTERN
from tests.test_openapi import COMMITTED


def test_every_list_declares_the_cursor_pattern():
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    declared = [p["schema"]["pattern"] for item in spec["paths"].values() for op in item.values()
                if isinstance(op, dict) for p in op.get("parameters", []) if p["name"] in ("cursor", "since")
                and p["schema"]["type"] == "string" and "format" not in p["schema"] and "pattern" in p["schema"]]
    assert declared and set(declared) == {CURSOR_PATTERN}


def test_pages_continue_through_cursors_of_the_pattern(client, seeded):
    first = client.get("/v1/statements?limit=2").json
    assert re.fullmatch(CURSOR_PATTERN, first["next"])
    second = client.get("/v1/statements", query_string={"limit": 2, "cursor": first["next"]}).json
    assert not {s["id"] for s in first["data"]} & {s["id"] for s in second["data"]}


def test_any_value_of_the_pattern_is_a_cursor(client, seeded):
    for cursor in ("", "0", "abc", "fffffffffffffff", "7fffffffffffffff"):
        assert client.get("/v1/statements", query_string={"cursor": cursor}).status_code == 200, cursor
    assert client.get("/v1/statements", query_string={"cursor": "fffffffffffffff"}).json == {"data": [], "next": None}


def test_a_cursor_of_another_form_is_a_400_naming_it(client):
    for cursor in ("xyz", "8" + "0" * 15, "1" * 17, "ABC", "-1"):
        response = client.get("/v1/changes", query_string={"since": cursor})
        assert response.status_code == 400 and response.json["parameter"] == "since", cursor


def test_cursors_handed_out_before_still_work(client, seeded):
    legacy = base64.urlsafe_b64encode(b"c1:2").decode().rstrip("=")
    assert client.get("/v1/statements", query_string={"cursor": legacy}).json == \
        client.get("/v1/statements", query_string={"cursor": "2"}).json


def test_a_transcripts_turns_can_be_counted(client, post_article):
    briefing = post_article("Talks resume\n\nThe envoy said talks would resume.").json["id"]
    response = client.get(f"/v1/briefings/{briefing}/turns", query_string={"count": "true"})
    assert response.status_code == 200 and response.json["count"] == len(response.json["data"])
