"""The read side: every list and lookup the API serves, as records ready to serialise.

Lists are keyset-paginated on ``seq``: a page is "the next ``limit`` rows
after ``after``", which costs the same on the last page as on the first and
never skips or repeats a row when others are inserted meanwhile.
"""
from __future__ import annotations

from dataclasses import dataclass
from peewee import JOIN

from .models import Briefing, Figure, Quote, Speaker, SpeakerAlias, Statement
from .rows import (
    Rows,
    briefing_record,
    expanded_record,
    figure_record,
    quote_record,
    speaker_record,
    statement_record,
)
from .speakers import speakers_named


@dataclass
class Page:
    records: list[dict]
    after: int | None  # the seq to continue after, or None on the last page


def _page(query, model, after: int, limit: int) -> tuple[list[dict], int | None]:
    rows = list(query.where(model.seq > after).order_by(model.seq).limit(limit + 1).dicts())
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1]["seq"] if more and rows else None)


def _speaker_filters(model, speaker: str | None, speaker_id: str | None) -> list:
    filters = []
    if speaker is not None:
        filters.append(model.speaker.in_(speakers_named(speaker)))
    if speaker_id is not None:
        filters.append(model.speaker == speaker_id)
    return filters


def with_speaker_name(model):
    return (
        model.select(model, Speaker.name.alias("speaker_name"))
        .join(Speaker, JOIN.LEFT_OUTER, on=(model.speaker == Speaker.id))
        .switch(model)
    )


def names_in_rows(rows: list[dict]) -> dict[str, str]:
    return {r["speaker"]: r["speaker_name"] for r in rows if r["speaker"]}


def _where(query, filters: list):
    return query.where(*filters) if filters else query


def list_statements(*, speaker=None, speaker_id=None, briefing=None, type=None, after=0, limit=20) -> Page:
    filters = _speaker_filters(Statement, speaker, speaker_id)
    if briefing is not None:
        filters.append(Statement.briefing == briefing)
    if type is not None:
        filters.append(Statement.type == type)
    rows, nxt = _page(_where(with_speaker_name(Statement), filters), Statement, after, limit)
    names = names_in_rows(rows)
    return Page([statement_record(r, names) for r in rows], nxt)


def list_quotes(*, speaker=None, speaker_id=None, briefing=None, after=0, limit=20) -> Page:
    filters = _speaker_filters(Quote, speaker, speaker_id)
    if briefing is not None:
        filters.append(Quote.briefing == briefing)
    rows, nxt = _page(_where(with_speaker_name(Quote), filters), Quote, after, limit)
    names = names_in_rows(rows)
    return Page([quote_record(r, names) for r in rows], nxt)


def list_figures(*, kind=None, briefing=None, after=0, limit=20) -> Page:
    filters = []
    if kind is not None:
        filters.append(Figure.kind == kind)
    if briefing is not None:
        filters.append(Figure.briefing == briefing)
    rows, nxt = _page(_where(Figure.select(), filters), Figure, after, limit)
    return Page([figure_record(r) for r in rows], nxt)


def aliases_of(speaker_ids) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if speaker_ids:
        query = SpeakerAlias.select(SpeakerAlias.speaker, SpeakerAlias.alias).where(
            SpeakerAlias.speaker.in_(list(speaker_ids))
        ).order_by(SpeakerAlias.id)
        for row in query.tuples():
            out.setdefault(row[0], []).append(row[1])
    return out


def list_speakers(*, q=None, after=0, limit=20) -> Page:
    query = Speaker.select()
    if q is not None:
        query = query.where(Speaker.id.in_(speakers_named(q)))
    rows, nxt = _page(query, Speaker, after, limit)
    aliases = aliases_of([r["id"] for r in rows])
    return Page([speaker_record(r, aliases.get(r["id"], [])) for r in rows], nxt)


def get_speaker(speaker_id: str) -> dict | None:
    row = Speaker.select().where(Speaker.id == speaker_id).dicts().first()
    if row is None:
        return None
    return speaker_record(row, aliases_of([speaker_id]).get(speaker_id, []))


def speaker_names(ids) -> dict[str, str]:
    ids = list(ids)
    if not ids:
        return {}
    return dict(Speaker.select(Speaker.id, Speaker.name).where(Speaker.id.in_(ids)).tuples())


def list_briefings(*, kind=None, after=0, limit=20) -> Page:
    filters = [Briefing.kind == kind] if kind is not None else []
    rows, nxt = _page(_where(Briefing.select(), filters), Briefing, after, limit)
    names = speaker_names({sid for r in rows for sid in r["participants"].split()})
    return Page([briefing_record(r, names) for r in rows], nxt)


def get_briefing(briefing_id: str, expand: set[str] = frozenset()) -> dict | None:
    row = Briefing.select().where(Briefing.id == briefing_id).dicts().first()
    if row is None:
        return None

    def of(model):
        return list(model.select().where(model.briefing == briefing_id).order_by(model.seq).dicts())

    rows = Rows(briefing=row)
    if expand & {"statements", "speakers"}:
        rows.statements = of(Statement)
    if expand & {"quotes", "speakers"}:
        rows.quotes = of(Quote)
    if "figures" in expand:
        rows.figures = of(Figure)
    speaker_ids = {r["speaker"] for r in rows.statements + rows.quotes if r["speaker"]}
    speaker_ids |= set(row["participants"].split())
    if speaker_ids:
        rows.speakers = list(Speaker.select().where(Speaker.id.in_(list(speaker_ids))).order_by(Speaker.seq).dicts())
    record = expanded_record(rows, expand, aliases_of(speaker_ids) if "speakers" in expand else None)
    return record


def briefing_count() -> int:
    return Briefing.select().count()
