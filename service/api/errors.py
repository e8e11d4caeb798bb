"""RFC 9457 problem documents for every error the API returns.

flask-smorest routes every ``HTTPException`` (webargs validation errors,
``abort`` calls, unknown routes, and unhandled exceptions turned into 500s)
through ``Api.handle_http_exception``; ``problem_response`` is what it returns.
"""
from __future__ import annotations

from flask import jsonify
from werkzeug.exceptions import HTTPException

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPES = {
    400: "invalid-request",
    401: "unauthorized",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid-article",
    500: "server-error",
}


def _first_message(messages: dict) -> tuple[str | None, str | None, str]:
    """(location, name, message) of the first validation error webargs reported."""
    for location, fields in messages.items():
        if isinstance(fields, dict):
            for name, msgs in fields.items():
                msg = msgs[0] if isinstance(msgs, list) and msgs else msgs
                while isinstance(msg, dict):  # a list item or nested field: report it under its parameter
                    inner = next(iter(msg.values()))
                    msg = inner[0] if isinstance(inner, list) and inner else inner
                return location, str(name), str(msg)
        return location, None, str(fields)
    return None, None, "invalid request"


def problem_response(error: HTTPException):
    data = getattr(error, "data", None) or {}
    status = error.code or 500
    problem = {
        "type": f"/problems/{PROBLEM_TYPES.get(status, 'http-error')}",
        "title": error.name,
        "status": status,
    }
    messages = data.get("messages")
    if messages:
        location, name, message = _first_message(messages)
        if name is not None:
            problem["parameter" if location in ("query", "querystring", "view_args") else "field"] = name
            problem["detail"] = f"{name}: {message}"
        else:
            problem["detail"] = message
        problem["errors"] = messages
    elif data.get("message"):
        problem["detail"] = data["message"]
        for key in ("parameter", "field"):
            if data.get(key):
                problem[key] = data[key]
    elif error.description and status != 500:
        problem["detail"] = error.description
    response = jsonify(problem)
    response.status_code = status
    response.content_type = PROBLEM_CONTENT_TYPE
    for key, value in (data.get("headers") or {}).items():
        response.headers[key] = value
    if getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response
