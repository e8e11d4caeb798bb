"""JSON on the wire, encoded once.

The store's mapper (``service/store/rows.py``) already builds every record in
its wire shape, so a view hands its records straight to ``answer``: dumping
them again through the marshmallow schema would copy every field of every
record into an identical dict (a fifth of a cache miss's time). The schemas
still document the answers (``@blp.response``) and the tests check that the
mapper's records are exactly what the schemas would produce
(``tests/api/test_wire.py``).

``JSONProvider`` is Flask's, encoding with orjson (5-20x faster than the
standard library on pages of records); anything orjson cannot encode goes
through Flask's own provider, so the output never changes kind.
"""
from __future__ import annotations

from typing import Any

import orjson
from flask import Response, current_app
from flask.json.provider import DefaultJSONProvider

# datetimes go to Flask's default (as with the standard library), not orjson's own format
OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME


class JSONProvider(DefaultJSONProvider):
    sort_keys = False

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        if kwargs.keys() - {"separators"}:  # indent, sort_keys...: what only the standard library does
            return super().dumps(obj, **kwargs)
        try:
            return orjson.dumps(obj, default=self.default, option=OPTIONS).decode()
        except TypeError:  # e.g. a dict with non-string keys
            return super().dumps(obj, **kwargs)

    def response(self, *args: Any, **kwargs: Any) -> Response:
        if (self.compact is None and self._app.debug) or self.compact is False:
            return super().response(*args, **kwargs)
        return self._app.response_class(self.dumps(self._prepare_response_obj(args, kwargs)) + "\n",
                                        mimetype=self.mimetype)


def answer(body: Any, headers: dict | None = None) -> tuple[Response, dict]:
    """A 200 JSON answer of ``body``, records already in wire shape (not dumped again)."""
    return current_app.json.response(body), headers or {}
