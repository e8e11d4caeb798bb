"""Full-text search on SQLite: FTS5 tables kept in step with their records by triggers.

Each searchable table has an external-content FTS5 index keyed by ``seq``;
triggers update it on every insert, update and delete, whatever code path
wrote the row. Words are stemmed (porter) and folded (case, accents). The
tables and triggers are made by migrations (``baseline.py``).
"""
from peewee import SQL, NodeList, Table, fn



def render(terms) -> str:
    """Terms in FTS5 syntax: every term required, phrases quoted, prefixes starred."""
    parts = []
    for term in terms:
        phrase = '"' + " ".join(term.words) + '"'
        parts.append(phrase + ("*" if term.prefix else ""))
    return " AND ".join(parts)


def matching(model, select, terms, start: str, stop: str):
    table = model._meta.table_name
    fts = Table(f"{table}_fts").alias(f"{table}_fts")  # so the MATCH, bm25 and snippet below can name it
    name = SQL(f'"{table}_fts"')
    query = select.join(fts, on=(SQL(f'"{table}_fts".rowid') == model.seq)).where(
        NodeList((name, SQL("MATCH"), render(terms)))
    )
    rank = fn.bm25(name)
    snippet = fn.snippet(name, 0, start, stop, "…", 24)
    return query, rank, snippet

