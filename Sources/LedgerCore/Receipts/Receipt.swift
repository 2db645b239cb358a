/// A receipt (biên lai thu tiền) for a paid invoice: the content printed on it, frozen when it is issued.
///
/// Issued once and never edited. Its content is signed (Ed25519) over `canonicalBytes`, so a changed byte —
/// a name, an amount, a date — in the store, in an export or on a forwarded copy, fails verification.
/// A cancellation or a replacement is a new record that points to this one; the number is never reused.
public struct Receipt: Sendable, Hashable, Codable {
    public struct Line: Sendable, Hashable, Codable {
        public let feeCode: String
        public let name: String
        public let amount: Money
        public init(feeCode: String, name: String, amount: Money) {
            self.feeCode = feeCode
            self.name = name
            self.amount = amount
        }
    }

    public let number: ReceiptNumber
    public let formSymbol: String
    /// The receipt this one replaces (a correction), if any.
    public let replaces: ReceiptNumber?
    public let schoolName: String
    public let schoolAddress: String?
    public let schoolTaxCode: String?
    public let invoiceNumber: String
    public let studentCode: String
    public let studentName: String
    public let className: String
    public let period: YearMonth
    /// Who paid: the guardian on the roster, else the account holder the bank named.
    public let payerName: String
    public let lines: [Line]
    public let total: Money
    public let totalInWords: String
    /// The day of the last payment that completed the invoice (bank booking date).
    public let paidOn: LocalDate
    /// The bank references of the transfers that paid it (several for instalments), and
    /// `familyCreditReference` when the family's credit paid part of it.
    public static let familyCreditReference = "credit:3383"
    /// See `familyCreditReference`.
    public let paymentReferences: [String]
    public let issuedOn: LocalDate
    public let issuedAt: Timestamp

    public init(number: ReceiptNumber, formSymbol: String, replaces: ReceiptNumber?, schoolName: String,
                schoolAddress: String?, schoolTaxCode: String?, invoiceNumber: String, studentCode: String,
                studentName: String, className: String, period: YearMonth, payerName: String, lines: [Line],
                total: Money, totalInWords: String, paidOn: LocalDate, paymentReferences: [String],
                issuedOn: LocalDate, issuedAt: Timestamp) {
        self.number = number
        self.formSymbol = formSymbol
        self.replaces = replaces
        self.schoolName = schoolName
        self.schoolAddress = schoolAddress
        self.schoolTaxCode = schoolTaxCode
        self.invoiceNumber = invoiceNumber
        self.studentCode = studentCode
        self.studentName = studentName
        self.className = className
        self.period = period
        self.payerName = payerName
        self.lines = lines
        self.total = total
        self.totalInWords = totalInWords
        self.paidOn = paidOn
        self.paymentReferences = paymentReferences
        self.issuedOn = issuedOn
        self.issuedAt = issuedAt
    }

    /// The bytes the signature covers: every field, length-prefixed, in a fixed order under a version tag.
    public var canonicalBytes: [UInt8] {
        var encoder = CanonicalEncoder(tag: "hocphi.receipt.v1")
        encoder.field("series", number.series)
        encoder.field("number", String(number.number))
        encoder.field("form", formSymbol)
        encoder.field("replaces", replaces?.description ?? "")
        encoder.field("school", schoolName)
        encoder.field("school_address", schoolAddress ?? "")
        encoder.field("school_tax_code", schoolTaxCode ?? "")
        encoder.field("invoice", invoiceNumber)
        encoder.field("student_code", studentCode)
        encoder.field("student_name", studentName)
        encoder.field("class", className)
        encoder.field("period", period.description)
        encoder.field("payer", payerName)
        encoder.field("lines", String(lines.count))
        for line in lines {
            encoder.field("fee", line.feeCode)
            encoder.field("name", line.name)
            encoder.field("amount", String(line.amount.dong))
        }
        encoder.field("total", String(total.dong))
        encoder.field("total_words", totalInWords)
        encoder.field("paid_on", paidOn.description)
        encoder.field("payments", paymentReferences.joined(separator: "\u{1F}"))
        encoder.field("issued_on", issuedOn.description)
        encoder.field("issued_at", issuedAt.description)
        return encoder.bytes
    }
}

/// A receipt with its signature, as stored, and what became of it.
public struct SignedReceipt: Sendable, Hashable, Codable {
    public let receipt: Receipt
    /// Ed25519 signature (64 bytes) over `receipt.canonicalBytes` by the school's key.
    public let signature: [UInt8]
    /// Set when the receipt was cancelled: why, by whom, when.
    public var cancellation: ReceiptCancellation?
    /// The receipt that replaced this one, if any.
    public var replacedBy: ReceiptNumber?

    public init(receipt: Receipt, signature: [UInt8], cancellation: ReceiptCancellation? = nil, replacedBy: ReceiptNumber? = nil) {
        self.receipt = receipt
        self.signature = signature
        self.cancellation = cancellation
        self.replacedBy = replacedBy
    }

    public var status: ReceiptStatus {
        if replacedBy != nil { return .replaced }
        if cancellation != nil { return .cancelled }
        return .issued
    }
}

public enum ReceiptStatus: String, Sendable, Hashable, Codable {
    case issued, cancelled, replaced

    public var label: String {
        switch self {
        case .issued: "Đã phát hành"
        case .cancelled: "Đã huỷ"
        case .replaced: "Đã bị thay thế"
        }
    }
}

/// The record that a receipt no longer stands: kept beside it, never instead of it.
public struct ReceiptCancellation: Sendable, Hashable, Codable {
    public let number: ReceiptNumber
    public let reason: String
    public let actor: String
    public let at: Timestamp
    public init(number: ReceiptNumber, reason: String, actor: String, at: Timestamp) {
        self.number = number
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}
