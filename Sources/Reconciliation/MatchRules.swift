import LedgerCore
import VietnameseText

/// What reconciliation decides for one bank line. Every decision carries its reason in words a person can
/// check, because an accountant must be able to see why a child is shown as paid.
public enum MatchDecision: Sendable, Hashable {
    /// Allocate the line: to invoices (and any surplus to the family's credit).
    case allocate([Share], method: String, reason: String)
    /// Leave it for the accountant, with the best suggestions.
    case review(reason: String, suggestions: [Suggestion])
    /// Not a fee payment (interest, bank charges, money going out): classified, not matched.
    case ignore(reason: String)

    public struct Share: Sendable, Hashable {
        /// nil: the family's credit (3383) for an over-payment.
        public let invoiceNumber: String?
        public let studentCode: StudentCode
        public let amount: Money
    }

    public struct Suggestion: Sendable, Hashable, Codable {
        public let invoiceNumber: String
        public let studentCode: String
        public let studentName: String
        public let className: String
        public let remaining: Int64
        public let why: String
        public let score: Int
    }
}

/// The open invoices and pupils reconciliation decides against, kept in memory and updated as lines are
/// allocated, so one run makes consistent decisions line after line (instalments accumulate, a paid invoice
/// stops attracting payments).
public struct ReconciliationBook: Sendable {
    private(set) var invoices: [String: Invoice]
    private var numberByCode: [PaymentCode: String]
    private var invoicesByStudent: [StudentCode: [String]]
    private var students: [StudentCode: Student]
    /// Folded full name ("NGUYEN VAN AN") → pupils, for finding names inside descriptions.
    private var studentsByName: [String: [StudentCode]]
    private var longestNameWords: Int
    /// Payer accounts seen on confirmed matches → the pupils they paid for.
    private var payerAccounts: [String: Set<StudentCode>]
    /// What each family holds in credit (3383) from over-payments, in đồng: what a refund may pay back.
    private var familyCredits: [StudentCode: Int64]

    public init(invoices: [Invoice], students: [Student], payerAccounts: [String: Set<StudentCode>],
                familyCredits: [StudentCode: Int64] = [:]) {
        self.familyCredits = familyCredits
        self.invoices = Dictionary(uniqueKeysWithValues: invoices.map { ($0.number, $0) })
        numberByCode = Dictionary(uniqueKeysWithValues: invoices.map { ($0.paymentCode, $0.number) })
        invoicesByStudent = Dictionary(grouping: invoices.sorted { ($0.period, $0.serial) < ($1.period, $1.serial) }, by: \.studentCode)
            .mapValues { $0.map(\.number) }
        self.students = Dictionary(uniqueKeysWithValues: students.map { ($0.code, $0) })
        var byName: [String: [StudentCode]] = [:]
        var longest = 1
        for student in students {
            let key = Self.nameKey(student.fullName)
            byName[key, default: []].append(student.code)
            longest = max(longest, key.split(separator: " ").count)
        }
        studentsByName = byName
        longestNameWords = longest
        self.payerAccounts = payerAccounts
    }

