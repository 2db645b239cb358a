import Foundation
import LedgerCore
import VietnameseText

/// Reads a bank's spreadsheet export (XLSX, CSV or an HTML table served as `.xls`, already turned into rows
/// by an adapter) as its `StatementFormat` describes it.
///
/// The header is found by its column names, not its position; summary and footer rows are skipped by their
/// labels; the opening and closing balance rows are read for the balance proof; a row with only a
/// description continues the previous line's description (exports wrap long texts). Any row that looks like a
/// transaction but cannot be read refuses the whole file, naming the row and column.
public struct TabularStatementReader: Sendable {
    public let format: StatementFormat

    public init(format: StatementFormat) { self.format = format }

    /// Whether `rows` look like this format: a detection text appears and the header is found.
    public func matches(_ table: InputTable) -> Bool {
        let detectKeys = format.detect.map(BankASCII.matchKey)
        let texts = table.rows.prefix(40).flatMap(\.cells).map(BankASCII.matchKey)
        guard detectKeys.isEmpty || texts.contains(where: { text in detectKeys.contains { text.contains($0) } }) else { return false }
        return (try? header(in: table)) != nil
    }

    public func read(_ table: InputTable, source: SourceFile) throws(StatementError) -> Statement {
        var stream = try TabularStatementStream(reader: self, fileName: table.fileName, source: source,
                                                head: table.rows, rest: { nil })
        var lines: [StatementLine] = []
        do {
            while let line = try stream.next() { lines.append(line) }
        } catch let error as StatementError {
            throw error
        } catch {
            fatalError("rows in memory cannot fail to be read: \(error)")
        }
        var statement = try stream.finalHeader()
        statement.lines = lines
        return statement
    }

    /// Reads the rows as the adapter hands them over, one line at a time, so a million-row CSV export is never
    /// held whole. `head` is the file's first rows (at least the 40 format detection looks at, or all of them);
    /// `rest` yields the rows after them, nil at the end. Lines, errors and the statement are those of `read`.
    public func stream(fileName: String, source: SourceFile, head: [InputTable.Row],
                       rest: @escaping () throws -> InputTable.Row?) throws(StatementError) -> some StatementStream {
        try TabularStatementStream(reader: self, fileName: fileName, source: source, head: head, rest: rest)
    }

    func directionAndAmount(debit: Int64?, credit: Int64?, signed: Int64?, sign: String, row: InputTable.Row,
                                    file: String, columnName: (String) -> String) throws(StatementError) -> (Direction, Int64) {
        let place = "row \(row.number)"
        if let signed, signed != 0 {
            let trimmed = sign.trimmingCharacters(in: .whitespaces)
            if trimmed == "-" || trimmed.uppercased() == "D" || trimmed.uppercased() == "DR" { return (.debit, abs(signed)) }
            if trimmed == "+" || trimmed.uppercased() == "C" || trimmed.uppercased() == "CR" || trimmed.isEmpty {
                return signed < 0 ? (.debit, -signed) : (.credit, signed)
            }
            throw StatementError(fileName: file, place: place, field: "column \"\(columnName("sign"))\"", reason: "\"\(sign)\" is neither + nor -")
        }
        let d = debit ?? 0, c = credit ?? 0
        if d < 0 || c < 0 {
            throw StatementError(fileName: file, place: place, field: "column \"\(columnName(d < 0 ? "debit" : "credit"))\"",
                                 reason: "a negative amount in a debit or credit column")
        }
        switch (d, c) {
        case (0, 0): throw StatementError(fileName: file, place: place, field: "column \"\(columnName(index(for: "credit")))\"", reason: "the line has no amount")
        case (_, 0): return (.debit, d)
        case (0, _): return (.credit, c)
        default: throw StatementError(fileName: file, place: place, reason: "the line has both a debit and a credit amount")
        }
    }

    private func index(for key: String) -> String { format.columns[key] != nil ? key : "amount" }

    /// The header row and the column index of each key, from the first 30 rows.
    func header(in table: InputTable) throws(StatementError) -> (Int, [String: Int]) {
        let keys = format.columnKeys
        for row in table.rows.prefix(30) {
            var found: [String: Int] = [:]
            for (i, cell) in row.cells.enumerated() {
                let key = StatementFormat.headerKey(cell)
                guard !key.isEmpty else { continue }
                for (column, names) in keys where found[column] == nil && names.contains(key) {
                    found[column] = i
                    break
                }
            }
            let hasAmounts = (found["debit"] != nil && found["credit"] != nil) || found["amount"] != nil
            if found["booking_date"] != nil && found["description"] != nil && hasAmounts { return (row.number, found) }
        }
        let required = ["booking_date", "description"] + (format.columns["amount"] != nil ? ["amount"] : ["debit", "credit"])
        let names = required.map { "\"\(format.columns[$0]?.first ?? $0)\"" }.joined(separator: ", ")
        throw StatementError(fileName: table.fileName, reason: "no header row with the \(format.bank) columns \(names) in the first 30 rows")
    }

