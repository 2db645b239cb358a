/// The port through which the core reads and writes a ledger. SQLite implements it today; a PostgreSQL
/// adapter implements the same protocol later without any change here.
///
/// Writing has one door, `commit`: a use case computes everything it will change as a `LedgerChanges` value,
/// and the store applies it in one transaction or not at all. So every command is all-or-nothing, and a
/// refused input can never leave half its rows behind.
public protocol LedgerStore: ReconciliationSource, Sendable {
    func school() throws -> School?
    func students() throws -> [Student]
    /// The fee items in force (deactivated ones are kept for history but not returned).
    func feeItems() throws -> [FeeItem]
    func invoices() throws -> [Invoice]
    func invoices(period: YearMonth) throws -> [Invoice]
    func head() throws -> LedgerHead
    /// Streams the journal in sequence order, so verification needs no memory for the whole ledger.
    func forEachJournalRecord(_ body: (JournalRecord) throws -> Void) throws
    func forEachAuditRecord(_ body: (AuditRecord) throws -> Void) throws

    /// Every imported statement file, in import order.
    func statements() throws -> [StatementRecord]
    /// The keys of the lines already stored for `account`: bank references (`ref:…`) and fingerprints.
    func statementLineKeys(account: String) throws -> Set<String>
    /// Streams every stored bank line in booking order.
    func forEachStatementLine(_ body: (StoredStatementLine) throws -> Void) throws
    /// Every allocation ever made (reversed ones included), in journal order.
    func allocations() throws -> [Allocation]
    /// The balance (credits − debits) of every sub-account of `root` that has postings: `3383.<student>` → đồng.
    func creditBalances(root: String) throws -> [String: Int64]
    /// Every receipt ever issued, in number order, with its cancellation and replacement when there is one.
    func receipts() throws -> [SignedReceipt]
    /// One receipt by number (with its cancellation and replacement), without reading the others.
    func receipt(_ number: ReceiptNumber) throws -> SignedReceipt?
    /// Every month close, oldest first.
    func periodCloses() throws -> [PeriodClose]
    /// The school's receipt-signing key, if one was created.
    func signingKey() throws -> SigningKey?
    /// Runs one reconciliation in one write transaction: checks that the head is still `base` (else
    /// `StoreConflict`), hands `body` a session that reads and writes inside the transaction, and commits when
    /// `body` returns. If `body` throws, nothing it applied is kept.
    func reconcileInTransaction(base: LedgerHead, _ body: (any ReconciliationSession) throws -> Void) throws
    /// Applies `changes` atomically. Throws `StoreConflict` when the head moved since `changes.base`
    /// (another process wrote meanwhile): nothing is written and the caller may retry from fresh state.
    func commit(_ changes: LedgerChanges) throws
    /// Stores one bank statement while it is read, in one transaction, so a file of any size is imported in
    /// bounded memory and still all or nothing.
    ///
    /// The store opens the transaction, checks that the head is still `base` (else `StoreConflict`), then calls
    /// `produce` with an `insert` function. `produce` reads the file and hands each line over with its identity
    /// as it goes; `insert` stores the line under `statementID` for `account` unless a line with the same
    /// fingerprint or bank reference is already stored for the account (earlier in this very file included),
    /// and says whether it stored it. The store decides what is known (a unique index in SQLite), so no set of
    /// every known key is ever loaded. When the file has been read and proven, `produce` returns the batch
    /// that completes the import (the statement record, with no lines, and its audit event, on `base`), which
    /// is applied like `commit` in the same transaction. If `produce` throws — a bad row on the last line, a
    /// balance that does not add up — nothing at all is stored.
    func commitStatement(base: LedgerHead, account: String, statementID: Int64,
                         _ produce: (_ insert: (StatementLine, LineIdentity) throws -> Bool) throws -> LedgerChanges) throws
}

/// The tips of the two chains and the last invoice serial: what a writer builds on.
public struct LedgerHead: Sendable, Hashable, Codable {
    public var journalSequence: Int64
    public var journalHash: String
    public var auditSequence: Int64
    public var auditHash: String
    public var lastInvoiceSerial: Int64
    /// The last closed month: nothing may be recorded in it or before it any more.
    public var closedThrough: YearMonth?

    public init(journalSequence: Int64 = 0, journalHash: String = HashChain.genesis, auditSequence: Int64 = 0,
                auditHash: String = HashChain.genesis, lastInvoiceSerial: Int64 = 0, closedThrough: YearMonth? = nil) {
        self.closedThrough = closedThrough
        self.journalSequence = journalSequence
        self.journalHash = journalHash
        self.auditSequence = auditSequence
        self.auditHash = auditHash
        self.lastInvoiceSerial = lastInvoiceSerial
    }

    public static let empty = LedgerHead()
}

public struct StoreConflict: Error, Sendable, CustomStringConvertible {
    public let expected: LedgerHead
    public let found: LedgerHead
    public init(expected: LedgerHead, found: LedgerHead) {
        self.expected = expected
        self.found = found
    }
    public var description: String {
        "the ledger changed while this command ran (journal \(expected.journalSequence) → \(found.journalSequence)); nothing was written, run it again"
    }
}

/// A month closed by `period close`, with the journal head it saw: entries up to that head are the month's
/// final figures, and nothing recorded later may count in it.
public struct PeriodClose: Sendable, Hashable, Codable {
    public let period: YearMonth
    public let closedAt: Timestamp
    public let actor: String
    public let journalSequence: Int64
    public let journalHash: String
    /// The close's own audit record, and the last statement imported before it (nil for closes made before
    /// these were kept): reports of the month leave out everything after them.
    public let auditSequence: Int64?
    public let lastStatementID: Int64?

    public init(period: YearMonth, closedAt: Timestamp, actor: String, journalSequence: Int64, journalHash: String,
                auditSequence: Int64? = nil, lastStatementID: Int64? = nil) {
        self.auditSequence = auditSequence
        self.lastStatementID = lastStatementID
        self.period = period
        self.closedAt = closedAt
        self.actor = actor
        self.journalSequence = journalSequence
        self.journalHash = journalHash
    }
}