    static func nameKey(_ name: String) -> String {
        BankASCII.fold(name).uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    func openInvoices(of student: StudentCode) -> [Invoice] {
        (invoicesByStudent[student] ?? []).compactMap { invoices[$0] }.filter { !$0.isVoid && $0.remaining.isPositive }
    }

    func hasStudent(_ code: StudentCode) -> Bool { students[code] != nil }

    /// What the family of `code` holds in credit (3383), as this run has left it.
    func familyCredit(of code: StudentCode) -> Int64 { familyCredits[code] ?? 0 }

    /// The one rule for paying money back, automatic or by hand: never more than the family holds.
    func canRefund(_ amount: Money, to code: StudentCode) -> Bool { familyCredit(of: code) >= amount.dong }

    /// Records an allocation in memory, so later lines see the invoice's new remaining amount.
    mutating func apply(_ shares: [MatchDecision.Share], refund: Bool = false) {
        for share in shares {
            if share.invoiceNumber == nil {
                familyCredits[share.studentCode, default: 0] += refund ? -share.amount.dong : share.amount.dong
            }
            guard let number = share.invoiceNumber, var invoice = invoices[number] else { continue }
            invoice.amountPaid = (try? invoice.amountPaid.adding(share.amount)) ?? invoice.amountPaid
            invoices[number] = invoice
        }
    }

    mutating func learn(payerAccount: String?, student: StudentCode) {
        guard let account = payerAccount, !account.isEmpty else { return }
        payerAccounts[account, default: []].insert(student)
    }

    /// Decides one line. Rules in order; the first that applies decides.
    public func decide(_ line: StatementLine) -> MatchDecision {
        let reading = DescriptionReading(line.description)
        if line.direction == .debit { return decideDebit(line, reading) }
        if !reading.codes.isEmpty { return decideByCodes(line, reading) }
        if Self.isInterest(reading.foldedText) { return .ignore(reason: "interest paid by the bank, not a fee") }
        let suggestions = self.suggestions(for: line, reading)
        if let invalid = reading.invalidCandidates.first {
            return .review(reason: reading.reason(for: invalid), suggestions: suggestions)
        }
        if let account = line.counterpartyAccount, let known = payerAccounts[account] {
            let fitting = known.flatMap(openInvoices(of:)).filter { $0.remaining == line.amount }
            if fitting.count == 1, let invoice = fitting.first {
                return .allocate([.init(invoiceNumber: invoice.number, studentCode: invoice.studentCode, amount: line.amount)],
                                 method: "payer-account+amount",
                                 reason: "payer account \(account) paid for \(invoice.studentName) before; the amount equals the only open invoice \(invoice.number)")
            }
        }
        // The name must single out one pupil of the whole school — not just one with an open invoice: when a
        // namesake has already paid, this could be their second payment as well as the other child's first.
        let namedStudents = self.namedStudents(in: reading)
        let named = suggestions.filter { namedStudents.contains(StudentCode($0.studentCode)!) }
        if namedStudents.count == 1, named.count == 1, let only = named.first, only.remaining == line.amount.dong,
           let code = StudentCode(only.studentCode) {
            return .allocate([.init(invoiceNumber: only.invoiceNumber, studentCode: code, amount: line.amount)],
                             method: "name+amount",
                             reason: "no payment code; \(only.why); it is the pupil's only open invoice and the amount equals what is due")
        }
        let reason = suggestions.isEmpty ? "no payment code, and no pupil's name or open amount fits"
            : "no payment code; the evidence does not single out one invoice"
        return .review(reason: reason, suggestions: suggestions)
    }

    private func decideByCodes(_ line: StatementLine, _ reading: DescriptionReading) -> MatchDecision {
        var named: [Invoice] = []
        var unknown: [String] = []
        for found in reading.codes {
            if let number = numberByCode[found.code], let invoice = invoices[number] {
                if !named.contains(where: { $0.number == number }) { named.append(invoice) }
            } else {
                unknown.append(found.code.text)
            }
        }
        if named.isEmpty {
            return .review(reason: "code \(unknown.joined(separator: ", ")) passes its check but no invoice of this school has it",
                           suggestions: suggestions(for: line, reading))
        }
        if let void = named.first(where: \.isVoid) {
            return .review(reason: "code \(void.paymentCode) belongs to void invoice \(void.number)", suggestions: [])
        }
        let open = named.filter { $0.remaining.isPositive }.sorted { ($0.period, $0.serial) < ($1.period, $1.serial) }
        if open.isEmpty {
            return .review(reason: "invoice \(named.map(\.number).joined(separator: ", ")) is already paid in full: possibly a duplicate payment",
                           suggestions: [])
        }
        var left = line.amount
        var shares: [MatchDecision.Share] = []
        for invoice in open where left.isPositive {
            let part = min(left, invoice.remaining)
            shares.append(.init(invoiceNumber: invoice.number, studentCode: invoice.studentCode, amount: part))
            left = Money(dong: left.dong - part.dong)
        }
        var reason = reading.codes.filter { numberByCode[$0.code] != nil }.map(reading.reason(for:)).joined(separator: "; ")
        if left.isPositive {
            shares.append(.init(invoiceNumber: nil, studentCode: open[0].studentCode, amount: left))
            reason += "; \(left.formatted) more than due is kept as the family's credit"
        } else if line.amount < open.reduce(Money.zero, { (try? $0.adding($1.remaining)) ?? $0 }) {
            reason += "; a partial payment"
        }
        if !unknown.isEmpty { reason += "; code \(unknown.joined(separator: ", ")) matches no invoice" }
        return .allocate(shares, method: "code", reason: reason)
    }

    /// Money out is classified, except a refund: a transfer back to a family that names one of its payment codes
    /// and does not exceed the family's credit pays that credit back. Anything else about a refund goes to review.
    private func decideDebit(_ line: StatementLine, _ reading: DescriptionReading) -> MatchDecision {
        let category = Self.debitCategory(line.description)
        let families = Set(reading.codes.compactMap { numberByCode[$0.code].flatMap { invoices[$0]?.studentCode } })
        guard !families.isEmpty else { return .ignore(reason: category) }
        guard families.count == 1, let student = families.first else {
            return .review(reason: "money out naming codes of several families: which credit does it refund?", suggestions: [])
        }
        let credit = familyCredit(of: student)
        let name = students[student]?.fullName ?? student.value
        guard canRefund(line.amount, to: student) else {
            return .review(reason: "money out naming \(name)'s code, but the family's credit is \(Money(dong: credit).formatted), less than \(line.amount.formatted)",
                           suggestions: [])
        }
        return .allocate([.init(invoiceNumber: nil, studentCode: student, amount: line.amount)], method: "refund",
                         reason: "refund of \(name)'s credit (\(Money(dong: credit).formatted) held): \(reading.codes.map(reading.reason(for:)).joined(separator: "; "))")
    }

    /// Ranked invoices that could be meant: a pupil's name in the text, the class mentioned, the amount.
    /// Every pupil whose full name (folded, as whole words) appears in the payer's text.
    func namedStudents(in reading: DescriptionReading) -> Set<StudentCode> {
        var found = Set<StudentCode>()
        let words = reading.foldedText.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for start in words.indices {
            for length in 2...max(2, longestNameWords) where start + length <= words.count {
                found.formUnion(studentsByName[words[start..<(start + length)].joined(separator: " ")] ?? [])
            }
        }
        return found
    }

    func suggestions(for line: StatementLine, _ reading: DescriptionReading) -> [MatchDecision.Suggestion] {
        var candidates: [StudentCode: (score: Int, why: [String])] = [:]
        for code in namedStudents(in: reading) {
            candidates[code] = (10, ["name \(students[code]?.fullName ?? code.value) in the text"])
        }
        let mentioned = Set(reading.classMentions.map(\.name))
        if !mentioned.isEmpty {
            for (code, _) in candidates where mentioned.contains(students[code]?.className.description ?? "") {
                candidates[code]!.score += 5
                candidates[code]!.why.append("class \(students[code]!.className) mentioned")
            }
        }
        var suggestions: [MatchDecision.Suggestion] = []
        for (code, evidence) in candidates {
            for invoice in openInvoices(of: code) {
                var why = evidence.why
                var score = evidence.score
                if invoice.remaining == line.amount { score += 3; why.append("amount equals what is due") }
                suggestions.append(.init(invoiceNumber: invoice.number, studentCode: code.value, studentName: invoice.studentName,
                                         className: invoice.className.description, remaining: invoice.remaining.dong,
                                         why: why.joined(separator: ", "), score: score))
            }
        }
        return Array(suggestions.sorted { ($0.score, $1.invoiceNumber) > ($1.score, $0.invoiceNumber) }.prefix(5))
    }

    static func isInterest(_ folded: String) -> Bool {
        let text = folded.uppercased()
        return ["LAI TIEN GUI", "TRA LAI", "LAI NHAP VON", "INTEREST", "LAI TK"].contains { text.contains($0) }
    }

    static func debitCategory(_ description: String) -> String {
        let text = BankASCII.fold(description).uppercased()
        if ["PHI ", "PHI_", "FEE", "SMS", "PHI QUAN LY"].contains(where: text.contains) || text.hasPrefix("PHI") { return "money out: a bank charge" }
        if ["HOAN TRA", "HOAN TIEN", "REFUND"].contains(where: text.contains) { return "money out: a refund" }
        return "money out, not a fee payment"
    }
}
