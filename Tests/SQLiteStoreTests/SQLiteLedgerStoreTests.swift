import Foundation
import GRDB
import LedgerCore
import LedgerResources
import Testing
@testable import SQLiteStore

@Suite("SQLite store")
struct SQLiteLedgerStoreTests {
    @Test("migrations are applied once, recorded, and a reopened file keeps its data")
    func migrationsOnce() throws {
        let fixture = try Fixture(onDisk: true)
        try fixture.populate()
        let reopened = try SQLiteLedgerStore(path: fixture.path!)
        let applied = try reopened.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == (try LedgerResources.migrations().map(\.name)))
        #expect(applied.first == "0001-ledger" && applied.count >= 3)
        #expect(try reopened.invoices().count == 3)
        #expect(try reopened.head() == fixture.store.head())
    }

    @Test("a file ledger runs in WAL mode with foreign keys on")
    func walAndForeignKeys() throws {
        let fixture = try Fixture(onDisk: true)
        let (mode, foreignKeys) = try fixture.store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(foreignKeys == 1)
    }

    @Test("school, roster, fees and invoices read back as written")
    func roundTrip() throws {
        let fixture = try Fixture()
        let summary = try fixture.populate()
        #expect(summary.issued == 3)
        let school = try #require(try fixture.store.school())
        #expect(school.name == "Trường Tiểu học Kim Đồng")
        #expect(school.paymentCodeKey == (try PaymentCodeKey(multiplier: 7_654_321, offset: 1_234_567)))
        #expect(try fixture.store.students().map(\.fullName) == ["Nguyễn Văn An", "Y Sơn Niê", "Trần Thị Bình"])
        #expect(try fixture.store.feeItems().map(\.code.value) == ["BHYT", "TIENAN"])
        let invoices = try fixture.store.invoices(period: Fixture.september)
        #expect(invoices.map(\.amountDue.dong) == [1_233_100, 1_233_100, 1_233_100])
        #expect(invoices.allSatisfy { $0.lines.count == 2 && $0.status == .open })
        #expect(try fixture.store.invoices(period: YearMonth("2025-10")!).isEmpty)
        var records: [JournalRecord] = []
        try fixture.store.forEachJournalRecord { records.append($0) }
        #expect(records.map(\.sequence) == [1, 2, 3])
        #expect(records.allSatisfy { $0.lines.count == 3 && $0.hash == $0.computedHash })
    }

    @Test("a batch that violates a constraint writes nothing at all")
    func atomicCommit() throws {
        let fixture = try Fixture()
        try fixture.populate()
        let before = try fixture.store.head()
        let existing = try fixture.store.invoices()[0]
        var changes = LedgerChanges(base: before, at: Timestamp(secondsSince1970: 1_760_000_000), actor: "test")
        changes.audit(AuditEvent("test.event", subject: "x"))
        let entry = try JournalEntry(kind: .invoiceIssued, reference: "TB2510-000004", memo: "",
                                     postings: [.debit(.receivable(existing.studentCode), Money(dong: 5)),
                                                .credit(AccountCode("531", "TIENAN"), Money(dong: 5))])
        let sequence = changes.record(entry)
        // Same pupil and period as an issued invoice: the UNIQUE (student_code, period) constraint refuses it.
        changes.add(Invoice(number: "TB2509-000004", serial: changes.nextInvoiceSerial(), studentCode: existing.studentCode,
                            studentName: "x", className: existing.className, period: existing.period,
                            lines: [InvoiceLine(feeCode: FeeCode("TIENAN")!, feeName: "x", amount: Money(dong: 5), account: .serviceRevenue)],
                            amountDue: Money(dong: 5), paymentCode: try PaymentCode(serial: 4, key: try #require(try fixture.store.school()).paymentCodeKey),
                            issuedAt: changes.recordedAt, journalSequence: sequence))
        #expect(throws: DatabaseError.self) { try fixture.store.commit(changes) }
        #expect(try fixture.store.head() == before)
        #expect(try fixture.store.invoices().count == 3)
    }

    @Test("a batch built on a stale head is refused")
    func staleHead() throws {
        let fixture = try Fixture()
        try fixture.populate()
        var stale = LedgerChanges(base: .empty, at: Timestamp(secondsSince1970: 0), actor: "test")
        stale.audit(AuditEvent("test.event", subject: "x"))
        #expect(throws: StoreConflict.self) { try fixture.store.commit(stale) }
    }

    @Test("the journal, its postings and the audit log refuse UPDATE and DELETE")
    func appendOnly() throws {
        let fixture = try Fixture()
        try fixture.populate()
        for sql in ["UPDATE postings SET amount = 1", "DELETE FROM postings", "UPDATE journal_entries SET memo = 'x'",
                    "DELETE FROM journal_entries", "UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log",
                    "UPDATE invoice_lines SET amount = 1"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try fixture.store.writer.write { db in try db.execute(sql: sql) } }
        }
        #expect(try fixture.ledger.verify().isOK)
    }

    @Test("verify names the first altered record after edits made behind the program's back",
          arguments: [
            ("UPDATE invoices SET amount_due = amount_due - 1000 WHERE serial = 2", "invoice TB2509-000002"),
            ("DROP TRIGGER postings_append_only_update; UPDATE postings SET amount = amount + 1 WHERE entry_seq = 2 AND line_no = 1", "journal entry 2"),
            ("DROP TRIGGER journal_entries_append_only_update; UPDATE journal_entries SET memo = 'sửa' WHERE seq = 3", "journal entry 3"),
            ("DROP TRIGGER invoice_lines_append_only_update; UPDATE invoice_lines SET amount = 1 WHERE invoice_number = 'TB2509-000001' AND line_no = 1", "invoice TB2509-000001"),
            ("DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET details = 'x' WHERE seq = 2", "audit record 2"),
          ])
    func tamperEvident(sql: String, names: String) throws {
        let fixture = try Fixture()
        try fixture.populate()
        #expect(try fixture.ledger.verify().isOK)
        try fixture.store.writer.write { db in try db.execute(sql: sql) }
        let report = try fixture.ledger.verify()
        #expect(!report.isOK)
        #expect(report.problems.first?.hasPrefix(names) == true, "\(report.problems)")
    }
}
