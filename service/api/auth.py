"""API keys: ``Authorization: Bearer <key>``, needed for writes and, when configured, for reads.

A key is valid when it is one created with ``briefings keys create`` (stored
hashed, see ``store/keys.py``) or one of the ``API_KEYS`` setting
(``BRIEFINGS_API_KEYS``, comma-separated, for deployments that inject keys).
Comparisons are constant-time, so response timing leaks nothing about a key.
"""
from __future__ import annotations

import hmac
from functools import wraps

from flask import current_app, request
from flask_smorest import abort

from ..store.keys import digest, stored_key_is_valid

BEARER_SECURITY = [{"bearerAuth": []}]


def presented_key() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    return key.strip() if scheme.lower() == "bearer" and key.strip() else None


def key_is_valid(key: str | None) -> bool:
    if not key:
        return False
    presented = digest(key)
    configured = False
    for known in current_app.config["API_KEYS"]:
        configured |= hmac.compare_digest(digest(known), presented)
    return configured or stored_key_is_valid(key)


def refuse() -> None:
    abort(401, message="this needs an API key: send 'Authorization: Bearer <key>'",
          headers={"WWW-Authenticate": 'Bearer realm="briefings"'})


def require_key(view):
    """Let the request through only with a valid API key; else a 401 problem."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not key_is_valid(presented_key()):
            refuse()
        return view(*args, **kwargs)

    wrapper.needs_key = True  # its answers are never tagged or kept (``caching.py``)
    return wrapper


def guard_reads() -> None:
    """With READS_NEED_KEY set, every /v1 read needs a key too (the docs and /health stay open)."""
    if current_app.config.get("READS_NEED_KEY") and request.path.startswith("/v1/") \
            and request.endpoint != "api-docs.openapi_json" and not key_is_valid(presented_key()):
        refuse()
