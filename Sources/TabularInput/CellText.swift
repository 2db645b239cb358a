import Foundation

/// The one place that decides how raw cell text is cleaned, so CSV and XLSX
/// rows compare equal when a person typed the same thing.
enum CellText {
    /// NFC so that "ễ" typed on a Mac (decomposed) equals "ễ" typed on
    /// Windows (precomposed); trimmed because stray spaces around names and
    /// amounts are invisible in a spreadsheet and never meaningful.
    static func clean(_ raw: String) -> String {
        raw.precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A row whose cells are all empty is "blank": exporters write such rows
    /// as `;;;;` or as empty styled cells, and nobody means them as data.
    static func isBlank(_ cells: [String]) -> Bool {
        cells.allSatisfy(\.isEmpty)
    }
}
