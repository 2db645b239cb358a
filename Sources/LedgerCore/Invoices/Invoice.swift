/// A fee notice (thông báo thu): what one pupil owes for one period.
///
/// It keeps its own copy of the pupil's name and class and of each fee line at the time it was issued, so a
/// later change of roster or price never silently rewrites what the family was told to pay.
public struct Invoice: Sendable, Hashable, Codable {
    public let number: String
    /// The school-wide issue order (1, 2, 3, …); the payment code is derived from it.
    public let serial: Int64
    public let studentCode: StudentCode
    public let studentName: String
    public let className: ClassName
    public let period: YearMonth
    public let lines: [InvoiceLine]
    public let amountDue: Money
    public var amountPaid: Money
    public var isVoid: Bool
    public let paymentCode: PaymentCode
    public let issuedAt: Timestamp
    /// The journal entry that billed it.
    public let journalSequence: Int64

    public init(number: String, serial: Int64, studentCode: StudentCode, studentName: String, className: ClassName,
                period: YearMonth, lines: [InvoiceLine], amountDue: Money, amountPaid: Money = .zero, isVoid: Bool = false,
                paymentCode: PaymentCode, issuedAt: Timestamp, journalSequence: Int64) {
        self.number = number
        self.serial = serial
        self.studentCode = studentCode
        self.studentName = studentName
        self.className = className
        self.period = period
        self.lines = lines
        self.amountDue = amountDue
        self.amountPaid = amountPaid
        self.isVoid = isVoid
        self.paymentCode = paymentCode
        self.issuedAt = issuedAt
        self.journalSequence = journalSequence
    }

    public var status: InvoiceStatus { InvoiceStatus(due: amountDue, paid: amountPaid, isVoid: isVoid) }

    /// What is still to pay (never negative: an over-payment is a credit, not a negative debt).
    public var remaining: Money { Self.remaining(due: amountDue, paid: amountPaid) }

    /// The one rule for what is still to pay, for anything that tracks an invoice's amounts.
    public static func remaining(due: Money, paid: Money) -> Money { paid >= due ? .zero : Money(dong: due.dong - paid.dong) }

    /// `TB2509-000123`: period and issue serial, readable over the phone and unique in the school.
    public static func number(period: YearMonth, serial: Int64) -> String {
        let digits = String(serial)
        return "TB\(period.compact)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }
}

/// One fee on an invoice, as billed.
public struct InvoiceLine: Sendable, Hashable, Codable {
    public let feeCode: FeeCode
    public let feeName: String
    public let amount: Money
    public let account: FeeAccount

    public init(feeCode: FeeCode, feeName: String, amount: Money, account: FeeAccount) {
        self.feeCode = feeCode
        self.feeName = feeName
        self.amount = amount
        self.account = account
    }
}

/// Where an invoice stands; derived from what is due and what was paid, never stored independently of them.
public enum InvoiceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case partlyPaid = "partly_paid"
    case paid
    case overpaid
    case void

    /// Paid in full (an over-payment's surplus went to the family's credit): what earns a receipt.
    public var isSettled: Bool { self == .paid || self == .overpaid }

    public init(due: Money, paid: Money, isVoid: Bool) {
        if isVoid { self = .void }
        else if paid == .zero { self = .open }
        else if paid < due { self = .partlyPaid }
        else if paid == due { self = .paid }
        else { self = .overpaid }
    }

    /// Vietnamese label for people.
    public var label: String {
        switch self {
        case .open: "Chưa nộp"
        case .partlyPaid: "Nộp một phần"
        case .paid: "Đã nộp đủ"
        case .overpaid: "Nộp thừa"
        case .void: "Đã hủy"
        }
    }
}
