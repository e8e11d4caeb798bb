"""Full-text search on SQLite: FTS5 tables kept in step with their records by triggers.

Each searchable table has an external-content FTS5 index keyed by ``seq``;
triggers update it on every insert, update and delete, whatever code path
wrote the row. Words are stemmed (porter) and folded (case, accents).
"""
from peewee import SQL, NodeList, Table, fn

# table -> the columns it indexes (the first is the one snippets come from)
INDEXED = {"statement": ("content_text",), "quote": ("text",), "briefing": ("text", "title")}
TOKENIZER = "porter unicode61 remove_diacritics 2"


def install(db) -> None:
    existing = set(db.get_tables())
    for table, columns in INDEXED.items():
        fts, cols = f"{table}_fts", ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        statements = [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content='{table}', "
            f"content_rowid='seq', tokenize='{TOKENIZER}')",
            f"CREATE TRIGGER IF NOT EXISTS {table}_fts_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.seq, {new}); END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_fts_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.seq, {old}); END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_fts_update AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.seq, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.seq, {new}); END",
        ]
        if fts not in existing:  # index the rows stored before search existed
            statements.append(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        for sql in statements:
            db.execute_sql(sql)


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

