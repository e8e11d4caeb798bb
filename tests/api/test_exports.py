"""Exports: every list streams NDJSON and CSV; fields= trims records; large answers are compressed."""
import csv
import gzip
import io
import json
import zlib

import pytest

LISTS = ["/v1/statements", "/v1/quotes", "/v1/figures", "/v1/speakers", "/v1/briefings", "/v1/changes"]


def every_page(client, path):
    records, cursor = [], None
    while True:
        page = client.get(path, query_string={"limit": 100, **({"cursor": cursor} if cursor else {})}).json
        records += page["data"]
        cursor = page["next"]
        if cursor is None:
            return records


@pytest.mark.parametrize("path", LISTS[:-1])
def test_ndjson_holds_every_record_of_every_page(client, seeded, path):
    response = client.get(path, query_string={"format": "ndjson", "limit": 1})
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    assert response.is_streamed
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert lines == every_page(client, path)


def test_accept_header_chooses_the_format(client, seeded):
    for accept in ("application/x-ndjson", "text/csv"):
        response = client.get("/v1/statements", headers={"Accept": accept})
        assert response.mimetype == accept
        response.close()
    assert client.get("/v1/statements", headers={"Accept": "text/csv"}, query_string={"format": "json"}).is_json


def test_csv_flattens_nested_fields(client, seeded):
    response = client.get("/v1/statements", query_string={"format": "csv", "speaker": "baloch"})
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows and {"speaker.name", "content.text", "content.start", "cue.text"} <= set(rows[0])
    assert all(r["speaker.name"] == "Mumtaz Zahra Baloch" for r in rows)
    text = client.get(f"/v1/briefings/{rows[0]['briefing_id']}").json["text"]
    for row in rows:
        assert text[int(row["content.start"]):int(row["content.end"])] == row["content.text"]


def test_fields_keeps_only_the_named_fields(client, seeded):
    page = client.get("/v1/statements", query_string={"fields": "id,speaker"}).json
    assert page["data"] and all(set(r) == {"id", "speaker"} for r in page["data"])
    lines = client.get("/v1/quotes", query_string={"fields": "text", "format": "ndjson"}).get_data(as_text=True)
    assert all(set(json.loads(line)) == {"text"} for line in lines.splitlines())
    header = client.get("/v1/figures", query_string={"fields": "value,kind", "format": "csv"}).get_data(as_text=True)
    assert header.splitlines()[0] == "value,kind"
    bad = client.get("/v1/statements", query_string={"fields": "id,password"})
    assert bad.status_code == 400 and bad.json["parameter"] == "fields" and "password" in bad.json["detail"]


def test_changes_export_as_ndjson(client, seeded):
    lines = client.get("/v1/changes", query_string={"format": "ndjson"}).get_data(as_text=True).splitlines()
    changes = [json.loads(line) for line in lines]
    assert [c["seq"] for c in changes] == sorted(c["seq"] for c in changes)
    assert {c["action"] for c in changes} <= {"created", "updated"}
    assert len([c for c in changes if c["kind"] == "briefing"]) == 2


def test_large_answers_are_compressed_and_keep_their_etag(client, seeded):
    plain = client.get("/v1/changes", query_string={"limit": 100})
    assert len(plain.data) > 14 * 1024
    zipped = client.get("/v1/changes", query_string={"limit": 100}, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(zipped.data)) == plain.json
    assert "Accept-Encoding" in zipped.headers["Vary"]
    again = client.get("/v1/changes", query_string={"limit": 100},
                       headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304


def test_answers_that_fit_in_the_first_round_trip_are_not_compressed(client, seeded):
    small = client.get("/v1/statements", query_string={"limit": 100}, headers={"Accept-Encoding": "gzip"})
    assert 1024 < len(small.data) < 14 * 1024
    assert "Content-Encoding" not in small.headers
    assert small.json["data"]


@pytest.mark.parametrize("encoding, decompress", [("deflate", zlib.decompress), ("gzip", gzip.decompress)])
@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
def test_streams_are_compressed_too(client, seeded, encoding, decompress, fmt):
    response = client.get("/v1/statements", query_string={"format": fmt}, headers={"Accept-Encoding": encoding})
    assert response.is_streamed and response.headers["Content-Encoding"] == encoding
    body = decompress(response.data).decode()
    rows = list(csv.DictReader(io.StringIO(body))) if fmt == "csv" else body.splitlines()
    assert len(rows) == len(every_page(client, "/v1/statements"))


def test_exports_have_etags(client, seeded):
    first = client.get("/v1/statements", query_string={"format": "csv"})
    assert first.headers["ETag"]
    first.close()
    again = client.get("/v1/statements", query_string={"format": "csv"}, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_csv_cells_are_json_arrays_and_keep_every_character(client, seeded, post_article):
    assert post_article("Ministry holds briefing\n\nMinister Zoë Müller said the €300 million plan would "
                        "go ahead, and she said “talks resume”.").status_code == 201
    response = client.get("/v1/briefings?format=csv")
    assert response.headers["Content-Disposition"] == 'attachment; filename="briefings.csv"'
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert "statements" not in rows[0] and "match" not in rows[0]  # columns no list record ever fills
    for row in rows:
        assert all(isinstance(p, dict) and p["id"] for p in json.loads(row["participants"]))
    assert any("Zoë Müller" in row["text"] and "€300" in row["text"] for row in rows)
    speakers = list(csv.DictReader(io.StringIO(client.get("/v1/speakers?format=csv").get_data(as_text=True))))
    assert any("Zoë Müller" in json.loads(s["aliases"]) for s in speakers)
    statements = client.get("/v1/statements?format=ndjson")
    assert statements.headers["Content-Disposition"] == 'attachment; filename="statements.ndjson"'
    table = list(csv.DictReader(io.StringIO(client.get("/v1/statements?format=csv").get_data(as_text=True))))
    assert all(isinstance(json.loads(r["quote_ids"]), list) for r in table)
    with_match = client.get("/v1/statements?format=csv&q=ceasefire&fields=id,match").get_data(as_text=True)
    assert with_match.splitlines()[0].startswith("id,match.score")
