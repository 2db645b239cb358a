import Foundation
import GRDB
import LedgerCore
import LedgerResources
import Testing
@testable import SQLiteStore

@Suite("Migrations on a ledger in use")
struct MigrationTests {
    static func ledger(_ store: SQLiteLedgerStore) throws -> Ledger<SQLiteLedgerStore> {
        Ledger(store: store, chart: try ChartOfAccounts(json: LedgerResources.chartOfAccountsJSON()), actor: "test",
               clock: { Timestamp(secondsSince1970: 1_760_000_000) })
    }

    @Test("a ledger written before 0009–0011 migrates with its chain intact and keeps its rules")
    func fromOlderSchema() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-0008-\(UUID().uuidString).sqlite").path
        // As HocPhi left it at schema 0008: a school with September issued, and September closed.
        let old = try SQLiteLedgerStore(writer: try DatabasePool(path: path), migratingUpTo: "0008-close-marks")
        let oldLedger = try Self.ledger(old)
        try Fixture.populate(oldLedger)
        _ = try oldLedger.closePeriod(Fixture.september)
        let before = try old.head()
        var oldRecords: [JournalRecord] = []
        try old.forEachJournalRecord { oldRecords.append($0) }

        let store = try SQLiteLedgerStore(path: path)
        let applied = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == (try LedgerResources.migrations().map(\.name)))
        #expect(try store.head() == before)
        var records: [JournalRecord] = []
        try store.forEachJournalRecord { records.append($0) }
        #expect(records == oldRecords)
        let ledger = try Self.ledger(store)
        #expect(try ledger.verify().isOK)

        // The rules still hold: append-only journal and audit log, no entry in the closed month.
        #expect(throws: DatabaseError.self) { try store.writer.write { db in try db.execute(sql: "UPDATE journal_entries SET memo = 'x'") } }
        #expect(throws: DatabaseError.self) { try store.writer.write { db in try db.execute(sql: "DELETE FROM audit_log") } }
        let october = try ledger.issueInvoices(for: YearMonth("2025-10")!)
        #expect(october.issued == 3)
        #expect(try ledger.verify().isOK)
        // An entry slipped into the closed month behind the program's back is reported.
        try store.writer.write { db in
            let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM journal_entries ORDER BY seq DESC LIMIT 1")!
            try db.execute(sql: """
                INSERT INTO journal_entries (seq, recorded_at, kind, reference, memo, actor, reverses, prev_hash, hash, period)
                VALUES (?, '2025-10-20T00:00:00Z', 'payment.allocated', 'X', 'x', 'x', NULL, ?, ?, '2025-09')
                """, arguments: [(last["seq"] as Int64) + 1, last["hash"] as String, String(repeating: "e", count: 64)])
        }
        #expect(try ledger.verify().problems.contains { $0.contains("closed") })
    }

    @Test("a ledger from a newer HocPhi is refused, not opened")
    func newerLedger() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-newer-\(UUID().uuidString).sqlite").path
        let store = try SQLiteLedgerStore(path: path)
        try store.writer.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999-from-the-future')") }
        #expect { try SQLiteLedgerStore(path: path) } throws: { "\($0)".contains("newer HocPhi") && "\($0)".contains("9999-from-the-future") }
    }
}
