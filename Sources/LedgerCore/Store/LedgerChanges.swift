/// Everything one command changes, built in memory and handed to `LedgerStore.commit` as a unit.
///
/// Journal entries and audit events are sealed into their chains as they are added, on top of `base`, so
/// the hashes are final before anything is written.
public struct LedgerChanges: Sendable {
    /// The head this batch was computed on.
    public let base: LedgerHead
    /// The head after this batch.
    public private(set) var head: LedgerHead
    public let recordedAt: Timestamp
    public let actor: String

    public var newSchool: School?
    public private(set) var students: [Student] = []
    public private(set) var feeItems: [FeeItem] = []
    public private(set) var deactivatedFees: [FeeCode] = []
    public private(set) var invoices: [Invoice] = []
    public private(set) var journal: [JournalRecord] = []
    public private(set) var audit: [AuditRecord] = []
    public private(set) var statements: [NewStatement] = []
    public private(set) var allocations: [Allocation] = []
    /// (journal sequence of an allocation's entry, sequence of the entry reversing it)
    public private(set) var reversedAllocations: [(allocationEntry: Int64, reversedBy: Int64)] = []
    public private(set) var lineStatuses: [(lineID: Int64, status: LineStatus, held: Bool)] = []
    public private(set) var invoicePayments: [(invoiceNumber: String, amountPaid: Money, status: InvoiceStatus)] = []
    /// The school's receipt-signing key, created once (at `init`, or on first use in a ledger made before).
    public var newSigningKey: SigningKey?
    /// A month closed by this batch (`period close`).
    public private(set) var closedPeriod: YearMonth?
    /// The school profile as edited (address, tax code, receipt series); `nil` when unchanged.
    public var updatedSchool: School?
    public private(set) var receipts: [SignedReceipt] = []
    public private(set) var receiptCancellations: [ReceiptCancellation] = []

    public init(base: LedgerHead, at time: Timestamp, actor: String) {
        self.base = base
        self.head = base
        self.recordedAt = time
        self.actor = actor
    }

    public var isEmpty: Bool {
        newSchool == nil && students.isEmpty && feeItems.isEmpty && deactivatedFees.isEmpty && invoices.isEmpty
            && journal.isEmpty && statements.isEmpty && allocations.isEmpty
            && reversedAllocations.isEmpty && lineStatuses.isEmpty && invoicePayments.isEmpty && audit.isEmpty
            && newSigningKey == nil && closedPeriod == nil && updatedSchool == nil && receipts.isEmpty && receiptCancellations.isEmpty
    }

    /// The month an entry counts in: its own month, unless that is closed — then the first open month, where
    /// a late correction lands as an adjustment and the closed month's figures stay as they were.
    public func accountingPeriod(for natural: YearMonth) -> YearMonth {
        guard let closed = head.closedThrough, natural <= closed else { return natural }
        return closed.next
    }

    /// Seals `entry` into the journal and returns its sequence number.
    @discardableResult
    public mutating func record(_ entry: JournalEntry) -> Int64 {
        let sequence = head.journalSequence + 1
        let period = accountingPeriod(for: entry.period ?? YearMonth(recordedAt.vietnamDate))
        let record = JournalRecord(sealing: entry, sequence: sequence, at: recordedAt, actor: actor, previousHash: head.journalHash,
                                   period: period)
        journal.append(record)
        head.journalSequence = sequence
        head.journalHash = record.hash
        return sequence
    }

    public mutating func audit(_ event: AuditEvent) {
        let sequence = head.auditSequence + 1
        let record = AuditRecord(sealing: event, sequence: sequence, at: recordedAt, actor: actor, previousHash: head.auditHash)
        audit.append(record)
        head.auditSequence = sequence
        head.auditHash = record.hash
    }

    public mutating func upsert(_ student: Student) { students.append(student) }
    public mutating func upsert(_ fee: FeeItem) { feeItems.append(fee) }
    public mutating func deactivate(_ fee: FeeCode) { deactivatedFees.append(fee) }

    /// The next invoice serial, reserved for this batch.
    public mutating func nextInvoiceSerial() -> Int64 {
        head.lastInvoiceSerial += 1
        return head.lastInvoiceSerial
    }

    public mutating func add(_ invoice: Invoice) { invoices.append(invoice) }
    public mutating func add(_ statement: NewStatement) { statements.append(statement) }
    public mutating func add(_ allocation: Allocation) { allocations.append(allocation) }
    public mutating func reverseAllocations(postedBy entry: Int64, reversedBy reversal: Int64) {
        reversedAllocations.append((entry, reversal))
    }
    public mutating func setStatus(ofLine lineID: Int64, _ status: LineStatus, held: Bool = false) {
        lineStatuses.append((lineID, status, held))
    }
    /// Closes every month up to `period`; the close is part of the head, so a writer that began before it
    /// cannot commit entries into the month afterwards.
    public mutating func close(through period: YearMonth) {
        closedPeriod = period
        head.closedThrough = period
    }

    public mutating func add(_ receipt: SignedReceipt) { receipts.append(receipt) }
    public mutating func cancel(_ cancellation: ReceiptCancellation) { receiptCancellations.append(cancellation) }
    public mutating func setPaid(_ invoice: Invoice) {
        invoicePayments.append((invoice.number, invoice.amountPaid, invoice.status))
    }
    public mutating func setPaid(invoice number: String, amountPaid: Money, status: InvoiceStatus) {
        invoicePayments.append((number, amountPaid, status))
    }

    /// An empty batch that continues this one: based on its head, same time and author. A long run writes
    /// batch after batch in one transaction, each sealed onto the chain where the previous one ended.
    public func continued() -> LedgerChanges {
        LedgerChanges(base: head, at: recordedAt, actor: actor)
    }
}
