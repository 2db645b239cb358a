/// Re-checks every invariant of a stored ledger from the raw records, trusting nothing that was stored:
/// the journal's hash chain and balance, the audit log's chain, and that each invoice equals its lines, its
/// billing entry and its payments. It stops at nothing: it reports the first problem of each kind it finds.
public struct LedgerVerifier: Sendable {
    public struct Report: Sendable, Hashable, Codable {
        public var journalEntries = 0
        public var auditRecords = 0
        public var invoices = 0
        public var receipts = 0
        public var journalHead = HashChain.genesis
        public var totalDebits: Int64 = 0
        public var totalCredits: Int64 = 0
        /// The problems found, the first broken record first.
        public var problems: [String] = []
        public var isOK: Bool { problems.isEmpty }
    }

    public private(set) var report = Report()
    let chart: ChartOfAccounts
    private var expectedJournalSequence: Int64 = 1
    private var previousJournalHash = HashChain.genesis
    private var expectedAuditSequence: Int64 = 1
    private var previousAuditHash = HashChain.genesis
    private var billingByInvoice: [String: (sequence: Int64, lines: [JournalRecord.Line])] = [:]
    private var paymentEntries: [Int64: [JournalRecord.Line]] = [:]
    /// Payment entries that are refunds: their allocations are the family-credit debits, not credits.
    private var refundEntries: Set<Int64> = []
    private var reversedEntries: [Int64: Int64] = [:]
    private var paidByInvoice: [String: Int64] = [:]
    /// Invoice number → (entry sequence, amount) of each credit applied to it.
    private var creditApplications: [String: [(sequence: Int64, amount: Int64)]] = [:]
    private var chainBroken = false
    /// Receipt number → the content digest its `receipt.issued` audit record anchors ("" for receipts issued
    /// before digests were recorded).
    private var issuedReceipts: [String: String] = [:]
    /// Month closes, in order, to check that nothing recorded after a close counts in the closed month.
    private var closes: [PeriodClose] = []

    /// Gives the month closes to check the journal against; call before the journal is streamed.
    public mutating func expect(closes: [PeriodClose]) { self.closes = closes.sorted { $0.journalSequence < $1.journalSequence } }

    public init(chart: ChartOfAccounts) { self.chart = chart }

    mutating func fail(_ problem: String) {
        if report.problems.count < 20 { report.problems.append(problem) }
    }

    public mutating func check(_ record: JournalRecord) {
        report.journalEntries += 1
        let at = "journal entry \(record.sequence) (\(record.reference))"
        if !record.period.isEmpty && YearMonth(record.period) == nil { fail("\(at): period \"\(record.period)\" is not a month") }
        for close in closes {
            if close.journalSequence == record.sequence && close.journalHash != record.hash {
                fail("month \(close.period) was closed on journal entry \(record.sequence) with another hash: the journal before it changed")
            }
            if close.journalSequence < record.sequence && record.period <= close.period.description {
                fail("\(at): recorded after \(close.period) was closed but counts in \(record.period.isEmpty ? "no month" : record.period)")
            }
        }
        if !chainBroken {
            if record.sequence != expectedJournalSequence {
                fail("\(at): expected sequence \(expectedJournalSequence); an entry is missing or out of order"); chainBroken = true
            } else if record.previousHash != previousJournalHash {
                fail("\(at): does not link to the entry before it (previous hash changed)"); chainBroken = true
            } else if record.computedHash != record.hash {
                fail("\(at): content does not match its hash; the stored entry was altered"); chainBroken = true
            }
        }
        expectedJournalSequence = record.sequence + 1
        previousJournalHash = record.hash
        report.journalHead = record.hash
        var debits: Int64 = 0, credits: Int64 = 0
        for line in record.lines {
            if line.amount <= 0 { fail("\(at): posting to \(line.account) has non-positive amount \(line.amount)") }
            if chart.account(AccountCode(raw: line.account)) == nil { fail("\(at): account \(line.account) is not in the chart of accounts") }
            switch line.side {
            case "D": debits = debits &+ line.amount
            case "C": credits = credits &+ line.amount
            default: fail("\(at): side \"\(line.side)\" is neither D nor C")
            }
        }
        if record.lines.isEmpty { fail("\(at): has no postings") }
        if debits != credits { fail("\(at): debits \(debits) ≠ credits \(credits)") }
        report.totalDebits = report.totalDebits &+ debits
        report.totalCredits = report.totalCredits &+ credits
        if record.kind == EntryKind.invoiceIssued.rawValue {
            billingByInvoice[record.reference] = (record.sequence, record.lines)
        } else if record.kind == EntryKind.paymentAllocated.rawValue || record.kind == EntryKind.refundPaid.rawValue {
            paymentEntries[record.sequence] = record.lines
            if record.kind == EntryKind.refundPaid.rawValue { refundEntries.insert(record.sequence) }
        } else if record.kind == EntryKind.creditApplied.rawValue {
            let amount = record.lines.filter { $0.side == "C" && $0.account.hasPrefix("131.") }.reduce(Int64(0)) { $0 &+ $1.amount }
            creditApplications[record.reference, default: []].append((record.sequence, amount))
        }
        if let reversed = record.reverses { reversedEntries[reversed] = record.sequence }
    }

