"""The schema of commit 1b3a794, the last made without migrations, as its code created it on each engine.

Frozen: the ``baseline`` migration runs these statements (each ``IF NOT EXISTS``),
so a fresh database gets all of it and an older one what it lacks; every later
change is a migration of its own (``migrations.py``). Never edit them.
"""

SQLITE = [
    ('CREATE TABLE IF NOT EXISTS "speaker" ("seq" INTEGER NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT NULL,'
     ' "name" TEXT NOT NULL, "kind" VARCHAR(16) NOT NULL, "role" TEXT, "affiliation" TEXT, "created_at" '
     'DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "speaker_id" ON "speaker" ("id")',
    ('CREATE TABLE IF NOT EXISTS "alias_word" ("word" VARCHAR(64) NOT NULL, "speaker_id" VARCHAR(32) NOT '
     'NULL, "folded" TEXT NOT NULL, PRIMARY KEY ("word", "speaker_id", "folded"), FOREIGN KEY '
     '("speaker_id") REFERENCES "speaker" ("id") ON DELETE CASCADE)'),
    'CREATE INDEX IF NOT EXISTS "alias_word_speaker_id" ON "alias_word" ("speaker_id")',
    ('CREATE TABLE IF NOT EXISTS "api_key" ("id" INTEGER NOT NULL PRIMARY KEY, "prefix" VARCHAR(16) NOT '
     'NULL, "digest" VARCHAR(64) NOT NULL, "name" TEXT NOT NULL, "created_at" DATETIME NOT NULL, '
     '"revoked_at" DATETIME)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "api_key_prefix" ON "api_key" ("prefix")',
    ('CREATE TABLE IF NOT EXISTS "briefing" ("seq" INTEGER NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT '
     'NULL, "content_hash" VARCHAR(64) NOT NULL, "title" TEXT NOT NULL, "text" TEXT NOT NULL, "kind" '
     'VARCHAR(16) NOT NULL, "date" VARCHAR(10), "day" VARCHAR(10) NOT NULL, "date_text" TEXT, "location" '
     'TEXT, "host" TEXT, "participants" TEXT NOT NULL, "publisher" TEXT, "url" TEXT, "published_at" '
     'DATETIME, "parser_version" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" '
     'DATETIME NOT NULL)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "briefing_id" ON "briefing" ("id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "briefing_content_hash" ON "briefing" ("content_hash")',
    'CREATE INDEX IF NOT EXISTS "briefing_kind" ON "briefing" ("kind")',
    'CREATE INDEX IF NOT EXISTS "briefing_day" ON "briefing" ("day")',
    ('CREATE TABLE IF NOT EXISTS "appearance" ("id" INTEGER NOT NULL PRIMARY KEY, "briefing_id" '
     'VARCHAR(32) NOT NULL, "speaker_id" VARCHAR(32) NOT NULL, "role" TEXT, "affiliation" TEXT, "day" '
     'VARCHAR(10) NOT NULL, "participant" INTEGER NOT NULL, FOREIGN KEY ("briefing_id") REFERENCES '
     '"briefing" ("id") ON DELETE CASCADE, FOREIGN KEY ("speaker_id") REFERENCES "speaker" ("id") ON '
     'DELETE CASCADE)'),
    'CREATE INDEX IF NOT EXISTS "appearance_briefing_id" ON "appearance" ("briefing_id")',
    'CREATE INDEX IF NOT EXISTS "appearance_speaker_id" ON "appearance" ("speaker_id")',
    ('CREATE UNIQUE INDEX IF NOT EXISTS "appearance_briefing_id_speaker_id" ON "appearance" '
     '("briefing_id", "speaker_id")'),
    'CREATE INDEX IF NOT EXISTS "appearance_speaker_id_day" ON "appearance" ("speaker_id", "day")',
    ('CREATE TABLE IF NOT EXISTS "change" ("seq" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(16) NOT '
     'NULL, "record_id" VARCHAR(32) NOT NULL, "briefing_id" VARCHAR(32), "action" VARCHAR(8) NOT NULL, '
     '"at" DATETIME NOT NULL)'),
    'CREATE INDEX IF NOT EXISTS "change_kind_record_id" ON "change" ("kind", "record_id")',
    ('CREATE TABLE IF NOT EXISTS "webhook" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "url" TEXT NOT NULL, '
     '"secret" TEXT NOT NULL, "kind" VARCHAR(16) NOT NULL, "filters" TEXT NOT NULL, "created_at" DATETIME '
     'NOT NULL)'),
    ('CREATE TABLE IF NOT EXISTS "delivery" ("seq" INTEGER NOT NULL PRIMARY KEY, "id" VARCHAR(40) NOT '
     'NULL, "webhook_id" VARCHAR(32) NOT NULL, "event" VARCHAR(32) NOT NULL, "record_id" VARCHAR(32) NOT '
     'NULL, "payload" TEXT NOT NULL, "status" VARCHAR(12) NOT NULL, "attempts" INTEGER NOT NULL, '
     '"next_attempt_at" DATETIME NOT NULL, "last_error" TEXT, "created_at" DATETIME NOT NULL, '
     '"delivered_at" DATETIME, FOREIGN KEY ("webhook_id") REFERENCES "webhook" ("id") ON DELETE CASCADE)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "delivery_id" ON "delivery" ("id")',
    'CREATE INDEX IF NOT EXISTS "delivery_webhook_id" ON "delivery" ("webhook_id")',
    'CREATE INDEX IF NOT EXISTS "delivery_status" ON "delivery" ("status")',
    'CREATE INDEX IF NOT EXISTS "delivery_next_attempt_at" ON "delivery" ("next_attempt_at")',
    ('CREATE TABLE IF NOT EXISTS "figure" ("seq" INTEGER NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT NULL, '
     '"briefing_id" VARCHAR(32) NOT NULL, "statement_id" VARCHAR(32), "text" TEXT NOT NULL, "start" '
     'INTEGER NOT NULL, "end" INTEGER NOT NULL, "kind" VARCHAR(16) NOT NULL, "number" REAL, "date_value" '
     'VARCHAR(10), "unit" VARCHAR(16), "qualifier" VARCHAR(16), "subject" TEXT, "event" TEXT, "part_of" '
     'VARCHAR(32), FOREIGN KEY ("briefing_id") REFERENCES "briefing" ("id") ON DELETE CASCADE)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "figure_id" ON "figure" ("id")',
    'CREATE INDEX IF NOT EXISTS "figure_briefing_id" ON "figure" ("briefing_id")',
    'CREATE INDEX IF NOT EXISTS "figure_statement_id" ON "figure" ("statement_id")',
    'CREATE INDEX IF NOT EXISTS "figure_kind" ON "figure" ("kind")',
    'CREATE INDEX IF NOT EXISTS "figure_briefing_id_seq" ON "figure" ("briefing_id", "seq")',
    ('CREATE TABLE IF NOT EXISTS "quote" ("seq" INTEGER NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT NULL, '
     '"briefing_id" VARCHAR(32) NOT NULL, "statement_id" VARCHAR(32), "speaker_id" VARCHAR(32), "text" '
     'TEXT NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, "partial" INTEGER NOT NULL, '
     '"closed" INTEGER NOT NULL, FOREIGN KEY ("briefing_id") REFERENCES "briefing" ("id") ON DELETE '
     'CASCADE, FOREIGN KEY ("speaker_id") REFERENCES "speaker" ("id"))'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "quote_id" ON "quote" ("id")',
    'CREATE INDEX IF NOT EXISTS "quote_briefing_id" ON "quote" ("briefing_id")',
    'CREATE INDEX IF NOT EXISTS "quote_speaker_id" ON "quote" ("speaker_id")',
    'CREATE INDEX IF NOT EXISTS "quote_speaker_id_seq" ON "quote" ("speaker_id", "seq")',
    'CREATE INDEX IF NOT EXISTS "quote_briefing_id_seq" ON "quote" ("briefing_id", "seq")',
    ('CREATE TABLE IF NOT EXISTS "speaker_alias" ("id" INTEGER NOT NULL PRIMARY KEY, "speaker_id" '
     'VARCHAR(32) NOT NULL, "alias" TEXT NOT NULL, "folded" TEXT NOT NULL, FOREIGN KEY ("speaker_id") '
     'REFERENCES "speaker" ("id") ON DELETE CASCADE)'),
    'CREATE INDEX IF NOT EXISTS "speaker_alias_speaker_id" ON "speaker_alias" ("speaker_id")',
    ('CREATE UNIQUE INDEX IF NOT EXISTS "speaker_alias_speaker_id_folded" ON "speaker_alias" '
     '("speaker_id", "folded")'),
    ('CREATE TABLE IF NOT EXISTS "statement" ("seq" INTEGER NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT '
     'NULL, "briefing_id" VARCHAR(32) NOT NULL, "speaker_id" VARCHAR(32), "mention_text" TEXT, '
     '"mention_start" INTEGER, "mention_end" INTEGER, "cue_text" TEXT, "cue_start" INTEGER, "cue_end" '
     'INTEGER, "content_text" TEXT NOT NULL, "content_start" INTEGER NOT NULL, "content_end" INTEGER NOT '
     'NULL, "type" VARCHAR(8) NOT NULL, "quote_ids" TEXT NOT NULL, "confidence" REAL NOT NULL, "rule" '
     'VARCHAR(48) NOT NULL, FOREIGN KEY ("briefing_id") REFERENCES "briefing" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("speaker_id") REFERENCES "speaker" ("id"))'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "statement_id" ON "statement" ("id")',
    'CREATE INDEX IF NOT EXISTS "statement_briefing_id" ON "statement" ("briefing_id")',
    'CREATE INDEX IF NOT EXISTS "statement_speaker_id" ON "statement" ("speaker_id")',
    'CREATE INDEX IF NOT EXISTS "statement_type" ON "statement" ("type")',
    'CREATE INDEX IF NOT EXISTS "statement_speaker_id_seq" ON "statement" ("speaker_id", "seq")',
    'CREATE INDEX IF NOT EXISTS "statement_briefing_id_seq" ON "statement" ("briefing_id", "seq")',
    ("CREATE VIRTUAL TABLE IF NOT EXISTS statement_fts USING fts5(content_text, content='statement', "
     "content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')"),
    ('CREATE TRIGGER IF NOT EXISTS statement_fts_insert AFTER INSERT ON statement BEGIN INSERT INTO '
     'statement_fts(rowid, content_text) VALUES (new.seq, new.content_text); END'),
    ('CREATE TRIGGER IF NOT EXISTS statement_fts_delete AFTER DELETE ON statement BEGIN INSERT INTO '
     "statement_fts(statement_fts, rowid, content_text) VALUES ('delete', old.seq, old.content_text); END"),
    ('CREATE TRIGGER IF NOT EXISTS statement_fts_update AFTER UPDATE ON statement BEGIN INSERT INTO '
     "statement_fts(statement_fts, rowid, content_text) VALUES ('delete', old.seq, old.content_text); "
     'INSERT INTO statement_fts(rowid, content_text) VALUES (new.seq, new.content_text); END'),
    ("CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(text, content='quote', content_rowid='seq', "
     "tokenize='porter unicode61 remove_diacritics 2')"),
    ('CREATE TRIGGER IF NOT EXISTS quote_fts_insert AFTER INSERT ON quote BEGIN INSERT INTO '
     'quote_fts(rowid, text) VALUES (new.seq, new.text); END'),
    ('CREATE TRIGGER IF NOT EXISTS quote_fts_delete AFTER DELETE ON quote BEGIN INSERT INTO '
     "quote_fts(quote_fts, rowid, text) VALUES ('delete', old.seq, old.text); END"),
    ('CREATE TRIGGER IF NOT EXISTS quote_fts_update AFTER UPDATE ON quote BEGIN INSERT INTO '
     "quote_fts(quote_fts, rowid, text) VALUES ('delete', old.seq, old.text); INSERT INTO quote_fts(rowid,"
     ' text) VALUES (new.seq, new.text); END'),
    ("CREATE VIRTUAL TABLE IF NOT EXISTS briefing_fts USING fts5(text, title, content='briefing', "
     "content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')"),
    ('CREATE TRIGGER IF NOT EXISTS briefing_fts_insert AFTER INSERT ON briefing BEGIN INSERT INTO '
     'briefing_fts(rowid, text, title) VALUES (new.seq, new.text, new.title); END'),
    ('CREATE TRIGGER IF NOT EXISTS briefing_fts_delete AFTER DELETE ON briefing BEGIN INSERT INTO '
     "briefing_fts(briefing_fts, rowid, text, title) VALUES ('delete', old.seq, old.text, old.title); END"),
    ('CREATE TRIGGER IF NOT EXISTS briefing_fts_update AFTER UPDATE ON briefing BEGIN INSERT INTO '
     "briefing_fts(briefing_fts, rowid, text, title) VALUES ('delete', old.seq, old.text, old.title); "
     'INSERT INTO briefing_fts(rowid, text, title) VALUES (new.seq, new.text, new.title); END'),
]

POSTGRESQL = [
    ('CREATE TABLE IF NOT EXISTS "speaker" ("seq" SERIAL NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT NULL, '
     '"name" TEXT NOT NULL, "kind" VARCHAR(16) NOT NULL, "role" TEXT, "affiliation" TEXT, "created_at" '
     'TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "speaker_id" ON "speaker" ("id")',
    ('CREATE TABLE IF NOT EXISTS "alias_word" ("word" VARCHAR(64) NOT NULL, "speaker_id" VARCHAR(32) NOT '
     'NULL, "folded" TEXT NOT NULL, PRIMARY KEY ("word", "speaker_id", "folded"), FOREIGN KEY '
     '("speaker_id") REFERENCES "speaker" ("id") ON DELETE CASCADE)'),
    'CREATE INDEX IF NOT EXISTS "alias_word_speaker_id" ON "alias_word" ("speaker_id")',
    ('CREATE TABLE IF NOT EXISTS "api_key" ("id" SERIAL NOT NULL PRIMARY KEY, "prefix" VARCHAR(16) NOT '
     'NULL, "digest" VARCHAR(64) NOT NULL, "name" TEXT NOT NULL, "created_at" TIMESTAMP NOT NULL, '
     '"revoked_at" TIMESTAMP)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "api_key_prefix" ON "api_key" ("prefix")',
    ('CREATE TABLE IF NOT EXISTS "briefing" ("seq" SERIAL NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT NULL,'
     ' "content_hash" VARCHAR(64) NOT NULL, "title" TEXT NOT NULL, "text" TEXT NOT NULL, "kind" '
     'VARCHAR(16) NOT NULL, "date" VARCHAR(10), "day" VARCHAR(10) NOT NULL, "date_text" TEXT, "location" '
     'TEXT, "host" TEXT, "participants" TEXT NOT NULL, "publisher" TEXT, "url" TEXT, "published_at" '
     'TIMESTAMP, "parser_version" VARCHAR(16) NOT NULL, "created_at" TIMESTAMP NOT NULL, "updated_at" '
     'TIMESTAMP NOT NULL)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "briefing_id" ON "briefing" ("id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "briefing_content_hash" ON "briefing" ("content_hash")',
    'CREATE INDEX IF NOT EXISTS "briefing_kind" ON "briefing" ("kind")',
    'CREATE INDEX IF NOT EXISTS "briefing_day" ON "briefing" ("day")',
    ('CREATE TABLE IF NOT EXISTS "appearance" ("id" SERIAL NOT NULL PRIMARY KEY, "briefing_id" VARCHAR(32)'
     ' NOT NULL, "speaker_id" VARCHAR(32) NOT NULL, "role" TEXT, "affiliation" TEXT, "day" VARCHAR(10) NOT'
     ' NULL, "participant" BOOLEAN NOT NULL, FOREIGN KEY ("briefing_id") REFERENCES "briefing" ("id") ON '
     'DELETE CASCADE, FOREIGN KEY ("speaker_id") REFERENCES "speaker" ("id") ON DELETE CASCADE)'),
    'CREATE INDEX IF NOT EXISTS "appearance_briefing_id" ON "appearance" ("briefing_id")',
    'CREATE INDEX IF NOT EXISTS "appearance_speaker_id" ON "appearance" ("speaker_id")',
    ('CREATE UNIQUE INDEX IF NOT EXISTS "appearance_briefing_id_speaker_id" ON "appearance" '
     '("briefing_id", "speaker_id")'),
    'CREATE INDEX IF NOT EXISTS "appearance_speaker_id_day" ON "appearance" ("speaker_id", "day")',
    ('CREATE TABLE IF NOT EXISTS "change" ("seq" SERIAL NOT NULL PRIMARY KEY, "kind" VARCHAR(16) NOT NULL,'
     ' "record_id" VARCHAR(32) NOT NULL, "briefing_id" VARCHAR(32), "action" VARCHAR(8) NOT NULL, "at" '
     'TIMESTAMP NOT NULL)'),
    'CREATE INDEX IF NOT EXISTS "change_kind_record_id" ON "change" ("kind", "record_id")',
    ('CREATE TABLE IF NOT EXISTS "webhook" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "url" TEXT NOT NULL, '
     '"secret" TEXT NOT NULL, "kind" VARCHAR(16) NOT NULL, "filters" TEXT NOT NULL, "created_at" TIMESTAMP'
     ' NOT NULL)'),
    ('CREATE TABLE IF NOT EXISTS "delivery" ("seq" SERIAL NOT NULL PRIMARY KEY, "id" VARCHAR(40) NOT NULL,'
     ' "webhook_id" VARCHAR(32) NOT NULL, "event" VARCHAR(32) NOT NULL, "record_id" VARCHAR(32) NOT NULL, '
     '"payload" TEXT NOT NULL, "status" VARCHAR(12) NOT NULL, "attempts" INTEGER NOT NULL, '
     '"next_attempt_at" TIMESTAMP NOT NULL, "last_error" TEXT, "created_at" TIMESTAMP NOT NULL, '
     '"delivered_at" TIMESTAMP, FOREIGN KEY ("webhook_id") REFERENCES "webhook" ("id") ON DELETE CASCADE)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "delivery_id" ON "delivery" ("id")',
    'CREATE INDEX IF NOT EXISTS "delivery_webhook_id" ON "delivery" ("webhook_id")',
    'CREATE INDEX IF NOT EXISTS "delivery_status" ON "delivery" ("status")',
    'CREATE INDEX IF NOT EXISTS "delivery_next_attempt_at" ON "delivery" ("next_attempt_at")',
    ('CREATE TABLE IF NOT EXISTS "figure" ("seq" SERIAL NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT NULL, '
     '"briefing_id" VARCHAR(32) NOT NULL, "statement_id" VARCHAR(32), "text" TEXT NOT NULL, "start" '
     'INTEGER NOT NULL, "end" INTEGER NOT NULL, "kind" VARCHAR(16) NOT NULL, "number" REAL, "date_value" '
     'VARCHAR(10), "unit" VARCHAR(16), "qualifier" VARCHAR(16), "subject" TEXT, "event" TEXT, "part_of" '
     'VARCHAR(32), FOREIGN KEY ("briefing_id") REFERENCES "briefing" ("id") ON DELETE CASCADE)'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "figure_id" ON "figure" ("id")',
    'CREATE INDEX IF NOT EXISTS "figure_briefing_id" ON "figure" ("briefing_id")',
    'CREATE INDEX IF NOT EXISTS "figure_statement_id" ON "figure" ("statement_id")',
    'CREATE INDEX IF NOT EXISTS "figure_kind" ON "figure" ("kind")',
    'CREATE INDEX IF NOT EXISTS "figure_briefing_id_seq" ON "figure" ("briefing_id", "seq")',
    ('CREATE TABLE IF NOT EXISTS "quote" ("seq" SERIAL NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT NULL, '
     '"briefing_id" VARCHAR(32) NOT NULL, "statement_id" VARCHAR(32), "speaker_id" VARCHAR(32), "text" '
     'TEXT NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, "partial" BOOLEAN NOT NULL, '
     '"closed" BOOLEAN NOT NULL, FOREIGN KEY ("briefing_id") REFERENCES "briefing" ("id") ON DELETE '
     'CASCADE, FOREIGN KEY ("speaker_id") REFERENCES "speaker" ("id"))'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "quote_id" ON "quote" ("id")',
    'CREATE INDEX IF NOT EXISTS "quote_briefing_id" ON "quote" ("briefing_id")',
    'CREATE INDEX IF NOT EXISTS "quote_speaker_id" ON "quote" ("speaker_id")',
    'CREATE INDEX IF NOT EXISTS "quote_speaker_id_seq" ON "quote" ("speaker_id", "seq")',
    'CREATE INDEX IF NOT EXISTS "quote_briefing_id_seq" ON "quote" ("briefing_id", "seq")',
    ('CREATE TABLE IF NOT EXISTS "speaker_alias" ("id" SERIAL NOT NULL PRIMARY KEY, "speaker_id" '
     'VARCHAR(32) NOT NULL, "alias" TEXT NOT NULL, "folded" TEXT NOT NULL, FOREIGN KEY ("speaker_id") '
     'REFERENCES "speaker" ("id") ON DELETE CASCADE)'),
    'CREATE INDEX IF NOT EXISTS "speaker_alias_speaker_id" ON "speaker_alias" ("speaker_id")',
    ('CREATE UNIQUE INDEX IF NOT EXISTS "speaker_alias_speaker_id_folded" ON "speaker_alias" '
     '("speaker_id", "folded")'),
    ('CREATE TABLE IF NOT EXISTS "statement" ("seq" SERIAL NOT NULL PRIMARY KEY, "id" VARCHAR(32) NOT '
     'NULL, "briefing_id" VARCHAR(32) NOT NULL, "speaker_id" VARCHAR(32), "mention_text" TEXT, '
     '"mention_start" INTEGER, "mention_end" INTEGER, "cue_text" TEXT, "cue_start" INTEGER, "cue_end" '
     'INTEGER, "content_text" TEXT NOT NULL, "content_start" INTEGER NOT NULL, "content_end" INTEGER NOT '
     'NULL, "type" VARCHAR(8) NOT NULL, "quote_ids" TEXT NOT NULL, "confidence" REAL NOT NULL, "rule" '
     'VARCHAR(48) NOT NULL, FOREIGN KEY ("briefing_id") REFERENCES "briefing" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("speaker_id") REFERENCES "speaker" ("id"))'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "statement_id" ON "statement" ("id")',
    'CREATE INDEX IF NOT EXISTS "statement_briefing_id" ON "statement" ("briefing_id")',
    'CREATE INDEX IF NOT EXISTS "statement_speaker_id" ON "statement" ("speaker_id")',
    'CREATE INDEX IF NOT EXISTS "statement_type" ON "statement" ("type")',
    'CREATE INDEX IF NOT EXISTS "statement_speaker_id_seq" ON "statement" ("speaker_id", "seq")',
    'CREATE INDEX IF NOT EXISTS "statement_briefing_id_seq" ON "statement" ("briefing_id", "seq")',
    ("CREATE INDEX IF NOT EXISTS statement_search ON statement USING GIN (to_tsvector('english', "
     "coalesce(content_text, '')))"),
    ("CREATE INDEX IF NOT EXISTS quote_search ON quote USING GIN (to_tsvector('english', coalesce(text, "
     "'')))"),
    ("CREATE INDEX IF NOT EXISTS briefing_search ON briefing USING GIN (to_tsvector('english', "
     "coalesce(title, '') || ' ' || coalesce(text, '')))"),
]
