-- 0003: reconciliation — allocations of bank credits to invoices (or to a family's credit).

ALTER TABLE statement_lines ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1));

CREATE TABLE allocations (
    allocation_id  INTEGER PRIMARY KEY,
    line_id        INTEGER NOT NULL REFERENCES statement_lines(line_id),
    invoice_number TEXT    REFERENCES invoices(invoice_number),          -- NULL: the family's credit (3383)
    student_code   TEXT    NOT NULL REFERENCES students(student_code),
    amount         INTEGER NOT NULL CHECK (amount > 0),
    method         TEXT    NOT NULL CHECK (method IN ('code', 'name+amount', 'payer-account+amount', 'manual')),
    reason         TEXT    NOT NULL,
    journal_seq    INTEGER NOT NULL REFERENCES journal_entries(seq),
    reversed_by    INTEGER REFERENCES journal_entries(seq)
) STRICT;
CREATE INDEX allocations_line ON allocations(line_id);
CREATE INDEX allocations_invoice ON allocations(invoice_number);

-- An allocation is never edited except to record, once, the entry that reversed it.
CREATE TRIGGER allocations_immutable BEFORE UPDATE OF line_id, invoice_number, student_code, amount, method, reason,
    journal_seq ON allocations
BEGIN SELECT RAISE(ABORT, 'an allocation never changes; unmatch reverses it'); END;
CREATE TRIGGER allocations_reversed_once BEFORE UPDATE OF reversed_by ON allocations WHEN OLD.reversed_by IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an allocation is reversed at most once'); END;
CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
BEGIN SELECT RAISE(ABORT, 'an allocation is never deleted; unmatch reverses it'); END;
