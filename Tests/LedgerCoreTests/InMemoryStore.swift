import Foundation
@testable import LedgerCore

/// A `LedgerStore` in memory, for testing the use cases without SQLite.
///
/// It applies a `LedgerChanges` batch the way the port promises: all or nothing, and only on the head it was
/// computed on (otherwise `StoreConflict`). It also checks that each batch continues both chains, so a use case
/// that sealed records on the wrong head fails here rather than in the SQLite adapter.
final class InMemoryStore: LedgerStore, @unchecked Sendable {
    private let lock = NSLock()
    private var storedSchool: School?
    private var studentsByCode: [StudentCode: Student] = [:]
    private var feesByCode: [FeeCode: FeeItem] = [:]
    private var withdrawn: Set<FeeCode> = []
    private var storedInvoices: [Invoice] = []
    private var journal: [JournalRecord] = []
    private var auditLog: [AuditRecord] = []
    private var statementRecords: [StatementRecord] = []
    private var statementLines: [StoredStatementLine] = []
    private var storedAllocations: [Allocation] = []
    private var statementLineKeysByAccount: [String: Set<String>] = [:]
    private var storedReceipts: [SignedReceipt] = []
    private var storedKey: SigningKey?
    private var currentHead = LedgerHead.empty
    private var storedCloses: [PeriodClose] = []
    private var commits = 0
    /// Runs inside `commit` before the head is compared: lets a test simulate another process writing meanwhile.
    var beforeCommit: (@Sendable (InMemoryStore) -> Void)?

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    func school() throws -> School? { locked { storedSchool } }
    func students() throws -> [Student] { locked { studentsByCode.values.sorted { $0.code < $1.code } } }
    func feeItems() throws -> [FeeItem] {
        locked { feesByCode.values.filter { !withdrawn.contains($0.code) }.sorted { $0.code < $1.code } }
    }
    func allFeeItems() -> [FeeItem] { locked { feesByCode.values.sorted { $0.code < $1.code } } }
    func invoices() throws -> [Invoice] { locked { storedInvoices } }
    func invoices(period: YearMonth) throws -> [Invoice] { locked { storedInvoices.filter { $0.period == period } } }
    func head() throws -> LedgerHead { locked { currentHead } }
    var commitCount: Int { locked { commits } }
    var journalRecords: [JournalRecord] { locked { journal } }
    var auditRecords: [AuditRecord] { locked { auditLog } }

    func forEachJournalRecord(_ body: (JournalRecord) throws -> Void) throws {
        for record in locked({ journal }) { try body(record) }
    }

    func forEachAuditRecord(_ body: (AuditRecord) throws -> Void) throws {
        for record in locked({ auditLog }) { try body(record) }
    }

    func statements() throws -> [StatementRecord] { locked { statementRecords } }

    func receipts() throws -> [SignedReceipt] { locked { storedReceipts } }
    func receipt(_ number: ReceiptNumber) throws -> SignedReceipt? { locked { storedReceipts.first { $0.receipt.number == number } } }
    func signingKey() throws -> SigningKey? { locked { storedKey } }
    func periodCloses() throws -> [PeriodClose] { locked { storedCloses } }

    func allocations() throws -> [Allocation] { locked { storedAllocations } }

    func creditBalances(root: String) throws -> [String: Int64] {
        locked {
            var balances: [String: Int64] = [:]
            for record in journal {
                for line in record.lines where line.account.hasPrefix(root + ".") {
                    balances[line.account, default: 0] += line.side == "C" ? line.amount : -line.amount
                }
            }
            return balances
        }
    }

    func statementLineKeys(account: String) throws -> Set<String> { locked { statementLineKeysByAccount[account] ?? [] } }

    func forEachStatementLine(_ body: (StoredStatementLine) throws -> Void) throws {
        // Booking order; lines of the same day in the order they were stored (the sort is stable).
        let lines = locked { statementLines.enumerated().sorted { ($0.element.line.bookingDate, $0.offset) < ($1.element.line.bookingDate, $1.offset) } }
        for (_, line) in lines { try body(line) }
    }

    /// Replaces the stored receipts, as someone editing the database file would.
    func overwriteReceipts(_ receipts: [SignedReceipt]) { locked { storedReceipts = receipts } }

    /// Replaces the stored journal, as someone editing the database file would.
    func overwriteJournal(_ records: [JournalRecord]) { locked { journal = records } }

