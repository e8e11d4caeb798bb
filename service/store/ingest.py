"""Every write of an article, as one diff applied in one transaction.

Ingesting is a diff from nothing, deleting a diff to nothing, re-parsing a
diff from the stored records to the new parser's. Records are compared by
their content-derived ids, so a record the new parser produces unchanged
keeps its id and writes nothing, and every record that is created, updated
or deleted leaves one entry in the changes feed (``Change``). The same text
twice creates nothing new: the briefing's content hash is unique, so a second
ingestion, even a concurrent one, finds the first. An edited text at the same
url is the next version of the same briefing: a diff from its stored rows.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from peewee import IntegrityError

from ..extract import Document, parse
from ..extract.articles import Article
from .models import Appearance, Briefing, Change, Figure, Quote, Statement, Turn, database, utcnow
from .rows import Rows, document_rows
from .speakers import absorb_surnames, drop_unused, join_known_speakers, store_speakers
from .webhooks import enqueue

BATCH = 200
# kind in the changes feed, model, the Rows attribute; parents before children
RECORD_TABLES = (
    ("briefing", Briefing, "briefing"),
    ("turn", Turn, "turns"),
    ("statement", Statement, "statements"),
    ("quote", Quote, "quotes"),
    ("figure", Figure, "figures"),
)


@dataclass(frozen=True)
class Ingested:
    briefing_id: str
    created: bool  # false when it is a version of a stored briefing (the same text or url)
    updated: bool = False  # a version that changed the stored briefing


@dataclass
class Diff:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    changes: list[dict] = field(default_factory=list)


def insert_rows(model, rows: list[dict]) -> None:
    for i in range(0, len(rows), BATCH):
        model.insert_many(rows[i : i + BATCH]).execute()


def _by_id(rows: Rows | None, attribute: str) -> dict[str, dict]:
    if rows is None:
        return {}
    value = getattr(rows, attribute)
    return {r["id"]: r for r in ([value] if isinstance(value, dict) else value)}


def apply_diff(old: Rows | None, new: Rows | None) -> Diff:
    """Write what changed from ``old`` (stored) to ``new`` (parsed); the caller holds the transaction."""
    diff = Diff()
    created_ids: dict[str, set[str]] = {}
    briefing_id = (new or old).briefing["id"]
    if new is not None:
        diff.changes += store_speakers(new)
    now = utcnow()
    for kind, model, attribute in RECORD_TABLES:
        before, after = _by_id(old, attribute), _by_id(new, attribute)
        created = [after[i] for i in after if i not in before]
        updated = [after[i] for i in after if i in before and any(before[i].get(k) != v for k, v in after[i].items())]
        deleted = [i for i in before if i not in after]
        if kind == "briefing":
            for row in created:
                model.insert({**row, "created_at": now, "updated_at": now}).execute()
        else:
            insert_rows(model, created)
        for row in updated:
            values = {k: v for k, v in row.items() if k != "id"}
            if kind == "briefing":
                values["updated_at"] = now
            model.update(values).where(model.id == row["id"]).execute()
        for action, ids in (("created", [r["id"] for r in created]), ("updated", [r["id"] for r in updated]),
                            ("deleted", deleted)):
            diff.changes += [{"kind": kind, "record_id": i, "briefing_id": briefing_id, "action": action, "at": now}
                             for i in ids]
        created_ids[kind] = {r["id"] for r in created}
        diff.created += len(created)
        diff.updated += len(updated)
        diff.deleted += len(deleted)
    appeared = [s for (s,) in Appearance.select(Appearance.speaker).where(Appearance.briefing == briefing_id).tuples()]
    Appearance.delete().where(Appearance.briefing == briefing_id).execute()
    for kind, model, attribute in reversed(RECORD_TABLES):  # children first
        gone = [i for i in _by_id(old, attribute) if i not in _by_id(new, attribute)]
        for i in range(0, len(gone), BATCH):
            model.delete().where(model.id.in_(gone[i : i + BATCH])).execute()
    if new is not None:
        insert_rows(Appearance, new.appearances)
        diff.changes += absorb_surnames(new)
        diff.changes += drop_unused(set(appeared) - {a["speaker"] for a in new.appearances})
    insert_rows(Change, diff.changes)
    if new is not None and any(created_ids.values()):
        enqueue(briefing_id, created_ids)
    return diff


def stored_rows(briefing_id: str) -> Rows | None:
    """The stored rows of one briefing, in the shape ``document_rows`` produces."""
    row = Briefing.select().where(Briefing.id == briefing_id).dicts().first()
    if row is None:
        return None

    def of(model):
        return [
            {k: v for k, v in r.items() if k != "seq"}
            for r in model.select().where(model.briefing == briefing_id).order_by(model.seq).dicts()
        ]

    return Rows(briefing={k: v for k, v in row.items() if k not in ("seq", "created_at", "updated_at")},
                statements=of(Statement), quotes=of(Quote), figures=of(Figure), turns=of(Turn))


def _prior_version(briefing: dict):
    """The stored briefing an article is a version of: the one with its text, else the first with its url."""
    found = Briefing.select(Briefing.id, Briefing.created_at).where(
        Briefing.content_hash == briefing["content_hash"]).first()
    if found is None and briefing["url"]:
        found = (Briefing.select(Briefing.id, Briefing.created_at).where(Briefing.url == briefing["url"])
                 .order_by(Briefing.seq).first())
    return found


def _as_version_of(rows: Rows, briefing_id: str) -> Rows:
    """``rows`` under a stored briefing's id, so that they replace its records as its next version."""
    def moved(records: list[dict]) -> list[dict]:
        return [{**r, "briefing": briefing_id} for r in records]

    return replace(rows, briefing={**rows.briefing, "id": briefing_id}, statements=moved(rows.statements),
                   quotes=moved(rows.quotes), figures=moved(rows.figures), turns=moved(rows.turns),
                   appearances=moved(rows.appearances))


