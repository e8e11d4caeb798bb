"""Issue 11.4: control characters (but tab, CR, LF) are refused everywhere with a 400 naming the field,
and one broken subscription never fails an ingest."""
import json

import pytest

from service.store.models import Webhook, database
from tests.conftest import SEEDS


@pytest.mark.parametrize("path, name", [
    ("/v1/statements?speaker=ba%00loch", "speaker"),
    ("/v1/statements?q=%1b[31m", "q"),
    ("/v1/briefings/br_%00x", "briefing_id"),
    ("/v1/speakers/sp_%7f", "speaker_id"),
    ("/v1/quotes?speaker_id=sp_%c2%85", "speaker_id"),
    ("/v1/figures?kind%00=count", "kind\x00"),
])
def test_parameters_with_control_characters_are_a_400(client, path, name):
    response = client.get(path)
    assert response.status_code == 400 and response.json["parameter"] == name
    assert "control characters" in response.json["detail"]


@pytest.mark.parametrize("field", ["title", "text", "url", "publisher"])
def test_article_fields_with_control_characters_are_a_400(client, post_article, field):
    article = {"title": "Talks resume", "text": "Talks resume\n\nThe envoy said\ttalks would resume.\r\n"}
    article[field] = article.get(field, "x") + "\x00"
    response = post_article(json.dumps(article), content_type="application/json")
    assert response.status_code == 400 and response.json["field"] == field
    assert client.get("/v1/briefings").json["data"] == []


def test_text_articles_with_control_characters_are_a_400(post_article, client):
    response = post_article("Headline\n\nThe minister said\x1b talks would resume.", content_type="text/markdown")
    assert response.status_code == 400 and response.json["field"] == "text"
    assert post_article("Headline\n\nThe minister\tsaid talks\r\nwould resume.").status_code == 201


def test_webhook_fields_with_control_characters_are_a_400(client, auth):
    for body, field in (({"url": "http://127.0.0.1:9/\x00"}, "url"),
                        ({"url": "http://127.0.0.1:9/", "filters": {"speaker": "a\x00b"}}, "filters.speaker")):
        response = client.post("/v1/webhooks", json=body, headers=auth)
        assert response.status_code == 400 and response.json["field"] == field
    assert client.get("/v1/webhooks", headers=auth).json["data"] == []


@pytest.mark.parametrize("filters", ['{"speaker": "a\\u0000b"}', '{"unknown_filter": 1}'])
def test_a_broken_subscription_never_fails_an_ingest(app, client, auth, post_article, filters):
    good = client.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/ok", "filters": {"speaker": "baloch"}},
                       headers=auth).json
    with database.connection_context():  # written past the API, as an older version could have stored it
        Webhook.create(id="wh_broken", url="http://127.0.0.1:9/bad", secret="whsec_AAAA", kind="statement",
                       filters=filters)
    response = post_article(SEEDS / "seed-000.txt")
    assert response.status_code == 201
    assert client.get(f"/v1/webhooks/{good['id']}/deliveries", headers=auth).json["data"]
    assert client.get("/v1/webhooks/wh_broken/deliveries", headers=auth).json["data"] == []
