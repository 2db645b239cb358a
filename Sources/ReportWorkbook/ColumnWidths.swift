import LedgerCore

/// Column widths from what the cells show, so a report opens readable without anyone dragging borders.
///
/// Widths are in Excel's unit (the width of one digit of the default font); a Vietnamese letter with its
/// diacritics is about that wide, so characters (grapheme clusters) are counted.
enum ColumnWidths {
    static let minimum = 8.0
    /// A long free-text column (a note, an address) is capped and its cells simply overflow or clip.
    static let maximum = 60.0
    /// Room for the autofilter button and a margin.
    static let padding = 3.0

    static func widths(for table: ReportTable, columnCount: Int) -> [Double] {
        var needed = [Int](repeating: 0, count: columnCount)
        for (index, column) in table.columns.enumerated() {
            needed[index] = headingLength(column.heading)
        }
        for row in table.rows + (table.totals.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() {
                needed[index] = max(needed[index], shownLength(cell))
            }
        }
        return needed.map { min(max(Double($0) + padding, minimum), maximum) }
    }

    /// What the cell shows: money with its grouping (`#,##0` shows as many separators as
    /// `Money.groupThousands`), dates as `dd/mm/yyyy`, text as is.
    static func shownLength(_ cell: ReportCell) -> Int {
        cell.display.count
    }

    /// Headings wrap (the header row has text wrap), so a heading needs its longest word, and about half
    /// its length so that it wraps onto two lines rather than a tall column of single words.
    static func headingLength(_ heading: String) -> Int {
        let longestWord = heading.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0
        return max(longestWord, (heading.count + 1) / 2)
    }
}