    public mutating func check(_ record: AuditRecord) {
        report.auditRecords += 1
        if record.action == "receipt.issued" { issuedReceipts[record.subject] = ReceiptAnchor.digest(in: record.details) ?? "" }
        let at = "audit record \(record.sequence) (\(record.action) \(record.subject))"
        if record.sequence != expectedAuditSequence { fail("\(at): expected sequence \(expectedAuditSequence)") }
        else if record.previousHash != previousAuditHash { fail("\(at): does not link to the record before it") }
        else if record.computedHash != record.hash { fail("\(at): content does not match its hash; the record was altered") }
        expectedAuditSequence = record.sequence + 1
        previousAuditHash = record.hash
    }

    /// Checks the allocations against the journal entries that posted them: each payment entry credits exactly
    /// the allocations recorded for it, and an allocation is undone exactly when its entry was reversed.
    public mutating func check(allocations: [Allocation]) {
        var byEntry: [Int64: [String: Int64]] = [:]
        for allocation in allocations {
            let account = allocation.invoiceNumber == nil
                ? AccountCode.parentCredit(allocation.studentCode) : AccountCode.receivable(allocation.studentCode)
            byEntry[allocation.journalSequence, default: [:]][account.value, default: 0] &+= allocation.amount.dong
            if allocation.reversedBy != reversedEntries[allocation.journalSequence] {
                fail("allocation of \(allocation.bankReference) to \(allocation.invoiceNumber ?? "family credit"): reversal state differs from the journal")
            }
            if allocation.isActive, let invoice = allocation.invoiceNumber {
                paidByInvoice[invoice, default: 0] &+= allocation.amount.dong
            }
        }
        for (sequence, expected) in byEntry.sorted(by: { $0.key < $1.key }) {
            guard let lines = paymentEntries[sequence] else {
                fail("journal entry \(sequence): allocations point to it but it is not a payment entry"); continue
            }
            // A payment credits what its allocations say; a refund debits the families' credit by as much.
            let side = refundEntries.contains(sequence) ? "D" : "C"
            var posted: [String: Int64] = [:]
            for line in lines where line.side == side { posted[line.account, default: 0] &+= line.amount }
            if posted != expected { fail("journal entry \(sequence): its \(side == "C" ? "credits" : "debits") differ from the allocations recorded for it") }
        }
        for sequence in paymentEntries.keys.sorted() where byEntry[sequence] == nil {
            fail("journal entry \(sequence): a payment entry with no allocation recorded")
        }
    }

