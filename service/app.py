"""``create_app``: the single way to build the service.

Configuration comes from the environment (``config.py``), overridden by the
mapping passed in (tests pass their own database). Each request borrows a
database connection and gives it back when it ends. Every successful GET gets
an ETag and answers ``If-None-Match`` with 304.
"""
from __future__ import annotations

from flask import Flask, request

from . import config as settings
from .api import init_api
from .store.db import open_database
from .store.models import database


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(settings.from_env())
    app.config.update(overrides or {})
    app.json.sort_keys = False
    db = open_database(app.config["DATABASE_URL"])
    app.extensions["briefings.db"] = db

    @app.before_request
    def _connect():
        if database.obj is not db:  # another app of this process (tests) bound its own
            database.initialize(db)
        database.connect(reuse_if_open=True)

    @app.teardown_request
    def _release(_exc):
        if not database.is_closed():
            database.close()

    @app.after_request
    def _etag(response):
        if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.is_streamed:
            response.add_etag()
            response.make_conditional(request)
        return response

    init_api(app)
    return app
