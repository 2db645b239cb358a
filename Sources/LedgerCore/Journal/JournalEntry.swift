/// Why an entry exists. Stable strings: they are part of every entry's hash.
public struct EntryKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// An invoice billed: receivable debited, each fee's account credited.
    public static let invoiceIssued = EntryKind(rawValue: "invoice.issued")
    /// A bank credit allocated: bank (112) debited, receivables (131) and/or the family's credit (3383) credited.
    public static let paymentAllocated = EntryKind(rawValue: "payment.allocated")
    /// A family's credit (3383, from an earlier over-payment) applied to a new invoice: 3383 debited, 131 credited.
    public static let creditApplied = EntryKind(rawValue: "credit.applied")
    /// Money paid back to a family out of its credit: the family's credit (3383) debited, bank (112) credited.
    public static let refundPaid = EntryKind(rawValue: "refund.paid")
    /// A correction that exactly reverses an earlier entry. Nothing is ever edited or deleted.
    public static let reversal = EntryKind(rawValue: "reversal")
}

/// A balanced journal entry, before it is sealed into the chain.
///
/// It cannot be built unbalanced, empty or with a non-positive amount: the initialiser refuses, so every
/// entry that exists in memory already obeys double entry.
public struct JournalEntry: Sendable, Hashable, Codable {
    public let kind: EntryKind
    /// What the entry is about (an invoice number, a bank reference).
    public let reference: String
    /// A sentence for a person reading the journal, Vietnamese first.
    public let memo: String
    public let postings: [Posting]
    /// The sequence number of the entry this one reverses, if it is a reversal.
    public let reverses: Int64?
    /// The month the entry belongs to by its nature: the billed month of an invoice, the booking month of a
    /// payment, the original's month for a reversal. `nil`: the month it is recorded in. When that month is
    /// closed, the entry lands in the first open month instead (see `LedgerChanges.record`).
    public let period: YearMonth?

    public init(kind: EntryKind, reference: String, memo: String, postings: [Posting], reverses: Int64? = nil,
                period: YearMonth? = nil) throws(JournalError) {
        guard !postings.isEmpty else { throw .noPostings(reference: reference) }
        var debits = Money.zero, credits = Money.zero
        do {
            for posting in postings {
                guard posting.amount.isPositive else { throw JournalError.nonPositiveAmount(reference: reference, posting.amount) }
                switch posting.side {
                case .debit: debits = try debits.adding(posting.amount)
                case .credit: credits = try credits.adding(posting.amount)
                }
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw .overflow(reference: reference)
        }
        guard debits == credits else { throw .unbalanced(reference: reference, debits: debits, credits: credits) }
        self.kind = kind
        self.reference = reference
        self.memo = memo
        self.postings = postings
        self.reverses = reverses
        self.period = period
    }

    /// The entry that undoes this one: same accounts and amounts, sides swapped.
    public func reversal(ofSequence sequence: Int64, memo: String) -> JournalEntry {
        let swapped = postings.map { Posting($0.side == .debit ? .credit : .debit, $0.account, $0.amount) }
        return try! JournalEntry(kind: .reversal, reference: reference, memo: memo, postings: swapped, reverses: sequence,
                                 period: period)
    }

    public var total: Money {
        (try? Money.sum(postings.filter { $0.side == .debit }.map(\.amount))) ?? .zero
    }
}

public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    case noPostings(reference: String)
    case nonPositiveAmount(reference: String, Money)
    case unbalanced(reference: String, debits: Money, credits: Money)
    case overflow(reference: String)

    public var description: String {
        switch self {
        case .noPostings(let reference): "journal entry \(reference): no postings"
        case .nonPositiveAmount(let reference, let amount): "journal entry \(reference): amount \(amount) is not positive"
        case .unbalanced(let reference, let debits, let credits): "journal entry \(reference): debits \(debits) ≠ credits \(credits)"
        case .overflow(let reference): "journal entry \(reference): amount overflow"
        }
    }
}
