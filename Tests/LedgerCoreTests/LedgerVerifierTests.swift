import Testing
@testable import LedgerCore

@Suite("LedgerVerifier")
struct LedgerVerifierTests {
    typealias Line = JournalRecord.Line

    /// One billed pupil: code, fee lines (code, account, amount).
    struct Bill {
        let student: String
        let fees: [(String, FeeAccount, Int64)]
    }

    static let bills = [
        Bill(student: "HS001", fees: [("TIENAN", .serviceRevenue, 450_000), ("BHYT", .collectedOnBehalf, 884_520)]),
        Bill(student: "HS002", fees: [("TIENAN", .serviceRevenue, 450_000)]),
        Bill(student: "HS003", fees: [("TIENAN", .serviceRevenue, 450_000), ("HOCPHAM", .provisionalFees, 150_000),
                                      ("BHYT", .collectedOnBehalf, 884_520)]),
        Bill(student: "HS004", fees: [("CLB", .serviceRevenue, 100_000)]),
        Bill(student: "HS005", fees: [("TIENAN", .serviceRevenue, 450_000), ("CLB", .serviceRevenue, 100_000)]),
    ]

    /// A valid ledger of five billed invoices, sealed the way the use cases seal them, plus its audit log.
    static func validLedger() -> (journal: [JournalRecord], audit: [AuditRecord], invoices: [Invoice]) {
        var changes = LedgerChanges(base: .empty, at: Fixtures.time("2025-09-01T08:00:00Z"), actor: "ke-toan")
        var invoices: [Invoice] = []
        let period = Fixtures.month("2025-09")
        for bill in bills {
            let code = Fixtures.studentCode(bill.student)
            let lines = bill.fees.map { InvoiceLine(feeCode: Fixtures.feeCode($0.0), feeName: $0.0, amount: Money(dong: $0.2), account: $0.1) }
            let total = Money(dong: bill.fees.reduce(0) { $0 + $1.2 })
            let serial = changes.nextInvoiceSerial()
            let number = Invoice.number(period: period, serial: serial)
            let entry = try! JournalEntry(kind: .invoiceIssued, reference: number, memo: "bill \(bill.student)",
                                          postings: [.debit(.receivable(code), total)]
                                            + lines.map { .credit(.fee($0.feeCode, account: $0.account), $0.amount) })
            let sequence = changes.record(entry)
            invoices.append(Invoice(number: number, serial: serial, studentCode: code, studentName: bill.student,
                                    className: Fixtures.className("1A"), period: period, lines: lines, amountDue: total,
                                    paymentCode: try! PaymentCode(serial: serial, key: Fixtures.key),
                                    issuedAt: changes.recordedAt, journalSequence: sequence))
            changes.audit(AuditEvent("invoice.test", subject: number))
        }
        return (changes.journal, changes.audit, invoices)
    }

    static func verify(_ journal: [JournalRecord], audit: [AuditRecord] = [], invoices: [Invoice] = []) -> LedgerVerifier.Report {
        var verifier = LedgerVerifier(chart: Fixtures.chart)
        journal.forEach { verifier.check($0) }
        audit.forEach { verifier.check($0) }
        invoices.forEach { verifier.check($0) }
        return verifier.report
    }

    /// Rebuilds `record` with an edit, optionally re-sealing its hash (an attacker who knows the scheme).
    static func tampered(_ record: JournalRecord, rehash: Bool, sequence: Int64? = nil, lines: [Line]? = nil,
                         previousHash: String? = nil, memo: String? = nil) -> JournalRecord {
        let unsealed = JournalRecord(sequence: sequence ?? record.sequence, recordedAt: record.recordedAt, kind: record.kind,
                                     reference: record.reference, memo: memo ?? record.memo, actor: record.actor,
                                     reverses: record.reverses, lines: lines ?? record.lines,
                                     previousHash: previousHash ?? record.previousHash, hash: record.hash)
        return rehash ? unsealed.withHash(unsealed.computedHash) : unsealed
    }