    /// The account number stated above the header (`Số tài khoản: 63510000868686`), if any.
    func account(in table: InputTable, before headerRow: Int) -> String? {
        let labels = format.accountLabel.map(BankASCII.matchKey)
        for row in table.rows where row.number < headerRow {
            for (i, cell) in row.cells.enumerated() {
                let key = BankASCII.matchKey(cell)
                guard let label = labels.first(where: { key.hasPrefix($0) }) else { continue }
                let inline = String(key.dropFirst(label.count)).filter { $0.isNumber }
                if inline.count >= 6 { return inline }
                if let next = row.cells.dropFirst(i + 1).first(where: { !$0.isEmpty }) {
                    let digits = next.filter { $0.isNumber }
                    if digits.count >= 6 { return digits }
                }
            }
        }
        return nil
    }
}

/// `TabularStatementReader`'s rules applied row by row: the header, the account and the balance rows above it are
/// found in the file's first rows; below it, each transaction row becomes a line, held back until the next
/// row shows it is not continued (a row with only a description extends the line above it).
struct TabularStatementStream: StatementStream {
    let source: SourceFile
    let account: String
    private let reader: TabularStatementReader
    private let file: String
    private let headerRow: Int
    private let index: [String: Int]
    private let columns: Columns
    private let headerCells: [String]
    private let number: StatementNumber
    private let dates: StatementDate
    private let openingKeys: [String], closingKeys: [String], skipKeys: [String]
    private var head: [InputTable.Row]
    private var headIndex = 0
    private let rest: () throws -> InputTable.Row?
    private var opening: Money?, closing: Money?
    private var pending: StatementLine?
    private var count = 0
    private var firstDate: LocalDate?, lastDate: LocalDate?
    private var ended: Statement?

    init(reader: TabularStatementReader, fileName: String, source: SourceFile, head: [InputTable.Row],
         rest: @escaping () throws -> InputTable.Row?) throws(StatementError) {
        let format = reader.format
        self.reader = reader
        self.file = fileName
        self.source = source
        self.rest = rest
        self.head = head
        let table = InputTable(fileName: fileName, rows: head)
        (headerRow, index) = try reader.header(in: table)
        columns = Columns(index)
        let headerRow = self.headerRow
        number = StatementNumber(format: format)
        dates = StatementDate(order: format.dateOrder)
        headerCells = head.first { $0.number == headerRow }?.cells ?? []
        openingKeys = format.openingRow.map(BankASCII.matchKey)
        closingKeys = format.closingRow.map(BankASCII.matchKey)
        skipKeys = format.skipRows.map(BankASCII.matchKey)
        account = reader.account(in: table, before: headerRow) ?? ""
        // Banks print the opening balance above the header as often as below it.
        for row in head where row.number < headerRow {
            if labelled(row, openingKeys) { opening = try balance(of: row) }
            else if labelled(row, closingKeys) { closing = try balance(of: row) }
        }
        self.head = head.filter { $0.number > headerRow }
    }

    var estimatedLineCount: Int? { nil }

    var header: Statement {
        ended ?? Statement(account: account, lines: [], format: reader.format.name, source: source)
    }

    /// Errors: the reader's `StatementError`s, and whatever `rest` throws (the adapter's own, as they are).
    mutating func next() throws -> StatementLine? {
        while let row = try nextRow() {
            if let line = try take(row) {
                let done = pending
                pending = line
                if let done { return done }
            }
        }
        if let done = pending {
            pending = nil
            return done
        }
        if ended == nil { ended = try finalHeader() }
        return nil
    }

    func finalHeader() throws(StatementError) -> Statement {
        if count == 0 && opening == nil {
            throw StatementError(fileName: file, place: "row \(headerRow)", reason: "no transactions below the header row")
        }
        return Statement(account: account, periodStart: firstDate, periodEnd: lastDate, openingBalance: opening,
                         closingBalance: closing, lines: [], format: reader.format.name, source: source)
    }

    private mutating func nextRow() throws -> InputTable.Row? {
        if headIndex < head.count {
            defer { headIndex += 1 }
            return head[headIndex]
        }
        if !head.isEmpty { head = [] }
        return try rest()
    }

    private func columnName(_ key: String) -> String {
        Self.columnName(key, index: index, headerCells: headerCells)
    }

    /// The header's text for a column key (the key itself when the column is absent).
    private static func columnName(_ key: String, index: [String: Int], headerCells: [String]) -> String {
        guard let i = index[key], i < headerCells.count else { return key }
        return headerCells[i]
    }

    private func cell(_ column: ColumnKey, _ row: InputTable.Row) -> String {
        guard let i = columns[column], i < row.cells.count else { return "" }
        return row.cells[i]
    }

    private func amount(_ column: ColumnKey, _ row: InputTable.Row) throws(StatementError) -> Int64? {
        switch number.parse(cell(column, row)) {
        case .empty: return nil
        case .value(let v): return v
        case .invalid:
            throw StatementError(fileName: file, place: "row \(row.number)", field: "column \"\(columnName(column.name))\"",
                                 reason: "\"\(cell(column, row))\" is not an amount in đồng")
        }
    }

