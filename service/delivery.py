"""Sending queued webhook deliveries: signed per Standard Webhooks, retried with backoff.

Each message is POSTed with ``webhook-id``, ``webhook-timestamp`` and
``webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`` (the
key is the subscription secret after ``whsec_``). A 2xx answer delivers it;
anything else is retried on the ``RETRY_AFTER`` schedule, then given up as
failed. A delivery is claimed before it is sent, so several senders never
send the same message at once. Nothing here runs inside an ingestion.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import threading
import urllib.error
import urllib.request

from .store.models import Delivery, Webhook, database, utcnow

# waits before each retry (the schedule Standard Webhooks suggests)
RETRY_AFTER = (dt.timedelta(seconds=5), dt.timedelta(minutes=5), dt.timedelta(minutes=30), dt.timedelta(hours=2),
               dt.timedelta(hours=5), dt.timedelta(hours=10), dt.timedelta(hours=10))
TIMEOUT = 10
STALE_CLAIM = dt.timedelta(minutes=5)


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def _post(url: str, headers: dict, body: bytes) -> str | None:
    """None when the subscriber took it (2xx), else why not."""
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return None if 200 <= response.status < 300 else f"HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        return f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"


def send(delivery: Delivery, hook: Webhook, now: dt.datetime) -> bool:
    body = delivery.payload.encode("utf-8")
    timestamp = int(now.replace(tzinfo=dt.timezone.utc).timestamp())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "briefings-webhooks/1",
        "webhook-id": delivery.id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(hook.secret, delivery.id, timestamp, body),
    }
    error = _post(hook.url, headers, body)
    attempts = delivery.attempts + 1
    if error is None:
        values = {"status": "delivered", "attempts": attempts, "delivered_at": utcnow(), "last_error": None}
    elif attempts > len(RETRY_AFTER):
        values = {"status": "failed", "attempts": attempts, "last_error": error}
    else:
        values = {"status": "pending", "attempts": attempts, "last_error": error,
                  "next_attempt_at": now + RETRY_AFTER[attempts - 1]}
    Delivery.update(values).where(Delivery.seq == delivery.seq).execute()
    return error is None


def deliver_due(now: dt.datetime | None = None, limit: int = 100) -> dict[str, int]:
    """Send every delivery that is due; how many were delivered and how many will be retried or failed."""
    now = now or utcnow()
    tally = {"delivered": 0, "retrying": 0}
    # a sender that died mid-send left its claim: give such messages back
    Delivery.update(status="pending").where(
        Delivery.status == "sending", Delivery.next_attempt_at < now - STALE_CLAIM).execute()
    due = list(Delivery.select().where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
               .order_by(Delivery.seq).limit(limit))
    for delivery in due:
        claimed = Delivery.update(status="sending").where(
            Delivery.seq == delivery.seq, Delivery.status == "pending").execute()
        if not claimed:
            continue
        hook = Webhook.get_or_none(Webhook.id == delivery.webhook_id)
        if hook is None:
            continue
        tally["delivered" if send(delivery, hook, now) else "retrying"] += 1
    return tally


def run_sender(stop: threading.Event, interval: float = 2.0) -> None:
    """Deliver what is due every ``interval`` seconds until ``stop`` is set (a background thread of `serve`)."""
    while not stop.is_set():
        try:
            with database.connection_context():
                deliver_due()
        except Exception as exc:  # keep sending after a passing database error
            print(f"webhook sender: {type(exc).__name__}: {exc}", flush=True)
        stop.wait(interval)
