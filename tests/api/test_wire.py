"""Answers are encoded once from the mapper's records: they must be exactly what the schemas would dump."""
import datetime as dt

import pytest
from flask.json.provider import DefaultJSONProvider

from schemas.briefing import BriefingPageSchema, BriefingSchema
from schemas.change import ChangePageSchema
from schemas.figure import FigurePageSchema
from schemas.quote import QuotePageSchema
from schemas.speaker import SpeakerPageSchema
from schemas.statement import StatementPageSchema, StatementSchema

EXPAND = "statements,quotes,figures,speakers"


def answers(client, briefing_id, speaker_id, quoted_id):
    """(schema, body) of every answer that skips the dump, with the records of the seed articles."""
    return [
        (StatementPageSchema(), client.get("/v1/statements?limit=100").json),
        (StatementPageSchema(), client.get("/v1/statements?speaker=baloch&limit=5").json),
        (StatementPageSchema(), client.get("/v1/statements?q=talks").json),
        (StatementPageSchema(), client.get(f"/v1/speakers/{speaker_id}/statements").json),
        (QuotePageSchema(), client.get("/v1/quotes?limit=100").json),
        (QuotePageSchema(), client.get(f"/v1/speakers/{quoted_id}/quotes").json),
        (FigurePageSchema(), client.get("/v1/figures?limit=100").json),
        (SpeakerPageSchema(), client.get("/v1/speakers?limit=100").json),
        (BriefingPageSchema(), client.get("/v1/briefings?q=talks").json),
        (BriefingPageSchema(), client.get("/v1/briefings").json),
        (ChangePageSchema(), client.get("/v1/changes?limit=100").json),
        (BriefingSchema(), client.get(f"/v1/briefings/{briefing_id}?expand={EXPAND}").json),
        (BriefingSchema(), client.get(f"/v1/briefings/{briefing_id}").json),
    ]


def test_every_answer_is_what_its_schema_dumps_and_validates(client, seeded):
    statement = client.get("/v1/statements?speaker=baloch&limit=1").json["data"][0]
    quote = client.get("/v1/quotes?limit=1").json["data"][0]
    checked = 0
    for schema, body in answers(client, seeded[0], statement["speaker"]["id"], quote["speaker"]["id"]):
        records = body.get("data", [body])
        assert records, f"{type(schema).__name__}: nothing to check"
        assert schema.dump(body) == body
        assert schema.validate(body) == {}
        checked += len(records)
    expanded = client.get(f"/v1/briefings/{seeded[0]}?expand={EXPAND}").json
    assert all(expanded[part] for part in EXPAND.split(","))
    assert checked > 20


def test_a_record_with_a_field_the_schema_lacks_would_be_caught(client, seeded):
    body = client.get("/v1/statements?limit=1").json
    body["data"][0]["extra"] = 1
    assert StatementSchema().validate(body["data"][0]) != {}
    assert StatementPageSchema().dump(body) != body


@pytest.mark.parametrize("value", [
    {"when": dt.datetime(2024, 11, 20, 9, 30, tzinfo=dt.timezone.utc), "day": dt.date(2024, 11, 20)},
    {1: "a key that is not a string", "name": "Balóch"},
])
def test_the_encoder_gives_what_flask_would_decoded(app, value):
    flask = DefaultJSONProvider(app)
    flask.sort_keys = False  # as the service had it
    assert app.json.loads(app.json.dumps(value)) == flask.loads(flask.dumps(value))
