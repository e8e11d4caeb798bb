"""``create_app``: the single way to build the service.

Configuration comes from the environment (``config.py``), overridden by the
mapping passed in (tests pass their own database). Each request borrows a
database connection and gives it back when it ends. Every successful GET gets
an ETag and answers ``If-None-Match`` with 304 before doing any work: the tag
is derived from the request and the data version (the newest change's seq),
so it changes exactly when the answer could, streamed exports included.
"""
from __future__ import annotations

import hashlib

from flask import Flask, Response, g, request
from flask_compress import Compress

from . import config as settings
from .api import init_api
from .api.auth import guard_reads
from .extract import PARSER_VERSION
from .store.changes import data_version
from .store.db import open_database
from .store.models import database

UNTAGGED_ENDPOINTS = {"contract.docs_asset"}  # static files carry their own validators
COMPRESSION = {
    "COMPRESS_MIMETYPES": ["application/json", "application/problem+json", "application/x-ndjson", "text/csv",
                           "application/atom+xml", "application/yaml", "text/html", "text/css",
                           "application/javascript", "text/javascript"],
    "COMPRESS_MIN_SIZE": 1024,
    "COMPRESS_ALGORITHM": ["gzip", "br", "zstd", "deflate"],
    "COMPRESS_ALGORITHM_STREAMING": ["br", "zstd", "deflate"],
}


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(COMPRESSION)
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
        guard_reads()
        if request.method in ("GET", "HEAD") and request.endpoint not in UNTAGGED_ENDPOINTS:
            seed = "|".join((str(data_version()), PARSER_VERSION, request.full_path,
                             request.headers.get("Accept", ""), request.headers.get("Accept-Encoding", "")))
            g.etag = hashlib.blake2b(seed.encode(), digest_size=12).hexdigest()
            if request.if_none_match.contains(g.etag):
                response = Response(status=304)
                response.set_etag(g.etag)
                return response

    @app.teardown_request
    def _release(_exc):
        if not database.is_closed():
            database.close()

    @app.after_request
    def _etag(response):
        if response.status_code == 200 and g.get("etag"):
            response.set_etag(g.etag)
        return response

    init_api(app)
    Compress(app)
    return app
