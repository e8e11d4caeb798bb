"""The ``briefings`` command: serve, ingest, parse, migrate, back up, export the spec.

``parse`` needs no database: it prints, for each input document, the record
that ``GET /v1/briefings/{id}?expand=statements,quotes,figures,speakers``
would return once the document is ingested, plus ``file``. Commands that
write create a new database, and refuse one at another schema version until
``migrate`` runs; read-only ones never create one. A database that cannot be
opened is a one-line error, never a traceback.
"""
from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import click

from . import config as settings
from .delivery import deliver_due, run_sender
from .extract import parse as parse_text
from .extract.articles import ArticleError, blank_control_characters, read
from .store.rows import EXPANSIONS, document_rows, expanded_record

INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".json", ".jsonl", ".ndjson")


def expand_paths(paths: tuple[str, ...]) -> list[Path]:
    """Files as given, and the article files inside folders (recursively, sorted)."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES))
        else:
            found.append(path)
    return found


def read_file(path: Path):
    """The articles of a file; stray control characters in a text file are read as spaces, with a warning."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return read(data, name=path.name)  # which says why it cannot be read
    text, blanked = blank_control_characters(text)
    if blanked:
        click.echo(f"{path}: {blanked} control character(s) read as spaces", err=True)
    return read(text, name=path.name)


def database_url(database: str | None) -> str:
    return database or settings.from_env()["DATABASE_URL"]


def _open(database: str | None, *, create: bool = True, check: bool = True):
    """The database, or exit 1 with a one-line reason (cannot open it, no database there, schema mismatch)."""
    from .store.db import DatabaseUnavailable, open_database
    from .store.migrations import SchemaMismatch

    try:
        return open_database(database_url(database), create=create, check=check)
    except (DatabaseUnavailable, SchemaMismatch) as exc:
        raise click.ClickException(str(exc)) from None


DATABASE_OPTION = click.option("--database", envvar="DATABASE_URL", default=None,
                               help="database URL (default: $DATABASE_URL or sqlite:///briefings.db)")


def _version_message() -> str:
    from .extract import PARSER_VERSION
    from .store.migrations import head

    return f"%(prog)s %(version)s (schema version {head()}, parser {PARSER_VERSION})"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefings", prog_name="briefings", message=_version_message())
def main():
    """Press briefings: extract who said what from articles, store it, serve it."""


@main.command("parse")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="json", show_default=True,
              help="jsonl: one compact object per line; json: indented.")
def parse_cmd(paths, fmt):
    """Extract records from PATHS (files or folders) without storing them."""
    failed = 0
    for path in expand_paths(paths):
        try:
            articles = read_file(path)
        except ArticleError as exc:
            click.echo(f"{path}: {exc}", err=True)
            failed += 1
            continue
        for article in articles:
            doc = parse_text(article.text, published=article.published_date)
            record = {"file": str(path), **expanded_record(document_rows(doc, article), set(EXPANSIONS))}
            click.echo(json.dumps(record, ensure_ascii=False, indent=None if fmt == "jsonl" else 2))
    sys.exit(1 if failed else 0)


def ingest_files(files: list[Path], *, show_progress: bool) -> dict[str, int]:
    """Ingest each file, each article in its own transaction; a bad file is reported and skipped."""
    from .store.ingest import ingest

    tally = {"new": 0, "duplicate": 0, "failed": 0}
    with click.progressbar(files, label="ingesting", file=sys.stderr, show_pos=True,
                           item_show_func=lambda p: str(p) if p else "",
                           hidden=not show_progress) as bar:
        for path in bar:
            try:
                articles = read_file(path)
                for article in articles:
                    tally["new" if ingest(article).created else "duplicate"] += 1
            except ArticleError as exc:
                tally["failed"] += 1
                click.echo(f"\nfailed: {path}: {exc}", err=True)
    return tally


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@DATABASE_OPTION
def ingest_cmd(paths, database):
    """Parse and store the articles in PATHS (files or folders)."""
    files = expand_paths(paths)
    missing = [p for p in files if not p.exists()]
    for path in missing:
        click.echo(f"failed: {path}: no such file or folder", err=True)
    _open(database)
    tally = ingest_files([p for p in files if p.exists()], show_progress=sys.stderr.isatty())
    tally["failed"] += len(missing)
    click.echo(f"{tally['new']} new, {tally['duplicate']} duplicate, {tally['failed']} failed")
    sys.exit(1 if tally["failed"] else 0)


