"""The read side: every list and lookup the API serves, as records ready to serialise.

Lists are keyset-paginated on ``seq``: a page is "the next ``limit`` rows
after ``after``", which costs the same on the last page as on the first and
never skips or repeats a row when others are inserted meanwhile. A list with
``q`` is ranked by relevance instead, and pages by position in that ranking.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from peewee import JOIN, Value, fn

from ..extract.names import fold_words
from . import search
from .facets import Selection, Summary, summarise
from .models import Appearance, Briefing, Figure, Quote, Speaker, SpeakerAlias, Statement, Turn
from .rows import (
    Rows,
    briefing_record,
    expanded_record,
    figure_record,
    quote_record,
    rfc3339,
    speaker_record,
    statement_record,
    turn_record,
)
from .speakers import speakers_named, speakers_with_role


@dataclass
class Page:
    records: list[dict]
    after: int | None  # where the next page starts (a seq, or a rank position), or None on the last page
    summary: dict = field(default_factory=dict)  # "facets" and "count" over every matching row, when asked for


def _where(query, filters: list):
    return query.where(*filters) if filters else query


def _by_position(query, ordering: list, after: int, limit: int) -> tuple[list[dict], int | None]:
    """A page of a list not ordered by seq (by relevance, by value): ``after`` is a position in it."""
    rows = list(query.order_by(*ordering).offset(after).limit(limit + 1).dicts())
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (after + len(rows) if more else None)


def _rows(model, query, filters: list, q: str | None, after: int, limit: int,
          order: str | None = None, gather: bool = False, ordering: list | None = None
          ) -> tuple[list[dict], int | None]:
    """One page of rows, ``oldest`` or ``newest`` first by seq, or by ``ordering`` when given; with ``q``
    only matching rows (each with its ``rank`` and ``snippet``), by relevance unless an order is asked for.

    ``gather``: the filters pick rows scattered over the table (the statements of several speakers), so
    they are better collected through their own index than met by walking the table in seq order, which
    PostgreSQL's planner would otherwise choose for a small LIMIT. The page's seqs are found first, from the
    index alone (sorting on ``seq + 0`` keeps the planner off the seq order), then its rows are read.
    """
    if gather and q is None:
        key = model.seq + 0
        first = _where(model.select(model.seq), filters)
        if order == "newest":
            first = (first.where(model.seq < after) if after else first).order_by(key.desc())
        else:
            first = first.where(model.seq > after).order_by(key)
        seqs = [seq for (seq,) in first.limit(limit + 1).tuples()]
        filters = [model.seq.in_(seqs)]
    query = _where(query, filters)
    if q is not None:
        match = search.matching(model, query, q)
        if match is None:
            return [], None
        query = match.query.select_extend(match.rank.alias("rank"), match.snippet.alias("snippet"))
        if order is None:
            return _by_position(query, [match.rank, model.seq], after, limit)
    if ordering is not None:
        return _by_position(query, ordering, after, limit)
    if order == "newest":
        query = (query.where(model.seq < after) if after else query).order_by(model.seq.desc())
    else:
        query = query.where(model.seq > after).order_by(model.seq)
    rows = list(query.limit(limit + 1).dicts())
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1]["seq"] if more and rows else None)


def _with_match(record: dict, row: dict) -> dict:
    if "rank" in row:
        record["match"] = {"score": round(-float(row["rank"]), 6), "snippet": search.highlighted(row["snippet"])}
    return record


def _speaker_filters(model, speaker: str | None, speaker_id: str | None) -> tuple[list, bool]:
    """The filters for a speaker named (whole words) or by id, and whether they name several speakers."""
    filters, named = [], []
    if speaker is not None:
        named = speakers_named(speaker)
        filters.append(model.speaker == named[0] if len(named) == 1 else model.speaker.in_(named))
    if speaker_id is not None:
        filters.append(model.speaker == speaker_id)
    return filters, len(named) > 1 and speaker_id is None


def with_speaker_name(model):
    return (
        model.select(model, Speaker.name.alias("speaker_name"))
        .join(Speaker, JOIN.LEFT_OUTER, on=(model.speaker == Speaker.id))
        .switch(model)
    )


def names_in_rows(rows: list[dict]) -> dict[str, str]:
    return {r["speaker"]: r["speaker_name"] for r in rows if r["speaker"]}


def _what_was_said(model, build, filters, *, speaker, speaker_id, briefing, q, since, until, order, after,
                   limit, summary) -> Page:
    """Statements or quotes: the filters both lists share, then one page of records with their speaker's name."""
    by_speaker, several = _speaker_filters(model, speaker, speaker_id)
    filters += by_speaker
    if briefing is not None:
        filters.append(model.briefing == briefing)
    if since is not None or until is not None:
        filters.append(model.briefing.in_(_dated_briefings(since, until)))
    rows, nxt = _rows(model, with_speaker_name(model), filters, q, after, limit, order, gather=several)
    names = names_in_rows(rows)
    return Page([_with_match(build(r, names), r) for r in rows], nxt, summarise(Selection(model, filters, q), summary))


