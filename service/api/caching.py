"""Conditional GETs and a response cache for public reads, both keyed on the data version.

Only views marked ``@public_read`` take part: answers that are the same for
everyone and change only with the records. Every record write logs a change
(``store/changes.py``), so the newest change's seq versions that data. A public
GET's tag hashes the version with the request (host, path, query, ``Accept``,
``Accept-Encoding``), so it changes exactly when the answer could. A matching
``If-None-Match`` is answered 304 before any query runs, but after the key
check (``auth.guard_reads`` runs first); a finished answer is kept, per
process, under its tag, so the same request at the same data version is served
from memory, and after any write no kept answer can be reached again (they age
out of the LRU). A request carrying ``Authorization`` is never answered from,
or kept in, the cache. Keyed views (webhooks, which change with no record
write) are never tagged, and they and every answer to a request with
credentials are marked ``Cache-Control: no-store``, so nothing a key protects
is served from memory or by a shared proxy.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from flask import Response, current_app, g, request

from ..extract import PARSER_VERSION
from ..store.changes import data_version

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


def public_read(view):
    """Mark a view whose answer is the same for every caller and changes only with the records."""
    view.public_read = True
    return view


def _is_public_read() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return request.method in ("GET", "HEAD") and getattr(view, "public_read", False)


def _tag() -> str:
    seed = "|".join((str(data_version()), PARSER_VERSION, request.host_url, request.full_path,
                     request.headers.get("Accept", ""), request.headers.get("Accept-Encoding", "")))
    return hashlib.blake2b(seed.encode(), digest_size=12).hexdigest()


def answer_from_cache():
    """Before a public GET (its key already checked): tag it, and answer 304 or a kept answer when there is one."""
    if not _is_public_read():
        return None
    g.etag = _tag()
    if request.if_none_match.contains_weak(g.etag):  # RFC 9110 13.1.2: If-None-Match compares weakly
        response = Response(status=304)
        response.set_etag(g.etag)
        return response
    cache = _cache()
    kept = cache.get(g.etag) if cache else None
    if kept is not None:
        status, headers, body = kept
        g.kept = True
        return Response(body, status=status, headers=headers)
    return None


def tag_and_keep(response: Response) -> Response:
    """After a GET: give a public answer its tag and keep it when it is whole and small enough; mark the rest no-store."""
    tag = g.get("etag")
    view = current_app.view_functions.get(request.endpoint or "")
    if "Authorization" in request.headers or getattr(view, "needs_key", False):
        response.headers.setdefault("Cache-Control", "no-store")
    if response.status_code != 200 or not tag:
        return response
    response.set_etag(tag)
    cache = _cache()
    if (cache and request.method == "GET" and not g.get("kept") and not response.is_streamed
            and not response.direct_passthrough and "Set-Cookie" not in response.headers):
        body = response.get_data()
        if len(body) <= MAX_CACHED_BODY:
            cache.put(tag, (response.status_code, list(response.headers.items()), body))
    return response


def _cache() -> AnswerCache | None:
    """The process's cache, unless the request carries credentials (their answers are never kept)."""
    if "Authorization" in request.headers:
        return None
    return current_app.extensions.get("briefings.cache")


def init_caching(app) -> None:
    entries = app.config.get("RESPONSE_CACHE_ENTRIES", 1024)
    if entries:
        app.extensions["briefings.cache"] = AnswerCache(entries)
