"""Facets and exact totals over the rows a list matches: who speaks most, of which type, in which month.

A facet counts the whole filtered selection, never just the page: it is one
``GROUP BY`` over the same filters (and full-text match) the page is read
with, ordered by count and cut at ``size`` values, so its cost is bounded by
the matching rows and its answer by ``size``. Grouping is done on an indexed
column of the listed table itself (``speaker_id``, ``type``, ``kind``,
``unit``, ``briefing_id``); a facet on the briefing (its kind, its month) is
counted per briefing first and only then joined to the briefings, so a
million statements are never joined row by row.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from peewee import SQL, fn

from . import search
from .models import Briefing, Speaker

DEFAULT_SIZE = 10
MAX_SIZE = 100


@dataclass(frozen=True)
class Summary:
    """What a page should carry besides its records: the facets asked for, their size, an exact total."""

    facets: tuple[str, ...] = ()
    size: int = DEFAULT_SIZE
    count: bool = False


@dataclass
class Selection:
    """The rows of one list: a model, the conditions on it, and an optional full-text query."""

    model: type
    filters: list = field(default_factory=list)
    q: str | None = None

    def select(self, *columns):
        """``SELECT columns`` over the matching rows, or None when ``q`` has no word (nothing matches)."""
        query = self.model.select(*columns)
        if self.filters:
            query = query.where(*self.filters)
        if self.q is not None:
            match = search.matching(self.model, query, self.q)
            return None if match is None else match.query
        return query


def _month(day):
    return fn.SUBSTR(day, 1, 7)


# facet name -> where its value is: a column of the listed table, or of its briefing
ON_ROW = {"speaker": "speaker", "type": "type", "kind": "kind", "unit": "unit"}
ON_BRIEFING = {"briefing_kind": lambda: Briefing.kind, "month": lambda: _month(Briefing.day)}


def _on_row(selection: Selection, name: str, size: int) -> list[tuple]:
    model = selection.model
    if model is Briefing and name in ON_BRIEFING:  # the briefings list: its own kind and month
        column = ON_BRIEFING[name]()
    else:
        column = getattr(model, ON_ROW[name])
    n = fn.COUNT(SQL("*"))
    query = selection.select(column.alias("value"), n.alias("n"))
    if query is None:
        return []
    return list(query.group_by(column).order_by(n.desc(), column).limit(size + 1).tuples())


def _on_briefing(selection: Selection, name: str, size: int) -> list[tuple]:
    model = selection.model
    per_briefing = selection.select(model.briefing.alias("briefing_id"), fn.COUNT(SQL("*")).alias("n"))
    if per_briefing is None:
        return []
    per_briefing = per_briefing.group_by(model.briefing).alias("per_briefing")
    value = ON_BRIEFING[name]()
    total = fn.SUM(per_briefing.c.n)
    query = (Briefing.select(value.alias("value"), total.alias("n"))
             .join(per_briefing, on=(per_briefing.c.briefing_id == Briefing.id))
             .group_by(value).order_by(total.desc(), value).limit(size + 1))
    return [(v, int(n)) for v, n in query.tuples()]


def _labels(name: str, values: list) -> dict:
    if name != "speaker":
        return {}
    ids = [v for v in values if v is not None]
    if not ids:
        return {}
    return dict(Speaker.select(Speaker.id, Speaker.name).where(Speaker.id.in_(ids)).tuples())


def facet(selection: Selection, name: str, size: int = DEFAULT_SIZE) -> dict:
    """The ``size`` most frequent values of ``name`` among the selection's rows, with their counts.

    ``{"values": [{"value", "count"} (+ "label" for speakers)], "more": bool}``; null is a value too
    (statements nobody is credited with, figures without a unit), so the counts add up to the total
    when ``more`` is false.
    """
    by_row = selection.model is Briefing or name in ON_ROW
    rows = (_on_row if by_row else _on_briefing)(selection, name, size)
    more = len(rows) > size
    rows = rows[:size]
    labels = _labels(name, [v for v, _ in rows])
    values = []
    for value, n in rows:
        entry = {"value": value, "count": int(n)}
        if name == "speaker":
            entry["label"] = labels.get(value)
        values.append(entry)
    return {"values": values, "more": more}


def total(selection: Selection) -> int:
    """The exact number of rows the selection matches."""
    query = selection.select(fn.COUNT(SQL("*")))
    return 0 if query is None else int(query.scalar() or 0)


def summarise(selection: Selection, summary: Summary | None) -> dict:
    """The ``facets`` and ``count`` a page carries for ``summary`` (nothing when none is asked for)."""
    if summary is None:
        return {}
    out: dict = {}
    if summary.facets:
        out["facets"] = {name: facet(selection, name, summary.size) for name in dict.fromkeys(summary.facets)}
    if summary.count:
        complete = [f for f in out.get("facets", {}).values() if not f["more"]]  # its counts add up to the total
        out["count"] = sum(v["count"] for v in complete[0]["values"]) if complete else total(selection)
    return out

