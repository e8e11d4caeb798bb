"""Regression: the records extracted from fixtures/articles/ are pinned in fixtures/expected/.

Any change in the engine's output on these articles fails here. When a change
is intended, regenerate with `UPDATE_FIXTURES=1 pytest tests/test_fixtures.py`
and review the diff of fixtures/expected/ before committing it.
"""
import json
import os

import pytest

from service.extract import parse
from service.extract.articles import read
from service.store.rows import EXPANSIONS, document_rows, expanded_record
from tests.conftest import FIXTURES

ARTICLES = sorted((FIXTURES / "articles").iterdir())
EXPECTED = FIXTURES / "expected"


def extracted(path):
    [article] = read(path.read_bytes(), name=path.name)
    doc = parse(article.text, published=article.published_date)
    return expanded_record(document_rows(doc, article), set(EXPANSIONS))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_output_is_unchanged(path):
    expected_file = EXPECTED / f"{path.stem}.json"
    record = extracted(path)
    if os.environ.get("UPDATE_FIXTURES"):
        EXPECTED.mkdir(exist_ok=True)
        expected_file.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    for kind in ("statements", "quotes", "figures", "speakers"):
        assert record[kind] == expected[kind], kind
    assert record == expected


def test_every_article_has_its_expected_records():
    assert {p.stem for p in ARTICLES} == {p.stem for p in EXPECTED.glob("*.json")}