@main.command("reparse")
@click.argument("briefing_ids", nargs=-1)
@DATABASE_OPTION
def reparse_cmd(briefing_ids, database):
    """Parse stored articles again with this parser (all, or BRIEFING_IDS) and store only what changed.

    Records the new parser produces unchanged keep their ids and do not appear in the changes feed.
    """
    from .store.ingest import reparse
    from .store.models import Briefing

    _open(database)
    ids = list(briefing_ids) or [b.id for b in Briefing.select(Briefing.id).order_by(Briefing.seq)]
    totals = {"created": 0, "updated": 0, "deleted": 0}
    missing = 0
    with click.progressbar(ids, label="re-parsing", file=sys.stderr, show_pos=True,
                           hidden=not sys.stderr.isatty()) as bar:
        for briefing_id in bar:
            try:
                diff = reparse(briefing_id)
            except KeyError:
                missing += 1
                click.echo(f"\nfailed: no briefing with id {briefing_id!r}", err=True)
                continue
            for key in totals:
                totals[key] += getattr(diff, key)
    click.echo(f"{len(ids) - missing} briefings re-parsed: {totals['created']} records created, "
               f"{totals['updated']} updated, {totals['deleted']} deleted")
    sys.exit(1 if missing else 0)


@main.group("keys")
def keys_group():
    """API keys for writes (and for reads, with BRIEFINGS_READS_NEED_KEY=1)."""


@keys_group.command("create")
@click.argument("name")
@DATABASE_OPTION
def keys_create(name, database):
    """Create a key named NAME and print it: it is shown this once, and stored only hashed."""
    from .store.keys import create_key

    _open(database)
    issued = create_key(name)
    click.echo(issued.key)
    click.echo(f"key {issued.prefix} ({name}) created; keep it now, it cannot be shown again", err=True)


@keys_group.command("list")
@DATABASE_OPTION
def keys_list(database):
    """List keys: prefix, name, created, revoked."""
    from .store.keys import list_keys

    _open(database, create=False)
    for key in list_keys():
        state = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
        click.echo(f"{key.prefix}\t{key.name}\t{key.created_at:%Y-%m-%d %H:%M}\t{state}")


@keys_group.command("revoke")
@click.argument("prefix")
@DATABASE_OPTION
def keys_revoke(prefix, database):
    """Revoke the key whose prefix is PREFIX (as `keys list` shows it)."""
    from .store.keys import revoke_key

    _open(database)
    if not revoke_key(prefix):
        click.echo(f"no active key with prefix {prefix!r}", err=True)
        sys.exit(1)
    click.echo(f"key {prefix} revoked")


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn worker processes")
@click.option("--threads", default=2, show_default=True, type=int,
              help="threads per worker (2 gave the best tail latency on 2 cores: bench/load.py)")
@DATABASE_OPTION
def serve_cmd(host, port, workers, threads, database):
    """Serve the API with gunicorn; on an empty database, ingest the seed articles first."""
    from gunicorn.app.base import BaseApplication

    from .app import create_app
    from .store.queries import briefing_count

    config = {**settings.from_env(), "DATABASE_URL": database_url(database)}
    _open(config["DATABASE_URL"])  # refuse a database at another schema version before serving it
    create_app(config)
    seeds = Path(config["SEEDS_DIR"])
    if briefing_count() == 0 and seeds.is_dir():
        tally = ingest_files(expand_paths((str(seeds),)), show_progress=False)
        click.echo(f"seeded from {seeds}: {tally['new']} new, {tally['failed']} failed", err=True)

    class Server(BaseApplication):
        def load_config(self):
            for key, value in {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
                               "worker_class": "service.server.ProblemWorker", "accesslog": "-"}.items():
                self.cfg.set(key, value)

        def load(self):
            return create_app(config)

    stop = threading.Event()
    threading.Thread(target=run_sender, args=(stop,), kwargs={"allow_private": config["WEBHOOKS_ALLOW_PRIVATE"]},
                     name="webhook-sender", daemon=True).start()
    click.echo(f"serving on http://{host}:{port}  (docs: http://{host}:{port}/docs)", err=True)
    try:
        Server().run()
    finally:
        stop.set()


@main.command("deliver")
@click.option("--once", is_flag=True, help="send what is due now, then exit")
@click.option("--interval", default=2.0, show_default=True, help="seconds between rounds")
@DATABASE_OPTION
def deliver_cmd(once, interval, database):
    """Send due webhook deliveries (`serve` does this in the background too)."""
    _open(database)
    if once:
        from .store.models import database as db

        with db.connection_context():
            tally = deliver_due(allow_private=settings.from_env()["WEBHOOKS_ALLOW_PRIVATE"])
        click.echo(f"{tally['delivered']} delivered, {tally['retrying']} to retry")
        return
    stop = threading.Event()
    try:
        run_sender(stop, interval, allow_private=settings.from_env()["WEBHOOKS_ALLOW_PRIVATE"])
    except KeyboardInterrupt:
        stop.set()


