import Foundation
import Testing
@testable import LedgerCore

/// Reports as of a past day show what had been recorded by then, not what was decided later.
@Suite("Reports as of a date")
struct ReportScopeTests {
    typealias World = LedgerUseCaseTests.World

    @Test("a line ignored later is still waiting as of the day before; statements imported later are left out")
    func asOf() throws {
        let world = try World.ready()
        world.clock.set("2025-09-05T03:00:00Z")
        let lines = [
            StatementLine(bookingDate: LocalDate("2025-09-03")!, direction: .credit, amount: Money(dong: 450_000),
                          bankReference: "FT1", description: "ung ho quy lop", position: 1),
            StatementLine(bookingDate: LocalDate("2025-09-04")!, direction: .credit, amount: Money(dong: 1_000),
                          bankReference: "FT2", description: "lai tien gui", position: 2),
        ]
        _ = try world.ledger.importStatement(Statement(account: "1234567890", lines: lines, format: "test",
                                                       source: SourceFile(name: "s.csv", sha256: String(repeating: "b", count: 64))))
        // On 10/09 the interest line is classified (as `reconcile` would), recorded in the audit log.
        world.clock.set("2025-09-10T03:00:00Z")
        var changes = try world.ledger.begin()
        let interest = try #require(try world.store.statementLinesForTest().first { $0.reference == "FT2" })
        changes.setStatus(ofLine: interest.lineID, .ignored)
        changes.audit(AuditEvent("line.ignored", subject: "FT2", details: "interest"))
        try world.store.commit(changes)

        func unmatched(_ asOf: String?) throws -> [String] {
            try world.ledger.report(.unmatched, scope: ReportScope(asOf: asOf.flatMap { LocalDate($0) })).rows.map { $0[0].plain }
        }
        #expect(try unmatched(nil) == ["FT1"])
        #expect(try unmatched("2025-09-10") == ["FT1"])
        #expect(try unmatched("2025-09-09") == ["FT1", "FT2"], "not yet classified on the 9th")
        #expect(try unmatched("2025-09-04").isEmpty, "the statement was imported on the 5th")
        let statements = try world.ledger.report(.statements, scope: ReportScope(asOf: LocalDate("2025-09-09")))
        #expect(statements.rows.count == 1 && statements.rows[0][14] == .count(2) && statements.rows[0][15] == .count(0))
        #expect(try world.ledger.report(.statements, scope: ReportScope(asOf: LocalDate("2025-09-04"))).rows.isEmpty)

        // On 12/09 the accountant decides the "interest" was a parent's money after all (held as HS001's credit).
        world.clock.set("2025-09-12T03:00:00Z")
        var later = try world.ledger.begin()
        let sequence = later.record(try JournalEntry(kind: .paymentAllocated, reference: "FT2", memo: "by hand",
                                                     postings: [.debit(.bank, Money(dong: 1_000)),
                                                                .credit(.parentCredit(Fixtures.studentCode("HS001")), Money(dong: 1_000))]))
        later.add(Allocation(lineID: interest.lineID, bankReference: "FT2", bookingDate: LocalDate("2025-09-04")!, lineAmount: Money(dong: 1_000),
                             invoiceNumber: nil, studentCode: Fixtures.studentCode("HS001"), amount: Money(dong: 1_000), method: "manual",
                             reason: "by hand", journalSequence: sequence))
        later.setStatus(ofLine: interest.lineID, .matched)
        try world.store.commit(later)
        let on11 = try world.ledger.report(.statements, scope: ReportScope(asOf: LocalDate("2025-09-11")))
        #expect(on11.rows[0][12] == .count(0) && on11.rows[0][14] == .count(1) && on11.rows[0][15] == .count(1),
                "as of the 11th it was still classified as not a fee, whatever happened on the 12th")
        let now = try world.ledger.report(.statements)
        #expect(now.rows[0][12] == .count(1) && now.rows[0][14] == .count(1) && now.rows[0][15] == .count(0))
        #expect(try unmatched("2025-09-11") == ["FT1"])
    }
}

@Suite("Report totals against the journal")
struct ReportTotalsTests {
    @Test("an invoice paid before the month it bills: collected in the earlier month, totals equal the journal")
    func advancePayment() throws {
        let world = try LedgerUseCaseTests.World.ready()
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-10"))          // issued early (in August)
        let october = try #require(try world.store.invoices().first { $0.studentCode.value == "HS001" })
        world.clock.set("2025-09-20T03:00:00Z")
        var changes = try world.ledger.begin()
        let sequence = changes.record(try JournalEntry(kind: .paymentAllocated, reference: "FT9", memo: "paid early",
                                                       postings: [.debit(.bank, october.amountDue), .credit(.receivable(october.studentCode), october.amountDue)],
                                                       period: Fixtures.month("2025-09")))
        changes.add(Allocation(lineID: 1, bankReference: "FT9", bookingDate: LocalDate("2025-09-20")!, lineAmount: october.amountDue,
                               invoiceNumber: october.number, studentCode: october.studentCode, amount: october.amountDue,
                               method: "code", reason: "test", journalSequence: sequence))
        try world.store.commit(changes)
        for period in ["2025-09", "2025-10"] {
            let scope = ReportScope(period: Fixtures.month(period))
            let table = try world.ledger.report(.collection, scope: scope)
            let position = try world.ledger.position(scope)
            guard case .money(let due)? = table.totals?[5], case .money(let collected)? = table.totals?[6] else {
                Issue.record("no totals"); continue
            }
            #expect(due.dong - collected.dong == position.balances["131"] ?? 0, "\(period): outstanding = the 131 balance")
            #expect(collected == october.amountDue, "\(period): the early payment is collected")
        }
        let september = try world.ledger.report(.collection, scope: ReportScope(period: Fixtures.month("2025-09")))
        #expect(september.totals?[5] == .money(.zero) && september.totals?[4] == .count(0), "nothing billed through September")
    }
}

@Suite("Report progress")
struct ReportProgressTests {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var calls: [(Int, Int)] = []
        func add(_ done: Int, _ total: Int) { lock.withLock { calls.append((done, total)) } }
        var all: [(Int, Int)] { lock.withLock { calls } }
    }

    @Test("a report says how far through the journal it is, ending at the journal's length")
    func progress() throws {
        let world = try LedgerUseCaseTests.World.ready()
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        let calls = Calls()
        let table = try world.ledger.report(.collection) { calls.add($0, $1) }
        let entries = world.store.journalRecords.count
        #expect(entries == 5 && calls.all.last.map { [$0.0, $0.1] } == [entries, entries])
        #expect(table == (try world.ledger.report(.collection)), "progress changes nothing in the figures")
    }
}

extension InMemoryStore {
    func statementLinesForTest() throws -> [StoredStatementLine] {
        var lines: [StoredStatementLine] = []
        try forEachStatementLine { lines.append($0) }
        return lines
    }
}
