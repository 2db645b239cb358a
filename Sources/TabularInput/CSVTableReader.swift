import CSV
import Foundation

/// Reads CSV bytes into rows: decoding, delimiter guess, quote check, then
/// `CSVReader` for the RFC 4180 parsing itself.
enum CSVTableReader {
    static func rows(from data: Data) throws(ReadFailure) -> [TableRow] {
        let text = try TextDecoding.decode(data).text
        let delimiter = CSVDelimiter.detect(in: text)
        // Trim spaces and tabs around fields, except the delimiter itself.
        var whitespace = CharacterSet.whitespaces
        whitespace.remove(delimiter)
        try CSVQuoting.check(text, delimiter: delimiter, whitespace: whitespace)

        let reader: CSVReader
        do {
            reader = try CSVReader(
                string: text, hasHeaderRow: false, trimFields: true,
                delimiter: delimiter, whitespaces: whitespace)
        } catch {
            // Only thrown when a header row is requested, which it is not.
            throw ReadFailure("the file cannot be read as CSV (\(error))")
        }

        // Each record is one spreadsheet row, blank lines included, so the
        // record count is the row number Excel would show for this CSV.
        var rows: [TableRow] = []
        var number = 0
        while let fields = reader.next() {
            number += 1
            let cells = fields.map(CellText.clean)
            if !CellText.isBlank(cells) {
                rows.append(TableRow(number: number, cells: cells))
            }
        }
        guard !rows.isEmpty else { throw ReadFailure("the file is empty") }
        return rows
    }
}