    /// As the port promises: lines are checked against the keys stored (and those of this file so far) as
    /// they come, kept aside, and stored only if `produce` returns; the batch it returns goes through `commit`.
    func commitStatement(base: LedgerHead, account: String, statementID: Int64,
                         _ produce: (_ insert: (StatementLine, LineIdentity) throws -> Bool) throws -> LedgerChanges) throws {
        if let hook = beforeCommit {
            beforeCommit = nil
            hook(self)
        }
        var keys = try locked { () throws -> Set<String> in
            guard base == currentHead else { throw StoreConflict(expected: base, found: currentHead) }
            return statementLineKeysByAccount[account] ?? []
        }
        var staged: [(StatementLine, LineIdentity)] = []
        let changes = try produce { line, identity in
            if keys.contains(identity.fingerprint) || identity.referenceKey.map(keys.contains) == true { return false }
            keys.insert(identity.fingerprint)
            if let reference = identity.referenceKey { keys.insert(reference) }
            staged.append((line, identity))
            return true
        }
        guard changes.base == base else { throw StoreConflict(expected: base, found: changes.base) }
        try commit(changes)
        locked {
            for (line, identity) in staged {
                statementLines.append(StoredStatementLine(lineID: Int64(statementLines.count + 1), line: line, account: account,
                                                          statementID: statementID,
                                                          identity: identity.referenceKey ?? identity.fingerprint,
                                                          status: .unmatched, held: false))
            }
            statementLineKeysByAccount[account] = keys
        }
    }

    func commit(_ changes: LedgerChanges) throws {
        if let hook = beforeCommit {
            beforeCommit = nil
            hook(self)
        }
        try locked {
            guard changes.base == currentHead else { throw StoreConflict(expected: changes.base, found: currentHead) }
            try Self.checkContinuity(changes)
            if let school = changes.newSchool {
                guard storedSchool == nil else { throw FakeStoreError.schoolExists }
                storedSchool = school
            }
            for student in changes.students { studentsByCode[student.code] = student }
            for fee in changes.feeItems {
                feesByCode[fee.code] = fee
                withdrawn.remove(fee.code)
            }
            for code in changes.deactivatedFees { withdrawn.insert(code) }
            let numbers = Set(storedInvoices.map(\.number))
            for invoice in changes.invoices where numbers.contains(invoice.number) { throw FakeStoreError.duplicateInvoice(invoice.number) }
            storedInvoices += changes.invoices
            journal += changes.journal
            for statement in changes.statements {
                statementRecords.append(statement.record)
                for (line, identity) in statement.lines {
                    statementLines.append(StoredStatementLine(lineID: Int64(statementLines.count + 1), line: line,
                                                              account: statement.record.account,
                                                              statementID: statement.record.id,
                                                              identity: identity.referenceKey ?? identity.fingerprint,
                                                              status: .unmatched, held: false))
                    statementLineKeysByAccount[statement.record.account, default: []].insert(identity.fingerprint)
                    if let reference = identity.referenceKey { statementLineKeysByAccount[statement.record.account, default: []].insert(reference) }
                }
            }
            storedAllocations += changes.allocations
            for (entry, reversal) in changes.reversedAllocations {
                storedAllocations = storedAllocations.map { a in
                    guard a.journalSequence == entry, a.reversedBy == nil else { return a }
                    return Allocation(lineID: a.lineID, bankReference: a.bankReference, bookingDate: a.bookingDate,
                                      lineAmount: a.lineAmount, invoiceNumber: a.invoiceNumber, studentCode: a.studentCode,
                                      amount: a.amount, method: a.method, reason: a.reason, journalSequence: a.journalSequence,
                                      reversedBy: reversal)
                }
            }
            for (lineID, status, held) in changes.lineStatuses {
                if let index = statementLines.firstIndex(where: { $0.lineID == lineID }) {
                    let old = statementLines[index]
                    statementLines[index] = StoredStatementLine(lineID: old.lineID, line: old.line, account: old.account,
                                                                statementID: old.statementID, identity: old.identity,
                                                                status: status, held: held)
                }
            }
            for (number, paid, _) in changes.invoicePayments {
                if let index = storedInvoices.firstIndex(where: { $0.number == number }) { storedInvoices[index].amountPaid = paid }
            }
            if let school = changes.updatedSchool { storedSchool = school }
            if let key = changes.newSigningKey {
                guard storedKey == nil else { throw FakeStoreError.keyExists }
                storedKey = key
            }
            for signed in changes.receipts {
                // The same rule as the SQLite schema: the next number of its series, never a gap or a reuse.
                let last = storedReceipts.filter { $0.receipt.number.series == signed.receipt.number.series }.map(\.receipt.number.number).max() ?? 0
                guard signed.receipt.number.number == last + 1 else { throw FakeStoreError.receiptGap(signed.receipt.number.description) }
                storedReceipts.append(signed)
                if let old = signed.receipt.replaces, let index = storedReceipts.firstIndex(where: { $0.receipt.number == old }) {
                    storedReceipts[index].replacedBy = signed.receipt.number
                }
            }
            for cancellation in changes.receiptCancellations {
                guard let index = storedReceipts.firstIndex(where: { $0.receipt.number == cancellation.number }),
                      storedReceipts[index].cancellation == nil else { throw FakeStoreError.receiptGap(cancellation.number.description) }
                storedReceipts[index].cancellation = cancellation
            }
            auditLog += changes.audit
            if let period = changes.closedPeriod {
                storedCloses.append(PeriodClose(period: period, closedAt: changes.recordedAt, actor: changes.actor,
                                                journalSequence: changes.base.journalSequence, journalHash: changes.base.journalHash,
                                                auditSequence: changes.head.auditSequence,
                                                lastStatementID: statementRecords.map(\.id).max() ?? 0))
            }
            currentHead = changes.head
            commits += 1
        }
    }

