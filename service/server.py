"""gunicorn's threaded worker, answering the requests gunicorn itself refuses as problem documents too.

gunicorn reads the request line and headers before the application sees them, and
refuses one over its limits (a request line over 4,094 bytes, too many or too long
headers) with a text/html page. Clients of this API expect RFC 9457 problem
documents for every error, so this worker writes those instead; every other error
is left to gunicorn.
"""
from __future__ import annotations

import json

from gunicorn import util
from gunicorn.http import errors
from gunicorn.workers.gthread import ThreadWorker

# gunicorn's refusal -> (status, title, problem type)
REFUSALS = (
    (errors.LimitRequestLine, 414, "URI Too Long", "uri-too-long"),
    (errors.LimitRequestHeaders, 431, "Request Header Fields Too Large", "headers-too-large"),
)


def problem_bytes(status: int, title: str, kind: str, detail: str) -> bytes:
    body = json.dumps({"type": f"/problems/{kind}", "title": title, "status": status, "detail": detail}).encode()
    head = (f"HTTP/1.1 {status} {title}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


class ProblemWorker(ThreadWorker):
    def handle_error(self, req, client, addr, exc):
        refusal = next((r for r in REFUSALS if isinstance(exc, r[0])), None)
        if refusal is None:
            return super().handle_error(req, client, addr, exc)
        _, status, title, kind = refusal
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        detail = ("the request line is longer than the server reads (4,094 bytes): send fewer or shorter parameters"
                  if status == 414 else f"the request's headers are over the server's limits: {exc}")
        try:
            util.write_nonblock(client, problem_bytes(status, title, kind, detail))
        except OSError:
            self.log.debug("Failed to send error message.")
