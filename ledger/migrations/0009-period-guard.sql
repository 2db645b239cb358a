-- 0009: the closed-month guard moves from a trigger to the store's write path.
--
-- Any INSERT trigger makes SQLite keep a statement journal for every insert into the table: the original of
-- each page the row touches (16 KiB here) is copied aside first, in case the trigger aborts the statement.
-- Measured on a 100,000-invoice ledger, that made one journal entry cost ~23 µs instead of ~8 µs — most of the
-- time a reconciliation spent writing. The rule itself is unchanged: the store refuses any entry whose month
-- is closed before writing it (`ChangeWriter`), the core never builds one (`LedgerChanges.accountingPeriod`),
-- and `ledger verify` reports an entry recorded after a close that counts in the closed month.
DROP TRIGGER journal_entries_open_period;