def _role_filters(model, role: str | None) -> list:
    """Rows of speakers whose role holds every word of ``role`` ("spokesperson")."""
    return [] if role is None else [model.speaker.in_(speakers_with_role(role))]


def list_statements(*, speaker=None, speaker_id=None, role=None, briefing=None, type=None, q=None, since=None,
                    until=None, order=None, after=0, limit=20, summary: Summary | None = None) -> Page:
    return _what_was_said(Statement, statement_record,
                          _role_filters(Statement, role) + ([Statement.type == type] if type is not None else []),
                          speaker=speaker, speaker_id=speaker_id, briefing=briefing, q=q, since=since, until=until,
                          order=order, after=after, limit=limit, summary=summary)


def list_quotes(*, speaker=None, speaker_id=None, role=None, briefing=None, q=None, since=None, until=None,
                order=None, after=0, limit=20, summary: Summary | None = None) -> Page:
    return _what_was_said(Quote, quote_record, _role_filters(Quote, role), speaker=speaker, speaker_id=speaker_id, briefing=briefing, q=q,
                          since=since, until=until, order=order, after=after, limit=limit, summary=summary)


def list_figures(*, kind=None, unit=None, subject=None, min_value=None, max_value=None, qualifier=None, speaker=None,
                 speaker_id=None, briefing=None, sort=None, order=None, after=0, limit=20,
                 summary: Summary | None = None) -> Page:
    """Figures; ``subject`` matches whole words of the counted noun, ``min_value``/``max_value`` bound the
    number, ``speaker``/``speaker_id`` keep the figures cited in that speaker's statements.

    ``sort="value"`` or ``"-value"`` orders by the number (equal numbers by ``order``) and keeps only figures
    that have one.
    """
    filters = []
    if kind is not None:
        filters.append(Figure.kind == kind)
    if unit is not None:
        filters.append(Figure.unit == unit)
    if subject is not None:
        padded = Value(" ").concat(fn.LOWER(Figure.subject)).concat(" ")
        filters += [padded.contains(f" {word} ") for word in fold_words(subject)] or [Figure.subject.is_null(False)]
    if min_value is not None:
        filters.append(Figure.number >= min_value)
    if max_value is not None:
        filters.append(Figure.number <= max_value)
    if qualifier is not None:
        filters.append(Figure.qualifier == qualifier)
    if speaker is not None or speaker_id is not None:
        said = Statement.select(Statement.id).where(*_speaker_filters(Statement, speaker, speaker_id)[0])
        filters.append(Figure.statement_id.in_(said))
    if briefing is not None:
        filters.append(Figure.briefing == briefing)
    ordering = None
    if sort is not None:
        filters.append(Figure.number.is_null(False))
        ties = Figure.seq.desc() if order == "newest" else Figure.seq
        ordering = [Figure.number.desc() if sort == "-value" else Figure.number, ties]
    rows, nxt = _rows(Figure, Figure.select(), filters, None, after, limit, order, ordering=ordering)
    return Page([figure_record(r) for r in rows], nxt, summarise(Selection(Figure, filters), summary))


def turn_records(rows: list[dict]) -> list[dict]:
    """Turn rows (with ``speaker_name``) as records: each question with the turns answering it, each turn's
    stage directions with their words."""
    questions = [r["id"] for r in rows if r["kind"] == "question"]
    answered: dict[str, list[str]] = {}
    if questions:
        for answer, question in Turn.select(Turn.id, Turn.answers).where(Turn.answers.in_(questions)).order_by(
                Turn.seq).tuples():
            answered.setdefault(question, []).append(answer)
    texts: dict[str, str] = {}
    if any(r["directions"] for r in rows):
        wanted = list({r["briefing"] for r in rows if r["directions"]})
        texts = dict(Briefing.select(Briefing.id, Briefing.text).where(Briefing.id.in_(wanted)).tuples())
    names = names_in_rows(rows)
    return [turn_record(r, names, answered.get(r["id"], []), texts.get(r["briefing"])) for r in rows]


def list_turns(*, briefing=None, speaker=None, speaker_id=None, kind=None, order=None, after=0, limit=20,
               summary: Summary | None = None) -> Page:
    """A transcript's turns in order (every stored turn without ``briefing``), by speaker or kind."""
    filters, several = _speaker_filters(Turn, speaker, speaker_id)
    if briefing is not None:
        filters.append(Turn.briefing == briefing)
    if kind is not None:
        filters.append(Turn.kind == kind)
    rows, nxt = _rows(Turn, with_speaker_name(Turn), filters, None, after, limit, order, gather=several)
    return Page(turn_records(rows), nxt, summarise(Selection(Turn, filters), summary))


def briefing_exists(briefing_id: str) -> bool:
    return Briefing.select().where(Briefing.id == briefing_id).exists()


def _dated_briefings(since, until):
    dated = Briefing.select(Briefing.id)
    if since is not None:
        dated = dated.where(Briefing.day >= since.isoformat())
    if until is not None:
        dated = dated.where(Briefing.day <= until.isoformat())
    return dated


