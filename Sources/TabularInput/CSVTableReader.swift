import Foundation

/// Reads CSV bytes into rows: decoding, delimiter guess, then `CSVParser`
/// (one pass over the UTF-8 bytes; see there for the rules and why it is
/// hand-written).
enum CSVTableReader {
    static func rows(from data: Data) throws(ReadFailure) -> [TableRow] {
        // A UTF-8 file is parsed in place; UTF-16 and Windows-1258 files are
        // transcoded to UTF-8 first.
        let rows = try TextDecoding.withUTF8Text(of: data) { bytes, _ throws(ReadFailure) in
            try CSVParser.rows(in: bytes, delimiter: CSVDelimiter.detect(in: bytes))
        }
        guard !rows.isEmpty else { throw ReadFailure("the file is empty") }
        return rows
    }
}
