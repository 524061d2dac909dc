"""The tables of a claimx database (`db`): articles and what claimx found in them, with
foreign keys to their target columns, full-text search on claims as sqlite-utils configures
it, and the event keys `claimx summary` joins on (`db_index`, `db_summary`): each claim's
copy class and variant (`claim_copies`, `claim_variants`: the copies of a wire reprinted by
many outlets share one), each variant's event keys once; each actor's mentions and the
claims it is the source of, counted. `claims_variant` holds all a summary reads of a
recurring claim's appearances (no claims row read for each). A new database's full-text
index is built after its first load, then its `TRIGGERS` and `INDEXES` made (faster than
kept up to date row by row)."""

TABLES = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, file TEXT NOT NULL, doc INTEGER NOT NULL, size INTEGER,
    mtime_ns INTEGER, sha256 TEXT, source TEXT, title TEXT, date TEXT, url TEXT,
    publisher TEXT, lang TEXT, chars INTEGER, UNIQUE (file, doc));
CREATE TABLE IF NOT EXISTS actors (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    wikidata TEXT, roles TEXT, mentions INTEGER, cited INTEGER);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY, actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    start INTEGER, "end" INTEGER, text TEXT);
CREATE TABLE IF NOT EXISTS chips (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL, name TEXT NOT NULL, vendor TEXT, mentions INTEGER);
CREATE TABLE IF NOT EXISTS money (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, amount,
    amount_max, currency TEXT, qualifier TEXT);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL, text TEXT NOT NULL, start INTEGER, "end" INTEGER,
    modality TEXT, review_status TEXT, review_note TEXT,
    variant_id INTEGER REFERENCES claim_variants(id));
CREATE TABLE IF NOT EXISTS attributions (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE, kind TEXT,
    source_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL, source_text TEXT,
    cue TEXT, cue_start INTEGER, cue_end INTEGER, quote TEXT);
CREATE TABLE IF NOT EXISTS claim_actors (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS claim_chips (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    chip_id INTEGER NOT NULL REFERENCES chips(id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS claim_money (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    money_id INTEGER NOT NULL REFERENCES money(id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS claim_copies (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS claim_variants (
    id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE,
    copy_id INTEGER NOT NULL REFERENCES claim_copies(id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS claim_keys (
    variant_id INTEGER NOT NULL REFERENCES claim_variants(id) ON DELETE CASCADE,
    key TEXT NOT NULL, rare INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS article_words (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    word TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS [claims_fts] USING FTS5 ([text], content=[claims]);
"""
TRIGGERS = """
CREATE TRIGGER IF NOT EXISTS [claims_ai] AFTER INSERT ON [claims] BEGIN
  INSERT INTO [claims_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;
CREATE TRIGGER IF NOT EXISTS [claims_ad] AFTER DELETE ON [claims] BEGIN
  INSERT INTO [claims_fts] ([claims_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
END;
CREATE TRIGGER IF NOT EXISTS [claims_au] AFTER UPDATE ON [claims] BEGIN
  INSERT INTO [claims_fts] ([claims_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
  INSERT INTO [claims_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS actors_article ON actors (article_id);
CREATE INDEX IF NOT EXISTS actors_key ON actors (key, article_id, mentions, cited);
CREATE INDEX IF NOT EXISTS chips_article ON chips (article_id);
CREATE INDEX IF NOT EXISTS chips_name ON chips (name, article_id, vendor, mentions);
CREATE INDEX IF NOT EXISTS money_value ON money (currency, amount, article_id, text);
CREATE INDEX IF NOT EXISTS money_article ON money (article_id);
CREATE INDEX IF NOT EXISTS claims_article ON claims (article_id);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id);
CREATE INDEX IF NOT EXISTS attributions_source ON attributions (source_actor_id);
CREATE INDEX IF NOT EXISTS claim_actors_claim ON claim_actors (claim_id);
CREATE INDEX IF NOT EXISTS claim_actors_actor ON claim_actors (actor_id);
CREATE INDEX IF NOT EXISTS claim_chips_claim ON claim_chips (claim_id);
CREATE INDEX IF NOT EXISTS claim_chips_chip ON claim_chips (chip_id);
CREATE INDEX IF NOT EXISTS claim_money_claim ON claim_money (claim_id);
CREATE INDEX IF NOT EXISTS claim_money_money ON claim_money (money_id);
CREATE INDEX IF NOT EXISTS claims_variant ON claims (
    variant_id, article_id, start, "end", local_id, review_status);
CREATE INDEX IF NOT EXISTS claim_variants_copy ON claim_variants (copy_id);
CREATE INDEX IF NOT EXISTS claim_keys_variant ON claim_keys (variant_id);
CREATE INDEX IF NOT EXISTS article_words_word ON article_words (word);
CREATE INDEX IF NOT EXISTS article_words_article ON article_words (article_id);
"""
SCHEMA = TABLES + TRIGGERS + INDEXES
