/// An account in the chart, optionally with a sub-account: `112`, `131.067215000123` (one receivable per
/// pupil), `531.TIENAN` (revenue per fee item). The part before the first dot must be in the chart.
public struct AccountCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    public init(_ root: String, _ sub: String? = nil) {
        value = sub.map { "\(root).\($0)" } ?? root
    }

    public init(raw: String) { value = raw }

    public var root: String { String(value.prefix(while: { $0 != "." })) }
    public var description: String { value }
    public static func < (lhs: AccountCode, rhs: AccountCode) -> Bool { lhs.value < rhs.value }

    public static let bank = AccountCode("112")
    public static func receivable(_ student: StudentCode) -> AccountCode { AccountCode("131", student.value) }
    public static func parentCredit(_ student: StudentCode) -> AccountCode { AccountCode("3383", student.value) }
    public static func fee(_ fee: FeeCode, account: FeeAccount) -> AccountCode { AccountCode(account.rawValue, fee.value) }
}

public enum Side: String, Sendable, Hashable, Codable {
    case debit = "D"
    case credit = "C"
}

/// One side of a journal entry: an amount (always positive) debited or credited to one account.
public struct Posting: Sendable, Hashable, Codable {
    public let account: AccountCode
    public let side: Side
    public let amount: Money

    public init(_ side: Side, _ account: AccountCode, _ amount: Money) {
        self.side = side
        self.account = account
        self.amount = amount
    }

    public static func debit(_ account: AccountCode, _ amount: Money) -> Posting { Posting(.debit, account, amount) }
    public static func credit(_ account: AccountCode, _ amount: Money) -> Posting { Posting(.credit, account, amount) }
}
