/// One non-blank row of a spreadsheet-like file, as text.
///
/// Cells stay text on purpose: the adapter cannot know whether "0123" is an
/// account number or a quantity, so typing is the caller's business.
public struct TableRow: Sendable, Hashable {
    /// The 1-based row number a person sees for this row (the spreadsheet row
    /// label, or the record number of a CSV file as Excel would show it), so
    /// that error messages point at the row someone can actually find.
    public let number: Int
    /// The cells, NFC-normalised and trimmed of surrounding whitespace.
    public let cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}

/// The rows of one file, header included.
///
/// Blank rows are left out but keep their place in the numbering, so
/// `rows[i].number` is not always `i + 1`.
public struct Table: Sendable, Hashable {
    /// The last path component of the file, kept so that every later error
    /// message (missing column, bad amount) can name the file it came from.
    public let fileName: String
    /// All non-blank rows in file order, the header (if any) first.
    public let rows: [TableRow]

    public init(fileName: String, rows: [TableRow]) {
        self.fileName = fileName
        self.rows = rows
    }
}

/// The file formats the reader understands.
public enum TabularFormat: String, Sendable {
    case csv, xlsx
}
