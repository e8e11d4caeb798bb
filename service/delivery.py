"""Sending queued webhook deliveries: signed per Standard Webhooks, retried with backoff.

Each message is POSTed with ``webhook-id``, ``webhook-timestamp`` and
``webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`` (the
key is the subscription secret after ``whsec_``). A 2xx answer delivers it;
anything else is retried on the ``RETRY_AFTER`` schedule, then given up as
failed. A delivery is claimed before it is sent, so several senders never
send the same message at once. Nothing here runs inside an ingestion.

Each send goes to the address ``webhook_targets.resolve`` checked (public
only, unless ``allow_private``), follows no redirect, and records a generic
error: ``last_error`` must not tell a subscriber how an address it cannot
reach behaves. Subscribers are served side by side, one message at a time
each, so a slow one holds up only its own messages.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import http.client
import socket
import ssl
import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from .store.models import Delivery, Webhook, database, utcnow
from .webhook_targets import Target, TargetRefused, resolve

# waits before each retry (the schedule Standard Webhooks suggests)
RETRY_AFTER = (dt.timedelta(seconds=5), dt.timedelta(minutes=5), dt.timedelta(minutes=30), dt.timedelta(hours=2),
               dt.timedelta(hours=5), dt.timedelta(hours=10), dt.timedelta(hours=10))
TIMEOUT = 5  # seconds per connect and per read
SENDERS = 8  # subscribers served at once
NO_ANSWER = "no usable answer from the webhook URL"
STALE_CLAIM = dt.timedelta(minutes=5)


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to the checked address, whatever the host name resolves to now."""

    def __init__(self, target: Target):
        super().__init__(target.host, target.port, timeout=TIMEOUT)
        self.address = target.address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to the checked address, verifying the certificate of the host name."""

    def __init__(self, target: Target):
        super().__init__(target.host, target.port, timeout=TIMEOUT, context=ssl.create_default_context())
        self.address = target.address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _post(url: str, headers: dict, body: bytes, allow_private: bool = False) -> str | None:
    """None when the subscriber took it (2xx), else a generic reason."""
    try:
        target = resolve(url, allow_private=allow_private)
    except TargetRefused as exc:
        return f"refused: {exc}"
    connection = (_PinnedHTTPS if target.scheme == "https" else _PinnedHTTP)(target)
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        status = connection.getresponse().status
    except (OSError, http.client.HTTPException):
        return NO_ANSWER
    finally:
        connection.close()
    return None if 200 <= status < 300 else f"HTTP {status}"


def send(delivery: Delivery, hook: Webhook, now: dt.datetime, allow_private: bool = False) -> bool:
    body = delivery.payload.encode("utf-8")
    timestamp = int(now.replace(tzinfo=dt.timezone.utc).timestamp())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "briefings-webhooks/1",
        "webhook-id": delivery.id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(hook.secret, delivery.id, timestamp, body),
    }
    error = _post(hook.url, headers, body, allow_private)
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


def _send_in_turn(deliveries: list[Delivery], now: dt.datetime, allow_private: bool) -> dict[str, int]:
    """One subscriber's due messages, in order, on this thread's own connection."""
    tally = {"delivered": 0, "retrying": 0}
    with database.connection_context():
        for delivery in deliveries:
            claimed = Delivery.update(status="sending").where(
                Delivery.seq == delivery.seq, Delivery.status == "pending").execute()
            if not claimed:
                continue
            hook = Webhook.get_or_none(Webhook.id == delivery.webhook_id)
            if hook is None:
                continue
            tally["delivered" if send(delivery, hook, now, allow_private) else "retrying"] += 1
    return tally


def deliver_due(now: dt.datetime | None = None, limit: int = 100, *, allow_private: bool = False) -> dict[str, int]:
    """Send every delivery that is due; how many were delivered and how many will be retried or failed."""
    now = now or utcnow()
    # a sender that died mid-send left its claim: give such messages back
    Delivery.update(status="pending").where(
        Delivery.status == "sending", Delivery.next_attempt_at < now - STALE_CLAIM).execute()
    due = list(Delivery.select().where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
               .order_by(Delivery.seq).limit(limit))
    by_hook: dict[str, list[Delivery]] = defaultdict(list)
    for delivery in due:
        by_hook[delivery.webhook_id].append(delivery)
    tally = {"delivered": 0, "retrying": 0}
    if not by_hook:
        return tally
    with ThreadPoolExecutor(max_workers=min(SENDERS, len(by_hook)), thread_name_prefix="webhook") as pool:
        for part in pool.map(lambda group: _send_in_turn(group, now, allow_private), by_hook.values()):
            for key in tally:
                tally[key] += part[key]
    return tally


def run_sender(stop: threading.Event, interval: float = 2.0, *, allow_private: bool = False) -> None:
    """Deliver what is due every ``interval`` seconds until ``stop`` is set (a background thread of `serve`)."""
    while not stop.is_set():
        try:
            with database.connection_context():
                deliver_due(allow_private=allow_private)
        except Exception as exc:  # keep sending after a passing database error
            print(f"webhook sender: {type(exc).__name__}: {exc}", flush=True)
        stop.wait(interval)
