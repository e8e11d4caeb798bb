"""Storing a parsed article: all of it in one transaction, or nothing.

The same text twice creates nothing new: the briefing's content hash is
unique, so a second ingestion (even a concurrent one) finds the first.
Speakers are shared across articles: a speaker already known keeps its
record and gains the new aliases.
"""
from __future__ import annotations

from dataclasses import dataclass

from peewee import IntegrityError

from ..extract import parse
from ..extract.articles import Article
from .models import Briefing, Figure, Quote, Speaker, SpeakerAlias, Statement, database
from .rows import Rows, document_rows

BATCH = 200


@dataclass(frozen=True)
class Ingested:
    briefing_id: str
    created: bool  # false when the same text was already stored


def _insert(model, rows: list[dict], ignore_conflicts: bool = False) -> None:
    for i in range(0, len(rows), BATCH):
        query = model.insert_many(rows[i : i + BATCH])
        (query.on_conflict_ignore() if ignore_conflicts else query).execute()


def store_rows(rows: Rows) -> Ingested:
    """Write one article's rows; the caller has parsed it outside the transaction."""
    content_hash = rows.briefing["content_hash"]
    try:
        with database.atomic():
            existing = Briefing.select(Briefing.id).where(Briefing.content_hash == content_hash).first()
            if existing:
                return Ingested(existing.id, False)
            _insert(Speaker, rows.speakers, ignore_conflicts=True)
            _insert(SpeakerAlias, rows.aliases, ignore_conflicts=True)
            Briefing.insert(rows.briefing).execute()
            _insert(Statement, rows.statements)
            _insert(Quote, rows.quotes)
            _insert(Figure, rows.figures)
    except IntegrityError:
        # a concurrent writer stored the same text first
        existing = Briefing.select(Briefing.id).where(Briefing.content_hash == content_hash).first()
        if existing is None:
            raise
        return Ingested(existing.id, False)
    return Ingested(rows.briefing["id"], True)


def ingest(article: Article) -> Ingested:
    doc = parse(article.text, published=article.published_date)
    return store_rows(document_rows(doc, article))
