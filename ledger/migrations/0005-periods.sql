-- 0005: accounting periods — the month each journal entry counts in, and month closes.

-- Entries recorded before this migration keep '' (their hashes were sealed without a period).
ALTER TABLE journal_entries ADD COLUMN period TEXT NOT NULL DEFAULT '' CHECK (period = '' OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]');
CREATE INDEX journal_entries_period ON journal_entries(period);

-- `period close 2025-09`: every month up to and including `period` is closed. Each close records the journal
-- head it saw, so anyone can check later that nothing was added to the month afterwards.
CREATE TABLE period_closes (
    period       TEXT    PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    closed_at    TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    journal_seq  INTEGER NOT NULL,
    journal_hash TEXT    NOT NULL
) STRICT;
CREATE TRIGGER period_closes_forward BEFORE INSERT ON period_closes
WHEN NEW.period <= COALESCE((SELECT MAX(period) FROM period_closes), '')
BEGIN SELECT RAISE(ABORT, 'months close in order and stay closed'); END;
CREATE TRIGGER period_closes_immutable BEFORE UPDATE ON period_closes
BEGIN SELECT RAISE(ABORT, 'a closed month stays closed'); END;
CREATE TRIGGER period_closes_no_delete BEFORE DELETE ON period_closes
BEGIN SELECT RAISE(ABORT, 'a closed month stays closed'); END;

-- The last line of defence: no entry may count in a closed month.
CREATE TRIGGER journal_entries_open_period BEFORE INSERT ON journal_entries
WHEN NEW.period <> '' AND NEW.period <= COALESCE((SELECT MAX(period) FROM period_closes), '')
BEGIN SELECT RAISE(ABORT, 'this month is closed; the entry belongs in the first open month'); END;
