-- 0001: the school, its roster and fees, invoices, and the append-only journal and audit log.
-- Constraints live here, not only in code: "trust SQLite more than yourself".

CREATE TABLE school (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),          -- one school per ledger
    name                    TEXT    NOT NULL CHECK (length(name) > 0),
    bank_bin                TEXT    NOT NULL CHECK (length(bank_bin) = 6 AND bank_bin NOT GLOB '*[^0-9]*'),
    account_number          TEXT    NOT NULL CHECK (length(account_number) BETWEEN 1 AND 19),
    account_name            TEXT    NOT NULL CHECK (length(account_name) > 0),
    city                    TEXT,
    payment_code_multiplier INTEGER NOT NULL CHECK (payment_code_multiplier > 0 AND payment_code_multiplier % 31 <> 0),
    payment_code_offset     INTEGER NOT NULL CHECK (payment_code_offset >= 0),
    created_at              TEXT    NOT NULL
) STRICT;

CREATE TABLE students (
    student_code   TEXT PRIMARY KEY CHECK (length(student_code) BETWEEN 1 AND 20),
    full_name      TEXT NOT NULL CHECK (length(full_name) > 0),
    class_name     TEXT NOT NULL CHECK (length(class_name) > 0),
    date_of_birth  TEXT CHECK (date_of_birth IS NULL OR date_of_birth GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    guardian_name  TEXT,
    guardian_phone TEXT CHECK (guardian_phone IS NULL OR (length(guardian_phone) = 10 AND guardian_phone NOT GLOB '*[^0-9]*'))
) STRICT;

CREATE TABLE fee_items (
    fee_code   TEXT    PRIMARY KEY CHECK (length(fee_code) BETWEEN 1 AND 20),
    name       TEXT    NOT NULL CHECK (length(name) > 0),
    amount     INTEGER NOT NULL CHECK (amount > 0),
    applies_to TEXT    NOT NULL,
    period     TEXT    NOT NULL CHECK (period IN ('monthly', 'term', 'yearly', 'once')),
    due        TEXT    CHECK ((period = 'once') = (due IS NOT NULL)),
    account    TEXT    NOT NULL CHECK (account IN ('531', '3373', '3381')),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE journal_entries (
    seq         INTEGER PRIMARY KEY CHECK (seq > 0),
    recorded_at TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    reference   TEXT    NOT NULL,
    memo        TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    reverses    INTEGER REFERENCES journal_entries(seq),
    prev_hash   TEXT    NOT NULL CHECK (length(prev_hash) = 64),
    hash        TEXT    NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX journal_entries_reference ON journal_entries(reference);

CREATE TABLE postings (
    entry_seq INTEGER NOT NULL REFERENCES journal_entries(seq),
    line_no   INTEGER NOT NULL CHECK (line_no > 0),
    account   TEXT    NOT NULL,
    side      TEXT    NOT NULL CHECK (side IN ('D', 'C')),
    amount    INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (entry_seq, line_no)
) STRICT, WITHOUT ROWID;
CREATE INDEX postings_account ON postings(account);

CREATE TABLE invoices (
    invoice_number TEXT    PRIMARY KEY,
    serial         INTEGER NOT NULL UNIQUE CHECK (serial > 0),
    student_code   TEXT    NOT NULL REFERENCES students(student_code),
    student_name   TEXT    NOT NULL,
    class_name     TEXT    NOT NULL,
    period         TEXT    NOT NULL CHECK (period GLOB '[2][0-9][0-9][0-9]-[01][0-9]'),
    amount_due     INTEGER NOT NULL CHECK (amount_due > 0),
    amount_paid    INTEGER NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
    status         TEXT    NOT NULL CHECK (status IN ('open', 'partly_paid', 'paid', 'overpaid', 'void')),
    is_void        INTEGER NOT NULL DEFAULT 0 CHECK (is_void IN (0, 1)),
    payment_code   TEXT    NOT NULL UNIQUE CHECK (length(payment_code) = 9),
    issued_at      TEXT    NOT NULL,
    journal_seq    INTEGER NOT NULL UNIQUE REFERENCES journal_entries(seq),
    UNIQUE (student_code, period)                                      -- one invoice per pupil per period
) STRICT;
CREATE INDEX invoices_period ON invoices(period);

CREATE TABLE invoice_lines (
    invoice_number TEXT    NOT NULL REFERENCES invoices(invoice_number),
    line_no        INTEGER NOT NULL CHECK (line_no > 0),
    fee_code       TEXT    NOT NULL,
    fee_name       TEXT    NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount > 0),
    account        TEXT    NOT NULL CHECK (account IN ('531', '3373', '3381')),
    PRIMARY KEY (invoice_number, line_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY CHECK (seq > 0),
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    details     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash        TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

-- Append-only, enforced by the database itself: corrections are new reversing entries, never edits.
-- (Someone with the sqlite3 shell can drop these; `ledger verify` still sees any edit through the hashes.)
CREATE TRIGGER journal_entries_append_only_update BEFORE UPDATE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: record a reversing entry instead'); END;
CREATE TRIGGER journal_entries_append_only_delete BEFORE DELETE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: record a reversing entry instead'); END;
CREATE TRIGGER postings_append_only_update BEFORE UPDATE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only: record a reversing entry instead'); END;
CREATE TRIGGER postings_append_only_delete BEFORE DELETE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only: record a reversing entry instead'); END;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER invoice_lines_append_only_update BEFORE UPDATE ON invoice_lines
BEGIN SELECT RAISE(ABORT, 'invoice lines never change once issued'); END;
CREATE TRIGGER invoice_lines_append_only_delete BEFORE DELETE ON invoice_lines
BEGIN SELECT RAISE(ABORT, 'invoice lines never change once issued'); END;
