"""GET /v1/statements.atom: Atom feeds (RFC 4287) for newsroom alert tools that subscribe to a query.

A feed is the newest matching statements; its id is derived from the query,
each entry's id from the statement's, so readers notice only what is new.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from xml.etree import ElementTree as ET

from flask import Response, request

from schemas.statement import StatementFeedQuerySchema

from ..store import queries
from ..store.rows import rfc3339
from .blueprint import Blueprint
from .caching import public_read

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)

blp = Blueprint("feeds", __name__, url_prefix="/v1", description="Atom feeds for alerts")


def _add(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def _headline(statement: dict) -> str:
    who = statement["speaker"]["name"] if statement["speaker"] else "Unattributed"
    cue = statement["cue"]["text"] if statement["cue"] else "said"
    content = statement["content"]["text"]
    return f"{who} {cue}: {content[:100]}{'…' if len(content) > 100 else ''}"


def statements_feed(statements: list[dict], briefings: dict[str, dict], *, self_url: str, base_url: str) -> bytes:
    """The feed document; ``briefings`` gives each statement's briefing (title, url, created_at)."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", "urn:briefings:feed:" + hashlib.sha256(self_url.encode()).hexdigest()[:24])
    _add(feed, "title", "Statements" + (f" ({self_url.split('?', 1)[1]})" if "?" in self_url else ""))
    stamps = [briefings[s["briefing_id"]]["created_at"] for s in statements if s["briefing_id"] in briefings]
    _add(feed, "updated", max(stamps) if stamps else rfc3339(dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))
    _add(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _add(feed, "generator", "briefings")
    for statement in statements:
        briefing = briefings.get(statement["briefing_id"], {})
        entry = _add(feed, "entry")
        _add(entry, "id", f"urn:briefings:statement:{statement['id']}")
        _add(entry, "title", _headline(statement))
        _add(entry, "updated", briefing.get("created_at"))
        author = _add(entry, "author")
        _add(author, "name", statement["speaker"]["name"] if statement["speaker"] else "Unattributed")
        _add(entry, "link", rel="related", href=f"{base_url}v1/briefings/{statement['briefing_id']}",
             type="application/json", title=briefing.get("title"))
        if briefing.get("url"):
            _add(entry, "link", rel="alternate", href=briefing["url"], type="text/html")
        _add(entry, "content", statement["content"]["text"], type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


@blp.route("/statements.atom")
@public_read
@blp.arguments(StatementFeedQuerySchema, location="query")
@blp.doc(responses={200: {"description": "An Atom feed of the newest matching statements",
                          "content": {"application/atom+xml": {"schema": {"type": "string"}}}}})
def statements_atom(args):
    """Subscribe to a query: the newest statements matching it, as an Atom feed (same filters as the list)."""
    page = queries.list_statements(order="newest", **args)
    briefings = queries.briefing_summaries({s["briefing_id"] for s in page.records})
    body = statements_feed(page.records, briefings, self_url=request.url, base_url=request.host_url)
    return Response(body, mimetype="application/atom+xml")