def _stored_on(created) -> dt.date | None:
    return created.date() if isinstance(created, dt.datetime) else None


def store_article(doc: Document, article: Article) -> Ingested:
    """Write one parsed article (parsed outside the transaction): a new briefing, or a version of a stored one.

    An article with the text or the url of a stored briefing is its next version: the same briefing id,
    with what changed (text, records, title, publisher, ...) written as a diff, so the changes feed shows
    the briefing updated. The same article sent again writes nothing.
    """
    rows = document_rows(doc, article)
    try:
        with database.atomic():
            prior = _prior_version(rows.briefing)
            if prior is None:
                join_known_speakers(rows)
                apply_diff(None, rows)
                return Ingested(rows.briefing["id"], True)
            new = _as_version_of(document_rows(doc, article, stored_on=_stored_on(prior.created_at)), prior.id)
            join_known_speakers(new)
            diff = apply_diff(stored_rows(prior.id), new)
            return Ingested(prior.id, False, updated=bool(diff.created or diff.updated or diff.deleted))
    except IntegrityError:
        found = Briefing.select(Briefing.id).where(Briefing.content_hash == rows.briefing["content_hash"]).first()
        if found is None:  # not a concurrent writer storing the same text first
            raise
        return Ingested(found.id, False)


def ingest(article: Article) -> Ingested:
    return store_article(parse(article.text, published=article.published_date), article)


def _article_of(row: dict) -> Article:
    return Article(text=row["text"], title=row["title"], url=row["url"], published_at=row["published_at"],
                   publisher=row["publisher"])


def reparse(briefing_id: str) -> Diff:
    """Parse a stored article again with the current parser and write only what changed."""
    with database.atomic():
        old = stored_rows(briefing_id)
        if old is None:
            raise KeyError(briefing_id)
        created = Briefing.select(Briefing.created_at).where(Briefing.id == briefing_id).scalar()
        article = _article_of(old.briefing)
        doc = parse(article.text, published=article.published_date)
        new = document_rows(doc, article, stored_on=_stored_on(created))
        join_known_speakers(new)
        return apply_diff(old, new)


def delete(briefing_id: str) -> Diff | None:
    """Remove a briefing and its records, leaving a tombstone for each in the changes feed."""
    with database.atomic():
        old = stored_rows(briefing_id)
        return None if old is None else apply_diff(old, None)

