/// Rows of text read from a file (CSV, XLSX, …) by an adapter, with the row numbers a person sees, so that
/// every refusal can point at `file: row N: column "…"`. Adapters hand over every cell in NFC and trimmed of
/// surrounding white space, so the rules never normalise again.
public struct InputTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public let number: Int
        public let cells: [String]
        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
    }

    public let fileName: String
    public let rows: [Row]

    public init(fileName: String, rows: [Row]) {
        self.fileName = fileName
        self.rows = rows
    }
}

/// Bad input, located: `roster.csv: row 17: column "Lớp": "3-A" is not a class like 3A`.
/// When a file has several problems the first is named and the rest counted, so one line tells the whole story.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public let fileName: String
    public let row: Int?
    public let column: String?
    public let reason: String
    /// Problems found after this one in the same file.
    public var moreProblems: Int = 0

    public init(fileName: String, row: Int? = nil, column: String? = nil, reason: String) {
        self.fileName = fileName
        self.row = row
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var parts = [fileName]
        if let row { parts.append("row \(row)") }
        if let column { parts.append("column \"\(column)\"") }
        parts.append(reason)
        let more = moreProblems > 0 ? " (and \(moreProblems) more problem\(moreProblems == 1 ? "" : "s") in this file)" : ""
        return parts.joined(separator: ": ") + more
    }
}
