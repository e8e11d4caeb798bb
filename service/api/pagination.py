"""Opaque cursors and the ``Link: rel="next"`` header.

A cursor wraps the ``seq`` to continue after; clients treat it as opaque, so
the encoding can change without breaking them.
"""
from __future__ import annotations

import base64
import binascii
from urllib.parse import urlencode

from flask import request
from flask_smorest import abort

PREFIX = "c1:"
MAX_SEQ = 2**63 - 1  # the largest seq a database column holds: a larger one is no cursor this API gave


def encode(after: int) -> str:
    return base64.urlsafe_b64encode(f"{PREFIX}{after}".encode()).decode().rstrip("=")


def decode(cursor: str | None, parameter: str = "cursor") -> int:
    """The seq a cursor continues after (0 for the first page); a bad cursor is a 400 naming it."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if raw.startswith(PREFIX) and raw[len(PREFIX):].isdigit() and int(raw[len(PREFIX):]) <= MAX_SEQ:
            return int(raw[len(PREFIX):])
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    abort(400, message=f"{parameter}: not a cursor this API returned (use the `next` value of a page)",
          parameter=parameter)


def page_body(page, cursor_param: str = "cursor") -> tuple[dict, dict]:
    """The body and headers of one page: ``{"data": [...], "next": cursor|null}`` and its Link header.

    The Link continues with the parameter the list reads its cursor from (``since`` for the changes feed).
    """
    headers = {}
    nxt = encode(page.after) if page.after is not None else None
    if nxt:
        args = request.args.to_dict(flat=False)
        args[cursor_param] = [nxt]
        headers["Link"] = f'<{request.base_url}?{urlencode(args, doseq=True)}>; rel="next"'
    return {"data": page.records, "next": nxt, **page.summary}, headers
