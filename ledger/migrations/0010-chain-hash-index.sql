-- 0010: the journal and the audit log lose their UNIQUE index on `hash`.
-- hocphi: rebuilds tables
--
-- A record's hash covers its predecessor's hash and its own sequence number, so two records of one chain
-- cannot share a hash unless SHA-256 collides; what matters is that each hash is the one its content implies,
-- and `ledger verify` checks exactly that, record by record. The index guarded nothing, but every insert paid
-- for it with a write at a random place: on a district ledger of a million entries that was 12–25 µs of the
-- ~30 µs one journal entry cost (measured). SQLite cannot drop a UNIQUE constraint in place, so both tables
-- are rebuilt with the same columns, checks, rows, indexes and append-only triggers (foreign keys pointing
-- at them refer to them by name and are unchanged; GRDB runs a migration with them deferred and checks them
-- at its end).

CREATE TABLE journal_entries_0010 (
    seq         INTEGER PRIMARY KEY CHECK (seq > 0),
    recorded_at TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    reference   TEXT    NOT NULL,
    memo        TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    reverses    INTEGER REFERENCES journal_entries(seq),
    prev_hash   TEXT    NOT NULL CHECK (length(prev_hash) = 64),
    hash        TEXT    NOT NULL CHECK (length(hash) = 64),
    period      TEXT    NOT NULL DEFAULT '' CHECK (period = '' OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')
) STRICT;
INSERT INTO journal_entries_0010 (seq, recorded_at, kind, reference, memo, actor, reverses, prev_hash, hash, period)
    SELECT seq, recorded_at, kind, reference, memo, actor, reverses, prev_hash, hash, period FROM journal_entries;
DROP TABLE journal_entries;
ALTER TABLE journal_entries_0010 RENAME TO journal_entries;
CREATE INDEX journal_entries_reference ON journal_entries(reference);
CREATE INDEX journal_entries_period ON journal_entries(period);
CREATE TRIGGER journal_entries_append_only_update BEFORE UPDATE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: record a reversing entry instead'); END;
CREATE TRIGGER journal_entries_append_only_delete BEFORE DELETE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: record a reversing entry instead'); END;

CREATE TABLE audit_log_0010 (
    seq         INTEGER PRIMARY KEY CHECK (seq > 0),
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    details     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash        TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
INSERT INTO audit_log_0010 (seq, recorded_at, actor, action, subject, details, prev_hash, hash)
    SELECT seq, recorded_at, actor, action, subject, details, prev_hash, hash FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_0010 RENAME TO audit_log;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
