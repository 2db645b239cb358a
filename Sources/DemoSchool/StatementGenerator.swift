import LedgerCore
import VietnameseText

/// Realistic bank lines paying a school's invoices, with the truth about each one — the accuracy harness of
/// reconciliation and the demo's statement.
///
/// Descriptions come in the envelopes of five banks (`../shared/domain/bank-statements.md`), and payers
/// write codes the ways people do: lower case, split by spaces, dots or dashes, glued to words, two codes
/// for siblings, one wrong character, no code but the child's name and class, a namesake's name, text cut
/// short; there are instalments, partial and over-payments, unrelated credits and bank charges.
public struct StatementGenerator: Sendable {
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        case code, mangledCode, siblings, instalment, partial, overpayment, typo, nameOnly, namesake, truncated
        case unrelated, interest, bankCharge
    }

    /// What a correct reconciliation does with a line.
    public enum Truth: Sendable, Hashable {
        /// Allocated to exactly these invoices (any surplus to the family's credit).
        case pays(Set<String>)
        /// Must not be matched automatically (review, or ignored).
        case notAutomatic
    }

    public struct GeneratedLine: Sendable, Hashable {
        public let line: StatementLine
        public let kind: Kind
        public let truth: Truth
    }

    static let envelopeCount = 8

    /// Roughly how often each kind occurs: most payers use the code; a few things are not fee payments.
    static let weightedKinds: [Kind] = [
        .code, .code, .code, .code, .mangledCode, .mangledCode, .mangledCode, .siblings, .instalment, .partial,
        .overpayment, .typo, .nameOnly, .nameOnly, .namesake, .truncated, .unrelated, .interest, .bankCharge,
    ]

    /// The payer's text inside bank `index`'s envelope; `n` varies the bank's own numbers.
    static func envelope(_ index: Int, _ text: String, _ n: Int) -> String {
        switch index {
        case 0: return "MBVCB.\(6_987_845_941 + n).\(text).CT tu 0181000000000 NGUYEN VAN A toi 63510000868686 TRUONG TIEU HOC KIM DONG"
        case 1: return "TKThe :2209200000000 tai Agribank. \(text) -CTLNHIDI00000\(983_534_832 + n)-1/1-CRE-002; thoi gian GD:02/09/2025 08:05:11"
        case 2: return "REM Tfr Ac:1770200000 O@L_080005_211601_0_0_\(510_890_375 + n)_6656 \(text)"
        case 3: return "MB(622119)(\(text) )"
        case 4: return "CT nhanh 247 den: \(text)"
        case 5: return "Chuyen tien den tu NAPAS Noi dung: \(text)"
        case 6: return "\(text) FT25245\(1_000_000 + n)"
        default: return "528221.100925.\(200_000 + n).\(text)"
        }
    }

    /// - Parameter invoices: open invoices. Code payments draw from all of them; name-only payments only from
    ///   pupils whose name no other pupil has, and namesake payments from those whose name others share.
    public static func lines<G: RandomNumberGenerator>(for invoices: [Invoice], count: Int, using rng: inout G) -> [GeneratedLine] {
        var lines: [GeneratedLine] = []
        var position = 0
        let nameCount = Dictionary(grouping: invoices, by: { BankASCII.fold($0.studentName).uppercased() }).mapValues(\.count)
        let unique = invoices.filter { nameCount[BankASCII.fold($0.studentName).uppercased()] == 1 }
        let namesakes = invoices.filter { (nameCount[BankASCII.fold($0.studentName).uppercased()] ?? 0) > 1 }
        var used = Set<String>()
        func take(_ pool: [Invoice]) -> Invoice? {
            for _ in 0..<20 {
                guard let pick = pool.randomElement(using: &rng), !used.contains(pick.number) else { continue }
                used.insert(pick.number)
                return pick
            }
            return nil
        }
        func add(_ text: String, _ amount: Int64, _ kind: Kind, _ truth: Truth, debit: Bool = false) {
            position += 1
            let bank = Int.random(in: 0..<envelopeCount, using: &rng)
            lines.append(GeneratedLine(
                line: StatementLine(bookingDate: LocalDate(year: 2025, month: 9, day: 1 + position % 28)!,
                                    direction: debit ? .debit : .credit, amount: Money(dong: amount),
                                    bankReference: "FT25\(String(100_000_000 + position))",
                                    description: debit ? text : envelope(bank, text, position), position: position),
                kind: kind, truth: truth))
        }
        func mangle(_ code: String) -> String {
            let chars = Array(code)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: return code.lowercased()
            case 1: return String(chars[0..<4]) + " " + String(chars[4...])
            case 2: return String(chars[0..<2]) + "." + String(chars[2..<6]) + "-" + String(chars[6...])
            case 3: return "hocphi" + code + "lop"
            default: return String(chars[0..<5]).lowercased() + " " + String(chars[5...])
            }
        }
        func ascii(_ s: String) -> String { BankASCII.fold(s).uppercased() }
        var attempts = 0
        while lines.count < count && attempts < count * 20 {
            attempts += 1
            let kind = weightedKinds[Int.random(in: 0..<weightedKinds.count, using: &rng)]
            switch kind {
            case .code:
                guard let i = take(invoices) else { continue }
                add("\(i.paymentCode.text) \(ascii(i.studentName)) \(i.className)", i.remaining.dong, kind, .pays([i.number]))
            case .mangledCode:
                guard let i = take(invoices) else { continue }
                add("tien hoc \(mangle(i.paymentCode.text)) thang 9", i.remaining.dong, kind, .pays([i.number]))
            case .siblings:
                guard let a = take(invoices), let b = take(invoices) else { continue }
                add("\(a.paymentCode.text) \(b.paymentCode.text.lowercased()) hai chau", a.remaining.dong + b.remaining.dong, kind, .pays([a.number, b.number]))
            case .instalment:
                guard let i = take(invoices) else { continue }
                let half = i.remaining.dong / 2
                add("\(i.paymentCode.text) dot 1", half, kind, .pays([i.number]))
                add("\(i.paymentCode.text) dot 2", i.remaining.dong - half, kind, .pays([i.number]))
            case .partial:
                guard let i = take(invoices) else { continue }
                add("\(i.paymentCode.text) nop truoc", max(1, i.remaining.dong - 100_000), kind, .pays([i.number]))
            case .overpayment:
                guard let i = take(invoices) else { continue }
                add("\(i.paymentCode.text)", i.remaining.dong + 50_000, kind, .pays([i.number]))
            case .typo:
                guard let i = take(invoices) else { continue }
                var chars = Array(i.paymentCode.text)
                let index = Int.random(in: 2..<chars.count, using: &rng)
                let replacement = PaymentCode.alphabet.filter { $0 != chars[index] }.randomElement(using: &rng)!
                chars[index] = replacement
                add("nop tien \(String(chars))", i.remaining.dong, kind, .notAutomatic)
            case .nameOnly:
                guard let i = take(unique) else { continue }
                add("tien an con \(ascii(i.studentName)) lop \(i.className)", i.remaining.dong, kind, .pays([i.number]))
            case .namesake:
                guard let i = take(namesakes) else { continue }
                add("hoc phi \(ascii(i.studentName))", i.remaining.dong, kind, .notAutomatic)
            case .truncated:
                guard let i = take(invoices) else { continue }
                add(String(i.paymentCode.text.prefix(6)), i.remaining.dong, kind, .notAutomatic)
            case .unrelated:
                add("ung ho quy khuyen hoc nam 2025", 5_000_000, kind, .notAutomatic)
            case .interest:
                add("Tra lai tien gui thang 08", 1_250, kind, .notAutomatic)
            case .bankCharge:
                add("Phi quan ly tai khoan thang 08", 22_000, kind, .notAutomatic, debit: true)
            }
        }
        return lines
    }
}
