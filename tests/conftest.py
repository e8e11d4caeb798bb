"""Shared fixtures: an app on a fresh database, SQLite always and PostgreSQL when TEST_DATABASE_URL is set.

Every test that uses ``app`` (or pytest-flask's ``client``) runs once per
database, so the store and the API are exercised on both engines.
"""
import os
from pathlib import Path

import pytest

from service.app import create_app
from service.store.db import connect_database
from service.store.models import MODELS, database

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
API_KEY = "test-key"
ENGINES = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


@pytest.fixture(params=ENGINES)
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url = os.environ["TEST_DATABASE_URL"]
    db = connect_database(url)
    with db.connection_context():
        db.drop_tables(MODELS, safe=True, cascade=True)
    db.close_all()
    yield url


@pytest.fixture
def app(database_url):
    # the tests' webhook receivers listen on 127.0.0.1
    app = create_app({"DATABASE_URL": database_url, "API_KEYS": [API_KEY], "TESTING": True,
                      "WEBHOOKS_ALLOW_PRIVATE": True})
    yield app
    db = database.obj
    if hasattr(db, "close_all"):
        db.close_all()
    elif not db.is_closed():
        db.close()


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {API_KEY}"}


@pytest.fixture
def post_article(client, auth):
    """POST one article as text (a path or a string) and return the response."""

    def post(source, content_type="text/plain", **query):
        data = Path(source).read_bytes() if isinstance(source, Path) else source
        return client.post("/v1/articles", data=data, headers={**auth, "Content-Type": content_type},
                           query_string=query)

    return post


@pytest.fixture
def seeded(post_article):
    """Both seed articles ingested; returns their briefing ids, seed-000 first."""
    ids = []
    for path in sorted(SEEDS.glob("*.txt")):
        response = post_article(path)
        assert response.status_code == 201, response.json
        ids.append(response.json["id"])
    return ids
