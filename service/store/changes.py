"""The changes feed: every created, updated and deleted record, in the order it happened.

A consumer mirrors the data by polling ``list_changes`` from the last ``seq``
it saw and applying each entry: upsert the record, or delete it on a
tombstone. Entries carry the record as it is now (null once deleted), so
applying them in order always ends in the current state. The newest ``seq``
is also the data version behind every ETag.
"""
from __future__ import annotations

from .models import Briefing, Change, Figure, Quote, Speaker, Statement, Turn, database
from .queries import Page, aliases_of, names_in_rows, speaker_names, turn_records, with_speaker_name
from .rows import briefing_record, figure_record, quote_record, rfc3339, speaker_record, statement_record


VERSION_SQL = f'SELECT MAX(seq) FROM "{Change._meta.table_name}"'


def data_version() -> int:
    """The seq of the newest change: any write to the records moves it (asked on every GET, so kept raw)."""
    return database.execute_sql(VERSION_SQL).fetchone()[0] or 0


def _current(kind: str, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    if kind in ("statement", "quote"):
        model, build = (Statement, statement_record) if kind == "statement" else (Quote, quote_record)
        rows = list(with_speaker_name(model).where(model.id.in_(ids)).dicts())
        names = names_in_rows(rows)
        return {r["id"]: build(r, names) for r in rows}
    if kind == "turn":
        return {r["id"]: r for r in turn_records(list(with_speaker_name(Turn).where(Turn.id.in_(ids)).dicts()))}
    if kind == "figure":
        return {r["id"]: figure_record(r) for r in Figure.select().where(Figure.id.in_(ids)).dicts()}
    if kind == "speaker":
        aliases = aliases_of(ids)
        return {r["id"]: speaker_record(r, aliases.get(r["id"], []))
                for r in Speaker.select().where(Speaker.id.in_(ids)).dicts()}
    rows = list(Briefing.select().where(Briefing.id.in_(ids)).dicts())
    names = speaker_names({sid for r in rows for sid in r["participants"].split()})
    return {r["id"]: briefing_record(r, names) for r in rows}


def list_changes(*, after: int = 0, limit: int = 100) -> Page:
    """Changes after ``after``; the page's ``after`` is never None: it is where the next poll continues."""
    rows = list(Change.select().where(Change.seq > after).order_by(Change.seq).limit(limit).dicts())
    wanted: dict[str, list[str]] = {}
    for row in rows:
        if row["action"] != "deleted":
            wanted.setdefault(row["kind"], []).append(row["record_id"])
    current = {kind: _current(kind, ids) for kind, ids in wanted.items()}
    records = [
        {
            "seq": row["seq"],
            "kind": row["kind"],
            "id": row["record_id"],
            "briefing_id": row["briefing_id"],
            "action": row["action"],
            "at": rfc3339(row["at"]),
            "record": current.get(row["kind"], {}).get(row["record_id"]) if row["action"] != "deleted" else None,
        }
        for row in rows
    ]
    return Page(records, rows[-1]["seq"] if rows else after)
