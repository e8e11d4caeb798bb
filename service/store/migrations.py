"""Schema versions: the ordered, named migrations that bring any older database up to the models.

A database records each migration applied to it in ``schema_migration``; its
schema version is the newest one's number (a database made before versions
existed has tables but no record: version 0). The code's version is the length
of ``MIGRATIONS``. A database at another version is refused by every command
but ``migrate`` (``check``), because the code's queries would fail on it.

``migrate`` applies the pending migrations in order, in one transaction: all
or nothing. A fresh database runs them all, so "a fresh database plus every
migration equals the models" is what the tests check. On SQLite, foreign keys
are off while it runs (playhouse rebuilds a table to alter a column, and its
DROP must not cascade) and checked before the commit; triggers a rebuild drops
are put back.

When you change a model, add a migration: append a function decorated with
``@migration`` at the end of this file, written with ``playhouse.migrate``::

    @migration
    def webhook_owner(migrator):
        \"\"\"Webhooks belong to the API key that made them.\"\"\"
        migrate(migrator.add_column("webhook", "owner", CharField(max_length=16, null=True)))

Never edit or reorder a migration once it is on main: databases have run it.
Use table names and plain ``Table`` queries, not the models, which change
later. ``@migration(reparse=True)`` marks one whose new field only the parser
can fill: ``briefings migrate`` then says to run ``briefings reparse``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peewee import SQL, CharField, Database, SqliteDatabase, Table, fn
from playhouse.migrate import SchemaMigrator, migrate

from . import baseline
from .models import SchemaMigration, utcnow
from .speakers import alias_words


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    doc: str
    apply: Callable[[SchemaMigrator], None]
    reparse: bool = False  # its new fields are filled by the parser: `briefings reparse` follows it


MIGRATIONS: list[Migration] = []


def migration(apply=None, *, reparse: bool = False):
    """Append the decorated function to MIGRATIONS: its place in the file is its version."""

    def register(apply):
        doc = (apply.__doc__ or apply.__name__).strip().splitlines()[0]
        MIGRATIONS.append(Migration(len(MIGRATIONS) + 1, apply.__name__, doc, apply, reparse))
        return apply

    return register(apply) if apply is not None else register


class SchemaMismatch(Exception):
    """The database's schema version is not the code's: the message says what to run."""


def head() -> int:
    return len(MIGRATIONS)


def current_version(db: Database) -> int | None:
    """The database's schema version; None when it has no tables at all (a new database)."""
    tables = set(db.get_tables())
    if SchemaMigration._meta.table_name in tables:
        return SchemaMigration.select(fn.MAX(SchemaMigration.version)).scalar() or 0
    return 0 if tables else None


def mismatch(version: int | None) -> str | None:
    """Why a database at ``version`` cannot be used by this code, naming the command to run; None if it can."""
    if version is None or version == head():
        return None
    if version < head():
        return (f"the database is at schema version {version} and this code needs {head()}: "
                f"run `briefings migrate` (after `briefings backup FILE`)")
    return (f"the database is at schema version {version}, newer than this code ({head()}): "
            f"upgrade briefings, or restore a backup taken before the upgrade")


def check(db: Database) -> int:
    """The schema version, or SchemaMismatch when it is not the code's."""
    version = current_version(db)
    problem = mismatch(version)
    if problem:
        raise SchemaMismatch(problem)
    return head()


def pending(db: Database) -> list[Migration]:
    version = current_version(db) or 0
    if version > head():
        raise SchemaMismatch(mismatch(version))
    return MIGRATIONS[version:]


def _triggers(db: Database) -> dict[str, tuple[str, str]]:
    if not isinstance(db, SqliteDatabase):
        return {}
    return {name: (table, sql) for name, table, sql in
            db.execute_sql("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")}


def _restore_triggers(db: Database, before: dict[str, tuple[str, str]]) -> None:
    """Put back the triggers of tables that a SQLite table rebuild dropped and re-created."""
    now, tables = _triggers(db), set(db.get_tables())
    for name, (table, sql) in before.items():
        if name not in now and table in tables:
            db.execute_sql(sql)


def run(db: Database) -> list[Migration]:
    """Apply the pending migrations in one transaction; the ones applied."""
    migrator = SchemaMigrator.from_database(db)
    with migrator.migration_context():
        SchemaMigration.create_table(safe=True)
        todo = pending(db)
        for step in todo:
            before = _triggers(db)
            step.apply(migrator)
            _restore_triggers(db, before)
            SchemaMigration.create(version=step.version, name=step.name, applied_at=utcnow())
        if isinstance(db, SqliteDatabase):
            broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise SchemaMismatch(f"migrating would break {len(broken)} foreign keys (first: {broken[0]})")
    return todo


# --- helpers for migrations ---------------------------------------------------------------------------------


def columns(db: Database, table: str) -> set[str]:
    return {c.name for c in db.get_columns(table)}


def day_of(db: Database, column):
    """The ``YYYY-MM-DD`` of a timestamp column, in the engine's own terms."""
    return fn.substr(column, 1, 10) if isinstance(db, SqliteDatabase) else fn.to_char(column, "YYYY-MM-DD")


# --- the migrations, oldest first ---------------------------------------------------------------------------
# 1-5 bring any database made before versions existed (the first commit's, or 1b3a794's) to 1b3a794's schema,
# so each first looks at what is there.


