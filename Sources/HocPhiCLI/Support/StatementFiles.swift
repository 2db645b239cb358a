import BankFormats
import BankStatements
import Foundation
import LedgerCore
import TabularInput

/// Wires the statement reader to this program's adapters: the formats shipped in `bank-formats/` and the
/// CSV/XLSX/HTML table reader.
public enum StatementFiles {
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

    /// Bytes read at a time: large enough that reading costs nothing, small enough not to matter in memory.
    static let chunkSize = 1 << 20

    /// Opens the file for a streamed import (`Ledger.importStatement(streaming:)`): one pass first computes
    /// its SHA-256 (a file imported before is then recognised without being read again) and checks whether it
    /// is UTF-8 (only then can CSV rows be cut as the bytes come: other encodings are converted whole; MT940
    /// checks its own lines, so is not checked here); the
    /// import then reads it again, chunk by chunk. Memory stays at a few chunks whatever the file's size.
    public static func open(path: String, format: String?, account: String) throws -> any StatementStream {
        let name = URL(fileURLWithPath: path).lastPathComponent
        func chunks() throws -> () throws -> [UInt8]? {
            guard let file = FileChunks(path: path, size: chunkSize) else {
                throw StatementError(fileName: name, reason: "cannot read the file (\(path))")
            }
            return file.next
        }
        var digest = StatementDigest.Incremental()
        var utf8 = UTF8Check()
        var head: [UInt8] = []
        let pass = try chunks()
        // An MT940 file checks its own text line by line, so only other files are checked here; the first chunk
        // (a mebibyte) holds the whole head, which decides.
        var checksUTF8: Bool?
        while let chunk = try pass() {
            digest.add(chunk)
            if head.count < 65_536 { head += chunk.prefix(65_536 - head.count) }
            if checksUTF8 == nil { checksUTF8 = !StatementFileReader.readsAsMT940(head: Data(head), format: format) }
            if checksUTF8 == true { utf8.add(chunk) }
        }
        let isUTF8 = checksUTF8 == true && utf8.finish()
        let rows: (() -> () throws -> InputTable.Row?)? = isUTF8 && CSVRowStream.canStream(head: head) ? {
            // A file that cannot be opened again is an error, never an empty statement.
            let bytes = (try? chunks()) ?? { throw StatementError(fileName: name, reason: "cannot read the file (\(path))") }
            var csv = CSVRowStream(fileName: name, chunks: bytes)
            return { try csv.next().map { InputTable.Row(number: $0.number, cells: $0.cells) } }
        } : nil
        let source = StatementFileSource(
            name: name, sha256: digest.finish(), head: Data(head),
            chunks: { (try? chunks()) ?? { throw StatementError(fileName: name, reason: "cannot read the file (\(path))") } },
            rows: rows,
            whole: {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw StatementError(fileName: name, reason: "cannot read the file (\(path))")
                }
                return data
            })
        return try reader().open(source, format: format, account: account)
    }
}
