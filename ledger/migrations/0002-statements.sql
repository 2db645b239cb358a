-- 0002: imported bank statements and their lines, each line stored once.

CREATE TABLE statements (
    statement_id    INTEGER PRIMARY KEY CHECK (statement_id > 0),
    file_name       TEXT    NOT NULL,
    sha256          TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),   -- the same file is imported once
    format          TEXT    NOT NULL,
    account         TEXT    NOT NULL,
    period_start    TEXT,
    period_end      TEXT,
    opening_balance INTEGER,
    closing_balance INTEGER,
    lines           INTEGER NOT NULL CHECK (lines >= 0),
    new_lines       INTEGER NOT NULL CHECK (new_lines >= 0),
    duplicate_lines INTEGER NOT NULL CHECK (duplicate_lines >= 0),
    balance_ok      INTEGER CHECK (balance_ok IN (0, 1)),
    continuity      TEXT    NOT NULL,
    imported_at     TEXT    NOT NULL,
    CHECK (new_lines + duplicate_lines = lines)
) STRICT;

CREATE TABLE statement_lines (
    line_id              INTEGER PRIMARY KEY,
    statement_id         INTEGER NOT NULL REFERENCES statements(statement_id),
    account              TEXT    NOT NULL,
    booking_date         TEXT    NOT NULL,
    value_date           TEXT,
    direction            TEXT    NOT NULL CHECK (direction IN ('credit', 'debit')),
    amount               INTEGER NOT NULL CHECK (amount > 0),
    running_balance      INTEGER,
    bank_reference       TEXT,
    reference_key        TEXT,
    fingerprint          TEXT    NOT NULL CHECK (length(fingerprint) = 64),
    counterparty         TEXT,
    counterparty_account TEXT,
    description          TEXT    NOT NULL,
    position             INTEGER NOT NULL,
    status               TEXT    NOT NULL DEFAULT 'unmatched'
                                 CHECK (status IN ('matched', 'partly_matched', 'unmatched', 'ignored')),
    UNIQUE (account, fingerprint),
    UNIQUE (account, reference_key)
) STRICT;
CREATE INDEX statement_lines_booking ON statement_lines(account, booking_date);

CREATE TRIGGER statement_lines_immutable BEFORE UPDATE OF statement_id, account, booking_date, value_date, direction,
    amount, running_balance, bank_reference, reference_key, fingerprint, counterparty, counterparty_account, description,
    position ON statement_lines
BEGIN SELECT RAISE(ABORT, 'a bank line never changes once imported'); END;
CREATE TRIGGER statement_lines_no_delete BEFORE DELETE ON statement_lines
BEGIN SELECT RAISE(ABORT, 'a bank line is never deleted'); END;
CREATE TRIGGER statements_immutable BEFORE UPDATE ON statements
BEGIN SELECT RAISE(ABORT, 'an imported statement never changes'); END;
CREATE TRIGGER statements_no_delete BEFORE DELETE ON statements
BEGIN SELECT RAISE(ABORT, 'an imported statement is never deleted'); END;
