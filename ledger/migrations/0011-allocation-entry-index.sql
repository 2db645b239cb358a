-- 0011: allocations are found by the journal entry that posted them, not by invoice.
--
-- `unmatch` marks the allocations of an entry reversed (`WHERE journal_seq = ?`), which had no index and read
-- the whole table; no query looks allocations up by invoice (the foreign key to invoices is checked through
-- the invoices' own key). The invoice index cost every allocation a write at a random place — ~4 µs each on
-- a district ledger — while the entry index grows at its end, as entries are numbered in order.
DROP INDEX allocations_invoice;
CREATE INDEX allocations_entry ON allocations(journal_seq);
