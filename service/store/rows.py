"""Between parsed documents, table rows and the records the API returns.

``document_rows`` turns a parsed ``Document`` into the rows ingestion writes;
the ``*_record`` functions turn rows (from the database, or straight from
``document_rows`` when nothing is stored, as in ``briefings parse``) into the
wire records that ``schemas/`` describes. Both paths go through the same
functions, so a parsed article and a stored one look the same.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..extract import PARSER_VERSION
from ..extract.articles import Article
from ..extract.ids import briefing_id
from ..extract.names import fold
from ..extract.records import Document, Span


@dataclass
class Rows:
    """The rows of one article, by table."""

    briefing: dict
    speakers: list[dict] = field(default_factory=list)
    aliases: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    turns: list[dict] = field(default_factory=list)
    appearances: list[dict] = field(default_factory=list)


def folded_alias(alias: str) -> str:
    """The searchable form of a name: folded words padded with spaces, so " word " matches whole words."""
    return f" {fold(alias)} "


def _spread(prefix: str, span: Span | None) -> dict:
    if span is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_text": span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def document_rows(doc: Document, article: Article, stored_on: dt.date | None = None) -> Rows:
    """The rows of a parsed article; ``stored_on`` (default today) dates a briefing that gives no date."""
    bid = briefing_id(doc.content_hash)
    b = doc.briefing
    day = b.date or article.published_date or (stored_on or dt.datetime.now(dt.timezone.utc).date()).isoformat()
    rows = Rows(
        briefing={
            "id": bid,
            "content_hash": doc.content_hash,
            "title": article.title or doc.title,
            "text": doc.text,
            "kind": b.kind,
            "date": b.date,
            "day": day,
            "date_text": b.date_text,
            "location": b.location,
            "host": b.host,
            "participants": " ".join(b.participants),
            "publisher": article.publisher,
            "url": article.url,
            "published_at": article.published_at,
            "parser_version": PARSER_VERSION,
        }
    )
    for sp in doc.speakers.values():
        rows.speakers.append(
            {"id": sp.id, "name": sp.name, "kind": sp.kind, "role": sp.role, "affiliation": sp.affiliation}
        )
        rows.appearances.append({"briefing": bid, "speaker": sp.id, "role": sp.role, "affiliation": sp.affiliation,
                                 "day": day, "participant": sp.id in b.participants})
        seen = set()
        for alias in [sp.name, *sp.aliases]:
            key = folded_alias(alias)
            if key.strip() and key not in seen:
                seen.add(key)
                rows.aliases.append({"speaker": sp.id, "alias": alias, "folded": key})
    for st in doc.statements:
        rows.statements.append(
            {
                "id": st.id,
                "briefing": bid,
                "speaker": st.speaker_id,
                **_spread("mention", st.speaker_mention),
                **_spread("cue", st.cue),
                **_spread("content", st.content),
                "type": st.type,
                "quote_ids": " ".join(st.quote_ids),
                "confidence": round(st.confidence, 3),
                "rule": st.rule,
            }
        )
    for q in doc.quotes:
        rows.quotes.append(
            {
                "id": q.id,
                "briefing": bid,
                "statement_id": q.statement_id,
                "speaker": q.speaker_id,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "partial": q.partial,
                "closed": q.closed,
            }
        )
    for position, t in enumerate(doc.turns):
        rows.turns.append(
            {
                "id": t.id,
                "briefing": bid,
                "position": position,
                "kind": t.kind,
                "speaker": t.speaker_id,
                **_spread("label", t.label),
                **_spread("text", t.text),
                "answers": t.answers,
                "directions": " ".join(f"{d.start}:{d.end}" for d in t.directions),
            }
        )
    for f in doc.figures:
        is_number = isinstance(f.value, (int, float)) and not isinstance(f.value, bool)
        rows.figures.append(
            {
                "id": f.id,
                "briefing": bid,
                "statement_id": f.statement_id,
                "text": f.text,
                "start": f.start,
                "end": f.end,
                "kind": f.kind,
                "number": float(f.value) if is_number else None,
                "date_value": f.value if isinstance(f.value, str) else None,
                "unit": f.unit,
                "qualifier": f.qualifier,
                "subject": f.subject,
                "event": f.event,
                "part_of": f.part_of,
            }
        )
    return rows


# ---------------------------------------------------------------- rows -> records


def rfc3339(stamp: dt.datetime | None) -> str | None:
    """A stored (naive UTC) time as RFC 3339 with its offset."""
    if stamp is None:
        return None
    if isinstance(stamp, str):  # SQLite may hand back text
        stamp = dt.datetime.fromisoformat(stamp)
    return stamp.replace(tzinfo=dt.timezone.utc, microsecond=0).isoformat().replace("+00:00", "Z")


def _evidence(row: dict, prefix: str) -> dict | None:
    start = row.get(f"{prefix}_start")
    if start is None:
        return None
    return {"text": row[f"{prefix}_text"], "start": start, "end": row[f"{prefix}_end"]}


def _speaker_ref(speaker_id: str | None, names: dict[str, str]) -> dict | None:
    return {"id": speaker_id, "name": names.get(speaker_id)} if speaker_id else None


def statement_record(row: dict, names: dict[str, str]) -> dict:
    return {
        "id": row["id"],
        "briefing_id": row["briefing"],
        "speaker": _speaker_ref(row["speaker"], names),
        "speaker_mention": _evidence(row, "mention"),
        "cue": _evidence(row, "cue"),
        "content": _evidence(row, "content"),
        "type": row["type"],
        "quote_ids": row["quote_ids"].split(),
        "confidence": row["confidence"],
        "rule": row["rule"],
    }


def quote_record(row: dict, names: dict[str, str]) -> dict:
    return {
        "id": row["id"],
        "briefing_id": row["briefing"],
        "statement_id": row["statement_id"],
        "speaker": _speaker_ref(row["speaker"], names),
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "partial": bool(row["partial"]),
        "closed": bool(row["closed"]),
    }


def figure_record(row: dict) -> dict:
    number = row["number"]
    if number is not None and float(number).is_integer():
        number = int(number)
    return {
        "id": row["id"],
        "briefing_id": row["briefing"],
        "statement_id": row["statement_id"],
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "value": row["date_value"] if row["date_value"] is not None else number,
        "kind": row["kind"],
        "unit": row["unit"],
        "qualifier": row["qualifier"],
        "subject": row["subject"],
        "event": row["event"],
        "part_of": row["part_of"],
    }


def turn_record(row: dict, names: dict[str, str], answered_by: list[str], text: str | None = None) -> dict:
    """A turn; ``text`` (the briefing's) gives its stage directions their words."""
    directions = []
    for pair in row["directions"].split():
        start, end = (int(n) for n in pair.split(":"))
        directions.append({"text": text[start:end] if text is not None else None, "start": start, "end": end})
    return {
        "id": row["id"],
        "briefing_id": row["briefing"],
        "position": row["position"],
        "kind": row["kind"],
        "speaker": _speaker_ref(row["speaker"], names),
        "label": _evidence(row, "label"),
        "text": _evidence(row, "text"),
        "answers": row["answers"],
        "answered_by": answered_by,
        "directions": directions,
    }


def answers_by_question(turns: list[dict]) -> dict[str, list[str]]:
    """The ids of the turns answering each question, from the answers' ``answers``."""
    out: dict[str, list[str]] = {}
    for t in turns:
        if t["answers"]:
            out.setdefault(t["answers"], []).append(t["id"])
    return out


def speaker_record(row: dict, aliases: list[str]) -> dict:
    return {
        "id": row["id"],
        "name": row["name"],
        "kind": row["kind"],
        "role": row["role"],
        "affiliation": row["affiliation"],
        "aliases": aliases,
    }


def briefing_record(row: dict, names: dict[str, str]) -> dict:
    return {
        "id": row["id"],
        "title": row["title"],
        "text": row["text"],
        "kind": row["kind"],
        "date": row["date"],
        "date_text": row["date_text"],
        "location": row["location"],
        "host": row["host"],
        "participants": [_speaker_ref(sid, names) for sid in row["participants"].split()],
        "source": {
            "publisher": row["publisher"],
            "url": row["url"],
            "published_at": rfc3339(row["published_at"]),
        },
        "content_hash": row["content_hash"],
        "parser_version": row["parser_version"],
        "created_at": rfc3339(row.get("created_at")),
        "updated_at": rfc3339(row.get("updated_at")),
    }


def expanded_record(rows: Rows, expand: set[str], aliases: dict[str, list[str]] | None = None) -> dict:
    """A briefing with the records named in ``expand`` (statements, quotes, figures, speakers, turns)."""
    names = {sp["id"]: sp["name"] for sp in rows.speakers}
    record = briefing_record(rows.briefing, names)
    if "statements" in expand:
        record["statements"] = [statement_record(r, names) for r in rows.statements]
    if "quotes" in expand:
        record["quotes"] = [quote_record(r, names) for r in rows.quotes]
    if "figures" in expand:
        record["figures"] = [figure_record(r) for r in rows.figures]
    if "turns" in expand:
        answered = answers_by_question(rows.turns)
        record["turns"] = [turn_record(r, names, answered.get(r["id"], []), rows.briefing["text"]) for r in rows.turns]
    if "speakers" in expand:
        if aliases is None:
            aliases = {}
            for a in rows.aliases:
                aliases.setdefault(a["speaker"], []).append(a["alias"])
        record["speakers"] = [speaker_record(sp, aliases.get(sp["id"], [])) for sp in rows.speakers]
    return record


EXPANSIONS = ("statements", "quotes", "figures", "speakers", "turns")
