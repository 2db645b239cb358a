import PropertyBased
import Testing
@testable import LedgerCore

@Suite("JournalEntry")
struct JournalEntryTests {
    static let receivable = AccountCode("131", "HS001")
    static let meals = AccountCode("531", "TIENAN")
    static let insurance = AccountCode("3381", "BHYT")

    @Test func balancedEntryIsAccepted() throws {
        let entry = try JournalEntry(kind: .invoiceIssued, reference: "TB2509-000001", memo: "m",
                                     postings: [.debit(Self.receivable, Money(dong: 1_334_520)),
                                                .credit(Self.meals, Money(dong: 450_000)),
                                                .credit(Self.insurance, Money(dong: 884_520))])
        #expect(entry.total == Money(dong: 1_334_520))
        #expect(entry.postings.count == 3)
        #expect(entry.reverses == nil)
        #expect(entry.kind.rawValue == "invoice.issued")
    }

    @Test func emptyIsRefused() {
        #expect(throws: JournalError.noPostings(reference: "R1")) {
            try JournalEntry(kind: .invoiceIssued, reference: "R1", memo: "", postings: [])
        }
    }

    @Test func unbalancedIsRefused() {
        #expect(throws: JournalError.unbalanced(reference: "R2", debits: Money(dong: 1_000), credits: Money(dong: 999))) {
            try JournalEntry(kind: .invoiceIssued, reference: "R2", memo: "",
                             postings: [.debit(Self.receivable, Money(dong: 1_000)), .credit(Self.meals, Money(dong: 999))])
        }
        #expect(throws: JournalError.unbalanced(reference: "R3", debits: Money(dong: 500), credits: .zero)) {
            try JournalEntry(kind: .invoiceIssued, reference: "R3", memo: "", postings: [.debit(Self.receivable, Money(dong: 500))])
        }
        #expect(throws: JournalError.unbalanced(reference: "R4", debits: .zero, credits: Money(dong: 500))) {
            try JournalEntry(kind: .invoiceIssued, reference: "R4", memo: "", postings: [.credit(Self.meals, Money(dong: 500))])
        }
    }

    @Test func zeroAndNegativeAmountsAreRefused() {
        #expect(throws: JournalError.nonPositiveAmount(reference: "R5", .zero)) {
            try JournalEntry(kind: .invoiceIssued, reference: "R5", memo: "",
                             postings: [.debit(Self.receivable, .zero), .credit(Self.meals, .zero)])
        }
        // A negative debit and a negative credit would "balance"; they are refused all the same.
        #expect(throws: JournalError.nonPositiveAmount(reference: "R6", Money(dong: -5))) {
            try JournalEntry(kind: .invoiceIssued, reference: "R6", memo: "",
                             postings: [.debit(Self.receivable, Money(dong: -5)), .credit(Self.meals, Money(dong: -5))])
        }
        #expect(throws: JournalError.nonPositiveAmount(reference: "R7", Money(dong: -100))) {
            try JournalEntry(kind: .invoiceIssued, reference: "R7", memo: "",
                             postings: [.debit(Self.receivable, Money(dong: 100)), .credit(Self.meals, Money(dong: 200)),
                                        .credit(Self.insurance, Money(dong: -100))])
        }
    }

    @Test func overflowIsRefused() {
        #expect(throws: JournalError.overflow(reference: "R8")) {
            try JournalEntry(kind: .invoiceIssued, reference: "R8", memo: "",
                             postings: [.debit(Self.receivable, Money(dong: Int64.max)), .debit(Self.receivable, Money(dong: 1)),
                                        .credit(Self.meals, Money(dong: Int64.max)), .credit(Self.meals, Money(dong: 1))])
        }
        // Int64.max on each side alone is fine.
        #expect(throws: Never.self) {
            try JournalEntry(kind: .invoiceIssued, reference: "R9", memo: "",
                             postings: [.debit(Self.receivable, Money(dong: Int64.max)), .credit(Self.meals, Money(dong: Int64.max))])
        }
    }

    static func postings(debits: [Int64], credits: [Int64]) -> [Posting] {
        debits.enumerated().map { .debit(AccountCode("131", "HS\($0.offset)"), Money(dong: $0.element)) }
            + credits.enumerated().map { .credit(AccountCode("531", "FEE\($0.offset)"), Money(dong: $0.element)) }
    }

    @Test func propertyRandomBalancedPostingsAreAccepted() async {
        let amounts = Gen.int64(in: 1...1_000_000_000).array(of: 1...8)
        await propertyCheck(count: 300, input: amounts, amounts) { debits, credits in
            // Balance the lighter side with one more posting of the difference.
            let d = debits.reduce(0, +), c = credits.reduce(0, +)
            let balancedDebits = d < c ? debits + [c - d] : debits
            let balancedCredits = c < d ? credits + [d - c] : credits
            let postings = Self.postings(debits: balancedDebits, credits: balancedCredits.shuffled())
            let entry = try JournalEntry(kind: .invoiceIssued, reference: "P", memo: "", postings: postings)
            let debitSum = entry.postings.filter { $0.side == .debit }.reduce(Int64(0)) { $0 + $1.amount.dong }
            let creditSum = entry.postings.filter { $0.side == .credit }.reduce(Int64(0)) { $0 + $1.amount.dong }
            #expect(debitSum == creditSum)
            #expect(debitSum == max(d, c))
            #expect(entry.total == Money(dong: max(d, c)))
            #expect(entry.postings == postings)
        }
    }

    @Test func propertyRandomUnbalancedPostingsAreRefused() async {
        let amounts = Gen.int64(in: 1...1_000_000_000).array(of: 1...8)
        await propertyCheck(count: 300, input: amounts, amounts) { debits, credits in
            let d = debits.reduce(0, +), c = credits.reduce(0, +)
            // Make it balanced, then push one credit off by at least one đồng.
            var balancedCredits = c < d ? credits + [d - c] : credits
            let balancedDebits = d < c ? debits + [c - d] : debits
            balancedCredits[0] += 1
            let total = max(d, c)
            #expect(throws: JournalError.unbalanced(reference: "U", debits: Money(dong: total), credits: Money(dong: total + 1))) {
                try JournalEntry(kind: .invoiceIssued, reference: "U", memo: "",
                                 postings: Self.postings(debits: balancedDebits, credits: balancedCredits))
            }
        }
    }

    @Test func reversalSwapsSidesAndBalances() throws {
        let entry = try JournalEntry(kind: .invoiceIssued, reference: "TB2509-000002", memo: "bill",
                                     postings: [.debit(Self.receivable, Money(dong: 600_000)),
                                                .credit(Self.meals, Money(dong: 450_000)),
                                                .credit(Self.insurance, Money(dong: 150_000))])
        let reversal = entry.reversal(ofSequence: 42, memo: "hủy")
        #expect(reversal.kind == .reversal)
        #expect(reversal.reverses == 42)
        #expect(reversal.reference == "TB2509-000002")
        #expect(reversal.memo == "hủy")
        #expect(reversal.postings == [.credit(Self.receivable, Money(dong: 600_000)),
                                      .debit(Self.meals, Money(dong: 450_000)),
                                      .debit(Self.insurance, Money(dong: 150_000))])
        #expect(reversal.total == Money(dong: 600_000))
        // Entry + reversal nets every account to zero.
        var net: [AccountCode: Int64] = [:]
        for posting in entry.postings + reversal.postings {
            net[posting.account, default: 0] += posting.side == .debit ? posting.amount.dong : -posting.amount.dong
        }
        #expect(net.values.allSatisfy { $0 == 0 })
    }

    @Test func accountCodes() {
        #expect(AccountCode("131", "HS001").value == "131.HS001")
        #expect(AccountCode("131", "HS001").root == "131")
        #expect(AccountCode("112").root == "112" && AccountCode("112").value == "112")
        #expect(AccountCode(raw: "3381.BHYT.X").root == "3381")
        #expect(AccountCode.receivable(StudentCode("hs9")!).value == "131.HS9")
        #expect(AccountCode.parentCredit(StudentCode("HS9")!).value == "3383.HS9")
        #expect(AccountCode.fee(FeeCode("BHYT")!, account: .collectedOnBehalf).value == "3381.BHYT")
        #expect(AccountCode.bank.value == "112")
        #expect(Side.debit.rawValue == "D" && Side.credit.rawValue == "C")
    }
}

