"""Full-text search on PostgreSQL: a GIN index over ``to_tsvector('english', …)`` of each searchable table.

The query builds the same expression the index was created on, so the planner
uses the index (made by migrations: ``baseline.py``). Words are stemmed by the 'english' configuration;
``ts_headline`` marks the snippet.
"""
from peewee import SQL, Expression, fn

from .models import Briefing, Quote, Statement

ENGLISH = SQL("'english'")
HEADLINE = "MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=1, StartSel={start}, StopSel={stop}"
# table -> (the indexed document, as the index's expression, the column snippets come from)
INDEXED = {
    "statement": (lambda: fn.coalesce(Statement.content_text, ""), Statement.content_text),
    "quote": (lambda: fn.coalesce(Quote.text, ""), Quote.text),
    "briefing": (lambda: fn.coalesce(Briefing.title, "").concat(" ").concat(fn.coalesce(Briefing.text, "")),
                 Briefing.text),
}


def render(terms) -> str:
    """Terms in to_tsquery syntax: every term required (&), phrases as <->, prefixes as :*."""
    parts = []
    for term in terms:
        words = list(term.words)
        if term.prefix:
            words[-1] += ":*"
        parts.append("(" + " <-> ".join(words) + ")")
    return " & ".join(parts)


def matching(model, select, terms, start: str, stop: str):
    document, column = INDEXED[model._meta.table_name]
    vector = fn.to_tsvector(ENGLISH, document())
    tsquery = fn.to_tsquery(ENGLISH, render(terms))
    query = select.where(Expression(vector, "@@", tsquery))
    rank = fn.ts_rank(vector, tsquery) * -1  # ascending is best, as on SQLite
    snippet = fn.ts_headline(ENGLISH, column, tsquery, HEADLINE.format(start=start, stop=stop))
    return query, rank, snippet
