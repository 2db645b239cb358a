import VietnameseText

/// A column a file may have, with the names people give it (English, Vietnamese with or without diacritics).
public struct ColumnSpec: Sendable, Hashable {
    public let key: String
    public let aliases: [String]
    public let isRequired: Bool

    public init(_ key: String, aliases: [String], required: Bool) {
        self.key = key
        self.aliases = aliases
        self.isRequired = required
    }

    var matchKeys: Set<String> { Set(([key] + aliases).map(BankASCII.matchKey)) }
}

/// Where each known column sits in a file, found from its header row.
///
/// School exports often put a title and a blank line above the header, so the header is the first of the
/// first 20 rows that names at least two known columns; headers match ignoring case, diacritics, spaces and
/// underscores (`Mã học sinh` = `MA HOC SINH` = `ma_hoc_sinh`).
public struct ColumnMap: Sendable {
    public let headerRow: Int
    let indexByKey: [String: Int]
    let headerByKey: [String: String]

    public init(table: InputTable, columns: [ColumnSpec]) throws(InputError) {
        guard let firstRow = table.rows.first else {
            throw InputError(fileName: table.fileName, reason: "the file is empty")
        }
        var best: (row: InputTable.Row, found: [String: Int])?
        for row in table.rows.prefix(20) {
            var found: [String: Int] = [:]
            for (index, cell) in row.cells.enumerated() {
                let key = BankASCII.matchKey(cell)
                guard !key.isEmpty, let spec = columns.first(where: { $0.matchKeys.contains(key) }) else { continue }
                if found[spec.key] == nil { found[spec.key] = index }
            }
            if found.count >= 2 { best = (row, found); break }
        }
        let describe = { (spec: ColumnSpec) in "\"\(spec.key)\" (\(spec.aliases.first ?? spec.key))" }
        guard let (row, found) = best else {
            let required = columns.filter(\.isRequired).map(describe).joined(separator: ", ")
            throw InputError(fileName: table.fileName, row: firstRow.number,
                             reason: "no header row found; expected the columns \(required)")
        }
        let missing = columns.filter { $0.isRequired && found[$0.key] == nil }
        if let first = missing.first {
            throw InputError(fileName: table.fileName, row: row.number, column: first.key,
                             reason: "missing column; expected \(missing.map(describe).joined(separator: ", "))")
        }
        headerRow = row.number
        indexByKey = found
        headerByKey = found.mapValues { row.cells[$0] }
    }

    public func has(_ key: String) -> Bool { indexByKey[key] != nil }

    /// The trimmed cell of column `key` in `row`, or "" when the row is short or the column absent.
    public func value(_ key: String, in row: InputTable.Row) -> String {
        guard let index = indexByKey[key], index < row.cells.count else { return "" }
        return row.cells[index].trimmingSpaces()
    }

    /// The column's name as the file writes it, for error messages a person can find in the file.
    public func header(_ key: String) -> String { headerByKey[key] ?? key }
}

/// Collects the problems in a file and throws the first, with the count of the rest.
struct ProblemList {
    let fileName: String
    private(set) var problems: [InputError] = []

    init(fileName: String) { self.fileName = fileName }

    mutating func add(row: Int?, column: String?, _ reason: String) {
        problems.append(InputError(fileName: fileName, row: row, column: column, reason: reason))
    }

    func throwIfAny() throws(InputError) {
        guard var first = problems.first else { return }
        first.moreProblems = problems.count - 1
        throw first
    }
}
