-- The warehouse contract. Analysts' saved queries read these names: keep them stable, add freely.
-- Every row carries the load_id of the run that wrote it. Fact tables are keyed by doc_id and
-- replaced per document on load (delete-insert in one transaction), so re-runs never duplicate.

CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,  -- sha256 of the repaired text (first 16 hex digits)
    source_path   VARCHAR,              -- first file this document was seen in
    title         VARCHAR,
    published_on  DATE,
    text          VARCHAR,              -- full repaired text, nothing removed; offsets point here
    body          VARCHAR,              -- the article without web boilerplate
    encoding      VARCHAR,              -- how the bytes were decoded (utf-8, utf-16-le, cp1252, …)
    repair_count  INTEGER,              -- number of rows in repairs for this document
    mojibake      VARCHAR,              -- families repaired: clean, thai-lossy, thai-hybrid, ftfy …
    highlights    VARCHAR[],
    residual_count INTEGER,             -- unrecoverable mojibake spans left as they were
    year          INTEGER,              -- the article's year (date line or copyright), if stated
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS sources (
    source_path   VARCHAR,
    raw_sha256    VARCHAR,
    doc_id        VARCHAR,
    size_bytes    BIGINT,
    encoding      VARCHAR,
    mojibake      VARCHAR,
    first_seen    TIMESTAMP,
    last_seen     TIMESTAMP,
    load_id       VARCHAR,
    PRIMARY KEY (source_path, raw_sha256)
);

-- The per-document fact tables (repairs … quotes) hold tens of rows per document and carry no
-- PRIMARY KEY: a DuckDB key is an ART index that must fit in memory and is updated on every
-- insert (dropping them halved the load stage of `ree-etl bench --docs 10000`: 9.4 s → 4.5 s).
-- Their ids are still unique: a document's rows are deleted and inserted together in one
-- transaction (warehouse/load.py), and tests/test_questions.py checks every id column.
CREATE TABLE IF NOT EXISTS repairs (
    repair_id     VARCHAR,
    doc_id        VARCHAR,
    start         INTEGER,              -- offsets of `after` in documents.text
    "end"         INTEGER,
    before        VARCHAR,
    after         VARCHAR,
    rule          VARCHAR,
    confidence    DOUBLE,
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS residuals (
    doc_id        VARCHAR,
    start         INTEGER,
    "end"         INTEGER,
    text          VARCHAR,
    rule          VARCHAR,
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS entities (
    entity_id     VARCHAR PRIMARY KEY,  -- <type>:<slug of canonical name>
    entity_type   VARCHAR,              -- organization | person | place | element
    name          VARCHAR,              -- canonical name
    kb            BOOLEAN,              -- true when the knowledge base knows it
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS mentions (
    mention_id    VARCHAR,
    doc_id        VARCHAR,
    entity_id     VARCHAR,
    surface       VARCHAR,
    start         INTEGER,              -- documents.text[start:end] == surface
    "end"         INTEGER,
    sentence      INTEGER,              -- sentence number within the document
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS roles (
    role_id       VARCHAR,
    doc_id        VARCHAR,
    person        VARCHAR,
    title         VARCHAR,
    organization  VARCHAR,
    start         INTEGER,
    "end"         INTEGER,
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id      VARCHAR,
    doc_id        VARCHAR,
    event_type    VARCHAR,              -- meeting | visit | inspection | agreement | review | ceremony | award | announcement | acquisition | opening
    start_date    DATE,
    end_date      DATE,
    date_text     VARCHAR,
    start_md      VARCHAR,              -- '--MM-DD' even when the year is unknown
    end_md        VARCHAR,
    people        VARCHAR[],
    organizations VARCHAR[],
    location      VARCHAR,
    trigger       VARCHAR,
    start         INTEGER,
    "end"         INTEGER,
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS metrics (
    metric_id     VARCHAR,
    doc_id        VARCHAR,
    value         DOUBLE,
    unit          VARCHAR,
    measure       VARCHAR,
    approximate   BOOLEAN,
    text          VARCHAR,
    entity        VARCHAR,
    start         INTEGER,
    "end"         INTEGER,
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id      VARCHAR,
    doc_id        VARCHAR,
    speaker       VARCHAR,
    quote         VARCHAR,
    start         INTEGER,
    "end"         INTEGER,
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS quarantine (
    source_path   VARCHAR,
    raw_sha256    VARCHAR,              -- NULL when the file could not be read at all
    reason        VARCHAR,              -- empty | binary | too_large | undecodable | unreadable | loop
    detail        VARCHAR,
    size_bytes    BIGINT,
    raw_path      VARCHAR,              -- where its bytes are kept under raw/
    first_seen    TIMESTAMP,
    load_id       VARCHAR
);

-- What each file looked like when last loaded: lets a run skip unchanged files without reading.
CREATE TABLE IF NOT EXISTS file_index (
    source_path   VARCHAR PRIMARY KEY,
    size_bytes    BIGINT,
    mtime_ns      BIGINT,
    raw_sha256    VARCHAR,
    load_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS loads (
    load_id       VARCHAR PRIMARY KEY,
    flow_run_id   VARCHAR,
    started_at    TIMESTAMP,
    finished_at   TIMESTAMP,
    status        VARCHAR,              -- completed | empty (nothing new)
    files_seen    INTEGER,
    files_new     INTEGER,
    files_unchanged INTEGER,
    files_quarantined INTEGER,
    documents     INTEGER,              -- documents written by this load
    repairs       INTEGER,
    entities      INTEGER,
    mentions      INTEGER,
    roles         INTEGER,
    events        INTEGER,
    metrics       INTEGER,
    quotes        INTEGER,
    quarantined   INTEGER
);

-- Parquet files under lake/ whose rows are committed; anything else there is a killed run's orphan.
CREATE TABLE IF NOT EXISTS lake_files (
    path          VARCHAR PRIMARY KEY,  -- relative to lake/
    load_id       VARCHAR,
    rows          BIGINT
);
