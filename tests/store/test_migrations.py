"""Schema migrations on SQLite and PostgreSQL: old databases come up to the models, and nothing is forgotten.

The old databases are rebuilt from fixtures the old code made (``legacy/``).
``test_every_start_migrates_to_the_models_schema`` fails when a model changes
without a migration: a fresh database run through every migration, and each
old one, must have exactly the tables, columns, indexes and foreign keys that
``create_tables`` makes from the models.
"""
import pytest
from click.testing import CliRunner

from service.app import create_app
from service.cli import main
from service.store import migrations
from service.store.db import connect_database, is_sqlite, open_database, reach
from service.store.models import MODELS, database
from tests.conftest import API_KEY
from tests.store.legacy import COMMITS, load
from tests.store.processes import article, free_port, request, run_cli, served

AUTH = {"Authorization": f"Bearer {API_KEY}"}


def schema(db) -> dict:
    """What the models define, as the engine reports it (search indexes and FTS tables aside)."""
    tables = {m._meta.table_name for m in MODELS}
    found = {t for t in db.get_tables() if "_fts" not in t}
    assert found == tables, f"tables the models do not define, or models without a table: {found ^ tables}"
    return {t: {
        "columns": sorted((c.name, c.data_type.upper(), c.null, c.primary_key) for c in db.get_columns(t)),
        "indexes": sorted((i.name, tuple(i.columns), i.unique) for i in db.get_indexes(t)
                          if not i.name.endswith("_search")),
        "foreign_keys": sorted((f.column, f.dest_table, f.dest_column) for f in db.get_foreign_keys(t)),
    } for t in sorted(tables)}


def cli(*args, url):
    """Run a ``briefings`` command in this process; its connections are closed after it."""
    result = CliRunner().invoke(main, list(args), env={"DATABASE_URL": url})
    if database.obj is not None:
        database.obj.close_all()
    return result


@pytest.mark.parametrize("start", [None, *COMMITS])
def test_every_start_migrates_to_the_models_schema(database_url, start):
    db = connect_database(database_url)
    with db.connection_context():
        db.create_tables(MODELS)
        expected = schema(db)
        db.drop_tables(MODELS, cascade=not is_sqlite(db))
    db.close_all()
    if start:
        load(database_url, start)
    db = reach(database_url)
    with db.connection_context():
        applied = migrations.run(db)
        assert [m.version for m in applied] == list(range(1, migrations.head() + 1))
        assert schema(db) == expected
        if is_sqlite(db):  # the search triggers survive every table rebuild
            triggers = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            assert triggers == {f"{t}_fts_{op}" for t in ("briefing", "statement", "quote")
                                for op in ("insert", "update", "delete")}
    db.close_all()


@pytest.mark.parametrize("commit", COMMITS)
def test_an_old_database_migrates_then_ingests_lists_and_reparses(database_url, commit):
    old = load(database_url, commit)
    with pytest.raises(migrations.SchemaMismatch, match="run `briefings migrate`"):
        open_database(database_url)
    database.obj.close_all()

    done = cli("migrate", url=database_url)
    assert done.exit_code == 0, done.output
    assert f"schema version {migrations.head()}" in done.stdout
    assert "then run `briefings reparse`" in done.stdout and "/v1/changes" in done.stdout

    app = create_app({"DATABASE_URL": database_url, "API_KEYS": [API_KEY], "TESTING": True})
    client = app.test_client()
    health = client.get("/health")
    assert health.status_code == 200
    assert health.json["schema_version"] == migrations.head() and health.json["briefings"] == 2
    old_ids = [b["id"] for b in old["rows"]["briefing"]]
    for briefing_id in old_ids:
        got = client.get(f"/v1/briefings/{briefing_id}")
        assert got.status_code == 200 and got.json["id"] == briefing_id
    title_word = old["rows"]["briefing"][0]["title"].split()[0]
    assert old_ids[0] in [b["id"] for b in client.get("/v1/briefings", query_string={"q": title_word}).json["data"]]

    posted = client.post("/v1/articles", data=article(1), headers={**AUTH, "Content-Type": "text/plain"})
    assert posted.status_code == 201, posted.json
    new_id = posted.json["id"]
    speaker = next(s["speaker"]["id"] for s in client.get("/v1/statements").json["data"] if s["speaker"])
    for path in ("/v1/briefings", "/v1/briefings?since=2000-01-01", "/v1/statements", "/v1/quotes",
                 "/v1/figures", "/v1/speakers", "/v1/changes", "/v1/statements?q=talks",
                 f"/v1/speakers/{speaker}/statements"):
        listed = client.get(path, headers=AUTH)
        assert listed.status_code == 200, (path, listed.json)
        assert listed.json["data"], path
    for path in (f"/v1/speakers/{speaker}/quotes", "/v1/statements.atom", "/v1/webhooks"):
        assert client.get(path, headers=AUTH).status_code == 200, path
    assert {b["id"] for b in client.get("/v1/briefings").json["data"]} == {*old_ids, new_id}
    feed = client.get("/v1/changes", query_string={"limit": 1000}).json
    assert {c["id"] for c in feed["data"] if c["kind"] == "briefing"} >= set(old_ids)  # mirrors see old records

    reparsed = cli("reparse", url=database_url)
    assert reparsed.exit_code == 0, reparsed.output
    assert "3 briefings re-parsed" in reparsed.stdout
    after = client.get("/v1/changes", query_string={"since": feed["next"], "limit": 1000}).json["data"]
    if not old["rows"]["statement"]:  # the first parser found no statements: the reparse adds them, as changes
        assert any(c["kind"] == "statement" and c["action"] == "created" for c in after)
    assert client.get(f"/v1/briefings/{old_ids[0]}?expand=statements").json["statements"]
    database.obj.close_all()


