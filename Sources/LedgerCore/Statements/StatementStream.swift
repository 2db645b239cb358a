/// A statement read line by line, so that a file of a million lines is never held whole in memory.
///
/// Readers that can stream (MT940, CSV exports) hand lines over as they parse them; the import use case checks,
/// fingerprints and stores each line before asking for the next, and proves the balances on the way (see
/// `BalanceProof.Accumulator`). Facts a file may state only at its end (the closing balance, the period of a
/// spreadsheet export, a second MT940 statement's account) are final in `header` once `next()` has returned nil;
/// a reader refuses a bad row by throwing from `next()`, wherever the row is.
public protocol StatementStream {
    /// The file, with the SHA-256 of all its bytes (computed before the first line, by whoever read the bytes).
    var source: SourceFile { get }
    /// The account the file names ("" when it names none). Final once `next()` has returned a line (or nil).
    var account: String { get }
    /// The next line in file order, or nil after the last one.
    mutating func next() throws -> StatementLine?
    /// The statement without its lines (`lines` is empty): account, currency, period, balances, format, source.
    /// Final once `next()` has returned nil.
    var header: Statement { get }
    /// How many lines the file probably holds, for a progress display (nil when unknown).
    var estimatedLineCount: Int? { get }
}

/// A statement already in memory, handed over line by line (camt, webhook JSON, XLSX, and tests).
public struct StatementLines: StatementStream {
    private let statement: Statement
    private var index = 0

    public init(_ statement: Statement) { self.statement = statement }

    public var source: SourceFile { statement.source }
    public var account: String { statement.account }
    public var estimatedLineCount: Int? { statement.lines.count }

    public mutating func next() -> StatementLine? {
        guard index < statement.lines.count else { return nil }
        defer { index += 1 }
        return statement.lines[index]
    }

    public var header: Statement {
        var header = statement
        header.lines = []
        return header
    }
}

extension StatementStream {
    /// Reads every line into one `Statement` (for small files and tests; imports stream instead).
    public mutating func collect() throws -> Statement {
        var lines: [StatementLine] = []
        while let line = try next() { lines.append(line) }
        var statement = header
        statement.lines = lines
        return statement
    }
}
