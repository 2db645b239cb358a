import LedgerCore

public struct ReconcileSummary: Sendable, Hashable, Codable {
    public var considered = 0
    public var matched = 0
    public var matchedByMethod: [String: Int] = [:]
    public var allocated: Int64 = 0
    public var familyCredit: Int64 = 0
    /// Paid back to families out of their credit (debit lines matched as refunds).
    public var refunded: Int64 = 0
    public var ignored = 0
    public var inReview = 0
}

/// A credit waiting for the accountant, with the engine's reason and suggestions.
public struct ReviewItem: Sendable, Hashable, Codable {
    public let bankReference: String
    public let bookingDate: String
    public let amount: Int64
    public let description: String
    public let reason: String
    public let suggestions: [MatchDecision.Suggestion]
    public let held: Bool
}

public enum ReconciliationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownLine(String)
    case ambiguousLine(String)
    case notACredit(String)
    case notADebit(String)
    case unknownStudent(String)
    case creditTooSmall(String, student: String, credit: Money, amount: Money)
    case alreadyMatched(String)
    case notMatched(String)
    case unknownInvoice(String)
    case nothingToAllocate(String)
    case creditAlreadyUsed(String)

    public var description: String {
        switch self {
        case .unknownLine(let r): "no bank line \(r); see `hocphi statements lines`"
        case .ambiguousLine(let r): "several bank lines have the reference \(r); name one by #line_id"
        case .notACredit(let r): "bank line \(r) is money out; only credits pay invoices (a refund: match \(r) --refund STUDENT_CODE)"
        case .notADebit(let r): "bank line \(r) is money in; only money out refunds a family's credit"
        case .unknownStudent(let s): "no pupil \(s)"
        case .creditTooSmall(let r, let s, let credit, let amount):
            "bank line \(r) pays out \(amount.formatted) but \(s)'s family holds only \(credit.formatted) of credit"
        case .alreadyMatched(let r): "bank line \(r) is already matched; `unmatch` it first"
        case .notMatched(let r): "bank line \(r) has no allocation to undo"
        case .unknownInvoice(let n): "no invoice \(n)"
        case .nothingToAllocate(let n): "invoice \(n) is void"
        case .creditAlreadyUsed(let r): "the over-payment of bank line \(r) has already paid a later invoice; undoing it would leave the family owing a negative credit, so unmatch is refused"
        }
    }
}

extension Ledger {
    /// The bank lines that pass `keep`, streamed from the store: the accountant's commands need one line, the
    /// review queue the undecided ones — never a district's whole statement history in memory.
    func statementLines(where keep: (StoredStatementLine) -> Bool) throws -> [StoredStatementLine] {
        var lines: [StoredStatementLine] = []
        try store.forEachStatementLine { if keep($0) { lines.append($0) } }
        return lines
    }

    /// How many lines a run reads, decides and writes at a time: enough to amortise each batch, few enough
    /// that a batch's journal records stay a few MB.
    static var reconcileChunk: Int { 4_096 }

    /// Matches every unmatched credit it can decide, in booking order. Running it again changes nothing:
    /// decided lines are skipped and undecided ones get the same decision.
    ///
    /// The run is one transaction that streams: the book is a compact index of every invoice and pupil, the
    /// lines waiting for a decision are read a chunk at a time, and each chunk's decisions are written before
    /// the next is read — so a million lines against a million invoices need neither the lines nor the
    /// invoices' fee lines in memory, and a failure anywhere still leaves the ledger as it was.
    /// - Parameter progress: called with (lines decided, lines waiting) after each chunk, for a progress display
    ///   on a terminal (a district's run takes a minute).
    public func reconcile(progress: ((Int, Int) -> Void)? = nil) throws -> ReconcileSummary {
        _ = try requireSchool()
        // The head is taken before anything is read, so a command that commits meanwhile makes ours a conflict
        // instead of a decision on stale state.
        let start = try begin()
        var summary = ReconcileSummary()
        try store.reconcileInTransaction(base: start.base) { session in
            var book = try ReconciliationBook.load(from: session)
            let ids = try session.undecidedLineIDs()
            var changes = start
            var index = ids.startIndex
            while index < ids.endIndex {
                let chunk = ids[index..<min(index + Self.reconcileChunk, ids.endIndex)]
                index = chunk.endIndex
                for stored in try session.statementLines(chunk) where stored.status == .unmatched && !stored.held {
                    try decide(stored, book: &book, into: &changes, summary: &summary)
                }
                if !changes.isEmpty {
                    try session.apply(changes)
                    changes = changes.continued()
                }
                progress?(index - ids.startIndex, ids.count)
            }
            // Every invoice paid by this run, once, in serial order: the invoice table is written front to back.
            let paid = book.takeChangedSlots()
            for first in stride(from: 0, to: paid.count, by: Self.reconcileChunk) {
                for slot in paid[first..<min(first + Self.reconcileChunk, paid.count)] {
                    let invoice = book.state(of: slot)
                    changes.setPaid(invoice: invoice.number, amountPaid: invoice.amountPaid, status: invoice.status)
                }
                try session.apply(changes)
                changes = changes.continued()
            }
            if changes.base != start.base {
                changes.audit(AuditEvent("reconcile.run", subject: "\(summary.considered) lines",
                                         details: "\(summary.matched) matched, \(summary.ignored) ignored, \(summary.inReview) in review"))
                try session.apply(changes)
            }
        }
        return summary
    }

