import BankStatements
import Foundation
import LedgerCore
import Testing

/// The standard-format samples in `bank-formats/samples/standard/`: each input `NAME.mt940`,
/// `NAME.camt053.xml`, `NAME.camt054.xml` or `NAME.webhook.json` has beside it `NAME.expected.json`, the
/// statement worked out by hand from the input (the SHA-256 by `sha256sum`), never copied from a reader's
/// output. Sorted keys, dates `YYYY-MM-DD`, money as whole đồng, absent values as `null`.
enum StandardSamples {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("bank-formats/samples/standard")

    static let mt940 = ["vcb-daily.mt940", "bidv-yearend.mt940"]
    static let camt = ["agribank.camt053.xml", "vietinbank.camt054.xml"]
    static let webhook = ["sepay-single.webhook.json", "sepay-batch.webhook.json"]
    static let all = mt940 + camt + webhook

    static func data(_ fileName: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(fileName))
    }

    static func text(_ fileName: String) throws -> String {
        String(decoding: try data(fileName), as: UTF8.self)
    }

    /// `vcb-daily.mt940` → `vcb-daily.expected.json`.
    static func expected(for fileName: String) throws -> StatementMirror {
        let stem = fileName.split(separator: ".")[0]
        let url = folder.appendingPathComponent("\(stem).expected.json")
        return try JSONDecoder().decode(StatementMirror.self, from: Data(contentsOf: url))
    }

    /// The reader's failure, or nil when it read the file.
    static func failure(_ read: () throws(StatementError) -> Statement) -> StatementError? {
        do {
            _ = try read()
            return nil
        } catch {
            return error
        }
    }

    /// Compares a statement with its golden file, header first, then line by line so a failure names the line.
    static func expectGolden(_ statement: Statement, fileName: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try expected(for: fileName)
        let actual = StatementMirror(statement)
        var header = actual
        header.lines = []
        var expectedHeader = expected
        expectedHeader.lines = []
        #expect(header == expectedHeader, sourceLocation: sourceLocation)
        #expect(actual.lines.count == expected.lines.count, "number of lines", sourceLocation: sourceLocation)
        for (got, want) in zip(actual.lines, expected.lines) {
            #expect(got == want, "line at position \(want.position)", sourceLocation: sourceLocation)
        }
    }
}

/// A plain, readable mirror of `Statement` for golden files.
struct StatementMirror: Codable, Equatable {
    struct Source: Codable, Equatable {
        var name: String
        var sha256: String
    }

    struct Line: Codable, Equatable {
        var position: Int
        var bookingDate: String
        var valueDate: String?
        var direction: String
        var amount: Int64
        var runningBalance: Int64?
        var bankReference: String?
        var counterpartyName: String?
        var counterpartyAccount: String?
        var description: String
    }

    var account: String
    var currency: String
    var periodStart: String?
    var periodEnd: String?
    var openingBalance: Int64?
    var closingBalance: Int64?
    var format: String
    var source: Source
    var lines: [Line]

    init(_ statement: Statement) {
        account = statement.account
        currency = statement.currency
        periodStart = statement.periodStart?.description
        periodEnd = statement.periodEnd?.description
        openingBalance = statement.openingBalance?.dong
        closingBalance = statement.closingBalance?.dong
        format = statement.format
        source = Source(name: statement.source.name, sha256: statement.source.sha256)
        lines = statement.lines.map {
            Line(position: $0.position, bookingDate: $0.bookingDate.description, valueDate: $0.valueDate?.description,
                 direction: $0.direction.rawValue, amount: $0.amount.dong, runningBalance: $0.runningBalance?.dong,
                 bankReference: $0.bankReference, counterpartyName: $0.counterpartyName,
                 counterpartyAccount: $0.counterpartyAccount, description: $0.description)
        }
    }
}
