"""Webhooks: new matching records are POSTed, signed per Standard Webhooks, and retried with backoff."""
import base64
import datetime as dt
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from service.delivery import RETRY_AFTER, deliver_due
from service.store.models import Delivery, database, utcnow
from tests.conftest import SEEDS


class Receiver:
    """A local HTTP endpoint that records what it is sent and answers with the next queued status."""

    def __init__(self):
        self.received, self.statuses, self.headers = [], [], {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((self.headers, body))  # header names case-insensitive
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 204)
                for name, value in receiver.headers.items():
                    self.send_header(name, value)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def subscribe(client, auth, url, **body):
    response = client.post("/v1/webhooks", json={"url": url, **body}, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def verify(secret, headers, body):
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return headers["webhook-signature"] == f"v1,{expected}"


def deliver(now=None):
    with database.connection_context():
        return deliver_due(now, allow_private=True)


def test_matching_new_statements_are_posted_and_signed(client, auth, post_article, receiver):
    hook = subscribe(client, auth, receiver.url, kind="statement", filters={"speaker": "baloch"})
    assert hook["secret"].startswith("whsec_")
    post_article(SEEDS / "seed-000.txt")
    post_article(SEEDS / "seed-002.txt")
    assert deliver()["delivered"] >= 3
    expected = client.get("/v1/statements", query_string={"speaker": "baloch", "limit": 100}).json["data"]
    assert len(receiver.received) == len(expected)
    for headers, body in receiver.received:
        assert verify(hook["secret"], headers, body)
        message = json.loads(body)
        assert message["type"] == "statement.created"
        assert message["data"]["speaker"]["name"] == "Mumtaz Zahra Baloch"
    assert sorted(json.loads(b)["data"]["id"] for _, b in receiver.received) == sorted(s["id"] for s in expected)
    assert deliver()["delivered"] == 0  # nothing is sent twice
    post_article(SEEDS / "seed-000.txt")  # a duplicate article creates nothing, so nothing is sent
    assert deliver()["delivered"] == 0


def test_failures_are_retried_with_backoff(client, auth, post_article, receiver):
    subscribe(client, auth, receiver.url, kind="quote", filters={"q": "regret"})
    receiver.statuses = [500, 503]
    post_article(SEEDS / "seed-000.txt")
    assert deliver() == {"delivered": 0, "retrying": 1}
    with database.connection_context():
        [pending] = Delivery.select()
    assert pending.status == "pending" and pending.attempts == 1 and "500" in pending.last_error
    assert deliver()["retrying"] == 0  # not due yet
    later = utcnow() + RETRY_AFTER[0] + dt.timedelta(seconds=1)
    assert deliver(later) == {"delivered": 0, "retrying": 1}
    assert deliver(later + RETRY_AFTER[1] + dt.timedelta(seconds=1)) == {"delivered": 1, "retrying": 0}
    ids = {h["webhook-id"] for h, _ in receiver.received}
    assert len(receiver.received) == 3 and len(ids) == 1  # the same message id on every retry


def test_an_unreachable_url_gives_up_after_the_schedule(client, auth, post_article):
    subscribe(client, auth, "http://127.0.0.1:9/nothing-listens-here", kind="quote", filters={"q": "regret"})
    post_article(SEEDS / "seed-000.txt")
    now = utcnow()
    for _ in range(len(RETRY_AFTER) + 1):
        deliver(now)
        now += max(RETRY_AFTER) + dt.timedelta(seconds=1)
    with database.connection_context():
        [failed] = Delivery.select()
    assert failed.status == "failed" and failed.attempts == len(RETRY_AFTER) + 1


def test_webhooks_need_a_key_and_valid_input(client, auth, receiver):
    assert client.post("/v1/webhooks", json={"url": receiver.url}).status_code == 401
    assert client.get("/v1/webhooks").status_code == 401
    bad = client.post("/v1/webhooks", json={"url": "ftp://example.org/x"}, headers=auth)
    assert bad.status_code == 400 and bad.json["field"] == "url"
    bad = client.post("/v1/webhooks", json={"url": receiver.url, "filters": {"kind": "count"}}, headers=auth)
    assert bad.status_code == 400 and bad.json["field"] == "filters"


def test_list_inspect_and_delete(client, auth, post_article, receiver):
    hook = subscribe(client, auth, receiver.url)
    listed = client.get("/v1/webhooks", headers=auth).json["data"]
    assert [h["id"] for h in listed] == [hook["id"]] and "secret" not in listed[0]
    post_article(SEEDS / "seed-000.txt")
    deliver()
    deliveries = client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=auth).json["data"]
    assert deliveries and all(d["status"] == "delivered" for d in deliveries)
    assert client.delete(f"/v1/webhooks/{hook['id']}", headers=auth).status_code == 204
    assert client.get(f"/v1/webhooks/{hook['id']}", headers=auth).status_code == 404