REPARSE_ADVICE = ("then run `briefings reparse`: these migrations add fields only the parser fills, and the "
                  "records it changes appear in /v1/changes, so mirrors stay in sync")


@main.command("migrate")
@click.option("--dry-run", is_flag=True, help="list the pending migrations and change nothing")
@DATABASE_OPTION
def migrate_cmd(dry_run, database):
    """Bring the database to this code's schema version: the pending migrations, in one transaction."""
    from .store import migrations
    from .store.db import DatabaseUnavailable, reach, sqlite_path
    from .store.models import Briefing

    path = sqlite_path(database_url(database))
    if dry_run and path is not None and not path.exists():
        click.echo(f"no database at {path}: migrating would create one at schema version {migrations.head()}")
        return
    try:
        db = reach(database_url(database))  # a new database is made by running every migration
    except DatabaseUnavailable as exc:
        raise click.ClickException(str(exc)) from None
    with db.connection_context():
        try:
            todo = migrations.pending(db)
            existing = migrations.current_version(db)  # None: a new database, no records to re-parse
            version = existing or 0
            if dry_run or not todo:
                verb = "would apply" if todo else "nothing to apply"
                click.echo(f"schema version {version}, code {migrations.head()}: {verb}"
                           + "".join(f"\n  {m.version} {m.name}: {m.doc}" + (" (needs `briefings reparse`)"
                                                                            if m.reparse else "") for m in todo))
                return
            applied = migrations.run(db)
        except migrations.SchemaMismatch as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"applied {len(applied)} migrations ({', '.join(m.name for m in applied)}): "
                   f"schema version {migrations.head()}")
        if any(m.reparse for m in applied) and existing is not None and Briefing.select().exists():
            click.echo(REPARSE_ADVICE)


@main.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@DATABASE_OPTION
def backup_cmd(file, database):
    """Copy the SQLite database into FILE: one consistent snapshot, taken while the server keeps writing."""
    from .store.backup import backup
    from .store.db import DatabaseUnavailable

    try:
        copied = backup(database_url(database), file)
    except DatabaseUnavailable as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"backed up {copied.briefings} briefings (schema version {copied.schema_version}) to {file}")


@main.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="overwrite a database that already holds briefings")
@DATABASE_OPTION
def restore_cmd(file, replace, database):
    """Copy the backup FILE into the SQLite database (stop the server first)."""
    from .store.backup import restore
    from .store.db import DatabaseUnavailable
    from .store.migrations import head

    try:
        copied = restore(file, database_url(database), replace=replace)
    except DatabaseUnavailable as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"restored {copied.briefings} briefings (schema version {copied.schema_version}) from {file}")
    if copied.schema_version < head():
        click.echo(f"the code needs schema version {head()}: run `briefings migrate`")


@main.command("export")
@click.argument("kind", type=click.Choice(["statements", "quotes", "figures", "speakers", "briefings", "turns",
                                          "changes"]))
@click.option("--format", "fmt", type=click.Choice(["ndjson", "csv"]), default="ndjson", show_default=True)
@click.option("--output", "-o", default="-", show_default=True, help="file to write, or - for stdout")
@DATABASE_OPTION
def export_cmd(kind, fmt, output, database):
    """Write every stored record of KIND as NDJSON or CSV, in constant memory."""
    from schemas.briefing import BriefingSchema
    from schemas.change import ChangeSchema
    from schemas.figure import FigureSchema
    from schemas.quote import QuoteSchema
    from schemas.speaker import SpeakerSchema
    from schemas.statement import StatementSchema
    from schemas.turn import TurnSchema

    from .exports import all_records, render
    from .store import queries
    from .store.changes import list_changes

    lists = {"statements": (queries.list_statements, StatementSchema), "quotes": (queries.list_quotes, QuoteSchema),
             "figures": (queries.list_figures, FigureSchema), "speakers": (queries.list_speakers, SpeakerSchema),
             "briefings": (queries.list_briefings, BriefingSchema), "turns": (queries.list_turns, TurnSchema),
             "changes": (list_changes, ChangeSchema)}
    list_fn, schema = lists[kind]
    db = _open(database, create=False)
    with db.connection_context(), click.open_file(output, "w", encoding="utf-8") as out:
        for chunk in render(all_records(list_fn), fmt, schema()):
            out.write(chunk)


@main.command("openapi")
@click.option("--output", "-o", default="openapi.yaml", show_default=True, help="file to write, or - for stdout")
def openapi_cmd(output):
    """Write the OpenAPI spec generated from the code."""
    from .api.docs import spec_yaml
    from .app import create_app

    app = create_app({"DATABASE_URL": "sqlite:///:memory:"})
    text = spec_yaml(app.extensions["briefings.api"])
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


if __name__ == "__main__":
    main()
