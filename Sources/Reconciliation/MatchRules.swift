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
        /// Where the invoice sits in the book that decided (-1: look it up by number). Not part of the share's
        /// identity: two books may lay the same invoices out differently.
        var slot: Int32 = -1

        public static func == (a: Share, b: Share) -> Bool {
            a.invoiceNumber == b.invoiceNumber && a.studentCode == b.studentCode && a.amount == b.amount
        }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(invoiceNumber)
            hasher.combine(studentCode)
            hasher.combine(amount)
        }
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

extension ReconciliationBook {
    /// Decides one line. Rules in order; the first that applies decides.
    public func decide(_ line: StatementLine) -> MatchDecision { decide(line, suggesting: true) }

    /// - Parameter suggesting: whether a line left for review gets its ranked suggestions. A run does not show
    ///   them (the review queue does), and a common name may be shared by thousands of pupils in a district,
    ///   so a run only asks whether the name singles out one pupil.
    func decide(_ line: StatementLine, suggesting: Bool) -> MatchDecision {
        let reading = DescriptionReading(line.description)
        if line.direction == .debit { return decideDebit(line, reading) }
        if !reading.codes.isEmpty { return decideByCodes(line, reading, suggesting: suggesting) }
        if Self.isInterest(reading.foldedText) { return .ignore(reason: "interest paid by the bank, not a fee") }
        let namedStudents = self.namedStudents(in: reading, atMost: suggesting ? .max : 2)
        let suggestions = suggesting ? self.suggestions(for: line, reading, named: namedStudents) : []
        let anySuggestion = suggesting ? !suggestions.isEmpty : namedStudents.contains { !openSlots(of: $0).isEmpty }
        if let invalid = reading.invalidCandidates.first {
            return .review(reason: reading.reason(for: invalid), suggestions: suggestions)
        }
        if let account = line.counterpartyAccount, let known = payers(of: account) {
            let fitting = known.sorted().compactMap(studentIndex).flatMap(openSlots(of:))
                .filter { slots[Int($0)].remaining == line.amount.dong }
            if fitting.count == 1, let slot = fitting.first {
                return .allocate([.init(invoiceNumber: number(slot), studentCode: studentCode(ofSlot: slot), amount: line.amount, slot: slot)],
                                 method: "payer-account+amount",
                                 reason: "payer account \(account) paid for \(fullName(ofSlot: slot)) before; the amount equals the only open invoice \(number(slot))")
            }
        }
        // The name must single out one pupil of the whole school — not just one with an open invoice: when a
        // namesake has already paid, this could be their second payment as well as the other child's first.
        if namedStudents.count == 1, let student = namedStudents.first {
            let open = openSlots(of: student)
            if open.count == 1, let slot = open.first, slots[Int(slot)].remaining == line.amount.dong,
               let evidence = self.suggestions(for: line, reading, named: [student]).first {
                return .allocate([.init(invoiceNumber: number(slot), studentCode: studentCode(ofSlot: slot), amount: line.amount, slot: slot)],
                                 method: "name+amount",
                                 reason: "no payment code; \(evidence.why); it is the pupil's only open invoice and the amount equals what is due")
            }
        }
        let reason = !anySuggestion ? "no payment code, and no pupil's name or open amount fits"
            : "no payment code; the evidence does not single out one invoice"
        return .review(reason: reason, suggestions: suggestions)
    }

    private func decideByCodes(_ line: StatementLine, _ reading: DescriptionReading, suggesting: Bool) -> MatchDecision {
        var named: [Int32] = []
        var unknown: [String] = []
        for found in reading.codes {
            if let slot = slot(forCode: found.code) {
                if !named.contains(slot) { named.append(slot) }
            } else {
                unknown.append(found.code.text)
            }
        }
        if named.isEmpty {
            return .review(reason: "code \(unknown.joined(separator: ", ")) passes its check but no invoice of this school has it",
                           suggestions: suggesting ? suggestions(for: line, reading, named: namedStudents(in: reading)) : [])
        }
        if let void = named.first(where: { slots[Int($0)].isVoid }) {
            return .review(reason: "code \(reading.codes.first { self.slot(forCode: $0.code) == void }?.code.text ?? "") belongs to void invoice \(number(void))",
                           suggestions: [])
        }
        let open = named.filter { slots[Int($0)].remaining > 0 }
            .sorted { (slots[Int($0)].period, slots[Int($0)].serial) < (slots[Int($1)].period, slots[Int($1)].serial) }
        if open.isEmpty {
            return .review(reason: "invoice \(named.map(number).joined(separator: ", ")) is already paid in full: possibly a duplicate payment",
                           suggestions: [])
        }
        var left = line.amount.dong
        var due: Int64 = 0
        var shares: [MatchDecision.Share] = []
        for slot in open {
            due += slots[Int(slot)].remaining
            guard left > 0 else { continue }
            let part = min(left, slots[Int(slot)].remaining)
            shares.append(.init(invoiceNumber: number(slot), studentCode: studentCode(ofSlot: slot), amount: Money(dong: part), slot: slot))
            left -= part
        }
        var reason = reading.codes.filter { slot(forCode: $0.code) != nil }.map(reading.reason(for:)).joined(separator: "; ")
        if left > 0 {
            shares.append(.init(invoiceNumber: nil, studentCode: studentCode(ofSlot: open[0]), amount: Money(dong: left)))
            reason += "; \(Money(dong: left).formatted) more than due is kept as the family's credit"
        } else if line.amount.dong < due {
            reason += "; a partial payment"
        }
        if !unknown.isEmpty { reason += "; code \(unknown.joined(separator: ", ")) matches no invoice" }
        return .allocate(shares, method: "code", reason: reason)
    }

