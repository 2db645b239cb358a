import BankFormats
import BankStatements
import Foundation
import LedgerCore
import TabularInput

/// Wires the statement reader to this program's adapters: the formats shipped in `bank-formats/` and the
/// CSV/XLSX/HTML table reader.
enum StatementFiles {
    static func reader() throws -> StatementFileReader {
        let formats = try BankFormatsResources.statementFormats().map { file in
            try StatementFormat.decode(json: file.data, fileName: "bank-formats/formats/" + file.fileName)
        }
        return StatementFileReader(formats: formats) { data, name in try TabularReader.read(data: data, fileName: name).input }
    }

    static func read(path: String, format: String?, account: String) throws -> Statement {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StatementError(fileName: name, reason: "cannot read the file (\(path))")
        }
        return try reader().read(data, fileName: name, format: format, account: account)
    }
}
