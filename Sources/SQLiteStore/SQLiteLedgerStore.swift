import Foundation
import GRDB
import LedgerCore
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The embedded ledger: one SQLite file in WAL mode, with foreign keys on and the schema's constraints as
/// the last line of defence. `commit` is the single place that writes.
public struct SQLiteLedgerStore: LedgerStore {
    let writer: any DatabaseWriter
    /// SQLite's page cache per connection, in KiB.
    static let cacheKiB = 65_536

    /// Opens (creating if needed) the ledger at `path` and applies pending migrations.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // 16 KiB pages for a new ledger (no effect on an existing file): a million-line statement is stored
            // about an eighth faster than with 4 KiB pages, its index pages split less often.
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB of page cache: line identities are hashes, so their unique indexes are written in random
            // order, and a large statement would otherwise re-read the same index pages from disk.
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
        }
        try self.init(writer: DatabasePool(path: path, configuration: configuration))
    }

    /// A ledger in memory, for tests.
    public static func inMemory() throws -> SQLiteLedgerStore {
        try SQLiteLedgerStore(writer: DatabaseQueue())
    }

    /// - Parameter last: the last migration to apply (tests that open a ledger as an older HocPhi left it).
    init(writer: any DatabaseWriter, migratingUpTo last: String? = nil) throws {
        self.writer = writer
        try Migrations.migrate(writer, upTo: last)
    }

    public func school() throws -> School? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM school WHERE id = 1") else { return nil }
            return School(name: row["name"], bankBIN: row["bank_bin"], accountNumber: row["account_number"],
                          accountName: row["account_name"], city: row["city"],
                          paymentCodeKey: try PaymentCodeKey(multiplier: row["payment_code_multiplier"], offset: row["payment_code_offset"]),
                          createdAt: try RowDecoding.timestamp(row["created_at"], "school.created_at"),
                          address: row["address"], taxCode: row["tax_code"],
                          receiptSeries: ReceiptSeries(formSymbol: row["receipt_form"], letters: row["receipt_letters"]))
        }
    }

    public func students() throws -> [Student] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM students ORDER BY student_code").map(RowDecoding.student)
        }
    }

    public func feeItems() throws -> [FeeItem] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM fee_items WHERE active = 1 ORDER BY fee_code").map(RowDecoding.feeItem)
        }
    }

    public func invoices() throws -> [Invoice] {
        try writer.read { db in try RowDecoding.invoices(db, whereClause: "", arguments: []) }
    }

    public func invoices(period: YearMonth) throws -> [Invoice] {
        try writer.read { db in
            try RowDecoding.invoices(db, whereClause: "WHERE i.period = ?", arguments: [period.description])
        }
    }

    public func head() throws -> LedgerHead {
        try writer.read { db in try Self.head(db) }
    }

    static func head(_ db: Database) throws -> LedgerHead {
        var head = LedgerHead.empty
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM journal_entries ORDER BY seq DESC LIMIT 1") {
            head.journalSequence = row["seq"]
            head.journalHash = row["hash"]
        }
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1") {
            head.auditSequence = row["seq"]
            head.auditHash = row["hash"]
        }
        head.lastInvoiceSerial = try Int64.fetchOne(db, sql: "SELECT coalesce(max(serial), 0) FROM invoices") ?? 0
        if let closed = try String.fetchOne(db, sql: "SELECT max(period) FROM period_closes") {
            guard let month = YearMonth(closed) else { throw RowDecoding.CorruptRow(description: "period_closes: \"\(closed)\" is not a month") }
            head.closedThrough = month
        }
        return head
    }

    public func forEachJournalRecord(_ body: (JournalRecord) throws -> Void) throws {
        try writer.read { db in
            let lines = try Row.fetchCursor(db, sql: "SELECT entry_seq, account, side, amount FROM postings ORDER BY entry_seq, line_no")
            var pending: Row? = try lines.next()
            let entries = try Row.fetchCursor(db, sql: "SELECT * FROM journal_entries ORDER BY seq")
            while let entry = try entries.next() {
                let sequence: Int64 = entry["seq"]
                var recordLines: [JournalRecord.Line] = []
                while let line = pending, (line["entry_seq"] as Int64) <= sequence {
                    if (line["entry_seq"] as Int64) == sequence {
                        recordLines.append(JournalRecord.Line(account: line["account"], side: line["side"], amount: line["amount"]))
                    }
                    pending = try lines.next()
                }
                try body(JournalRecord(sequence: sequence, recordedAt: entry["recorded_at"], kind: entry["kind"],
                                       reference: entry["reference"], memo: entry["memo"], actor: entry["actor"],
                                       reverses: entry["reverses"], lines: recordLines,
                                       previousHash: entry["prev_hash"], hash: entry["hash"], period: entry["period"]))
            }
        }
    }

    public func forEachAuditRecord(_ body: (AuditRecord) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
            while let row = try rows.next() {
                try body(AuditRecord(sequence: row["seq"], recordedAt: row["recorded_at"], actor: row["actor"],
                                     action: row["action"], subject: row["subject"], details: row["details"],
                                     previousHash: row["prev_hash"], hash: row["hash"]))
            }
        }
    }

    public func statements() throws -> [StatementRecord] {
        try writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM statements ORDER BY statement_id").map(RowDecoding.statement) }
    }

    public func statementLineKeys(account: String) throws -> Set<String> {
        try writer.read { db in
            var keys = Set<String>()
            let rows = try Row.fetchCursor(db, sql: "SELECT fingerprint, reference_key FROM statement_lines WHERE account = ?",
                                           arguments: [account])
            while let row = try rows.next() {
                keys.insert(row[0])
                if let reference: String = row[1] { keys.insert(reference) }
            }
            return keys
        }
    }

    public func forEachStatementLine(_ body: (StoredStatementLine) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM statement_lines ORDER BY booking_date, line_id")
            while let row = try rows.next() { try body(try RowDecoding.statementLine(row)) }
        }
    }

    public func allocations() throws -> [Allocation] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, l.bank_reference, l.booking_date, l.amount AS line_amount
                FROM allocations a JOIN statement_lines l ON l.line_id = a.line_id ORDER BY a.journal_seq, a.allocation_id
                """).map(RowDecoding.allocation)
        }
    }

    public func creditBalances(root: String) throws -> [String: Int64] {
        try writer.read { db in try ReconciliationReads.creditBalances(db, root: root) }
    }

    public func forEachInvoiceBalance(_ body: (InvoiceBalance) throws -> Void) throws {
        try writer.read { db in try ReconciliationReads.forEachInvoiceBalance(db, body) }
    }

    public func forEachPupilName(_ body: (StudentCode, String, ClassName) throws -> Void) throws {
        try writer.read { db in try ReconciliationReads.forEachPupilName(db, body) }
    }

    public func forEachConfirmedPayer(_ body: (String, StudentCode) throws -> Void) throws {
        try writer.read { db in try ReconciliationReads.forEachConfirmedPayer(db, body) }
    }

    /// A ledger file (a pool of connections) runs the decisions and the writes on two threads: `body` decides
    /// on the calling thread, reading through a reader connection, while the writer connection writes the
    /// batches it sends. An in-memory ledger (one connection) does both in turn.
    public func reconcileInTransaction(base: LedgerHead, _ body: (any ReconciliationSession) throws -> Void) throws {
        guard let pool = writer as? DatabasePool else {
            try writer.write { db in
                try Self.beginReconciliation(db, base: base)
                defer { Self.endReconciliation(db) }
                var batches = ChainedBatchWriter(db: db, head: base)
                try body(SQLiteReconciliationSession(reading: db, sink: { try batches.write($0) }))
            }
            return
        }
        let pipeline = BatchPipeline(capacity: 2)
        let outcome = WriterOutcome()
        pool.asyncWriteWithoutTransaction { db in
            do {
                try db.inTransaction(.immediate) {
                    try Self.beginReconciliation(db, base: base)
                    defer { Self.endReconciliation(db) }
                    outcome.didStart(.success(()))
                    var batches = ChainedBatchWriter(db: db, head: base)
                    var failure: (any Error)?
                    while let batch = pipeline.next() {
                        guard failure == nil else { continue }
                        do { try batches.write(batch) } catch {
                            failure = error
                            pipeline.fail(error)
                        }
                    }
                    if let failure { throw failure }
                    if let error = pipeline.producerError { throw error }
                    return .commit
                }
                outcome.didEnd(.success(()))
            } catch {
                outcome.didEnd(.failure(error))
            }
        }
        // The write lock is held (and the head checked) before the reader's snapshot begins, so the decisions
        // rest on exactly the state the batches are written on.
        try outcome.waitForStart().get()
        do {
            try pool.read { db in
                // The decider reads in order (the book once, then the lines by id): a small cache serves it.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB / 8)")
                defer { try? db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)") }
                try body(SQLiteReconciliationSession(reading: db, sink: pipeline.send))
            }
            pipeline.finish(nil)
        } catch {
            pipeline.finish(error)
            // The writer's failure, if it stopped first, is the cause; the decider only noticed it.
            if case .failure(let cause) = outcome.waitForEnd() { throw cause }
            throw error
        }
        try outcome.waitForEnd().get()
    }

    private static func beginReconciliation(_ db: Database, base: LedgerHead) throws {
        let found = try head(db)
        guard found == base else { throw StoreConflict(expected: base, found: found) }
        // The run holds its own compact index of every invoice and pupil; SQLite's cache gives up half its
        // room to it (measured: no slower at 1,000,000 lines), so a district's run stays within 250 MB.
        try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB / 2)")
    }

    private static func endReconciliation(_ db: Database) {
        try? db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
    }

    /// One write transaction for the whole file: lines are inserted as they are read (`StatementLineInsert`),
    /// and `ON CONFLICT DO NOTHING` against the unique indexes on (account, booking_date, fingerprint) and
    /// (account, reference_key) is what skips known lines — `changesCount` says whether the row went in.
    /// The statement row itself is written last, when its counts are known, so foreign keys are deferred to
    /// the commit. Pages that do not fit the cache spill to the WAL, not to memory; a throw rolls it all back.
    public func commitStatement(base: LedgerHead, account: String, statementID: Int64,
                                _ produce: (_ insert: (StatementLine, LineIdentity) throws -> Bool) throws -> LedgerChanges) throws {
        try writer.write { db in
            let found = try Self.head(db)
            guard found == base else { throw StoreConflict(expected: base, found: found) }
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let insert = try StatementLineInsert(db, statementID: statementID, account: account)
            let changes = try produce { line, identity in try insert.run(line, identity) }
            guard changes.base == base else { throw StoreConflict(expected: base, found: changes.base) }
            try ChangeWriter(db: db).write(changes)
        }
    }

    public func commit(_ changes: LedgerChanges) throws {
        try writer.write { db in
            let found = try Self.head(db)
            guard found == changes.base else { throw StoreConflict(expected: changes.base, found: found) }
            try ChangeWriter(db: db).write(changes)
        }
    }
}

extension SQLiteLedgerStore {
    /// What a person should read for a store error that is not about their input: another command holding the
    /// ledger (a district's reconciliation keeps it for a minute) is a reason to wait, not a failure of theirs.
    public static func explanation(of error: any Error) -> String? {
        guard let error = error as? DatabaseError, error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED else {
            return nil
        }
        return "sổ cái đang bận: một lệnh khác (ví dụ đối soát hay nhập sao kê) đang ghi vào; chưa có gì thay đổi, hãy chạy lại sau. "
            + "(the ledger is busy: another command — a reconciliation or a statement import — is writing to it; nothing was changed, run this again later)"
    }
}
