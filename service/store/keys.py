"""API keys: created once (the only time the key is shown), stored hashed, checked in constant time, revoked.

A key reads ``brf_<prefix>_<secret>``: the prefix finds its row without
scanning, the SHA-256 of the whole key is compared with ``hmac.compare_digest``.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from .models import ApiKey, utcnow

SCHEME = "brf"


@dataclass(frozen=True)
class IssuedKey:
    key: str  # shown once, never stored
    prefix: str
    name: str


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(name: str) -> IssuedKey:
    prefix = secrets.token_hex(4)
    key = f"{SCHEME}_{prefix}_{secrets.token_urlsafe(24)}"
    ApiKey.create(prefix=prefix, digest=digest(key), name=name)
    return IssuedKey(key, prefix, name)


def list_keys() -> list[ApiKey]:
    return list(ApiKey.select().order_by(ApiKey.id))


def revoke_key(prefix: str) -> bool:
    return ApiKey.update(revoked_at=utcnow()).where(ApiKey.prefix == prefix, ApiKey.revoked_at.is_null()).execute() > 0


def stored_key_is_valid(key: str) -> bool:
    parts = key.split("_")
    if len(parts) < 3 or parts[0] != SCHEME:
        return False
    row = ApiKey.select().where(ApiKey.prefix == parts[1], ApiKey.revoked_at.is_null()).first()
    return row is not None and hmac.compare_digest(row.digest, digest(key))
