"""Peewee models: one table per record kind, with the indexes the list endpoints use.

Records keep their content-derived string ids as primary keys. Each table also
has an integer ``seq`` that only grows: lists are ordered by it and cursors
point into it, so a page boundary never moves when new rows arrive.
The database itself is bound at run time (``db.py``), never at import.
"""
import datetime as dt

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Speaker(BaseModel):
    seq = AutoField()
    id = CharField(max_length=32, unique=True)
    name = TextField()
    kind = CharField(max_length=16, index=True)
    role = TextField(null=True)
    affiliation = TextField(null=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class SpeakerAlias(BaseModel):
    """Every surface form of a speaker, folded for whole-word, accent-insensitive search."""

    speaker = ForeignKeyField(Speaker, field="id", backref="alias_rows", on_delete="CASCADE")
    alias = TextField()
    folded = TextField()  # " mumtaz zahra baloch ": folded words; AliasWord indexes them for search

    class Meta:
        indexes = ((("speaker", "folded"), True),)


class AliasWord(BaseModel):
    """One word of one alias: a whole-word name search is one index lookup per word, not a scan of aliases."""

    word = CharField(max_length=64)
    speaker = ForeignKeyField(Speaker, field="id", on_delete="CASCADE")
    folded = TextField()  # the alias the word belongs to: all words of a query must come from one alias

    class Meta:
        primary_key = CompositeKey("word", "speaker", "folded")


class Briefing(BaseModel):
    seq = AutoField()
    id = CharField(max_length=32, unique=True)
    content_hash = CharField(max_length=64, unique=True)
    title = TextField()
    text = TextField()
    kind = CharField(max_length=16, index=True)
    date = CharField(max_length=10, null=True)
    day = CharField(max_length=10, index=True)  # date, else the published date, else the day it was stored
    date_text = TextField(null=True)
    location = TextField(null=True)
    host = TextField(null=True)
    participants = TextField(default="")  # speaker ids, space-separated
    publisher = TextField(null=True)
    url = TextField(null=True)
    published_at = DateTimeField(null=True)
    parser_version = CharField(max_length=16)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class Statement(BaseModel):
    seq = AutoField()
    id = CharField(max_length=32, unique=True)
    briefing = ForeignKeyField(Briefing, field="id", on_delete="CASCADE")
    speaker = ForeignKeyField(Speaker, field="id", null=True)
    mention_text = TextField(null=True)
    mention_start = IntegerField(null=True)
    mention_end = IntegerField(null=True)
    cue_text = TextField(null=True)
    cue_start = IntegerField(null=True)
    cue_end = IntegerField(null=True)
    content_text = TextField()
    content_start = IntegerField()
    content_end = IntegerField()
    type = CharField(max_length=8, index=True)
    quote_ids = TextField(default="")  # space-separated
    confidence = FloatField()
    rule = CharField(max_length=48)

    class Meta:
        indexes = ((("speaker", "seq"), False), (("briefing", "seq"), False))


class Quote(BaseModel):
    seq = AutoField()
    id = CharField(max_length=32, unique=True)
    briefing = ForeignKeyField(Briefing, field="id", on_delete="CASCADE")
    statement_id = CharField(max_length=32, null=True)
    speaker = ForeignKeyField(Speaker, field="id", null=True)
    text = TextField()
    start = IntegerField()
    end = IntegerField()
    partial = BooleanField()
    closed = BooleanField()

    class Meta:
        indexes = ((("speaker", "seq"), False), (("briefing", "seq"), False))


class Figure(BaseModel):
    seq = AutoField()
    id = CharField(max_length=32, unique=True)
    briefing = ForeignKeyField(Briefing, field="id", on_delete="CASCADE")
    statement_id = CharField(max_length=32, null=True, index=True)
    text = TextField()
    start = IntegerField()
    end = IntegerField()
    kind = CharField(max_length=16, index=True)
    number = FloatField(null=True)  # the value when it is a number
    date_value = CharField(max_length=10, null=True)  # the value when it is a date
    unit = CharField(max_length=16, null=True)
    qualifier = CharField(max_length=16, null=True)
    subject = TextField(null=True)
    event = TextField(null=True)
    part_of = CharField(max_length=32, null=True)

    class Meta:
        indexes = ((("briefing", "seq"), False), (("unit", "number"), False))  # unit=, its facet, sort=value


class Turn(BaseModel):
    """One turn of a transcript: its label and words as spans; an official's turn points at the question it answers
    (the other direction, a question's answers, is derived when read)."""

    seq = AutoField()
    id = CharField(max_length=32, unique=True)
    briefing = ForeignKeyField(Briefing, field="id", on_delete="CASCADE")
    position = IntegerField()  # 0, 1, 2 … in the transcript
    kind = CharField(max_length=16)  # official, question, other
    speaker = ForeignKeyField(Speaker, field="id", null=True)
    label_text = TextField()
    label_start = IntegerField()
    label_end = IntegerField()
    text_text = TextField()
    text_start = IntegerField()
    text_end = IntegerField()
    answers = CharField(max_length=32, null=True, index=True)
    directions = TextField(default="")  # stage directions in the text: "start:end" pairs, space-separated

    class Meta:
        indexes = ((("briefing", "seq"), False), (("speaker", "seq"), False))


class Appearance(BaseModel):
    """A speaker in one briefing, with the role and affiliation it had there: roles over time, participants."""

    briefing = ForeignKeyField(Briefing, field="id", on_delete="CASCADE")
    speaker = ForeignKeyField(Speaker, field="id", on_delete="CASCADE")
    role = TextField(null=True)
    affiliation = TextField(null=True)
    day = CharField(max_length=10)
    participant = BooleanField(default=False)

    class Meta:
        indexes = ((("briefing", "speaker"), True), (("speaker", "day"), False))


class Change(BaseModel):
    """One created, updated or deleted record, in order: the changes feed, and the data version behind ETags."""

    seq = AutoField()
    kind = CharField(max_length=16)  # briefing, statement, quote, figure, speaker
    record_id = CharField(max_length=32)
    briefing_id = CharField(max_length=32, null=True)
    action = CharField(max_length=8)  # created, updated, deleted
    at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("kind", "record_id"), False),)