# ---------------------------------------------------------------- speakers


def aliases_of(speaker_ids) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if speaker_ids:
        query = SpeakerAlias.select(SpeakerAlias.speaker, SpeakerAlias.alias).where(
            SpeakerAlias.speaker.in_(list(speaker_ids))
        ).order_by(SpeakerAlias.id)
        for row in query.tuples():
            out.setdefault(row[0], []).append(row[1])
    return out


def list_speakers(*, q=None, kind=None, role=None, affiliation=None, order=None, after=0, limit=20,
                  summary: Summary | None = None) -> Page:
    filters = []
    if q is not None:
        filters.append(Speaker.id.in_(speakers_named(q)))
    if role is not None:
        filters.append(Speaker.id.in_(speakers_with_role(role)))
    if kind is not None:
        filters.append(Speaker.kind == kind)
    if affiliation is not None:
        filters.append(fn.LOWER(Speaker.affiliation) == affiliation.lower())
    rows, nxt = _rows(Speaker, Speaker.select(), filters, None, after, limit, order)
    aliases = aliases_of([r["id"] for r in rows])
    return Page([speaker_record(r, aliases.get(r["id"], [])) for r in rows], nxt,
                summarise(Selection(Speaker, filters), summary))


def speaker_exists(speaker_id: str) -> bool:
    return Speaker.select().where(Speaker.id == speaker_id).exists()


def get_speaker(speaker_id: str) -> dict | None:
    """A speaker with its roles over time, counts, and the first and last day it was seen."""
    row = Speaker.select().where(Speaker.id == speaker_id).dicts().first()
    if row is None:
        return None
    record = speaker_record(row, aliases_of([speaker_id]).get(speaker_id, []))
    roles: dict[tuple, dict] = {}
    days = []
    for role, affiliation, day in (
        Appearance.select(Appearance.role, Appearance.affiliation, Appearance.day)
        .where(Appearance.speaker == speaker_id).order_by(Appearance.day).tuples()
    ):
        days.append(day)
        if role:
            seen = roles.setdefault((role, affiliation), {"role": role, "affiliation": affiliation,
                                                          "first_seen": day, "last_seen": day})
            seen["last_seen"] = day
    record.update(
        roles=list(roles.values()),
        statement_count=Statement.select().where(Statement.speaker == speaker_id).count(),
        quote_count=Quote.select().where(Quote.speaker == speaker_id).count(),
        briefing_count=len(days),
        first_seen=days[0] if days else None,
        last_seen=days[-1] if days else None,
    )
    return record


def speaker_names(ids) -> dict[str, str]:
    ids = list(ids)
    if not ids:
        return {}
    return dict(Speaker.select(Speaker.id, Speaker.name).where(Speaker.id.in_(ids)).tuples())


# ---------------------------------------------------------------- briefings


def list_briefings(*, kind=None, host=None, participant=None, since=None, until=None, q=None,
                   order=None, after=0, limit=20, summary: Summary | None = None) -> Page:
    filters = []
    if kind is not None:
        filters.append(Briefing.kind == kind)
    if host is not None:
        filters.append(fn.LOWER(Briefing.host).contains(host.lower()))
    if participant is not None:
        who = Speaker.select(Speaker.id).where(
            (Speaker.id == participant) | Speaker.id.in_(speakers_named(participant)))
        filters.append(Briefing.id.in_(
            Appearance.select(Appearance.briefing).where(Appearance.participant, Appearance.speaker.in_(who))))
    if since is not None or until is not None:
        filters.append(Briefing.id.in_(_dated_briefings(since, until)))
    rows, nxt = _rows(Briefing, Briefing.select(), filters, q, after, limit, order)
    names = speaker_names({sid for r in rows for sid in r["participants"].split()})
    return Page([_with_match(briefing_record(r, names), r) for r in rows], nxt,
                summarise(Selection(Briefing, filters, q), summary))


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
    if "turns" in expand:
        rows.turns = of(Turn)
    speaker_ids = {r["speaker"] for r in rows.statements + rows.quotes + rows.turns if r["speaker"]}
    speaker_ids |= set(row["participants"].split())
    if speaker_ids:
        rows.speakers = list(Speaker.select().where(Speaker.id.in_(list(speaker_ids))).order_by(Speaker.seq).dicts())
    return expanded_record(rows, expand, aliases_of(speaker_ids) if "speakers" in expand else None)


def briefing_summaries(ids) -> dict[str, dict]:
    """Title, url and creation time of briefings, by id (what a feed entry links to)."""
    ids = list(ids)
    if not ids:
        return {}
    query = Briefing.select(Briefing.id, Briefing.title, Briefing.url, Briefing.created_at).where(Briefing.id.in_(ids))
    return {r["id"]: {**r, "created_at": rfc3339(r["created_at"])} for r in query.dicts()}


def briefing_count() -> int:
    return Briefing.select().count()