@migration
def briefing_day(migrator):
    """Briefings of the first versions get `day`: their date, else the published date, else the day stored."""
    db = migrator.database
    if "briefing" not in db.get_tables() or "day" in columns(db, "briefing"):
        return
    briefing = Table("briefing").bind(db)
    migrate(migrator.add_column("briefing", "day", CharField(max_length=10, null=True)))
    briefing.update(day=fn.COALESCE(briefing.c.date, day_of(db, briefing.c.published_at),
                                    day_of(db, briefing.c.created_at))).execute()
    migrate(migrator.add_not_null("briefing", "day"))


@migration(reparse=True)
def baseline_tables(migrator):
    """The tables, indexes and search of 1b3a794 (speakers' appearances come from `briefings reparse`)."""
    db = migrator.database
    sqlite = isinstance(db, SqliteDatabase)
    before = set(db.get_tables())
    for sql in baseline.SQLITE if sqlite else baseline.POSTGRESQL:
        db.execute_sql(sql)
    for table in sorted(set(db.get_tables()) - before):
        if sqlite and table.endswith("_fts"):  # text stored before search existed
            db.execute_sql(f"INSERT INTO {table}({table}) VALUES ('rebuild')")


@migration
def drop_superseded_indexes(migrator):
    """Indexes of the first versions that `day` and the alias-word index replaced."""
    db = migrator.database
    for table, index in (("briefing", "briefing_date"), ("speaker_alias", "speaker_alias_folded")):
        if index in {i.name for i in db.get_indexes(table)}:
            migrate(migrator.drop_index(table, index))


@migration
def index_alias_words(migrator):
    """Fill alias_word from the aliases of a database made before it existed."""
    db = migrator.database
    word, alias = Table("alias_word").bind(db), Table("speaker_alias").bind(db)
    if word.select(SQL("1")).limit(1).exists():
        return
    aliases = [{"speaker": s, "folded": f} for s, f in alias.select(alias.c.speaker_id, alias.c.folded).tuples()]
    rows = [(w["word"], w["speaker"], w["folded"]) for w in alias_words(aliases)]
    for i in range(0, len(rows), 500):
        word.insert(rows[i:i + 500], columns=[word.c.word, word.c.speaker_id, word.c.folded]) \
            .on_conflict_ignore().execute()


@migration
def changes_before_the_feed(migrator):
    """Records stored before the changes feed existed each get their `created` change, so mirrors see them."""
    db = migrator.database
    change = Table("change").bind(db)
    briefing = Table("briefing").bind(db)
    if change.select(SQL("1")).limit(1).exists() or not briefing.select(SQL("1")).limit(1).exists():
        return
    fields = [change.c.kind, change.c.record_id, change.c.briefing_id, change.c.action, change.c.at]
    speaker = Table("speaker").bind(db)
    speakers = speaker.select(SQL("'speaker'"), speaker.c.id, SQL("NULL"), SQL("'created'"), speaker.c.created_at)
    change.insert(speakers.order_by(speaker.c.seq), columns=fields).execute()
    for kind in ("briefing", "statement", "quote", "figure"):
        record = Table(kind).bind(db)
        owner = briefing.alias("owner")
        query = (record.select(SQL(f"'{kind}'"), record.c.id, owner.c.id, SQL("'created'"), owner.c.created_at)
                 .join(owner, on=(owner.c.id == (record.c.id if kind == "briefing" else record.c.briefing_id)))
                 .order_by(record.c.seq))
        change.insert(query, columns=fields).execute()


# --- after schema versions: one migration per model change ---------------------------------------------------


@migration
def facet_indexes(migrator):
    """Indexes for facets: speakers by kind, figures by unit and value."""
    migrate(migrator.add_index("speaker", ("kind",)), migrator.add_index("figure", ("unit", "number")))


@migration(reparse=True)
def transcript_turns(migrator):
    """Turns of transcripts: a table the parser fills (`briefings reparse` adds them to stored transcripts)."""
    db = migrator.database
    seq = "INTEGER" if isinstance(db, SqliteDatabase) else "SERIAL"
    db.execute_sql(
        f'CREATE TABLE "turn" ("seq" {seq} NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT NULL, '
        '"briefing_id" VARCHAR(32) NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(16) NOT NULL, '
        '"speaker_id" VARCHAR(32), "label_text" TEXT NOT NULL, "label_start" INTEGER NOT NULL, '
        '"label_end" INTEGER NOT NULL, "text_text" TEXT NOT NULL, "text_start" INTEGER NOT NULL, '
        '"text_end" INTEGER NOT NULL, "answers" VARCHAR(32), "directions" TEXT NOT NULL, '
        'FOREIGN KEY ("briefing_id") REFERENCES "briefing" ("id") ON DELETE CASCADE, '
        'FOREIGN KEY ("speaker_id") REFERENCES "speaker" ("id"))')
    migrate(migrator.add_index("turn", ("id",), unique=True), migrator.add_index("turn", ("briefing_id",)),
            migrator.add_index("turn", ("speaker_id",)), migrator.add_index("turn", ("answers",)),
            migrator.add_index("turn", ("briefing_id", "seq")), migrator.add_index("turn", ("speaker_id", "seq")))
