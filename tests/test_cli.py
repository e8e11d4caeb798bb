import json

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
    assert target.read_text().startswith("openapi: 3.0.3")


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
