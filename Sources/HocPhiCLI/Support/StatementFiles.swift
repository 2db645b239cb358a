import BankFormats
import BankStatements
import Foundation
import LedgerCore
import TabularInput

/// Turns a statement file into a `Statement`: finds its format by content (or takes the one named), then
/// hands the bytes to that format's reader. Standard formats are recognised by their own syntax; bank
/// exports (XLSX, CSV, HTML tables saved as .xls) by their titles and header columns.
enum StatementFiles {
    static func formats() throws -> [StatementFormat] {
        try BankFormatsResources.statementFormats().map { file in
            try StatementFormat.decode(json: file.data, fileName: "bank-formats/formats/" + file.fileName)
        }
    }

    /// The names `--format` accepts, with what each reads.
    static func catalogue() throws -> [(name: String, description: String)] {
        [("mt940", "SWIFT MT940 customer statement (:25:, :60F:, :61:, :86:, :62F:)"),
         ("camt.053", "ISO 20022 camt.053 bank-to-customer statement (also camt.054 notifications)"),
         ("webhook", "bank-feed webhook JSON (one object or an array; deduplicated on id/referenceCode)")]
            + (try formats()).map { ($0.name, $0.description) }
    }

    static func read(path: String, format forced: String?, account: String) throws -> Statement {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StatementError(fileName: name, reason: "cannot read the file")
        }
        if data.isEmpty { throw StatementError(fileName: name, reason: "the file is empty") }
        switch forced?.lowercased() {
        case "mt940": return try MT940Reader.read(data, fileName: name)
        case "camt.053", "camt.054", "camt": return try CamtReader.read(data, fileName: name)
        case "webhook": return try WebhookReader.read(data, fileName: name, account: account)
        case nil:
            if MT940Reader.looksLike(data) { return try MT940Reader.read(data, fileName: name) }
            if CamtReader.looksLike(data) { return try CamtReader.read(data, fileName: name) }
            if WebhookReader.looksLike(data) { return try WebhookReader.read(data, fileName: name, account: account) }
        default: break
        }
        let table = try TabularReader.read(data: data, fileName: name)
        let input = InputTable(fileName: name, rows: table.rows.map { InputTable.Row(number: $0.number, cells: $0.cells) })
        let source = SourceFile(name: name, sha256: StatementDigest.sha256Hex(data))
        let all = try formats()
        if let forced {
            guard let format = all.first(where: { $0.name == forced.lowercased() }) else {
                throw CommandFailure("--format: \"\(forced)\" is not a known format; see `hocphi statements formats`")
            }
            return try TabularStatementReader(format: format).read(input, source: source)
        }
        guard let format = all.first(where: { TabularStatementReader(format: $0).matches(input) }) else {
            throw StatementError(fileName: name, reason: "not a statement format HocPhi knows; name one with --format (see `hocphi statements formats`)")
        }
        return try TabularStatementReader(format: format).read(input, source: source)
    }
}