@Suite("JournalRecord, AuditRecord and the hash chain")
struct JournalRecordTests {
    typealias Line = JournalRecord.Line

    /// The fields of a record, editable one at a time.
    struct Fields {
        var sequence: Int64 = 7
        var recordedAt = "2025-09-01T08:00:00Z"
        var kind = "invoice.issued"
        var reference = "TB2509-000007"
        var memo = "Thông báo thu 2025-09: Nguyễn Văn An, lớp 1A"
        var actor = "ke-toan"
        var reverses: Int64? = nil
        var lines = [Line(account: "131.HS001", side: "D", amount: 1_334_520),
                     Line(account: "531.TIENAN", side: "C", amount: 450_000),
                     Line(account: "3381.BHYT", side: "C", amount: 884_520)]
        var previousHash = String(repeating: "ab", count: 32)

        var record: JournalRecord {
            JournalRecord(sequence: sequence, recordedAt: recordedAt, kind: kind, reference: reference, memo: memo, actor: actor,
                          reverses: reverses, lines: lines, previousHash: previousHash, hash: "")
        }
    }

    static func edited(_ edit: (inout Fields) -> Void) -> JournalRecord {
        var fields = Fields()
        edit(&fields)
        return fields.record
    }

    static func isLowercaseHex64(_ text: String) -> Bool {
        text.utf8.count == 64 && text.allSatisfy { "0123456789abcdef".contains($0) }
    }

