-- 0004: receipts — the school's signing key, signed receipts, cancellations; the profile fields receipts print.

ALTER TABLE school ADD COLUMN address TEXT;
ALTER TABLE school ADD COLUMN tax_code TEXT;
ALTER TABLE school ADD COLUMN receipt_form TEXT NOT NULL DEFAULT 'EBL01';
ALTER TABLE school ADD COLUMN receipt_letters TEXT NOT NULL DEFAULT 'AA' CHECK (length(receipt_letters) = 2);

-- One Ed25519 key per ledger. The private seed stays in the ledger file (see README "Receipts": who can
-- write this file can sign; keep it with the same care as the ledger itself).
CREATE TABLE signing_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    private_key BLOB    NOT NULL CHECK (length(private_key) = 32),
    public_key  BLOB    NOT NULL CHECK (length(public_key) = 32),
    created_at  TEXT    NOT NULL
) STRICT;
CREATE TRIGGER signing_key_immutable BEFORE UPDATE ON signing_key
BEGIN SELECT RAISE(ABORT, 'the signing key never changes'); END;
CREATE TRIGGER signing_key_no_delete BEFORE DELETE ON signing_key
BEGIN SELECT RAISE(ABORT, 'the signing key is never deleted'); END;

-- A receipt is written once with its signed content (JSON of the core's Receipt) and never changed.
CREATE TABLE receipts (
    series          TEXT    NOT NULL CHECK (length(series) = 5),
    number          INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99999999),
    invoice_number  TEXT    NOT NULL REFERENCES invoices(invoice_number),
    amount          INTEGER NOT NULL CHECK (amount >= 0),
    content         TEXT    NOT NULL,
    signature       BLOB    NOT NULL CHECK (length(signature) = 64),
    replaces_series TEXT,
    replaces_number INTEGER,
    issued_at       TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    PRIMARY KEY (series, number),
    FOREIGN KEY (replaces_series, replaces_number) REFERENCES receipts(series, number)
) STRICT;
CREATE INDEX receipts_invoice ON receipts(invoice_number);
CREATE UNIQUE INDEX receipts_replaced_once ON receipts(replaces_series, replaces_number) WHERE replaces_series IS NOT NULL;
-- Gapless: a number is the next one of its series, never a jump.
CREATE TRIGGER receipts_gapless BEFORE INSERT ON receipts
WHEN NEW.number <> COALESCE((SELECT MAX(number) FROM receipts WHERE series = NEW.series), 0) + 1
BEGIN SELECT RAISE(ABORT, 'receipt numbers run without gaps'); END;
CREATE TRIGGER receipts_immutable BEFORE UPDATE ON receipts
BEGIN SELECT RAISE(ABORT, 'a receipt never changes; cancel or replace it'); END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN SELECT RAISE(ABORT, 'a receipt is never deleted; cancel or replace it'); END;

CREATE TABLE receipt_cancellations (
    series       TEXT    NOT NULL,
    number       INTEGER NOT NULL,
    reason       TEXT    NOT NULL CHECK (length(reason) > 0),
    actor        TEXT    NOT NULL,
    cancelled_at TEXT    NOT NULL,
    PRIMARY KEY (series, number),
    FOREIGN KEY (series, number) REFERENCES receipts(series, number)
) STRICT;
CREATE TRIGGER receipt_cancellations_immutable BEFORE UPDATE ON receipt_cancellations
BEGIN SELECT RAISE(ABORT, 'a cancellation never changes'); END;
CREATE TRIGGER receipt_cancellations_no_delete BEFORE DELETE ON receipt_cancellations
BEGIN SELECT RAISE(ABORT, 'a cancellation is never deleted'); END;
