"""Full-text search behind one function, on SQLite (FTS5) and PostgreSQL (tsvector).

The user's query is parsed here, once, into terms: words, "quoted phrases"
and prefixes (``negoti*``). A word with inner punctuation (``covid-19``,
``o'brien``) becomes a phrase of its parts, so no user input reaches the
engine's own query syntax: each engine module only renders these terms.
``matching`` returns what a list query needs: the join and condition, a rank
to order by, and a snippet with its highlighted spans.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import SqliteDatabase

from ..extract.names import fold_words
from . import search_postgres, search_sqlite
from .models import database

MAX_TERMS = 16
START, STOP = "\ue000", "\ue001"  # highlight markers: private-use characters no article contains
_PHRASE = re.compile(r'"([^"]*)("|$)')


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    prefix: bool = False


def parse_query(q: str) -> list[Term]:
    """Terms of a user query; an unbalanced quote runs to the end, like a quotation that never closes.

    A query with no word at all (``?!``) has no terms, and matches nothing.
    """
    terms: list[Term] = []
    for match in _PHRASE.finditer(q.replace("“", '"').replace("”", '"')):
        words = tuple(fold_words(match.group(1)))
        if words:
            terms.append(Term(words))
    rest = _PHRASE.sub(" ", q.replace("“", '"').replace("”", '"'))
    for token in rest.split():
        words = tuple(fold_words(token))
        if words:
            terms.append(Term(words, prefix=token.endswith("*") and len(words) == 1))
    return terms[:MAX_TERMS]


@dataclass
class Match:
    """What a list query needs to search one kind of record."""

    query: object  # the select, joined and filtered
    rank: object  # ascending is best
    snippet: object


def _engine(db):
    return search_sqlite if isinstance(db, SqliteDatabase) else search_postgres


def matching(model, select, q: str) -> Match | None:
    """``select`` (over ``model``) narrowed to records matching ``q``, with a rank and a snippet expression.

    None when ``q`` has no word to search for: nothing matches.
    """
    terms = parse_query(q)
    if not terms:
        return None
    return Match(*_engine(database.obj).matching(model, select, terms, START, STOP))


def highlighted(snippet: str | None) -> dict | None:
    """A snippet with markers as ``{text, highlights: [[start, end], ...]}`` (offsets into ``text``)."""
    if snippet is None:
        return None
    text, spans, opened = [], [], None
    length = 0
    for char in snippet:
        if char == START:
            opened = length
        elif char == STOP and opened is not None:
            spans.append([opened, length])
            opened = None
        else:
            text.append(char)
            length += 1
    return {"text": "".join(text), "highlights": spans}
