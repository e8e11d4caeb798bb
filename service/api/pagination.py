"""Opaque cursors and the ``Link: rel="next"`` header.

A cursor is the ``seq`` to continue after, in hex; clients treat it as
opaque, so the encoding can change without breaking them. Its pattern is in
the spec, and every string of that pattern is a cursor, so a client (or a
fuzzer) that keeps to the spec is never refused.
"""
from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import urlencode

from flask import request
from flask_smorest import abort

from schemas.common import CURSOR_PATTERN

LEGACY_PREFIX = "c1:"  # cursors were base64 of "c1:<seq>": mirrors keep their `since`, so they still work


def encode(after: int) -> str:
    return format(after, "x")


def decode(cursor: str | None, parameter: str = "cursor") -> int:
    """The seq a cursor continues after (0 for the first page); a bad cursor is a 400 naming it."""
    if not cursor:
        return 0
    if re.fullmatch(CURSOR_PATTERN, cursor):
        return int(cursor, 16)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        digits = raw.removeprefix(LEGACY_PREFIX)
        if raw.startswith(LEGACY_PREFIX) and digits.isascii() and digits.isdigit() and len(digits) <= 18:
            return int(digits)
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