    private func labelled(_ row: InputTable.Row, _ keys: [String]) -> Bool {
        row.cells.contains { cell in
            let key = BankASCII.matchKey(cell)
            return !key.isEmpty && keys.contains { key.hasPrefix($0) }
        }
    }

    private func balance(of row: InputTable.Row) throws(StatementError) -> Money? {
        if columns[.balance] != nil, let value = try amount(.balance, row) { return Money(dong: value) }
        // Some exports put the balance in the last numeric cell of the labelled row.
        for text in row.cells.reversed() {
            if case .value(let value) = number.parse(text) { return Money(dong: value) }
        }
        return nil
    }

    /// One row below the header: a new line, or nil (a balance, summary or continuation row).
    private mutating func take(_ row: InputTable.Row) throws(StatementError) -> StatementLine? {
        let rawDate = cell(.bookingDate, row)
        let date = dates.parse(rawDate)
        // A summary row (opening, closing, totals, footers) is one whose date cell holds no date: a
        // transaction whose description happens to start with "Dư đầu…" is still a transaction.
        if date == nil {
            if labelled(row, openingKeys) { opening = try balance(of: row); return nil }
            if labelled(row, closingKeys) { closing = try balance(of: row); return nil }
            if labelled(row, skipKeys) { return nil }
        }
        // Cells arrive NFC and trimmed (`InputTable`'s promise), so they are used as they are.
        let description = cell(.description, row)
        let debit = columns[.debit] != nil ? try amount(.debit, row) : nil
        let credit = columns[.credit] != nil ? try amount(.credit, row) : nil
        let signed = columns[.amount] != nil ? try amount(.amount, row) : nil
        let hasAmount = (debit ?? 0) != 0 || (credit ?? 0) != 0 || (signed ?? 0) != 0
        if rawDate.isEmpty && !hasAmount {
            if !description.isEmpty, pending != nil { pending!.description += " " + description }
            return nil
        }
        guard let date else {
            throw StatementError(fileName: file, place: "row \(row.number)", field: "column \"\(columnName("booking_date"))\"",
                                 reason: rawDate.isEmpty ? "the date is empty" : "\"\(rawDate)\" is not a date")
        }
        // A closure holding only the two arrays it reads: `columnName` passed as a function value copied the
        // whole stream (a fifth of reading a CSV export), and a closure using `self` made the call copy `reader`.
        let (direction, value) = try reader.directionAndAmount(
            debit: debit, credit: credit, signed: signed, sign: cell(.sign, row), row: row, file: file,
            columnName: { [index, headerCells] key in Self.columnName(key, index: index, headerCells: headerCells) })
        var valueDate: LocalDate?
        let rawValueDate = cell(.valueDate, row)
        if !rawValueDate.isEmpty {
            guard let parsed = dates.parse(rawValueDate) else {
                throw StatementError(fileName: file, place: "row \(row.number)", field: "column \"\(columnName("value_date"))\"",
                                     reason: "\"\(rawValueDate)\" is not a date")
            }
            valueDate = parsed
        }
        let running = columns[.balance] != nil ? try amount(.balance, row).map { Money(dong: $0) } : nil
        let reference = cell(.reference, row)
        let counterparty = cell(.counterparty, row)
        let counterpartyAccount = cell(.counterpartyAccount, row)
        count += 1
        if firstDate.map({ date < $0 }) ?? true { firstDate = date }
        if lastDate.map({ date > $0 }) ?? true { lastDate = date }
        return StatementLine(bookingDate: date, valueDate: valueDate, direction: direction, amount: Money(dong: value),
                             runningBalance: running, bankReference: reference.isEmpty ? nil : reference,
                             counterpartyName: counterparty.isEmpty ? nil : counterparty,
                             counterpartyAccount: counterpartyAccount.isEmpty ? nil : counterpartyAccount,
                             description: description, position: row.number)
    }
}

/// The keys of the columns a line is read from (`StatementFormat.columns`).
enum ColumnKey: Int, CaseIterable {
    case bookingDate, valueDate, description, debit, credit, amount, sign, balance, reference, counterparty,
         counterpartyAccount

    /// The key as formats name it.
    var name: String {
        switch self {
        case .bookingDate: "booking_date"
        case .valueDate: "value_date"
        case .description: "description"
        case .debit: "debit"
        case .credit: "credit"
        case .amount: "amount"
        case .sign: "sign"
        case .balance: "balance"
        case .reference: "reference"
        case .counterparty: "counterparty"
        case .counterpartyAccount: "counterparty_account"
        }
    }
}

/// The column of each key, looked up in the header's index once: a dictionary look-up per cell (a dozen per
/// row, each hashing its key) was a sixth of reading a bank's CSV export.
struct Columns {
    private let indexes: [Int?]

    init(_ index: [String: Int]) {
        indexes = ColumnKey.allCases.map { index[$0.name] }
    }

    subscript(key: ColumnKey) -> Int? { indexes[key.rawValue] }
}
