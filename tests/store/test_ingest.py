"""Ingestion on SQLite and, when TEST_DATABASE_URL is set, PostgreSQL: whole or nothing, once per text."""
import pytest
from playhouse.migrate import SchemaMigrator

from service.extract.articles import read
from service.store import queries
from service.store.db import open_database
from service.store.ingest import ingest
from service.store.migrations import MIGRATIONS
from service.store.models import AliasWord, Briefing, Figure, Quote, Speaker, SpeakerAlias, Statement
from tests.conftest import SEEDS

index_alias_words = next(m for m in MIGRATIONS if m.name == "index_alias_words")


@pytest.fixture
def store(database_url):
    db = open_database(database_url)
    with db.connection_context():
        yield db
    if hasattr(db, "close_all"):
        db.close_all()


def article(name="seed-000.txt"):
    return read((SEEDS / name).read_bytes(), name=name)[0]


def counts():
    return {m.__name__: m.select().count() for m in (Briefing, Statement, Quote, Figure, Speaker, SpeakerAlias)}


def test_same_text_twice_creates_nothing_new(store):
    first = ingest(article())
    before = counts()
    second = ingest(article())
    assert first.created and not second.created
    assert second.briefing_id == first.briefing_id
    assert counts() == before
    assert before["Statement"] > 0 and before["Quote"] > 0


def test_ids_are_stable_across_databases(store, tmp_path):
    ingest(article())
    ids = sorted(s.id for s in Statement.select())
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    with other.connection_context():
        ingest(article())
        assert sorted(s.id for s in Statement.select()) == ids


def test_a_failure_midway_stores_nothing(store, monkeypatch):
    original = Figure.insert_many

    def broken(rows):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Figure, "insert_many", broken)
    with pytest.raises(RuntimeError):
        ingest(article("seed-002.txt"))
    monkeypatch.setattr(Figure, "insert_many", original)
    assert counts() == {name: 0 for name in counts()}
    assert ingest(article("seed-002.txt")).created


def test_speakers_are_shared_across_articles(store):
    ingest(article("seed-000.txt"))
    ingest(article("seed-002.txt"))
    pakistan = [s for s in Speaker.select() if s.name == "Pakistan"]
    assert len(pakistan) == 1
    briefings = {st.briefing_id for st in Statement.select().where(Statement.speaker == pakistan[0].id)}
    briefings |= {q.briefing_id for q in Quote.select().where(Quote.speaker == pakistan[0].id)}
    assert len(briefings) == 2


def test_speaker_search_is_whole_word_and_accent_insensitive(store):
    ingest(article())
    page = queries.list_speakers(q="BALÓCH")
    assert [s["name"] for s in page.records] == ["Mumtaz Zahra Baloch"]
    assert queries.list_speakers(q="loch").records == []
    assert queries.list_speakers(q="%").records == []


def test_a_database_from_before_the_word_index_is_indexed_by_its_migration(store):
    ingest(article())
    AliasWord.delete().execute()
    assert queries.list_speakers(q="baloch").records == []
    index_alias_words.apply(SchemaMigrator.from_database(store))
    assert [s["name"] for s in queries.list_speakers(q="baloch").records] == ["Mumtaz Zahra Baloch"]
