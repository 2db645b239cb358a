/// What reconciliation keeps of an invoice: no fee lines, no copied name. At a million invoices the lines
/// alone would be several hundred MB; matching needs only who owes what under which code.
public struct InvoiceBalance: Sendable, Hashable {
    public let number: String
    public let serial: Int64
    public let studentCode: StudentCode
    public let period: YearMonth
    public let amountDue: Money
    public let amountPaid: Money
    public let isVoid: Bool
    public let paymentCode: PaymentCode

    public init(number: String, serial: Int64, studentCode: StudentCode, period: YearMonth, amountDue: Money,
                amountPaid: Money, isVoid: Bool, paymentCode: PaymentCode) {
        self.number = number
        self.serial = serial
        self.studentCode = studentCode
        self.period = period
        self.amountDue = amountDue
        self.amountPaid = amountPaid
        self.isVoid = isVoid
        self.paymentCode = paymentCode
    }

    public init(_ invoice: Invoice) {
        self.init(number: invoice.number, serial: invoice.serial, studentCode: invoice.studentCode, period: invoice.period,
                  amountDue: invoice.amountDue, amountPaid: invoice.amountPaid, isVoid: invoice.isVoid,
                  paymentCode: invoice.paymentCode)
    }
}

/// The reads reconciliation decides from, streamed so that nothing but the caller's compact index is held.
/// A store offers them for read-only use (the review queue) and inside its write transaction (a run), so a
/// run decides on exactly the state it writes on.
public protocol ReconciliationSource {
    /// Every invoice, void and paid ones included (a code naming them must be recognised), in serial order.
    func forEachInvoiceBalance(_ body: (InvoiceBalance) throws -> Void) throws
    /// Every pupil's code, full name and class, in code order.
    func forEachPupilName(_ body: (_ code: StudentCode, _ fullName: String, _ className: ClassName) throws -> Void) throws
    /// (payer account, pupil) for every active allocation a payer confirmed — by code or by the accountant,
    /// not a guess by name — so that the account is evidence for the same family next time.
    func forEachConfirmedPayer(_ body: (_ account: String, _ student: StudentCode) throws -> Void) throws
    /// The balance (credits − debits) of every sub-account of `root` that has postings: `3383.<student>` → đồng.
    func creditBalances(root: String) throws -> [String: Int64]
}

/// One reconciliation run inside the store's single write transaction: it reads the lines waiting for a
/// decision a chunk at a time and writes its decisions in batches, so a million-line statement never sits in
/// memory, and still either every batch is committed or none is.
public protocol ReconciliationSession: ReconciliationSource {
    /// The lines waiting for a decision (unmatched and not held), in booking order, by id.
    func undecidedLineIDs() throws -> [Int64]
    /// These lines, in the order given.
    func statementLines(_ ids: ArraySlice<Int64>) throws -> [StoredStatementLine]
    /// Writes a batch built on the previous batch's head (the first on the run's base). Nothing is committed
    /// until the run's body returns; a throw anywhere undoes every batch.
    func apply(_ changes: LedgerChanges) throws
}

/// The reads from whole values, for stores small enough to hold them (tests, the in-memory store).
/// A store for real ledgers answers them with queries that build no `Invoice` or `Student`.
extension LedgerStore {
    public func forEachInvoiceBalance(_ body: (InvoiceBalance) throws -> Void) throws {
        for invoice in try invoices().sorted(by: { $0.serial < $1.serial }) { try body(InvoiceBalance(invoice)) }
    }

    public func forEachPupilName(_ body: (StudentCode, String, ClassName) throws -> Void) throws {
        for student in try students().sorted(by: { $0.code < $1.code }) { try body(student.code, student.fullName, student.className) }
    }

    public func forEachConfirmedPayer(_ body: (String, StudentCode) throws -> Void) throws {
        var accounts: [Int64: String] = [:]
        try forEachStatementLine { if let account = $0.line.counterpartyAccount { accounts[$0.lineID] = account } }
        for allocation in try allocations() where allocation.isActive && allocation.method != "name+amount" {
            if let account = accounts[allocation.lineID] { try body(account, allocation.studentCode) }
        }
    }
}
