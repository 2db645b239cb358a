-- 0006: refunds — a debit bank line (money paid back to a family) matched to that family's credit (3383).
-- hocphi: rebuilds tables
-- SQLite cannot widen a CHECK in place, so the allocations table is rebuilt with the same rows, indexes and
-- triggers, and one more method: 'refund'.

CREATE TABLE allocations_0006 (
    allocation_id  INTEGER PRIMARY KEY,
    line_id        INTEGER NOT NULL REFERENCES statement_lines(line_id),
    invoice_number TEXT    REFERENCES invoices(invoice_number),          -- NULL: the family's credit (3383)
    student_code   TEXT    NOT NULL REFERENCES students(student_code),
    amount         INTEGER NOT NULL CHECK (amount > 0),
    method         TEXT    NOT NULL CHECK (method IN ('code', 'name+amount', 'payer-account+amount', 'manual', 'refund')),
    reason         TEXT    NOT NULL,
    journal_seq    INTEGER NOT NULL REFERENCES journal_entries(seq),
    reversed_by    INTEGER REFERENCES journal_entries(seq),
    CHECK (method <> 'refund' OR invoice_number IS NULL)
) STRICT;
INSERT INTO allocations_0006 SELECT allocation_id, line_id, invoice_number, student_code, amount, method, reason,
                                    journal_seq, reversed_by FROM allocations;
DROP TABLE allocations;
ALTER TABLE allocations_0006 RENAME TO allocations;
CREATE INDEX allocations_line ON allocations(line_id);
CREATE INDEX allocations_invoice ON allocations(invoice_number);

CREATE TRIGGER allocations_immutable BEFORE UPDATE OF line_id, invoice_number, student_code, amount, method, reason,
    journal_seq ON allocations
BEGIN SELECT RAISE(ABORT, 'an allocation never changes; unmatch reverses it'); END;
CREATE TRIGGER allocations_reversed_once BEFORE UPDATE OF reversed_by ON allocations WHEN OLD.reversed_by IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an allocation is reversed at most once'); END;
CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
BEGIN SELECT RAISE(ABORT, 'an allocation is never deleted; unmatch reverses it'); END;
