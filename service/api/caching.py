"""Conditional GETs and a response cache, both keyed on the data version.

Every write logs a change (``store/changes.py``), so the newest change's seq
versions all the data. A GET's tag hashes that version with the request
(path, query, ``Accept``, ``Accept-Encoding``), so it changes exactly when the
answer could. A matching ``If-None-Match`` is answered 304 before any query
runs; a finished answer is kept, per process, under its tag, so the same
request at the same data version is served from memory, and after any write
no kept answer can be reached again (they age out of the LRU).
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from flask import Response, current_app, g, request

from ..extract import PARSER_VERSION
from ..store.changes import data_version

UNTAGGED_ENDPOINTS = {"contract.docs_asset"}  # static files carry their own validators
MAX_CACHED_BODY = 512 * 1024


class AnswerCache:
    """A thread-safe LRU of finished answers, (status, headers, body) by tag, bounded in count and bytes."""

    def __init__(self, entries: int, max_bytes: int = 64 * 1024 * 1024):
        self.entries, self.max_bytes, self.size = entries, max_bytes, 0
        self._items: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, tag: str):
        with self._lock:
            item = self._items.get(tag)
            if item is not None:
                self._items.move_to_end(tag)
            return item

    def put(self, tag: str, item: tuple) -> None:
        with self._lock:
            old = self._items.pop(tag, None)
            self.size += len(item[2]) - (len(old[2]) if old else 0)
            self._items[tag] = item
            while len(self._items) > self.entries or self.size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped[2])


def _tag() -> str:
    seed = "|".join((str(data_version()), PARSER_VERSION, request.full_path,
                     request.headers.get("Accept", ""), request.headers.get("Accept-Encoding", "")))
    return hashlib.blake2b(seed.encode(), digest_size=12).hexdigest()


def answer_from_cache():
    """Before a GET: tag it, and answer 304 or a kept answer when there is one."""
    if request.method not in ("GET", "HEAD") or request.endpoint in UNTAGGED_ENDPOINTS:
        return None
    g.etag = _tag()
    if request.if_none_match.contains(g.etag):
        response = Response(status=304)
        response.set_etag(g.etag)
        return response
    cache = current_app.extensions.get("briefings.cache")
    kept = cache.get(g.etag) if cache else None
    if kept is not None:
        status, headers, body = kept
        g.kept = True
        return Response(body, status=status, headers=headers)
    return None


def tag_and_keep(response: Response) -> Response:
    """After a GET: give the answer its tag, and keep it when it is whole and small enough."""
    tag = g.get("etag")
    if response.status_code != 200 or not tag:
        return response
    response.set_etag(tag)
    cache = current_app.extensions.get("briefings.cache")
    if (cache and request.method == "GET" and not g.get("kept") and not response.is_streamed
            and not response.direct_passthrough and "Set-Cookie" not in response.headers):
        body = response.get_data()
        if len(body) <= MAX_CACHED_BODY:
            cache.put(tag, (response.status_code, list(response.headers.items()), body))
    return response


def init_caching(app) -> None:
    entries = app.config.get("RESPONSE_CACHE_ENTRIES", 1024)
    if entries:
        app.extensions["briefings.cache"] = AnswerCache(entries)