def test_health_answers_503_when_the_database_is_behind(database_url):
    app = create_app({"DATABASE_URL": database_url, "TESTING": True})
    with database.obj.connection_context():
        migrations.SchemaMigration.delete().where(migrations.SchemaMigration.version == migrations.head()).execute()
    answer = app.test_client().get("/health")
    assert answer.status_code == 503
    assert answer.json["status"] == "schema mismatch"
    assert answer.json["schema_version"] == migrations.head() - 1
    assert "run `briefings migrate`" in answer.json["detail"]
    with pytest.raises(migrations.SchemaMismatch):
        open_database(database_url)
    database.obj.close_all()


def test_a_database_ahead_of_the_code_is_refused(database_url):
    db = open_database(database_url)
    with db.connection_context():
        migrations.SchemaMigration.create(version=migrations.head() + 1, name="from_a_newer_version")
    db.close_all()
    for args in (("ingest", "seeds"), ("migrate",), ("keys", "list")):
        refused = cli(*args, url=database_url)
        assert refused.exit_code == 1
        assert f"newer than this code ({migrations.head()})" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1


def test_dry_run_lists_pending_migrations_and_changes_nothing(database_url):
    load(database_url, COMMITS[0])
    listed = cli("migrate", "--dry-run", url=database_url)
    assert listed.exit_code == 0, listed.output
    assert f"schema version 0, code {migrations.head()}: would apply" in listed.stdout
    assert all(f"{m.version} {m.name}: " in listed.stdout for m in migrations.MIGRATIONS)
    assert "needs `briefings reparse`" in listed.stdout
    db = reach(database_url)
    with db.connection_context():
        assert migrations.current_version(db) == 0 and "schema_migration" not in db.get_tables()
    db.close_all()


def test_a_failing_migration_leaves_the_database_as_it_was(database_url, monkeypatch):
    load(database_url, COMMITS[0])

    def broken(migrator):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, migrations.Migration(
        migrations.head() + 1, "broken", "fails", broken)])
    db = reach(database_url)
    with db.connection_context():
        tables = set(db.get_tables())
        with pytest.raises(RuntimeError, match="disk on fire"):
            migrations.run(db)
        assert set(db.get_tables()) == tables
        assert "day" not in {c.name for c in db.get_columns("briefing")}
    db.close_all()


def test_serve_refuses_an_unmigrated_database_then_serves_it_migrated(database_url, tmp_path):
    old = load(database_url, COMMITS[-1])
    refused = run_cli("serve", "--port", str(free_port()), database_url=database_url, timeout=120)
    assert refused.returncode != 0
    assert "run `briefings migrate`" in refused.stderr and "Traceback" not in refused.stderr
    assert run_cli("migrate", database_url=database_url).returncode == 0
    (tmp_path / "seeds").mkdir()
    with served(database_url, tmp_path / "seeds", tmp_path / "server.log", workers=1) as base:
        status, body = request("GET", f"{base}/v1/briefings")
        assert status == 200
        assert {b["id"] for b in body["data"]} == {b["id"] for b in old["rows"]["briefing"]}
        assert request("GET", f"{base}/health")[1]["schema_version"] == migrations.head()
