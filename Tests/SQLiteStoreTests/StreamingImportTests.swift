import Foundation
import LedgerCore
import LedgerResources
import SQLiteStore
import Testing

/// A statement imported while it is read (`importStatement(streaming:)`) is still all or nothing, and stores
/// each line exactly once: the database decides what is known.
@Suite("Streamed statement import")
struct StreamingImportTests {
    /// A stream over generated lines whose line `failAt` (1-based) cannot be read.
    struct Generated: StatementStream {
        let count: Int
        var failAt: Int?
        var closingOffset: Int64 = 0
        var twins = false
        var sha = "a"
        var first = 0
        var handed = 0
        var source: SourceFile { SourceFile(name: "big.mt940", sha256: String(repeating: sha, count: 64)) }
        var account: String { "63510000868686" }
        var estimatedLineCount: Int? { count }
        func line(_ i: Int) -> StatementLine {
            StatementLine(bookingDate: LocalDate(year: 2025, month: 9, day: 1 + i % 28)!, direction: .credit,
                          amount: Money(dong: 1000), runningBalance: nil,
                          bankReference: twins ? nil : "FT\(first + i)", description: twins ? "same" : "payment \(first + i)",
                          position: i + 1)
        }
        mutating func next() throws -> StatementLine? {
            guard handed < count else { return nil }
            handed += 1
            if handed == failAt { throw StatementError(fileName: "big.mt940", place: "line \(handed)", field: ":61", reason: "bad") }
            return line(handed - 1)
        }
        var header: Statement {
            Statement(account: account, periodStart: LocalDate(year: 2025, month: 9, day: 1), periodEnd: LocalDate(year: 2025, month: 9, day: 28),
                      openingBalance: Money(dong: 0), closingBalance: Money(dong: Int64(count) * 1000 + closingOffset), lines: [],
                      format: "mt940", source: source)
        }
    }

    func lineCount(_ fixture: Fixture) throws -> Int {
        var n = 0
        try fixture.store.forEachStatementLine { _ in n += 1 }
        return n
    }

    @Test("a bad last line of a 50,000-line file leaves the ledger unchanged")
    func badLastLine() throws {
        let fixture = try Fixture(onDisk: true)
        try fixture.populate()
        let head = try fixture.store.head()
        var stream = Generated(count: 50_000, failAt: 50_000)
        #expect(throws: StatementError.self) { try fixture.ledger.importStatement(streaming: &stream) }
        #expect(try lineCount(fixture) == 0)
        #expect(try fixture.store.statements().isEmpty)
        #expect(try fixture.store.head() == head)
        // The same lines, readable this time, import whole.
        var good = Generated(count: 50_000)
        let summary = try fixture.ledger.importStatement(streaming: &good)
        #expect(summary.newLines == 50_000)
        #expect(try lineCount(fixture) == 50_000)
    }

    @Test("balances that do not add up refuse the whole file after every line was read")
    func balanceOff() throws {
        let fixture = try Fixture()
        try fixture.populate()
        var stream = Generated(count: 20_000, closingOffset: 1)
        #expect(throws: StatementError.self) { try fixture.ledger.importStatement(streaming: &stream) }
        #expect(try lineCount(fixture) == 0)
        #expect(try fixture.store.statements().isEmpty)
    }

    @Test("an overlapping file adds only its new lines; identical twins stay two lines; the same file adds nothing")
    func exactlyOnce() throws {
        let fixture = try Fixture()
        try fixture.populate()
        var first = Generated(count: 10_000)
        #expect(try fixture.ledger.importStatement(streaming: &first).newLines == 10_000)
        #expect(first.handed == 10_000)  // the caller's stream is the one read (on the reading thread)
        var overlap = Generated(count: 10_000, sha: "b", first: 5_000)
        overlap.closingOffset = 0
        let s = try fixture.ledger.importStatement(streaming: &overlap)
        #expect((s.newLines, s.duplicateLines) == (5_000, 5_000))
        var twins = Generated(count: 3, twins: true, sha: "c")
        #expect(try fixture.ledger.importStatement(streaming: &twins).newLines == 3)
        var again = Generated(count: 3, twins: true, sha: "c")
        let repeated = try fixture.ledger.importStatement(streaming: &again)
        #expect(repeated.alreadyImportedAs != nil && repeated.newLines == 0 && repeated.duplicateLines == 3)
        #expect(try lineCount(fixture) == 15_003)
        let records = try fixture.store.statements()
        #expect(records.map(\.newLines) == [10_000, 5_000, 3])
    }
}