    /// Money out is classified, except a refund: a transfer back to a family that names one of its payment codes
    /// and does not exceed the family's credit pays that credit back. Anything else about a refund goes to review.
    private func decideDebit(_ line: StatementLine, _ reading: DescriptionReading) -> MatchDecision {
        let category = Self.debitCategory(line.description)
        let families = Set(reading.codes.compactMap { slot(forCode: $0.code).map(studentCode(ofSlot:)) })
        guard !families.isEmpty else { return .ignore(reason: category) }
        guard families.count == 1, let student = families.first else {
            return .review(reason: "money out naming codes of several families: which credit does it refund?", suggestions: [])
        }
        let credit = familyCredit(of: student)
        let name = studentIndex(student).map { fullName($0) } ?? student.value
        guard canRefund(line.amount, to: student) else {
            return .review(reason: "money out naming \(name)'s code, but the family's credit is \(Money(dong: credit).formatted), less than \(line.amount.formatted)",
                           suggestions: [])
        }
        return .allocate([.init(invoiceNumber: nil, studentCode: student, amount: line.amount)], method: "refund",
                         reason: "refund of \(name)'s credit (\(Money(dong: credit).formatted) held): \(reading.codes.map(reading.reason(for:)).joined(separator: "; "))")
    }

    /// Every pupil whose full name (folded, as whole words) appears in the payer's text.
    ///
    /// Each run of two or more words is hashed as it grows, straight from the text's bytes; only a run whose
    /// hash some pupil's name has is turned into a string and compared.
    /// Stops once more than `atMost` pupils are found (a run only needs to know whether there is exactly one).
    func namedStudents(in reading: DescriptionReading, atMost: Int = .max) -> Set<Int32> {
        var found = Set<Int32>()
        let bytes = Array(reading.foldedText.utf8)
        var words: [Range<Int>] = []
        var start: Int?
        for (index, byte) in bytes.enumerated() {
            let isWordByte = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
            if isWordByte, start == nil { start = index }
            if !isWordByte, let first = start { words.append(first..<index); start = nil }
        }
        if let first = start { words.append(first..<bytes.count) }
        guard words.count >= 2 else { return found }
        let upper = { (byte: UInt8) -> UInt8 in (0x61...0x7A).contains(byte) ? byte - 0x20 : byte }
        for first in words.indices {
            var hash = NameHash.adding(bytes[words[first]].lazy.map(upper), to: NameHash.seed)
            for last in (first + 1)..<min(words.count, first + max(2, longestName)) {
                hash = NameHash.adding(CollectionOfOne(0x20), to: hash)
                hash = NameHash.adding(bytes[words[last]].lazy.map(upper), to: hash)
                guard mayBeName(hash) else { continue }
                let key = words[first...last].map { String(decoding: bytes[$0].lazy.map(upper), as: UTF8.self) }.joined(separator: " ")
                found.formUnion(students(named: key, hash: hash, atMost: atMost))
                if found.count > atMost { return found }
            }
        }
        return found
    }

    /// Ranked invoices that could be meant: a pupil's name in the text, the class mentioned, the amount.
    /// Only the best five are built into suggestions: a common name can name thousands of pupils.
    func suggestions(for line: StatementLine, _ reading: DescriptionReading, named: Set<Int32>) -> [MatchDecision.Suggestion] {
        let mentioned = Set(reading.classMentions.map(\.name))
        var ranked: [(score: Int, slot: Int32, classMentioned: Bool, amountFits: Bool)] = []
        for student in named {
            let classMentioned = !mentioned.isEmpty && mentioned.contains(className(student).description)
            for slot in openSlots(of: student) {
                let amountFits = slots[Int(slot)].remaining == line.amount.dong
                ranked.append((10 + (classMentioned ? 5 : 0) + (amountFits ? 3 : 0), slot, classMentioned, amountFits))
            }
        }
        let best = ranked.count <= 5 ? ranked.sorted(by: isRankedBefore) : Array(topFive(ranked))
        return best.map { candidate in
            let student = slots[Int(candidate.slot)].student
            var why = ["name \(fullName(student)) in the text"]
            if candidate.classMentioned { why.append("class \(className(student)) mentioned") }
            if candidate.amountFits { why.append("amount equals what is due") }
            return .init(invoiceNumber: number(candidate.slot), studentCode: studentCodes[Int(student)].value, studentName: fullName(student),
                         className: className(student).description, remaining: slots[Int(candidate.slot)].remaining,
                         why: why.joined(separator: ", "), score: candidate.score)
        }
    }

    /// Higher score first, then the lower invoice number.
    private func isRankedBefore(_ a: (score: Int, slot: Int32, classMentioned: Bool, amountFits: Bool),
                                _ b: (score: Int, slot: Int32, classMentioned: Bool, amountFits: Bool)) -> Bool {
        a.score != b.score ? a.score > b.score : number(a.slot) < number(b.slot)
    }

    private func topFive(_ ranked: [(score: Int, slot: Int32, classMentioned: Bool, amountFits: Bool)])
        -> ArraySlice<(score: Int, slot: Int32, classMentioned: Bool, amountFits: Bool)> {
        var best = Array(ranked.prefix(5)).sorted(by: isRankedBefore)
        for candidate in ranked.dropFirst(5) where isRankedBefore(candidate, best[4]) {
            best[4] = candidate
            best.sort(by: isRankedBefore)
        }
        return best[...]
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
