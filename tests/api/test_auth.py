"""API keys: created keys work until revoked, are stored hashed; reads can be made to need a key."""
from service.store.keys import create_key, revoke_key
from service.store.models import ApiKey, database
from tests.conftest import SEEDS


def post(client, key):
    return client.post("/v1/articles", data=(SEEDS / "seed-000.txt").read_bytes(),
                       headers={"Authorization": f"Bearer {key}", "Content-Type": "text/plain"})


def test_a_created_key_writes_until_revoked(app, client):
    with database.connection_context():
        issued = create_key("tests")
        stored = ApiKey.get(ApiKey.prefix == issued.prefix)
    assert issued.key not in (stored.digest, stored.prefix, stored.name)
    assert post(client, issued.key).status_code == 201
    assert post(client, issued.key + "x").status_code == 401
    assert post(client, issued.key.replace(issued.prefix, "00000000")).status_code == 401
    with database.connection_context():
        assert revoke_key(issued.prefix)
    assert post(client, issued.key).status_code == 401


def test_reads_are_open_unless_configured(app, client, auth):
    assert client.get("/v1/statements").status_code == 200
    app.config["READS_NEED_KEY"] = True
    refused = client.get("/v1/statements")
    assert refused.status_code == 401 and refused.content_type == "application/problem+json"
    assert client.get("/v1/statements", headers=auth).status_code == 200
    assert client.get("/health").status_code == 200
    assert client.get("/v1/openapi.json").status_code == 200