class ApiKey(BaseModel):
    """An API key, kept only as its SHA-256: a stolen database gives no usable key."""

    prefix = CharField(max_length=16, unique=True)  # the key's public start, to find it and to show in lists
    digest = CharField(max_length=64)
    name = TextField()
    created_at = DateTimeField(default=utcnow)
    revoked_at = DateTimeField(null=True)


class Webhook(BaseModel):
    """A subscriber: each new record of ``kind`` matching ``filters`` is POSTed to ``url``, signed with ``secret``."""

    id = CharField(max_length=32, primary_key=True)
    url = TextField()
    secret = TextField()  # whsec_…: needed in clear to sign, so it is shown once and never listed
    kind = CharField(max_length=16)  # statement, quote, figure, briefing
    filters = TextField(default="{}")  # JSON: the list endpoint's filters
    created_at = DateTimeField(default=utcnow)


class Delivery(BaseModel):
    """One message to one webhook: an outbox row written with the records, sent and retried apart from ingestion."""

    seq = AutoField()
    id = CharField(max_length=40, unique=True)  # the webhook-id header: the same on every retry
    webhook = ForeignKeyField(Webhook, field="id", on_delete="CASCADE")
    event = CharField(max_length=32)
    record_id = CharField(max_length=32)
    payload = TextField()
    status = CharField(max_length=12, default="pending", index=True)  # pending, sending, delivered, failed
    attempts = IntegerField(default=0)
    next_attempt_at = DateTimeField(default=utcnow, index=True)
    last_error = TextField(null=True)
    created_at = DateTimeField(default=utcnow)
    delivered_at = DateTimeField(null=True)


class SchemaMigration(BaseModel):
    """One migration applied to this database (``migrations.py``): the newest one's version is the schema's."""

    version = IntegerField(primary_key=True)
    name = TextField()
    applied_at = DateTimeField(default=utcnow)


MODELS = (Speaker, SpeakerAlias, AliasWord, Briefing, Turn, Statement, Quote, Figure, Appearance, Change, ApiKey, Webhook,
          Delivery, SchemaMigration)
