"""Settings, read from the environment once, when the app is created.

| variable              | setting          | default                  |
|-----------------------|------------------|--------------------------|
| DATABASE_URL          | DATABASE_URL     | sqlite:///briefings.db   |
| BRIEFINGS_API_KEYS    | API_KEYS         | none (writes refused)    |
| BRIEFINGS_MAX_BODY    | MAX_CONTENT_LENGTH | 2 MiB                  |
| BRIEFINGS_SEEDS       | SEEDS_DIR        | the repository's seeds/  |
| BRIEFINGS_READS_NEED_KEY | READS_NEED_KEY | off (reads are open)     |
| BRIEFINGS_RESPONSE_CACHE | RESPONSE_CACHE_ENTRIES | 1024 answers per process (0: off) |
| BRIEFINGS_PARSE_MAX_BODY | PARSE_MAX_BODY   | 256 KiB for POST /v1/parse without a key |
| BRIEFINGS_WEBHOOKS_ALLOW_PRIVATE | WEBHOOKS_ALLOW_PRIVATE | off: webhooks reach public addresses only |
| BRIEFINGS_PARSE_SECONDS | PARSE_SECONDS     | 10: a longer /v1/parse is stopped (422) |
"""
from __future__ import annotations

import os
from pathlib import Path

from .store.db import DEFAULT_URL

REPO_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _flag(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes", "on")


def from_env(env=os.environ) -> dict:
    keys = [k.strip() for k in env.get("BRIEFINGS_API_KEYS", "").split(",") if k.strip()]
    return {
        "DATABASE_URL": env.get("DATABASE_URL") or DEFAULT_URL,
        "API_KEYS": keys,
        "MAX_CONTENT_LENGTH": int(env.get("BRIEFINGS_MAX_BODY") or 2 * 1024 * 1024),
        "SEEDS_DIR": env.get("BRIEFINGS_SEEDS") or str(REPO_SEEDS),
        "RESPONSE_CACHE_ENTRIES": int(env.get("BRIEFINGS_RESPONSE_CACHE") or 1024),
        "PARSE_MAX_BODY": int(env.get("BRIEFINGS_PARSE_MAX_BODY") or 256 * 1024),
        "PARSE_SECONDS": float(env.get("BRIEFINGS_PARSE_SECONDS") or 10),
        "WEBHOOKS_ALLOW_PRIVATE": _flag(env.get("BRIEFINGS_WEBHOOKS_ALLOW_PRIVATE")),
        "READS_NEED_KEY": _flag(env.get("BRIEFINGS_READS_NEED_KEY")),
    }
