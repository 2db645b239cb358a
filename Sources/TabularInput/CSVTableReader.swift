import Foundation

/// Reads CSV bytes into rows: decoding, delimiter guess, then `CSVParser`
/// (one pass over the UTF-8 bytes; see there for the rules and why it is
/// hand-written).
enum CSVTableReader {
    static func rows(from data: Data) throws(ReadFailure) -> [TableRow] {
        // UTF-16 and Windows-1258 files are transcoded here, so the parser
        // always sees UTF-8 (a native `String`'s own storage, not a copy).
        var text = try TextDecoding.decode(data).text
        let delimiter = UInt8(ascii: CSVDelimiter.detect(in: text))
        let parsed = text.withUTF8 { bytes in
            Result { () throws(ReadFailure) in try CSVParser.rows(in: bytes, delimiter: delimiter) }
        }
        let rows = try parsed.get()
        guard !rows.isEmpty else { throw ReadFailure("the file is empty") }
        return rows
    }
}