    /// The records of a batch continue the chains from its base and end at its head.
    private static func checkContinuity(_ changes: LedgerChanges) throws {
        var sequence = changes.base.journalSequence, hash = changes.base.journalHash
        for record in changes.journal {
            guard record.sequence == sequence + 1, record.previousHash == hash, record.hash == record.computedHash else {
                throw FakeStoreError.brokenChain("journal \(record.sequence)")
            }
            sequence = record.sequence
            hash = record.hash
        }
        guard sequence == changes.head.journalSequence, hash == changes.head.journalHash else { throw FakeStoreError.brokenChain("journal head") }
        var auditSequence = changes.base.auditSequence, auditHash = changes.base.auditHash
        for record in changes.audit {
            guard record.sequence == auditSequence + 1, record.previousHash == auditHash, record.hash == record.computedHash else {
                throw FakeStoreError.brokenChain("audit \(record.sequence)")
            }
            auditSequence = record.sequence
            auditHash = record.hash
        }
        guard auditSequence == changes.head.auditSequence, auditHash == changes.head.auditHash else { throw FakeStoreError.brokenChain("audit head") }
    }
}

enum FakeStoreError: Error, Equatable {
    case schoolExists
    case duplicateInvoice(String)
    case brokenChain(String)
    case keyExists
    case receiptGap(String)
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Timestamp
    init(_ iso: String) { current = Timestamp(iso: iso)! }
    var now: Timestamp {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
    func set(_ iso: String) {
        lock.lock()
        defer { lock.unlock() }
        current = Timestamp(iso: iso)!
    }
}

/// A reconciliation run on the in-memory store: batches are kept until the run's body returns, then
/// committed one after another (each checked against the head like any commit), so a throw keeps nothing.
/// Reads see the state before the run, which is what a run reads (each line is decided once).
extension InMemoryStore {
    func reconcileInTransaction(base: LedgerHead, _ body: (any ReconciliationSession) throws -> Void) throws {
        guard try head() == base else { throw StoreConflict(expected: base, found: try head()) }
        let session = Session(store: self)
        try body(session)
        for changes in session.batches { try commit(changes) }
    }

    final class Session: ReconciliationSession {
        let store: InMemoryStore
        var batches: [LedgerChanges] = []
        init(store: InMemoryStore) { self.store = store }

        func forEachInvoiceBalance(_ body: (InvoiceBalance) throws -> Void) throws { try store.forEachInvoiceBalance(body) }
        func forEachPupilName(_ body: (StudentCode, String, ClassName) throws -> Void) throws { try store.forEachPupilName(body) }
        func forEachConfirmedPayer(_ body: (String, StudentCode) throws -> Void) throws { try store.forEachConfirmedPayer(body) }
        func creditBalances(root: String) throws -> [String: Int64] { try store.creditBalances(root: root) }
        func undecidedLineIDs() throws -> [Int64] {
            var lines: [StoredStatementLine] = []
            try store.forEachStatementLine { if $0.status == .unmatched && !$0.held { lines.append($0) } }
            return lines.map(\.lineID)
        }
        func statementLines(_ ids: ArraySlice<Int64>) throws -> [StoredStatementLine] {
            var byID: [Int64: StoredStatementLine] = [:]
            try store.forEachStatementLine { byID[$0.lineID] = $0 }
            return ids.compactMap { byID[$0] }
        }
        func apply(_ changes: LedgerChanges) throws { batches.append(changes) }
    }
}
