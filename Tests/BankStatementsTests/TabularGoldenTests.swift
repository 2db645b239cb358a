import BankFormats
import BankStatements
import Foundation
import TabularInput
import Testing

/// Every bank format in `bank-formats/formats/` has a sample statement in `bank-formats/samples/` (CSV, and an
/// HTML table saved as `.xls` the way BIDV serves it) and, beside it, the statement a person checked by hand:
/// `FILE.expected.json`. The reader must produce
/// exactly that. (Set HOCPHI_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change, then
/// review the diff line by line before committing it.)
@Suite("Bank export formats: golden samples")
struct TabularGoldenTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("bank-formats/samples")

    static func formats() throws -> [StatementFormat] {
        try BankFormatsResources.statementFormats().map { try StatementFormat.decode(json: $0.data, fileName: $0.fileName) }
    }

    static func table(_ url: URL) throws -> InputTable {
        let table = try TabularReader.read(fileAt: url.path)
        return InputTable(fileName: table.fileName, rows: table.rows.map { InputTable.Row(number: $0.number, cells: $0.cells) })
    }

    @Test("each format reads its sample into the expected statement",
          arguments: [("bidv", "bidv.csv"), ("bidv", "bidv-html.xls"), ("agribank", "agribank.csv"),
                      ("vietcombank", "vietcombank.csv"), ("vietinbank", "vietinbank.csv"), ("mb", "mb.csv"),
                      ("techcombank", "techcombank.csv")])
    func golden(name: String, file: String) throws {
        let format = try #require(try Self.formats().first { $0.name == name })
        let input = Self.samples.appendingPathComponent(file)
        let statement = try TabularStatementReader(format: format)
            .read(try Self.table(input), source: SourceFile(name: file, sha256: String(repeating: "0", count: 64)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let actual = try encoder.encode(statement)
        let expectedURL = Self.samples.appendingPathComponent("\(file).expected.json")
        if ProcessInfo.processInfo.environment["HOCPHI_UPDATE_GOLDEN"] == "1" {
            try (actual + Data("\n".utf8)).write(to: expectedURL)
        }
        let expected = try JSONDecoder().decode(Statement.self, from: Data(contentsOf: expectedURL))
        #expect(statement == expected)
        #expect(BalanceProof.check(statement) == .proven, "the sample's balances add up")
    }

    @Test("detection picks each sample's own format and no other",
          arguments: ["bidv", "agribank", "vietcombank", "vietinbank", "mb", "techcombank"])
    func detection(name: String) throws {
        let table = try Self.table(Self.samples.appendingPathComponent("\(name).csv"))
        let matching = try Self.formats().filter { TabularStatementReader(format: $0).matches(table) }.map(\.name)
        #expect(matching == [name])
    }
}
