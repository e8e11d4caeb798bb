"""Refusing control characters (and JSON too deep to read) before any view sees a request.

A NUL in a parameter or field reached PostgreSQL and failed there (500), and a
webhook filter holding one failed every later ingest. Control characters other
than tab, CR and LF have no place in an id, a filter, a URL or an article, so
any query parameter, path part or JSON string holding one is a 400 problem
naming it. Article text sent as text/markdown is checked where it is read
(``extract/articles.py``).
"""
from __future__ import annotations

import json
import re

from apispec import BasePlugin
from flask import request
from flask_smorest import abort

from schemas.common import CONTROL_CHARACTERS, PLAIN

CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")


class PlainStringParameters(BasePlugin):
    """Say so in the spec: every string parameter without a pattern of its own gets ``PLAIN``."""

    @staticmethod
    def _mark(parameters) -> None:
        for parameter in parameters or ():
            schema = parameter.get("schema") if isinstance(parameter, dict) else None
            if isinstance(schema, dict):
                target = schema.get("items", schema) if schema.get("type") == "array" else schema
                if target.get("type") == "string" and "pattern" not in target and "enum" not in target:
                    target["pattern"] = PLAIN

    def path_helper(self, path=None, operations=None, parameters=None, **kwargs):
        self._mark(parameters)

    def operation_helper(self, path=None, operations=None, **kwargs):
        for operation in (operations or {}).values():
            self._mark(operation.get("parameters"))


def _refuse(name: str, where: str) -> None:
    abort(400, message=f"{name}: control characters (other than tab, CR and LF) are not accepted",
          **{where: name})


def _strings(value, path: str):
    """(path, string) for every key and string in a JSON value, without recursion."""
    stack = [(value, path)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, str):
            yield at, item
        elif isinstance(item, dict):
            for key, inner in item.items():
                name = f"{at}.{key}" if at else str(key)
                yield name, str(key)
                stack.append((inner, name))
        elif isinstance(item, list):
            stack.extend((inner, f"{at}[{i}]") for i, inner in enumerate(item))


def refuse_control_characters() -> None:
    for name, value in list(request.args.items(multi=True)) + list((request.view_args or {}).items()):
        if CONTROL.search(name) or (isinstance(value, str) and CONTROL.search(value)):
            _refuse(name, "parameter")
    if not request.is_json:
        return
    try:
        body = json.loads(request.get_data(cache=True))
    except RecursionError:
        abort(400, message="the JSON body is nested too deeply to read")
    except ValueError:
        return  # not JSON: the view's parser says why
    for name, value in _strings(body, ""):
        if CONTROL.search(value):
            _refuse(name or "body", "field")
