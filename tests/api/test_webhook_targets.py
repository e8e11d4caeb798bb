"""Issue 11.6: webhooks reach public addresses only, follow no redirect, say nothing about what they could not
reach, and one slow subscriber does not hold up the others."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from service.delivery import NO_ANSWER, deliver_due
from service.store.models import Delivery, database
from tests.api.test_webhooks import Receiver, deliver, subscribe
from tests.conftest import SEEDS

INTERNAL = [
    "http://127.0.0.1:8000/hook", "http://localhost/hook", "http://0x7f000001/", "http://2130706433/",
    "http://127.1/", "http://0177.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/",
    "http://100.64.0.1/", "http://[fe80::1]/", "http://[fd00::1]/", "http://224.0.0.1/", "http://240.0.0.1/",
]


@pytest.fixture
def public_only(app):
    app.config["WEBHOOKS_ALLOW_PRIVATE"] = False


@pytest.mark.parametrize("url", INTERNAL)
def test_internal_targets_are_refused_at_subscribe(client, auth, public_only, url):
    response = client.post("/v1/webhooks", json={"url": url}, headers=auth)
    assert response.status_code == 400 and response.json["field"] == "url", response.json
    assert "public" in response.json["detail"]


@pytest.mark.parametrize("url", ["http://user:pass@example.org/", "http://a@127.0.0.1/"])
def test_credentials_in_the_url_are_refused_even_with_private_targets_allowed(client, auth, url):
    response = client.post("/v1/webhooks", json={"url": url}, headers=auth)
    assert response.status_code == 400 and "credentials" in response.json["detail"]


@pytest.mark.parametrize("url", ["http://[", "http://[::1/", "https://]/"])
def test_malformed_urls_are_a_400_naming_the_field(client, auth, url):
    response = client.post("/v1/webhooks", json={"url": url}, headers=auth)
    assert response.status_code == 400 and response.json["field"] == "url", response.json


def test_internal_targets_are_refused_at_send_time(client, auth, post_article):
    receiver = Receiver()
    try:
        hook = subscribe(client, auth, receiver.url)
        post_article(SEEDS / "seed-000.txt")
        with database.connection_context():
            tally = deliver_due()  # the sender's default: public targets only
        assert tally["delivered"] == 0 and receiver.received == []
        errors = {d["last_error"] for d in client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=auth).json["data"]}
        assert len(errors) == 1 and errors.pop().startswith("refused: the URL's host is not a public address")
    finally:
        receiver.close()


def test_redirects_are_not_followed(client, auth, post_article):
    target, redirector = Receiver(), Receiver()
    redirector.statuses = [302] * 100
    redirector.headers = {"Location": target.url}
    try:
        subscribe(client, auth, redirector.url)
        post_article(SEEDS / "seed-000.txt")
        assert deliver()["delivered"] == 0
        assert redirector.received and target.received == []
        with database.connection_context():
            assert {d.last_error for d in Delivery.select()} == {"HTTP 302"}
    finally:
        target.close()
        redirector.close()


def test_last_error_does_not_tell_a_closed_port_from_a_silent_one(client, auth, post_article, monkeypatch):
    import service.delivery as delivery

    monkeypatch.setattr(delivery, "TIMEOUT", 0.5)
    silent = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)  # accepts, never answers
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    closed_port = closed.server_port
    closed.server_close()
    try:
        subscribe(client, auth, f"http://127.0.0.1:{silent.server_port}/")
        subscribe(client, auth, f"http://127.0.0.1:{closed_port}/")
        post_article(SEEDS / "seed-000.txt")
        deliver()
        with database.connection_context():
            assert {d.last_error for d in Delivery.select()} == {NO_ANSWER}
    finally:
        silent.server_close()


def test_a_slow_subscriber_does_not_hold_up_the_others(client, auth, post_article):
    """The slow receiver holds its first request until the fast one has every message: sent one after the
    other, the fast one would get nothing until the slow one gave up."""
    fast = Receiver()
    released = threading.Event()
    slow_started = []

    class Slow(BaseHTTPRequestHandler):
        def do_POST(self):
            slow_started.append(1)
            released.wait(10)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    slow = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    try:
        subscribe(client, auth, f"http://127.0.0.1:{slow.server_port}/slow")
        subscribe(client, auth, fast.url)
        post_article(SEEDS / "seed-000.txt")
        with database.connection_context():
            expected = Delivery.select().count() // 2
        done = threading.Thread(target=deliver)
        done.start()
        for _ in range(100):
            if len(fast.received) == expected:
                break
            released.wait(0.05)
        fast_count = len(fast.received)
        released.set()
        done.join(30)
        assert slow_started and fast_count == expected > 0
    finally:
        released.set()
        slow.shutdown()
        fast.close()
