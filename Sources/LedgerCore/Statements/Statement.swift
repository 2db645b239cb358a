

/// One statement file as the bank issued it: which account, which days, the balances at both ends, and every
/// line in between. The balances are what let an import prove itself (opening + credits − debits = closing).
public struct Statement: Sendable, Hashable, Codable {
    public var account: String
    public var currency: String
    public var periodStart: LocalDate?
    public var periodEnd: LocalDate?
    public var openingBalance: Money?
    public var closingBalance: Money?
    public var lines: [StatementLine]
    /// The reader that produced it (`bidv-xlsx`, `mt940`, `camt.053`, …).
    public var format: String
    public var source: SourceFile

    public init(account: String, currency: String = "VND", periodStart: LocalDate? = nil, periodEnd: LocalDate? = nil,
                openingBalance: Money? = nil, closingBalance: Money? = nil, lines: [StatementLine], format: String,
                source: SourceFile) {
        self.account = account
        self.currency = currency
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.openingBalance = openingBalance
        self.closingBalance = closingBalance
        self.lines = lines
        self.format = format
        self.source = source
    }
}

/// The file a statement came from, identified by its content so the same file under two names is one file.
public struct SourceFile: Sendable, Hashable, Codable {
    public let name: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public let sha256: String

    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }
}

public enum Direction: String, Sendable, Hashable, Codable {
    /// Money into the school's account (ghi có).
    case credit
    /// Money out of it (ghi nợ).
    case debit
}

/// One movement on the account, exactly as the bank reported it, with where in the file it was read.
public struct StatementLine: Sendable, Hashable, Codable {
    public var bookingDate: LocalDate
    public var valueDate: LocalDate?
    public var direction: Direction
    /// Always positive; the direction says which way.
    public var amount: Money
    public var runningBalance: Money?
    /// The bank's own reference for the line, when the file has one (camt `AcctSvcrRef`, MT940 `//` reference,
    /// a reference column).
    public var bankReference: String?
    public var counterpartyName: String?
    public var counterpartyAccount: String?
    /// The transfer description as the bank wrote it (NFC), envelope and all.
    public var description: String
    /// The row (tabular files), line (MT940) or entry number (camt) the line was read from.
    public var position: Int

    public init(bookingDate: LocalDate, valueDate: LocalDate? = nil, direction: Direction, amount: Money,
                runningBalance: Money? = nil, bankReference: String? = nil, counterpartyName: String? = nil,
                counterpartyAccount: String? = nil, description: String, position: Int) {
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.direction = direction
        self.amount = amount
        self.runningBalance = runningBalance
        self.bankReference = bankReference
        self.counterpartyName = counterpartyName
        self.counterpartyAccount = counterpartyAccount
        self.description = description
        self.position = position
    }

    /// The amount with its sign: credits add to the balance, debits subtract.
    public var signedAmount: Money { direction == .credit ? amount : Money(dong: -amount.dong) }
}

/// A statement file that cannot be read: `file: row 17: column "GHI CÓ": "12.5O0" is not an amount`.
/// `place` says "row", "line" or "entry" as fits the format.
public struct StatementError: Error, Sendable, Hashable, CustomStringConvertible {
    public let fileName: String
    public let place: String?
    public let field: String?
    public let reason: String

    public init(fileName: String, place: String? = nil, field: String? = nil, reason: String) {
        self.fileName = fileName
        self.place = place
        self.field = field
        self.reason = reason
    }

    public var description: String {
        [fileName, place, field].compactMap { $0 }.joined(separator: ": ") + ": " + reason
    }
}