    /// Re-seals every record from the first onward so the chain links again.
    static func resealed(_ records: [JournalRecord]) -> [JournalRecord] {
        var previous = HashChain.genesis
        return records.map { record in
            let new = tampered(record, rehash: true, previousHash: previous)
            previous = new.hash
            return new
        }
    }

    @Test func validLedgerIsOK() {
        let (journal, audit, invoices) = Self.validLedger()
        let report = Self.verify(journal, audit: audit, invoices: invoices)
        #expect(report.isOK, "\(report.problems)")
        #expect(report.journalEntries == 5 && report.auditRecords == 5 && report.invoices == 5)
        // 1,334,520 + 450,000 + 1,484,520 + 100,000 + 550,000, summed by hand.
        #expect(report.totalDebits == 3_919_040)
        #expect(report.totalCredits == 3_919_040)
        #expect(report.journalHead == journal.last!.hash)
    }

    @Test func emptyLedgerIsOK() {
        let report = Self.verify([])
        #expect(report.isOK && report.journalEntries == 0 && report.journalHead == HashChain.genesis)
    }

    @Test func alteredAmountIsNamedBySequence() {
        var (journal, _, _) = Self.validLedger()
        var lines = journal[2].lines
        lines[1] = Line(account: lines[1].account, side: lines[1].side, amount: lines[1].amount + 1)
        lines[0] = Line(account: lines[0].account, side: lines[0].side, amount: lines[0].amount + 1) // still balanced
        journal[2] = Self.tampered(journal[2], rehash: false, lines: lines)
        let report = Self.verify(journal)
        #expect(!report.isOK)
        #expect(report.problems.first == "journal entry 3 (TB2509-000003): content does not match its hash; the stored entry was altered")
    }

    @Test func alteredMemoIsNamedBySequence() {
        var (journal, _, _) = Self.validLedger()
        journal[4] = Self.tampered(journal[4], rehash: false, memo: "bill HS999")
        #expect(Self.verify(journal).problems.first?.hasPrefix("journal entry 5 (TB2509-000005): content does not match") == true)
    }

    @Test func droppedRecordIsNamed() {
        var (journal, _, _) = Self.validLedger()
        journal.remove(at: 2)
        let problems = Self.verify(journal).problems
        #expect(problems.first == "journal entry 4 (TB2509-000004): expected sequence 3; an entry is missing or out of order")
    }

    @Test func droppedFirstRecordIsNamed() {
        var (journal, _, _) = Self.validLedger()
        journal.removeFirst()
        #expect(Self.verify(journal).problems.first?.hasPrefix("journal entry 2 (TB2509-000002): expected sequence 1") == true)
    }

    @Test func reorderedRecordsAreNamed() {
        var (journal, _, _) = Self.validLedger()
        journal.swapAt(2, 3)
        #expect(Self.verify(journal).problems.first?.hasPrefix("journal entry 4 (TB2509-000004): expected sequence 3") == true)
    }

    @Test func renumberedRecordIsNamed() {
        var (journal, _, _) = Self.validLedger()
        journal[1] = Self.tampered(journal[1], rehash: true, sequence: 3)
        #expect(Self.verify(journal).problems.first?.hasPrefix("journal entry 3 (TB2509-000002): expected sequence 2") == true)
    }