    private func decide(_ stored: StoredStatementLine, book: inout ReconciliationBook, into changes: inout LedgerChanges,
                        summary: inout ReconcileSummary) throws {
        summary.considered += 1
        switch book.decide(stored.line, suggesting: false) {
        case .ignore(let reason):
            summary.ignored += 1
            changes.setStatus(ofLine: stored.lineID, .ignored)
            changes.audit(AuditEvent("line.ignored", subject: stored.reference, details: reason))
        case .review:
            summary.inReview += 1
        case .allocate(let shares, let method, let reason):
            try post(shares, for: stored, method: method, reason: reason, book: &book, into: &changes)
            summary.matched += 1
            summary.matchedByMethod[method, default: 0] += 1
            let toFamily = shares.filter { $0.invoiceNumber == nil }.reduce(0) { $0 + $1.amount.dong }
            summary.allocated += shares.filter { $0.invoiceNumber != nil }.reduce(0) { $0 + $1.amount.dong }
            if method == "refund" { summary.refunded += toFamily } else { summary.familyCredit += toFamily }
        }
    }

    /// The bank lines reconciliation could not decide (credits, and refunds it could not tie to one family), oldest first.
    public func reviewQueue() throws -> [ReviewItem] {
        _ = try requireSchool()
        // The book and the lines are separate reads: if a command commits between them (a run paying the
        // invoices the queue is about), the queue is read again, so it never mixes two states of the ledger.
        for _ in 0..<3 {
            let head = try store.head()
            let items = try reviewItems()
            if try store.head() == head { return items }
        }
        throw StoreConflict(expected: try store.head(), found: try store.head())
    }

    private func reviewItems() throws -> [ReviewItem] {
        let book = try ReconciliationBook.load(from: store)
        // Undecided money out is here too: a refund the rules could not tie to one family's credit.
        return try statementLines { $0.status == .unmatched }.map { stored in
            let decision = stored.held ? .review(reason: "held by the accountant (unmatched)", suggestions: []) : book.decide(stored.line)
            let (reason, suggestions): (String, [MatchDecision.Suggestion]) = switch decision {
            case .review(let reason, let suggestions): (reason, suggestions)
            case .allocate(_, let method, let reason): ("would match by \(method) on the next `reconcile`: \(reason)", [])
            case .ignore(let reason): ("would be ignored: \(reason)", [])
            }
            return ReviewItem(bankReference: stored.reference, bookingDate: stored.line.bookingDate.description,
                              amount: stored.line.amount.dong, description: stored.line.description, reason: reason,
                              suggestions: suggestions, held: stored.held)
        }
    }

    /// The accountant's decision: this money out pays back `student`'s family credit (a refund the rules could
    /// not decide, or one the accountant undid). Refused when the family holds less credit than the line.
    public func matchRefund(reference: String, student: String, reason: String) throws {
        _ = try requireSchool()
        var changes = try begin()
        var book = try ReconciliationBook.load(from: store)
        let stored = try line(reference)
        guard stored.line.direction == .debit else { throw ReconciliationError.notADebit(reference) }
        guard stored.status == .unmatched || stored.status == .ignored else { throw ReconciliationError.alreadyMatched(reference) }
        guard let code = StudentCode(student), book.hasStudent(code) else { throw ReconciliationError.unknownStudent(student) }
        guard book.canRefund(stored.line.amount, to: code) else {
            throw ReconciliationError.creditTooSmall(reference, student: student, credit: Money(dong: book.familyCredit(of: code)),
                                                     amount: stored.line.amount)
        }
        try post([.init(invoiceNumber: nil, studentCode: code, amount: stored.line.amount)], for: stored, method: "refund",
                 reason: "by \(actor): \(reason)", book: &book, into: &changes)
        changes.audit(AuditEvent("line.matched", subject: stored.reference, details: "refund of \(student)'s credit: \(reason)"))
        try store.commit(changes)
    }