    @Test func genesisIs64Zeros() {
        #expect(HashChain.genesis == String(repeating: "0", count: 64))
    }

    /// Independent SHA-256: `printf '%s' "$(printf '0%.0s' {1..64})abc" | sha256sum` (GNU coreutils) printed this digest.
    @Test func linkIsSHA256OfPreviousThenCanonical() {
        #expect(HashChain.link(previous: HashChain.genesis, canonical: Array("abc".utf8))
                == "b64374d04ef9c4f39fddb1e0d6be38a0130f6c057fc0f4ee467ea0e18bc758f1")
    }

    static let sampleEntry = try! JournalEntry(
        kind: .invoiceIssued, reference: "TB2509-000001", memo: "Thông báo thu",
        postings: [.debit(AccountCode("131", "HS001"), Money(dong: 150_000)), .credit(AccountCode("531", "TIENAN"), Money(dong: 150_000))])

    /// The canonical encoding written out by hand from the format `name=<byte count>:<bytes>\n`
    /// ("Thông báo thu" is 13 characters but 15 UTF-8 bytes).
    static let sampleCanonical = """
        hocphi.journal.v1
        sequence=1:1
        recorded_at=20:2025-09-01T08:00:00Z
        kind=14:invoice.issued
        reference=13:TB2509-000001
        memo=15:Thông báo thu
        actor=7:ke-toan
        reverses=0:
        lines=1:2
        account=9:131.HS001
        side=1:D
        amount=6:150000
        account=10:531.TIENAN
        side=1:C
        amount=6:150000
        period=7:2025-09

        """

    @Test func sealedRecordHasTheHandWrittenCanonicalBytesAndAnIndependentlyComputedHash() {
        let record = JournalRecord(sealing: Self.sampleEntry, sequence: 1, at: Fixtures.time("2025-09-01T08:00:00Z"),
                                   actor: "ke-toan", previousHash: HashChain.genesis, period: Fixtures.month("2025-09"))
        #expect(record.canonicalBytes == Array(Self.sampleCanonical.utf8))
        // printf '0…0(64 zeros)hocphi.journal.v1\nsequence=1:1\n…amount=6:150000\nperiod=7:2025-09\n' | sha256sum
        #expect(record.hash == "4da4dc7e0453127cbcb437e6fd337658da5e5b2298e7f6a0a30876676e7fa4d6")
        #expect(record.period == "2025-09")
        // A record sealed before periods existed has no period field, and its hash is unchanged (…\namount=6:150000\n).
        let legacy = JournalRecord(sequence: 1, recordedAt: record.recordedAt, kind: record.kind, reference: record.reference,
                                   memo: record.memo, actor: record.actor, reverses: nil, lines: record.lines,
                                   previousHash: HashChain.genesis, hash: "", period: "")
        #expect(legacy.computedHash == "e8f82e812c5450b0fd9ef5d8a7173ae88d3986839e354ba6e511e91f1291800d")
        #expect(record.computedHash == record.hash)
        #expect(record.lines == [Line(account: "131.HS001", side: "D", amount: 150_000),
                                 Line(account: "531.TIENAN", side: "C", amount: 150_000)])
        #expect(record.recordedAt == "2025-09-01T08:00:00Z")
        #expect(record.kind == "invoice.issued" && record.reference == "TB2509-000001" && record.reverses == nil)
    }

    /// `printf '0…0(64 zeros)hocphi.audit.v1\nsequence=1:1\nrecorded_at=20:2025-09-01T08:00:00Z\nactor=7:ke-toan\n`
    /// `action=14:school.created\nsubject=11:TH Dak Song\ndetails=0:\n' | sha256sum`
    @Test func sealedAuditRecordHashIsIndependentlyComputed() {
        let record = AuditRecord(sealing: AuditEvent("school.created", subject: "TH Dak Song"), sequence: 1,
                                 at: Fixtures.time("2025-09-01T08:00:00Z"), actor: "ke-toan", previousHash: HashChain.genesis)
        #expect(record.hash == "847ac451344a2e67b19d9b3e6559035daec07ccd8d5bee5747c12b2b4d0281ef")
        #expect(record.computedHash == record.hash)
        #expect(record.details == "" && record.recordedAt == "2025-09-01T08:00:00Z")
    }

    @Test func sealingGivesLowercaseHexEqualToComputedHash() {
        for sequence in Int64(1)...20 {
            let record = JournalRecord(sealing: Self.sampleEntry, sequence: sequence, at: Timestamp(secondsSince1970: sequence * 1000),
                                       actor: "a", previousHash: HashChain.genesis, period: Fixtures.month("2025-09"))
            #expect(Self.isLowercaseHex64(record.hash))
            #expect(record.hash == record.computedHash)
        }
    }

    @Test func changingAnySingleFieldChangesTheHash() {
        let variants: [(String, JournalRecord)] = [
            ("base", Self.edited { _ in }),
            ("amount", Self.edited { $0.lines[1] = Line(account: "531.TIENAN", side: "C", amount: 450_001) }),
            ("debit amount", Self.edited { $0.lines[0] = Line(account: "131.HS001", side: "D", amount: 1_334_521) }),
            ("account", Self.edited { $0.lines[1] = Line(account: "531.TIENAN2", side: "C", amount: 450_000) }),
            ("account root", Self.edited { $0.lines[1] = Line(account: "3373.TIENAN", side: "C", amount: 450_000) }),
            ("side", Self.edited { $0.lines[2] = Line(account: "3381.BHYT", side: "D", amount: 884_520) }),
            ("line order", Self.edited { $0.lines.swapAt(1, 2) }),
            ("line dropped", Self.edited { $0.lines.removeLast() }),
            ("line added", Self.edited { $0.lines.append(Line(account: "112", side: "D", amount: 1)) }),
            ("memo", Self.edited { $0.memo += "." }),
            ("memo NFD", Self.edited { $0.memo = $0.memo.decomposedStringWithCanonicalMappingForTest }),
            ("reference", Self.edited { $0.reference = "TB2509-000008" }),
            ("kind", Self.edited { $0.kind = "reversal" }),
            ("actor", Self.edited { $0.actor = "hieu-truong" }),
            ("recordedAt", Self.edited { $0.recordedAt = "2025-09-01T08:00:01Z" }),
            ("sequence", Self.edited { $0.sequence = 8 }),
            ("reverses set", Self.edited { $0.reverses = 7 }),
            ("reverses other", Self.edited { $0.reverses = 0 }),
            ("previousHash", Self.edited { $0.previousHash = String(repeating: "ab", count: 31) + "ac" }),
            ("previousHash genesis", Self.edited { $0.previousHash = HashChain.genesis }),
        ]
        var seen: [String: String] = [:]
        for (name, record) in variants {
            let hash = record.computedHash
            #expect(Self.isLowercaseHex64(hash))
            if let other = seen[hash] { Issue.record("\(name) hashes like \(other)") }
            seen[hash] = name
        }
        #expect(seen.count == variants.count)
    }

    @Test func propertyEditingAFieldChangesTheHash() async {
        let text = Gen.letterOrNumber.string(of: 0...12)
        let number = Gen.int64(in: -1_000_000...1_000_000_000)
        await propertyCheck(count: 400, input: Gen.int(in: 0...10), text, number) { field, newText, newNumber in
            let base = Fields()
            var fields = base
            switch field {
            case 0: fields.memo = newText
            case 1: fields.reference = newText
            case 2: fields.kind = newText
            case 3: fields.actor = newText
            case 4: fields.recordedAt = newText
            case 5: fields.sequence = newNumber
            case 6: fields.reverses = newNumber
            case 7: fields.lines[0] = Line(account: fields.lines[0].account, side: "D", amount: newNumber)
            case 8: fields.lines[1] = Line(account: newText, side: "C", amount: fields.lines[1].amount)
            case 9: fields.lines[2] = Line(account: "3381.BHYT", side: newText, amount: 884_520)
            default: fields.previousHash = newText
            }
            let changed = fields.record != base.record
            #expect((fields.record.computedHash != base.record.computedHash) == changed)
        }
    }

    @Test func canonicalEncodingIsUnambiguous() {
        let pairs: [(JournalRecord, JournalRecord)] = [
            // Pairs that a plain `name=value\n` encoding would turn into the very same bytes: a value carries a
            // line break and the next field's name, and the boundary between the two fields moves.
            (Self.edited { $0.memo = "x\nactor=y"; $0.actor = "z" }, Self.edited { $0.memo = "x"; $0.actor = "y\nactor=z" }),
            (Self.edited { $0.reference = "r\nmemo=m"; $0.memo = "n" }, Self.edited { $0.reference = "r"; $0.memo = "m\nmemo=n" }),
            (Self.edited { $0.kind = "k\nreference=a"; $0.reference = "b" }, Self.edited { $0.kind = "k"; $0.reference = "a\nreference=b" }),
            (Self.edited { $0.lines = [Line(account: "131.A\nside=D", side: "C", amount: 5)] },
             Self.edited { $0.lines = [Line(account: "131.A", side: "D\nside=C", amount: 5)] }),
            // The boundary between two neighbouring fields moves.
            (Self.edited { $0.reference = "ab"; $0.memo = "c" }, Self.edited { $0.reference = "a"; $0.memo = "bc" }),
            // A value that imitates the encoding of the next field.
            (Self.edited { $0.memo = "x\nactor=7:ke-toan"; $0.actor = "" }, Self.edited { $0.memo = "x"; $0.actor = "ke-toan" }),
            (Self.edited { $0.reference = "R\nmemo=1:m"; $0.memo = "" }, Self.edited { $0.reference = "R"; $0.memo = "m" }),
            (Self.edited { $0.memo = "a\nreference=1:b\n" }, Self.edited { $0.memo = "a"; $0.reference = "b" }),
            (Self.edited { $0.sequence = 1; $0.recordedAt = "12" }, Self.edited { $0.sequence = 11; $0.recordedAt = "2" }),
            (Self.edited { $0.actor = "a"; $0.reverses = 12 }, Self.edited { $0.actor = "a1"; $0.reverses = 2 }),
            // A line whose account swallows the next line's fields.
            (Self.edited { $0.lines = [Line(account: "131.A\nside=1:D\namount=1:5\naccount=5:531.B", side: "C", amount: 5)] },
             Self.edited { $0.lines = [Line(account: "131.A", side: "D", amount: 5), Line(account: "531.B", side: "C", amount: 5)] }),
            // The line count is encoded, so lines cannot migrate into another field.
            (Self.edited { $0.lines = [] }, Self.edited { $0.lines = []; $0.actor = "ke-toan\nlines=1:0" }),
            // No reversal and reversal of an empty-looking value.
            (Self.edited { $0.reverses = nil; $0.actor = "x" }, Self.edited { $0.reverses = nil; $0.actor = "x\nreverses=0:" }),
        ]
        for (a, b) in pairs {
            #expect(a.canonicalBytes != b.canonicalBytes)
            #expect(a.computedHash != b.computedHash)
        }
        // The first four pairs really are collisions for the naive encoding, so they test something.
        func naive(_ r: JournalRecord) -> String {
            "sequence=\(r.sequence)\nrecorded_at=\(r.recordedAt)\nkind=\(r.kind)\nreference=\(r.reference)\nmemo=\(r.memo)\nactor=\(r.actor)\n"
                + r.lines.map { "account=\($0.account)\nside=\($0.side)\namount=\($0.amount)\n" }.joined()
        }
        for (a, b) in pairs.prefix(4) { #expect(naive(a) == naive(b)) }
    }

    @Test func auditRecordAnyFieldChangesTheHash() {
        func seal(_ action: String = "student.added", subject: String = "HS001", details: String = "An, lớp 1A",
                  sequence: Int64 = 3, at: String = "2025-09-01T08:00:00Z", actor: String = "ke-toan",
                  previous: String = HashChain.genesis) -> String {
            AuditRecord(sealing: AuditEvent(action, subject: subject, details: details), sequence: sequence,
                        at: Fixtures.time(at), actor: actor, previousHash: previous).hash
        }
        let hashes = [seal(), seal("student.updated"), seal(subject: "HS002"), seal(details: "An, lớp 1B"), seal(sequence: 4),
                      seal(at: "2025-09-01T08:00:01Z"), seal(actor: "hieu-truong"), seal(previous: String(repeating: "1", count: 64)),
                      seal("student.added", subject: "HS00", details: "1An, lớp 1A")]
        #expect(Set(hashes).count == hashes.count)
        #expect(hashes.allSatisfy(Self.isLowercaseHex64))
    }

    @Test func changesSealEntriesIntoAContinuousChain() throws {
        let base = LedgerHead(journalSequence: 4, journalHash: String(repeating: "c", count: 64), auditSequence: 9,
                              auditHash: String(repeating: "d", count: 64), lastInvoiceSerial: 10)
        var changes = LedgerChanges(base: base, at: Fixtures.time("2025-10-01T01:02:03Z"), actor: "ke-toan")
        #expect(changes.isEmpty)
        let s1 = changes.record(Self.sampleEntry)
        let s2 = changes.record(Self.sampleEntry.reversal(ofSequence: s1, memo: "hủy"))
        changes.audit(AuditEvent("a.b", subject: "x"))
        changes.audit(AuditEvent("a.c", subject: "y"))
        #expect(changes.nextInvoiceSerial() == 11)
        #expect(changes.nextInvoiceSerial() == 12)
        #expect(!changes.isEmpty)
        #expect((s1, s2) == (5, 6))
        #expect(changes.journal.map(\.sequence) == [5, 6])
        #expect(changes.journal[0].previousHash == base.journalHash)
        #expect(changes.journal[1].previousHash == changes.journal[0].hash)
        #expect(changes.journal.allSatisfy { $0.hash == $0.computedHash && $0.recordedAt == "2025-10-01T01:02:03Z" && $0.actor == "ke-toan" })
        #expect(changes.journal[1].reverses == 5 && changes.journal[1].kind == "reversal")
        #expect(changes.audit.map(\.sequence) == [10, 11])
        #expect(changes.audit[0].previousHash == base.auditHash)
        #expect(changes.audit[1].previousHash == changes.audit[0].hash)
        #expect(changes.base == base)
        #expect(changes.head == LedgerHead(journalSequence: 6, journalHash: changes.journal[1].hash, auditSequence: 11,
                                           auditHash: changes.audit[1].hash, lastInvoiceSerial: 12))
    }
}

extension String {
    /// NFD, via the standard library's canonical equivalence rather than Foundation, for a test that needs a
    /// byte-different but canonically equal string.
    var decomposedStringWithCanonicalMappingForTest: String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "ô": out.append(contentsOf: "o\u{0302}".unicodeScalars)
            case "á": out.append(contentsOf: "a\u{0301}".unicodeScalars)
            case "ễ": out.append(contentsOf: "e\u{0302}\u{0303}".unicodeScalars)
            case "ă": out.append(contentsOf: "a\u{0306}".unicodeScalars)
            case "ớ": out.append(contentsOf: "o\u{031B}\u{0301}".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