    @Test func wrongPreviousHashIsNamed() {
        var (journal, _, _) = Self.validLedger()
        journal[2] = Self.tampered(journal[2], rehash: true, previousHash: String(repeating: "f", count: 64))
        #expect(Self.verify(journal).problems.first
                == "journal entry 3 (TB2509-000003): does not link to the entry before it (previous hash changed)")
    }

    @Test func rehashedEditBreaksTheLinkFromTheNextRecord() {
        var (journal, _, _) = Self.validLedger()
        journal[1] = Self.tampered(journal[1], rehash: true, memo: "rewritten")
        #expect(Self.verify(journal).problems.first?.hasPrefix("journal entry 3 (TB2509-000003): does not link") == true)
    }

    @Test func rewritingTheWholeTailChangesTheHead() {
        let (original, _, _) = Self.validLedger()
        var journal = original
        journal[1] = Self.tampered(journal[1], rehash: false, memo: "rewritten")
        let rewritten = Self.resealed(journal)
        let report = Self.verify(rewritten)
        #expect(report.isOK)
        #expect(report.journalHead != original.last!.hash)
    }

    @Test func unbalancedLinesWithRecomputedHashAreNamed() {
        var (journal, _, _) = Self.validLedger()
        var lines = journal[1].lines
        lines[1] = Line(account: lines[1].account, side: "C", amount: 400_000)
        journal = Self.resealed(Array(journal[..<1]) + [Self.tampered(journal[1], rehash: true, lines: lines)] + journal[2...])
        let report = Self.verify(journal)
        #expect(report.problems == ["journal entry 2 (TB2509-000002): debits 450000 ≠ credits 400000"])
        #expect(report.totalDebits - report.totalCredits == 50_000)
    }

    @Test func unknownAccountIsNamed() {
        var (journal, _, _) = Self.validLedger()
        var lines = journal[3].lines
        lines[1] = Line(account: "999.CLB", side: "C", amount: lines[1].amount)
        journal[3] = Self.tampered(journal[3], rehash: true, lines: lines)
        let problems = Self.verify(journal).problems
        #expect(problems.first == "journal entry 4 (TB2509-000004): account 999.CLB is not in the chart of accounts")
        // The re-sealed record 4 no longer links to record 5.
        #expect(problems.count == 2 && problems[1].hasPrefix("journal entry 5 (TB2509-000005): does not link"))
    }

    @Test func otherBadLinesAreNamed() {
        let (journal, _, _) = Self.validLedger()
        let cases: [([Line], String)] = [
            ([Line(account: "131.HS002", side: "D", amount: 0), Line(account: "531.TIENAN", side: "C", amount: 0)],
             "journal entry 2 (TB2509-000002): posting to 131.HS002 has non-positive amount 0"),
            ([Line(account: "131.HS002", side: "X", amount: 5), Line(account: "531.TIENAN", side: "C", amount: 5)],
             "journal entry 2 (TB2509-000002): side \"X\" is neither D nor C"),
            ([], "journal entry 2 (TB2509-000002): has no postings"),
        ]
        for (lines, expected) in cases {
            let edited = Self.resealed(Array(journal[..<1]) + [Self.tampered(journal[1], rehash: true, lines: lines)] + journal[2...])
            #expect(Self.verify(edited).problems.first == expected)
        }
    }

    @Test func tamperedAuditRecordIsNamed() {
        let (journal, audit, invoices) = Self.validLedger()
        var edited = audit
        let r = audit[1]
        edited[1] = AuditRecord(sequence: r.sequence, recordedAt: r.recordedAt, actor: r.actor, action: r.action, subject: r.subject,
                                details: "changed", previousHash: r.previousHash, hash: r.hash)
        let problems = Self.verify(journal, audit: edited, invoices: invoices).problems
        #expect(problems == ["audit record 2 (invoice.test TB2509-000002): content does not match its hash; the record was altered"])

        var dropped = audit
        dropped.remove(at: 0)
        #expect(Self.verify(journal, audit: dropped).problems.first == "audit record 2 (invoice.test TB2509-000002): expected sequence 1")
    }

    // MARK: invoices

    static func replacing(_ invoice: Invoice, number: String? = nil, lines: [InvoiceLine]? = nil, amountDue: Money? = nil,
                          amountPaid: Money? = nil, journalSequence: Int64? = nil) -> Invoice {
        Invoice(number: number ?? invoice.number, serial: invoice.serial, studentCode: invoice.studentCode,
                studentName: invoice.studentName, className: invoice.className, period: invoice.period,
                lines: lines ?? invoice.lines, amountDue: amountDue ?? invoice.amountDue, amountPaid: amountPaid ?? invoice.amountPaid,
                paymentCode: invoice.paymentCode, issuedAt: invoice.issuedAt, journalSequence: journalSequence ?? invoice.journalSequence)
    }

    @Test func invoiceWhoseAmountDueIsNotItsLinesIsNamed() {
        var (journal, audit, invoices) = Self.validLedger()
        invoices[1] = Self.replacing(invoices[1], amountDue: Money(dong: 450_001))
        let problems = Self.verify(journal, audit: audit, invoices: invoices).problems
        #expect(problems.first == "invoice TB2509-000002: amount due 450001 ≠ sum of its lines 450000")
        // …and it no longer matches what the journal billed either.
        #expect(problems.contains("invoice TB2509-000002: its amounts or lines differ from journal entry 2 that billed it"))
    }

    @Test func invoiceThatDiffersFromItsBillingEntryIsNamed() {
        var (journal, audit, invoices) = Self.validLedger()
        // Self-consistent (due = lines) but not what entry 3 billed.
        let lines = [InvoiceLine(feeCode: Fixtures.feeCode("TIENAN"), feeName: "x", amount: Money(dong: 400_000), account: .serviceRevenue),
                     InvoiceLine(feeCode: Fixtures.feeCode("HOCPHAM"), feeName: "x", amount: Money(dong: 200_000), account: .provisionalFees),
                     InvoiceLine(feeCode: Fixtures.feeCode("BHYT"), feeName: "x", amount: Money(dong: 884_520), account: .collectedOnBehalf)]
        invoices[2] = Self.replacing(invoices[2], lines: lines, amountDue: Money(dong: 1_484_520))
        #expect(Self.verify(journal, audit: audit, invoices: invoices).problems
                == ["invoice TB2509-000003: its amounts or lines differ from journal entry 3 that billed it"])

        // The same amounts credited to another account are a difference too.
        var (_, _, invoices2) = Self.validLedger()
        let moved = invoices2[1].lines.map { InvoiceLine(feeCode: $0.feeCode, feeName: $0.feeName, amount: $0.amount, account: .provisionalFees) }
        invoices2[1] = Self.replacing(invoices2[1], lines: moved)
        #expect(Self.verify(journal, invoices: invoices2).problems
                == ["invoice TB2509-000002: its amounts or lines differ from journal entry 2 that billed it"])
    }

    @Test func invoiceWithoutBillingEntryIsNamed() {
        let (journal, audit, invoices) = Self.validLedger()
        let orphan = Self.replacing(invoices[0], number: "TB2509-000099")
        #expect(Self.verify(journal, audit: audit, invoices: invoices + [orphan]).problems
                == ["invoice TB2509-000099: no journal entry billed it"])
        // An invoice checked against an empty journal.
        #expect(Self.verify([], invoices: [invoices[0]]).problems == ["invoice TB2509-000001: no journal entry billed it"])
    }

    @Test func invoicePointingAtTheWrongEntryIsNamed() {
        var (journal, _, invoices) = Self.validLedger()
        invoices[3] = Self.replacing(invoices[3], journalSequence: 2)
        #expect(Self.verify(journal, invoices: invoices).problems
                == ["invoice TB2509-000004: points to journal entry 2 but was billed by 4"])
    }

    @Test func invoiceWithUnallocatedPaymentIsNamed() {
        var (journal, _, invoices) = Self.validLedger()
        invoices[0] = Self.replacing(invoices[0], amountPaid: Money(dong: 1_000))
        #expect(Self.verify(journal, invoices: invoices).problems
                == ["invoice TB2509-000001: amount paid 1000 but its allocations in the journal add up to 0"])
    }

    @Test func problemsAreCappedAtTwenty() {
        let (journal, _, invoices) = Self.validLedger()
        let orphans = (100..<140).map { Self.replacing(invoices[0], number: "TB2509-000\($0)") }
        let report = Self.verify(journal, invoices: orphans)
        #expect(report.problems.count == 20)
        #expect(report.invoices == 40)
    }
}