    /// The accountant's decision: this credit pays these invoices (in the order given; any surplus becomes the
    /// first pupil's family credit).
    public func match(reference: String, invoiceNumbers: [String], reason: String) throws {
        _ = try requireSchool()
        var changes = try begin()
        var book = try ReconciliationBook.load(from: store)
        let stored = try line(reference)
        guard stored.line.direction == .credit else { throw ReconciliationError.notACredit(reference) }
        guard stored.status == .unmatched || stored.status == .ignored else { throw ReconciliationError.alreadyMatched(reference) }
        var left = stored.line.amount
        var shares: [MatchDecision.Share] = []
        // Each invoice once, in the order first named: naming one twice must not pay it twice.
        var named = Set<String>()
        for number in invoiceNumbers where named.insert(number).inserted {
            guard let invoice = book.invoice(number) else { throw ReconciliationError.unknownInvoice(number) }
            guard !invoice.isVoid else { throw ReconciliationError.nothingToAllocate(number) }
            let part = min(left, invoice.remaining)
            if part.isPositive {
                shares.append(.init(invoiceNumber: number, studentCode: invoice.studentCode, amount: part, slot: invoice.slot))
                left = Money(dong: left.dong - part.dong)
            }
        }
        if left.isPositive, let first = invoiceNumbers.first, let invoice = book.invoice(first) {
            shares.append(.init(invoiceNumber: nil, studentCode: invoice.studentCode, amount: left))
        }
        try post(shares, for: stored, method: "manual", reason: "by \(actor): \(reason)", book: &book, into: &changes)
        writePayments(from: &book, into: &changes)
        changes.audit(AuditEvent("line.matched", subject: stored.reference,
                                 details: "\(invoiceNumbers.joined(separator: ", ")): \(reason)"))
        try store.commit(changes)
    }

    /// Undoes every allocation of a line with reversing entries, and holds the line for the accountant.
    public func unmatch(reference: String, reason: String) throws {
        _ = try requireSchool()
        var changes = try begin()
        var book = try ReconciliationBook.load(from: store)
        let stored = try line(reference)
        let active = try store.allocations().filter { $0.lineID == stored.lineID && $0.isActive }
        guard !active.isEmpty else { throw ReconciliationError.notMatched(reference) }
        // A surplus kept as the family's credit may since have paid a newer invoice: reversing it then would
        // take back money the ledger has already spent, so refuse before writing anything.
        let balances = try store.creditBalances(root: "3383")
        for allocation in active where allocation.invoiceNumber == nil && allocation.method != "refund" {
            if (balances[AccountCode.parentCredit(allocation.studentCode).value] ?? 0) < allocation.amount.dong {
                throw ReconciliationError.creditAlreadyUsed(reference)
            }
        }
        var journal: [Int64: JournalRecord] = [:]
        let wanted = Set(active.map(\.journalSequence))
        try store.forEachJournalRecord { if wanted.contains($0.sequence) { journal[$0.sequence] = $0 } }
        for sequence in wanted.sorted() {
            guard let record = journal[sequence] else { continue }
            let postings = record.lines.map { Posting($0.side == "D" ? .credit : .debit, AccountCode(raw: $0.account), Money(dong: $0.amount)) }
            let reversal = try JournalEntry(kind: .reversal, reference: record.reference,
                                            memo: "Hủy phân bổ \(record.reference) (\(actor): \(reason))", postings: postings,
                                            reverses: sequence, period: YearMonth(record.period))
            changes.reverseAllocations(postedBy: sequence, reversedBy: changes.record(reversal))
        }
        for allocation in active {
            if let number = allocation.invoiceNumber { _ = book.reverse(allocation.amount, onInvoice: number) }
        }
        writePayments(from: &book, into: &changes)
        changes.setStatus(ofLine: stored.lineID, .unmatched, held: true)
        changes.audit(AuditEvent("line.unmatched", subject: stored.reference, details: reason))
        // A receipt says the invoice is paid; once its payment is undone it no longer stands. It is cancelled
        // (kept on file, number never reused) in the same batch, so the ledger never shows both.
        let undone = Set(active.compactMap(\.invoiceNumber).filter { book.invoice($0).map { !$0.isSettled } ?? false })
        for receipt in try store.receipts() where receipt.status == .issued && undone.contains(receipt.receipt.invoiceNumber) {
            let why = "thanh toán \(stored.reference) bị huỷ phân bổ: \(reason)"
            changes.cancel(ReceiptCancellation(number: receipt.receipt.number, reason: why, actor: actor, at: changes.recordedAt))
            changes.audit(AuditEvent("receipt.cancelled", subject: receipt.receipt.number.description,
                                     details: "invoice \(receipt.receipt.invoiceNumber): \(why)"))
        }
        try store.commit(changes)
    }

