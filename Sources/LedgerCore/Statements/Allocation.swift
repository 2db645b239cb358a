/// A decision that (part of) a bank credit pays an invoice, or is held as the family's credit.
///
/// Every allocation is posted in the journal (bank 112 debited, the pupil's receivable 131 — or the family's
/// credit 3383 for an over-payment — credited), so its amount is covered by the hash chain; undoing one is a
/// reversing entry, never a deletion.
public struct Allocation: Sendable, Hashable, Codable {
    public let lineID: Int64
    public let bankReference: String
    public let bookingDate: LocalDate
    /// The whole bank line's amount.
    public let lineAmount: Money
    /// The invoice paid, or nil for an over-payment kept as the family's credit.
    public let invoiceNumber: String?
    public let studentCode: StudentCode
    public let amount: Money
    /// `code`, `name+amount`, `payer-account+amount`, `manual`.
    public let method: String
    /// Why, in words a person can check: "code HP3K7QX2M found after bank envelope MBVCB".
    public let reason: String
    /// The journal entry that posted it.
    public let journalSequence: Int64
    /// The entry that reversed it, if it was undone.
    public let reversedBy: Int64?

    public init(lineID: Int64, bankReference: String, bookingDate: LocalDate, lineAmount: Money, invoiceNumber: String?,
                studentCode: StudentCode, amount: Money, method: String, reason: String, journalSequence: Int64,
                reversedBy: Int64? = nil) {
        self.lineID = lineID
        self.bankReference = bankReference
        self.bookingDate = bookingDate
        self.lineAmount = lineAmount
        self.invoiceNumber = invoiceNumber
        self.studentCode = studentCode
        self.amount = amount
        self.method = method
        self.reason = reason
        self.journalSequence = journalSequence
        self.reversedBy = reversedBy
    }

    public var isActive: Bool { reversedBy == nil }
}
