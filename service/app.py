"""``create_app``: the single way to build the service.

Configuration comes from the environment (``config.py``), overridden by the
mapping passed in (tests pass their own database). Each worker thread opens
one database connection (from the pool) and keeps it across its requests. GETs are tagged and
cached by data version (``api/caching.py``); large answers are compressed.
"""
from __future__ import annotations

from flask import Flask
from flask_compress import Compress

from . import config as settings
from .api import init_api
from .api.auth import guard_reads
from .api.body import bound_the_body
from .api.caching import answer_from_cache, init_caching, tag_and_keep
from .api.control import refuse_control_characters
from .api.wire import JSONProvider
from .store.db import open_database
from .store.models import database

COMPRESSION = {
    "COMPRESS_MIMETYPES": ["application/json", "application/problem+json", "application/x-ndjson", "text/csv",
                           "application/atom+xml", "application/yaml", "text/html", "text/css",
                           "application/javascript", "text/javascript"],
    # an answer that fits in TCP's initial congestion window (10 segments, RFC 6928) arrives in the first
    # round trip either way, so compressing it only costs the server (gzip: ~125 us for a 9 KB page here)
    "COMPRESS_MIN_SIZE": 14 * 1024,
    "COMPRESS_ALGORITHM": ["gzip", "br", "zstd", "deflate"],
    "COMPRESS_ALGORITHM_STREAMING": ["gzip", "br", "zstd", "deflate"],  # streams are compressed as they go
}


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(COMPRESSION)
    app.config.update(settings.from_env())
    app.config.update(overrides or {})
    app.json = JSONProvider(app)
    db = open_database(app.config["DATABASE_URL"], check=False)  # /health reports a schema mismatch (503)
    app.extensions["briefings.db"] = db

    @app.before_request
    def _connect():
        if database.obj is not db:  # another app of this process (tests) bound its own
            database.initialize(db)
        database.connect(reuse_if_open=True)
        guard_reads()
        bound_the_body()
        refuse_control_characters()
        return answer_from_cache()

    @app.teardown_request
    def _release(exc):
        # back to the pool (a cheap hand-back: the connection stays open there). A thread may not keep it
        # across requests: a server that runs each request in a new thread would empty the pool and hang.
        if not database.is_closed():
            database.close()

    app.after_request(tag_and_keep)  # registered before Compress: runs after it, on the compressed answer
    init_api(app)
    init_caching(app)
    Compress(app)
    return app
