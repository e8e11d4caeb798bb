"""API keys for writes: ``Authorization: Bearer <key>``.

Keys come from the ``API_KEYS`` setting (``BRIEFINGS_API_KEYS``,
comma-separated). They are compared in constant time so response timing
leaks nothing about a key.
"""
from __future__ import annotations

import hmac
from functools import wraps

from flask import current_app, request
from flask_smorest import abort

BEARER_SECURITY = [{"bearerAuth": []}]


def presented_key() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    return key.strip() if scheme.lower() == "bearer" and key.strip() else None


def key_is_valid(key: str | None) -> bool:
    if not key:
        return False
    found = False
    for known in current_app.config["API_KEYS"]:
        found |= hmac.compare_digest(known.encode(), key.encode())
    return found


def require_key(view):
    """Let the request through only with a valid API key; else a 401 problem."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not key_is_valid(presented_key()):
            abort(401, message="this endpoint needs an API key: send 'Authorization: Bearer <key>'",
                  headers={"WWW-Authenticate": 'Bearer realm="briefings"'})
        return view(*args, **kwargs)

    return wrapper
