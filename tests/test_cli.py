import json
import subprocess
import sys

from click.testing import CliRunner

from service.cli import main
from tests.conftest import SEEDS


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env or {})


def test_parse_prints_one_object_per_document_with_file_and_text():
    result = run("parse", "--format", "jsonl", str(SEEDS))
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [d["file"] for d in lines] == [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    for doc in lines:
        for record in doc["statements"]:
            assert doc["text"][record["content"]["start"]:record["content"]["end"]] == record["content"]["text"]
        assert {"quotes", "figures", "speakers", "kind"} <= set(doc)


def test_parse_reports_an_unreadable_file_and_fails(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01")
    result = run("parse", str(bad), str(SEEDS / "seed-000.txt"))
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr and "binary" in result.stderr
    assert json.loads(result.stdout)["file"].endswith("seed-000.txt")


def test_ingest_summarises_new_duplicate_and_failed(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    first = run("ingest", str(SEEDS), env=env)
    assert first.exit_code == 0, first.output
    assert "2 new, 0 duplicate, 0 failed" in first.stdout
    (tmp_path / "empty.txt").write_text("")
    again = run("ingest", str(SEEDS), str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), env=env)
    assert again.exit_code == 1
    assert "0 new, 2 duplicate, 2 failed" in again.stdout
    assert "empty.txt: the input is empty" in again.stderr
    assert "missing.txt: no such file or folder" in again.stderr


def test_openapi_writes_the_spec(tmp_path):
    target = tmp_path / "spec.yaml"
    result = run("openapi", "--output", str(target))
    assert result.exit_code == 0
    assert target.read_text().startswith("openapi: 3.1.0")


def test_keys_create_list_revoke(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'keys.db'}"}
    created = run("keys", "create", "newsroom", env=env)
    assert created.exit_code == 0
    key = created.stdout.strip()
    assert key.startswith("brf_")
    prefix = key.split("_")[1]
    listed = run("keys", "list", env=env).stdout
    assert prefix in listed and "newsroom" in listed and "active" in listed and key not in listed
    assert run("keys", "revoke", prefix, env=env).exit_code == 0
    assert "revoked" in run("keys", "list", env=env).stdout
    assert run("keys", "revoke", prefix, env=env).exit_code == 1


def test_export_writes_every_record(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'export.db'}"}
    run("ingest", str(SEEDS), env=env)
    lines = run("export", "statements", env=env).stdout.splitlines()
    parsed = [json.loads(line) for line in run("parse", "--format", "jsonl", str(SEEDS)).stdout.splitlines()]
    assert sorted(json.loads(line)["id"] for line in lines) == sorted(s["id"] for d in parsed for s in d["statements"])
    target = tmp_path / "quotes.csv"
    assert run("export", "quotes", "--format", "csv", "--output", str(target), env=env).exit_code == 0
    rows = target.read_text().splitlines()
    assert rows[0].startswith("id,briefing_id,statement_id,speaker.id,speaker.name,text")
    assert len(rows) == 1 + sum(len(d["quotes"]) for d in parsed)


def test_version_and_short_help():
    from service.store.migrations import head

    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("briefings 0.1.0")
    assert f"schema version {head()}" in version.stdout
    assert "migrate" in run("-h").stdout and "--database" in run("serve", "-h").stdout


def test_read_only_commands_never_create_a_database(tmp_path):
    missing = tmp_path / "missing.db"
    for args in (("export", "statements"), ("keys", "list"), ("migrate", "--dry-run")):
        result = run(*args, "--database", f"sqlite:///{missing}")
        assert str(missing) in result.output, result.output
        assert not missing.exists()
    assert run("export", "briefings", "--database", f"sqlite:///{missing}").exit_code == 1
    (tmp_path / "empty.db").touch()
    empty = run("keys", "list", "--database", f"sqlite:///{tmp_path / 'empty.db'}")
    assert empty.exit_code == 1 and "is empty: run `briefings migrate`" in empty.stderr


def test_a_bad_database_url_is_one_line_not_a_traceback():
    for url in ("mysql://user@host/db", "briefings.db", "postgresql://postgres@127.0.0.1:1/nothing"):
        result = run("ingest", str(SEEDS), "--database", url)
        assert result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith("Error: "), result.stderr
    assert "secret" not in run("keys", "list", "--database", "postgresql://u:secret@127.0.0.1:1/x").stderr


def test_a_missing_postgresql_driver_is_one_line(tmp_path):
    blocked = "import sys; sys.modules['psycopg2'] = None; from service.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", blocked, "keys", "list", "--database",
                           "postgresql://postgres@127.0.0.1:5432/none"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "driver not found" in done.stderr and "pip install 'briefings[postgres]'" in done.stderr


def test_migrate_creates_a_new_database_then_has_nothing_to_do(tmp_path):
    from service.store.migrations import head

    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'new.db'}"}
    created = run("migrate", env=env)
    assert created.exit_code == 0 and f"applied {head()} migrations" in created.stdout
    assert "reparse" not in created.stdout  # nothing stored yet: nothing to re-parse
    again = run("migrate", env=env)
    assert again.stdout.strip() == f"schema version {head()}, code {head()}: nothing to apply"


def test_a_stray_control_character_in_a_text_file_is_read_as_a_space(tmp_path):
    """A form feed left by a PDF conversion costs a warning, not the article (the API refuses it instead)."""
    path = tmp_path / "page-break.txt"
    path.write_text("Minister speaks\n\nThe minister said the talks would resume.\x0c Page two follows.\n",
                    encoding="utf-8")
    result = run("parse", "--format", "jsonl", str(path))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert "\x0c" not in doc["text"] and doc["text"].index("Page two") == path.read_text().index("Page two")
    assert [s["cue"]["text"] for s in doc["statements"]] == ["said"]
    assert "1 control character(s) read as spaces" in result.stderr
