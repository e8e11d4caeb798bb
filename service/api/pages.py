"""HTML pages for people: /briefings (search), /briefings/{id} (the article with its evidence), /speakers/{id}.

The page a reporter sends an editor to check an attribution. Rendered on the
server from the Jinja templates beside this module, from the same records
the JSON API returns; nothing is loaded from elsewhere and no script runs:
the styles are inline, the hover notes are ``title`` attributes, and the
``Content-Security-Policy`` forbids every script, so an article containing
markup is shown as text and could not run even if it were not escaped.
"""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, current_app, render_template, request, url_for

from ..store import queries
from ..store.facets import Summary
from .annotate import annotate, spans_of
from .auth import key_is_valid, presented_key, refuse
from .pagination import decode, encode

blp = Blueprint("pages", __name__, template_folder="templates")
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
PER_PAGE = 50


@blp.before_request
def _reads_may_need_a_key():
    if current_app.config.get("READS_NEED_KEY") and not key_is_valid(presented_key()):
        refuse()


@blp.after_request
def _no_scripts(response):
    response.headers["Content-Security-Policy"] = POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _next_url(after: int | None) -> str | None:
    if after is None:
        return None
    args = request.args.to_dict()
    args["cursor"] = encode(after)
    return f"{request.path}?{urlencode(args)}"


def _cursor() -> int:
    return decode(request.args.get("cursor"))


@blp.route("/briefings")
def briefings():
    q = (request.args.get("q") or "").strip()[:200] or None
    page = queries.list_briefings(q=q, after=_cursor(), limit=PER_PAGE, summary=Summary(count=True))
    json_url = url_for("briefings.list_briefings", **({"q": q} if q else {}))
    return render_template("briefings.html", rows=page.records, q=q, count=page.summary["count"],
                           next_url=_next_url(page.after), json_url=json_url)


@blp.route("/briefings/<string:briefing_id>")
def briefing(briefing_id):
    record = queries.get_briefing(briefing_id, {"statements", "quotes", "figures", "speakers"})
    if record is None:
        abort(404)
    if not (record["source"]["url"] or "").lower().startswith(("https://", "http://")):
        record["source"]["url"] = None  # no javascript: or data: link from an article's metadata
    json_url = url_for("briefings.get_briefing", briefing_id=briefing_id, expand="statements,quotes,figures,speakers")
    return render_template("briefing.html", briefing=record, nodes=annotate(record["text"], spans_of(record)),
                           json_url=json_url)


@blp.route("/speakers/<string:speaker_id>")
def speaker(speaker_id):
    record = queries.get_speaker(speaker_id)
    if record is None:
        abort(404)
    page = queries.list_statements(speaker_id=speaker_id, after=_cursor(), limit=PER_PAGE)
    return render_template("speaker.html", speaker=record, rows=page.records, next_url=_next_url(page.after),
                           json_url=url_for("speakers.speaker_statements", speaker_id=speaker_id))