    private func line(_ reference: String) throws -> StoredStatementLine {
        let id = reference.hasPrefix("#") ? Int64(reference.dropFirst()) : nil
        let lines = try statementLines { $0.lineID == id || $0.line.bankReference == reference }
        if let id, let found = lines.first(where: { $0.lineID == id }) { return found }
        let found = lines.filter { $0.line.bankReference == reference }
        guard let first = found.first else { throw ReconciliationError.unknownLine(reference) }
        guard found.count == 1 else { throw ReconciliationError.ambiguousLine(reference) }
        return first
    }

    /// The new amount paid and status of every invoice the book changed since the last call.
    private func writePayments(from book: inout ReconciliationBook, into changes: inout LedgerChanges) {
        for slot in book.takeChangedSlots() {
            let invoice = book.state(of: slot)
            changes.setPaid(invoice: invoice.number, amountPaid: invoice.amountPaid, status: invoice.status)
        }
    }

    /// A refund: the family's credit (3383) debited, the bank (112) credited, one allocation per family.
    private func postRefund(_ shares: [MatchDecision.Share], for stored: StoredStatementLine, reason: String,
                            book: inout ReconciliationBook, into changes: inout LedgerChanges) throws {
        let total = try Money.sum(shares.map(\.amount))
        let entry = try JournalEntry(kind: .refundPaid, reference: stored.reference,
                                     memo: "Hoàn tiền \(stored.reference) ngày \(stored.line.bookingDate): \(reason)",
                                     postings: shares.map { .debit(.parentCredit($0.studentCode), $0.amount) } + [.credit(.bank, total)],
                                     period: YearMonth(stored.line.bookingDate))
        let sequence = changes.record(entry)
        for share in shares {
            changes.add(Allocation(lineID: stored.lineID, bankReference: stored.reference, bookingDate: stored.line.bookingDate,
                                   lineAmount: stored.line.amount, invoiceNumber: nil, studentCode: share.studentCode,
                                   amount: share.amount, method: "refund", reason: reason, journalSequence: sequence))
        }
        try book.apply(shares, refund: true)
        changes.setStatus(ofLine: stored.lineID, total == stored.line.amount ? .matched : .partlyMatched)
    }

    /// One balanced entry per line: bank (112) debited with what is allocated, each pupil's receivable (131)
    /// credited with its share, any surplus credited to the family (3383).
    private func post(_ shares: [MatchDecision.Share], for stored: StoredStatementLine, method: String, reason: String,
                      book: inout ReconciliationBook, into changes: inout LedgerChanges) throws {
        let total = try Money.sum(shares.map(\.amount))
        guard total.isPositive else { return }
        if stored.line.direction == .debit {
            try postRefund(shares, for: stored, reason: reason, book: &book, into: &changes)
            return
        }
        var credits: [Posting] = []
        for share in shares {
            let account = share.invoiceNumber == nil ? AccountCode.parentCredit(share.studentCode) : AccountCode.receivable(share.studentCode)
            credits.append(.credit(account, share.amount))
        }
        let entry = try JournalEntry(kind: .paymentAllocated, reference: stored.reference,
                                     memo: "Thu tiền \(stored.reference) ngày \(stored.line.bookingDate): \(reason)",
                                     postings: [.debit(.bank, total)] + credits, period: YearMonth(stored.line.bookingDate))
        let sequence = changes.record(entry)
        for share in shares {
            changes.add(Allocation(lineID: stored.lineID, bankReference: stored.reference, bookingDate: stored.line.bookingDate,
                                   lineAmount: stored.line.amount, invoiceNumber: share.invoiceNumber,
                                   studentCode: share.studentCode, amount: share.amount, method: method, reason: reason,
                                   journalSequence: sequence))
        }
        // The invoices' new amounts paid are written by the caller, once per invoice (`writePayments`).
        try book.apply(shares)
        book.learn(payerAccount: method == "name+amount" ? nil : stored.line.counterpartyAccount, student: shares[0].studentCode)
        changes.setStatus(ofLine: stored.lineID, total == stored.line.amount ? .matched : .partlyMatched)
    }
}