    /// Checks each invoice against its own lines and against the journal entry that billed it.
    public mutating func check(_ invoice: Invoice) {
        report.invoices += 1
        let at = "invoice \(invoice.number)"
        let lineTotal = invoice.lines.reduce(Int64(0)) { $0 &+ $1.amount.dong }
        if lineTotal != invoice.amountDue.dong {
            fail("\(at): amount due \(invoice.amountDue) ≠ sum of its lines \(lineTotal)")
        }
        guard let billing = billingByInvoice[invoice.number] else {
            fail("\(at): no journal entry billed it"); return
        }
        if billing.sequence != invoice.journalSequence {
            fail("\(at): points to journal entry \(invoice.journalSequence) but was billed by \(billing.sequence)")
        }
        var expected: [String: Int64] = [AccountCode.receivable(invoice.studentCode).value + "|D": invoice.amountDue.dong]
        for line in invoice.lines {
            expected[AccountCode.fee(line.feeCode, account: line.account).value + "|C", default: 0] += line.amount.dong
        }
        var billed: [String: Int64] = [:]
        for line in billing.lines { billed[line.account + "|" + line.side, default: 0] &+= line.amount }
        if billed != expected {
            fail("\(at): its amounts or lines differ from journal entry \(billing.sequence) that billed it")
        }
        let credited = (creditApplications[invoice.number] ?? []).filter { reversedEntries[$0.sequence] == nil }
            .reduce(Int64(0)) { $0 &+ $1.amount }
        let allocated = (paidByInvoice[invoice.number] ?? 0) &+ credited
        if invoice.amountPaid.dong != allocated {
            fail("\(at): amount paid \(invoice.amountPaid) but its allocations in the journal add up to \(allocated)")
        }
    }
}

extension LedgerVerifier {
    /// After the journal: a close that saw entries the journal no longer has means its tail was cut off.
    public mutating func checkClosesReachJournalEnd() {
        for close in closes where close.journalSequence > Int64(report.journalEntries) {
            fail("month \(close.period) was closed on journal entry \(close.journalSequence), but the journal ends at \(report.journalEntries): entries were removed")
        }
    }

    /// Checks every receipt: its signature under the school's key, its content against the digest its issue
    /// record anchored in the audit chain, and numbers that run without gaps in each series.
    public mutating func check(receipts: [SignedReceipt], key: SigningKey?) {
        guard !receipts.isEmpty else { return }
        guard let key else { fail("receipts exist but the ledger has no signing key"); return }
        report.receipts = receipts.count
        let verifier = ReceiptVerifier(publicKey: key.publicKey)
        var last: [String: Int64] = [:]
        for signed in receipts.sorted(by: { $0.receipt.number < $1.receipt.number }) {
            let number = signed.receipt.number
            let at = "receipt \(number)"
            if !verifier.isValid(signed) { fail("\(at): its content does not match its signature (altered)") }
            switch issuedReceipts[number.description] {
            case nil: fail("\(at): no receipt.issued record in the audit log")
            case let anchored? where !anchored.isEmpty && anchored != signed.receipt.contentDigest:
                fail("\(at): its content differs from what the audit log recorded when it was issued (altered and re-signed)")
            default: break
            }
            let expected = (last[number.series] ?? 0) + 1
            if number.number != expected { fail("\(at): expected number \(expected) in series \(number.series); numbers must run without gaps") }
            last[number.series] = number.number
        }
    }
}

extension Ledger {
    /// `ledger verify`: every invariant, from the stored records.
    public func verify() throws -> LedgerVerifier.Report {
        var verifier = LedgerVerifier(chart: chart)
        verifier.expect(closes: try store.periodCloses())
        try store.forEachJournalRecord { verifier.check($0) }
        verifier.checkClosesReachJournalEnd()
        try store.forEachAuditRecord { verifier.check($0) }
        verifier.check(allocations: try store.allocations())
        for invoice in try store.invoices() { verifier.check(invoice) }
        verifier.check(receipts: try store.receipts(), key: try store.signingKey())
        return verifier.report
    }
}
