import Foundation
import Testing
@testable import LedgerCore

/// Month closes: entries count in their own month until it is closed, then in the first open month.
@Suite("Period close")
struct PeriodCloseTests {
    typealias World = LedgerUseCaseTests.World

    @Test("entries count in their billed month; after the close a late invoice lands in the first open month")
    func lateEntriesLandInTheNextOpenMonth() throws {
        let world = try World.ready()
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))      // recorded in August
        #expect(Set(world.store.journalRecords.map(\.period)) == ["2025-09"])
        world.clock.set("2025-10-03T02:00:00Z")
        let close = try world.ledger.closePeriod(Fixtures.month("2025-09"))
        #expect(close.journalSequence == 5 && close.journalHash == world.store.journalRecords.last?.hash)
        #expect(try world.store.head().closedThrough == Fixtures.month("2025-09"))
        #expect(world.store.auditRecords.last?.action == "period.closed")

        // A pupil joins late; their September invoice is still September's bill, but it counts in October.
        _ = try world.ledger.importRoster(Fixtures.csv("late.csv", "Mã học sinh,Họ và tên,Lớp\nHS006,Đinh Thị Giang,2A\n"))
        #expect(try world.ledger.issueInvoices(for: Fixtures.month("2025-09")).issued == 1)
        let late = try #require(world.store.journalRecords.last)
        #expect(late.period == "2025-10" && late.kind == "invoice.issued")
        #expect(try world.store.invoices(period: Fixtures.month("2025-09")).count == 6)

        // October's own invoices count in October; verification passes with the close in place.
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-10"))
        #expect(world.store.journalRecords.suffix(6).allSatisfy { $0.period == "2025-10" })
        #expect(try world.ledger.verify().isOK)
    }

    @Test("a month closes once, in order, and only after it ended; a refused close writes nothing")
    func refusals() throws {
        let world = try World.ready()
        world.clock.set("2025-10-03T02:00:00Z")
        #expect(throws: PeriodError.notOver(Fixtures.month("2025-10"), today: LocalDate("2025-10-03")!)) {
            try world.ledger.closePeriod(Fixtures.month("2025-10"))
        }
        _ = try world.ledger.closePeriod(Fixtures.month("2025-09"))
        let head = try world.store.head()
        for period in ["2025-09", "2025-08"] {
            #expect(throws: PeriodError.alreadyClosed(Fixtures.month(period), through: Fixtures.month("2025-09"))) {
                try world.ledger.closePeriod(Fixtures.month(period))
            }
        }
        #expect(try world.store.head() == head)
    }

    @Test("verify catches an entry recorded after a close that claims the closed month")
    func verifyCatchesBackdating() throws {
        let world = try World.ready()
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        world.clock.set("2025-10-03T02:00:00Z")
        _ = try world.ledger.closePeriod(Fixtures.month("2025-09"))
        _ = try world.ledger.importRoster(Fixtures.csv("late.csv", "Mã học sinh,Họ và tên,Lớp\nHS006,Đinh Thị Giang,2A\n"))
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        var records = world.store.journalRecords
        let last = records.removeLast()
        // Someone rewrites the late entry into September and re-hashes it so the chain still links.
        let backdated = JournalRecord(sequence: last.sequence, recordedAt: last.recordedAt, kind: last.kind, reference: last.reference,
                                      memo: last.memo, actor: last.actor, reverses: last.reverses, lines: last.lines,
                                      previousHash: last.previousHash, hash: "", period: "2025-09")
        records.append(JournalRecord(sequence: backdated.sequence, recordedAt: backdated.recordedAt, kind: backdated.kind,
                                     reference: backdated.reference, memo: backdated.memo, actor: backdated.actor,
                                     reverses: backdated.reverses, lines: backdated.lines, previousHash: backdated.previousHash,
                                     hash: backdated.computedHash, period: "2025-09"))
        world.store.overwriteJournal(records)
        let report = try world.ledger.verify()
        #expect(report.problems.contains { $0.contains("recorded after 2025-09 was closed but counts in 2025-09") }, "\(report.problems)")
    }

    @Test("verify notices a journal cut back below the entry a close saw")
    func verifyCatchesTruncation() throws {
        let world = try World.ready()
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        world.clock.set("2025-10-03T02:00:00Z")
        _ = try world.ledger.closePeriod(Fixtures.month("2025-09"))
        world.store.overwriteJournal(Array(world.store.journalRecords.dropLast(2)))
        let problems = try world.ledger.verify().problems
        #expect(problems.contains("month 2025-09 was closed on journal entry 5, but the journal ends at 3: entries were removed"), "\(problems)")
    }
}
