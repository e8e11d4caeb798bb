"""Webhook subscriptions and their outbox.

When records are created, ``enqueue`` writes one ``Delivery`` per matching
subscriber in the same transaction, so a delivery is never lost and never
slows ingestion down: sending happens later, in ``service/delivery.py``.
Matching reuses the list queries with the subscription's filters, so a
webhook sees exactly what ``GET /v1/statements?…`` would list.
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import secrets

from peewee import DatabaseError

from . import queries
from .models import Delivery, Webhook, database, utcnow
from .rows import rfc3339

log = logging.getLogger(__name__)
LISTS = {"statement": queries.list_statements, "quote": queries.list_quotes}


def webhook_record(hook: Webhook, *, with_secret: bool = False) -> dict:
    record = {"id": hook.id, "url": hook.url, "kind": hook.kind, "filters": json.loads(hook.filters),
              "created_at": rfc3339(hook.created_at)}
    if with_secret:
        record["secret"] = hook.secret
    return record


def create_webhook(url: str, kind: str, filters: dict) -> Webhook:
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
    return Webhook.create(id="wh_" + secrets.token_hex(8), url=url, secret=secret, kind=kind,
                          filters=json.dumps(filters, sort_keys=True, default=str))


def list_webhooks() -> list[Webhook]:
    return list(Webhook.select().order_by(Webhook.created_at, Webhook.id))


def get_webhook(webhook_id: str) -> Webhook | None:
    return Webhook.get_or_none(Webhook.id == webhook_id)


def delete_webhook(webhook_id: str) -> bool:
    return Webhook.delete().where(Webhook.id == webhook_id).execute() > 0


def _matching(hook: Webhook, briefing_id: str) -> list[dict]:
    filters = {**json.loads(hook.filters), "briefing": briefing_id}
    records, after = [], 0
    while True:
        page = LISTS[hook.kind](after=after, limit=100, **filters)
        records += page.records
        if page.after is None:
            return records
        after = page.after


def enqueue(briefing_id: str, created: dict[str, set[str]]) -> int:
    """Queue a delivery of each record just created (ids by kind) to every subscriber it matches."""
    now, count = utcnow(), 0
    for hook in Webhook.select():
        new = created.get(hook.kind) or set()
        if not new:
            continue
        try:
            with database.atomic():  # a savepoint: a subscription whose filter fails costs only its own rows
                count += _enqueue_one(hook, briefing_id, new, now)
        except (DatabaseError, ValueError, TypeError) as exc:
            log.warning("webhook %s skipped for briefing %s: %s: %s", hook.id, briefing_id, type(exc).__name__, exc)
    return count


def _enqueue_one(hook: Webhook, briefing_id: str, new: set[str], now) -> int:
    rows = []
    for record in _matching(hook, briefing_id):
        if record["id"] not in new:
            continue
        event = f"{hook.kind}.created"
        message_id = "msg_" + hashlib.blake2b(f"{hook.id}|{event}|{record['id']}".encode(), digest_size=12).hexdigest()
        payload = {"type": event, "timestamp": rfc3339(now), "data": record}
        rows.append({"id": message_id, "webhook": hook.id, "event": event, "record_id": record["id"],
                     "payload": json.dumps(payload, ensure_ascii=False), "next_attempt_at": now})
    if rows:
        Delivery.insert_many(rows).on_conflict_ignore().execute()
    return len(rows)


def deliveries_of(webhook_id: str, limit: int = 50) -> list[dict]:
    query = Delivery.select().where(Delivery.webhook == webhook_id).order_by(Delivery.seq.desc()).limit(limit)
    return [
        {"id": d.id, "event": d.event, "record_id": d.record_id, "status": d.status, "attempts": d.attempts,
         "next_attempt_at": rfc3339(d.next_attempt_at) if d.status == "pending" else None,
         "last_error": d.last_error, "created_at": rfc3339(d.created_at), "delivered_at": rfc3339(d.delivered_at)}
        for d in query
    ]
