/// An imported statement file as the ledger keeps it: what the file said, what importing it added, and
/// whether it proved itself and continued the account's previous statement.
public struct StatementRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public let fileName: String
    public let sha256: String
    public let format: String
    public let account: String
    public let periodStart: LocalDate?
    public let periodEnd: LocalDate?
    public let openingBalance: Money?
    public let closingBalance: Money?
    public let lines: Int
    public let newLines: Int
    public let duplicateLines: Int
    /// true: the balances add up; false never happens for a stored file (such files are refused); nil: the
    /// file has no balances to check.
    public let balanceOK: Bool?
    /// `first`, `continues`, `gap …`, `overlap …`: how this file joins the account's previous statement.
    public let continuity: String
    public let importedAt: Timestamp

    public init(id: Int64, fileName: String, sha256: String, format: String, account: String, periodStart: LocalDate?,
                periodEnd: LocalDate?, openingBalance: Money?, closingBalance: Money?, lines: Int, newLines: Int,
                duplicateLines: Int, balanceOK: Bool?, continuity: String, importedAt: Timestamp) {
        self.id = id
        self.fileName = fileName
        self.sha256 = sha256
        self.format = format
        self.account = account
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.openingBalance = openingBalance
        self.closingBalance = closingBalance
        self.lines = lines
        self.newLines = newLines
        self.duplicateLines = duplicateLines
        self.balanceOK = balanceOK
        self.continuity = continuity
        self.importedAt = importedAt
    }
}

/// A bank line as stored, once, with the keys that make it so.
public struct StoredStatementLine: Sendable, Hashable, Codable {
    public let lineID: Int64
    public let line: StatementLine
    public let account: String
    public let statementID: Int64
    public let identity: String
    public let status: LineStatus
    /// The accountant took this line out of automatic matching (by `unmatch`): only `match` decides it now.
    public let held: Bool

    public init(lineID: Int64, line: StatementLine, account: String, statementID: Int64, identity: String,
                status: LineStatus, held: Bool) {
        self.lineID = lineID
        self.line = line
        self.account = account
        self.statementID = statementID
        self.identity = identity
        self.status = status
        self.held = held
    }

    /// How the line is named to people and in `match`/`unmatch`: the bank's reference, or `#<line id>` when
    /// the file had none.
    public var reference: String { line.bankReference ?? "#\(lineID)" }
}

/// Where a bank line stands in reconciliation.
public enum LineStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case matched
    case partlyMatched = "partly_matched"
    case unmatched
    /// Not a fee payment (interest, bank charges, refunds out): classified, not matched.
    case ignored
}

/// A statement to store: its record and the lines it adds (already known lines are left out).
public struct NewStatement: Sendable, Hashable {
    public let record: StatementRecord
    public let lines: [(line: StatementLine, identity: LineIdentity)]

    public static func == (a: NewStatement, b: NewStatement) -> Bool {
        a.record == b.record && a.lines.map(\.identity) == b.lines.map(\.identity)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(record) }
}
