"""Issue 11.7: malformed input is a 4xx problem document, never a 500."""
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from service.api.pagination import encode
from tests.conftest import ROOT


@pytest.mark.parametrize("published_at", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:30:00-05:00"])
def test_published_dates_out_of_range_in_utc_are_a_422(post_article, published_at):
    response = post_article(json.dumps({"text": "Headline\n\nBody.", "published_at": published_at}),
                            content_type="application/json")
    assert response.status_code == 422 and response.json["field"] == "published_at"


def test_deeply_nested_json_is_a_400(client, auth):
    body = "[" * 100_000 + "]" * 100_000
    for path in ("/v1/webhooks", "/v1/articles", "/v1/parse"):
        response = client.post(path, data=body, headers={**auth, "Content-Type": "application/json"})
        assert response.status_code == 400 and response.content_type == "application/problem+json", path


@pytest.mark.parametrize("value", [2**63, 2**63 + 1, 10**30])
def test_cursors_past_the_largest_seq_are_a_400(client, value):
    for path, name in (("/v1/statements", "cursor"), ("/v1/changes", "since")):
        response = client.get(path, query_string={name: encode(value)})
        assert response.status_code == 400 and response.json["parameter"] == name


def test_the_largest_seq_is_still_a_cursor(client):
    assert client.get("/v1/statements", query_string={"cursor": encode(2**63 - 1)}).json["data"] == []


def test_truncated_json_is_a_400(client, auth):
    for path in ("/v1/webhooks", "/v1/articles"):
        response = client.post(path, data='{"url": "http://127.0.0.1:9/', headers={**auth, "Content-Type": "application/json"})
        assert response.status_code == 400, (path, response.json)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`briefings serve` on a free local port (gunicorn, as in production)."""
    port, folder = _free_port(), tmp_path_factory.mktemp("served")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'served.db'}", "BRIEFINGS_SEEDS": str(folder)}
    server = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--workers", "1"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield port
    server.terminate()
    server.wait(10)


def _raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), 10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def test_a_request_line_over_4_kb_is_a_414_problem(served):
    answer = _raw(served, b"GET /v1/statements?q=" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 414") and b"Content-Type: application/problem+json" in head
    assert json.loads(body)["status"] == 414


def test_a_short_request_line_is_served(served):
    answer = _raw(served, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200")
