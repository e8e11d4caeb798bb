"""A typed client generated from openapi.yaml with openapi-python-client works against a served instance.

The client is generated once per session into a temporary folder; the service
runs on 127.0.0.1 on a free port, on a SQLite database holding the seed articles.
"""
import importlib
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from werkzeug.serving import make_server

from tests.conftest import API_KEY
from tests.test_openapi import COMMITTED, seeded_app

GENERATOR = Path(sys.executable).with_name("openapi-python-client")


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """The generated package, imported: ``briefings_client``."""
    root = tmp_path_factory.mktemp("client")
    config = root / "config.yaml"
    config.write_text("package_name_override: briefings_client\npost_hooks: []\n")
    result = subprocess.run([str(GENERATOR), "generate", "--path", str(COMMITTED), "--meta", "none",
                             "--config", str(config), "--output-path", str(root / "briefings_client")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("briefings_client")
    finally:
        sys.path.remove(str(root))


@pytest.fixture(scope="module")
def base_url():
    server = make_server("127.0.0.1", 0, seeded_app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def api(generated, name):
    return importlib.import_module(f"briefings_client.api.{name}")


def models(generated):
    return importlib.import_module("briefings_client.models")


def test_statements_come_with_their_speakers_name(generated, base_url):
    client = generated.Client(base_url=base_url, raise_on_unexpected_status=True)
    page = api(generated, "statements.list_statements").sync(client=client, limit=100)
    assert isinstance(page, models(generated).StatementPage) and page.data
    raw = httpx.get(f"{base_url}/v1/statements", params={"limit": 100}).json()["data"]
    assert [s.speaker.name if s.speaker else None for s in page.data] == [
        s["speaker"]["name"] if s["speaker"] else None for s in raw]
    assert any(s.speaker is not None and s.speaker.name for s in page.data)
    named = next(s for s in page.data if s.speaker is not None)
    assert named.content.text and named.content.end > named.content.start


def test_figures_with_and_without_a_value(generated, base_url):
    client = generated.Client(base_url=base_url, raise_on_unexpected_status=True)
    page = api(generated, "figures.list_figures").sync(client=client, limit=100)
    values = [f.value for f in page.data]
    assert None in values and any(isinstance(v, (int, float)) for v in values)


def test_fields_give_partial_records(generated, base_url):
    client = generated.Client(base_url=base_url, raise_on_unexpected_status=True)
    item = models(generated).ListStatementsFieldsItem
    page = api(generated, "statements.list_statements").sync(client=client, fields=[item.ID, item.SPEAKER])
    assert page.data and all(isinstance(s, models(generated).PartialStatement) for s in page.data)
    assert all(s.id for s in page.data)


def test_webhooks_with_a_key(generated, base_url):
    keyed = generated.AuthenticatedClient(base_url=base_url, token=API_KEY, raise_on_unexpected_status=True)
    m = models(generated)
    body = m.WebhookIn(url="http://127.0.0.1:9/hook", filters=m.WebhookFilters(speaker="baloch"))
    created = api(generated, "webhooks.create_webhook").sync(client=keyed, body=body)
    assert isinstance(created, m.Webhook) and created.secret.startswith("whsec_")
    got = api(generated, "webhooks.get_webhook").sync(client=keyed, webhook_id=created.id)
    assert isinstance(got, m.Webhook) and got.filters.speaker == "baloch" and got.id == created.id
    listed = api(generated, "webhooks.list_webhooks").sync(client=keyed)
    assert created.id in [w.id for w in listed.data]
    deliveries = api(generated, "webhooks.list_deliveries").sync(client=keyed, webhook_id=created.id)
    assert deliveries.data == []
    deleted = api(generated, "webhooks.delete_webhook").sync_detailed(client=keyed, webhook_id=created.id)
    assert deleted.status_code == 204
