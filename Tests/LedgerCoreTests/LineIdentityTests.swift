import Crypto
import Foundation
@testable import LedgerCore
import Testing
import VietnameseText

/// Line identities are stored in every ledger, so the fast `LineIdentity.Builder` must give exactly the
/// fingerprints of its documented definition: SHA-256 of `account|date|direction|amount|DESCRIPTION|occurrence`.
@Suite("LineIdentity")
struct LineIdentityTests {
    static let account = "63510000868686"

    static func line(_ day: Int, _ direction: Direction, _ amount: Int64, _ description: String,
                     reference: String? = nil) -> StatementLine {
        StatementLine(bookingDate: LocalDate(year: 2025, month: 9, day: day)!, direction: direction,
                      amount: Money(dong: amount), bankReference: reference, description: description, position: 1)
    }

    /// The definition, written plainly: strings, `BankASCII.fold`, occurrences counted by the text itself.
    static func reference(_ lines: [StatementLine], account: String) -> [LineIdentity] {
        var seen: [String: Int] = [:]
        return lines.map { line in
            let folded = BankASCII.fold(line.description).uppercased()
                .unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            let description = String(String.UnicodeScalarView(folded))
            let base = "\(account)|\(line.bookingDate.description)|\(line.direction.rawValue)|\(String(line.amount.dong))|\(description)|"
            let occurrence = (seen[base] ?? 0) + 1
            seen[base] = occurrence
            let digest = SHA256.hash(data: Array((base + String(occurrence)).utf8))
            let referenceKey = line.bankReference.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : "ref:" + $0 }
            return LineIdentity(referenceKey: referenceKey, fingerprint: digest.map { String(format: "%02x", $0) }.joined())
        }
    }

    @Test("known fingerprints (computed outside Swift from the definition)")
    func knownAnswers() {
        let text = "REM Tfr Ac:1770200000 O@L_080005_211601 HP8BU6E28 nop hoc phi be 0"
        let lines = [Self.line(1, .credit, 1_410_100, text, reference: "FT25100000000"),
                     Self.line(1, .credit, 1_410_100, text),
                     Self.line(30, .debit, 22_000, "  Nguyễn Văn A\tnộp học phí bé Dũng ", reference: "  ")]
        var builder = LineIdentity.Builder(account: Self.account)
        let identities = lines.map { builder.identity(of: $0) }
        #expect(identities[0] == LineIdentity(referenceKey: "ref:FT25100000000",
                                              fingerprint: "4edd9ba3ac15e457f48b4ce75c08a59d29ca482a4e58d7b0addb6449102734d4"))
        #expect(identities[1] == LineIdentity(referenceKey: nil,
                                              fingerprint: "45c191b63dd4501fb21ffba937be4b4656905e8a02a355430bec107afa0f7267"))
        #expect(identities[2] == LineIdentity(referenceKey: nil,
                                              fingerprint: "95f57059620d7dd7365a438f27d1f956815cfc3ef66abf03f6a69cc57beb7375"))
    }

    @Test("the builder gives the definition's identities on generated lines (ASCII, Vietnamese, decomposed, control characters, repeats)")
    func generated() {
        var random = SplitMix(seed: 20_250_901)
        let pieces = ["HP8BU6E28", "nop hoc phi", "nộp học phí", "Nguyễn Thị Ánh", "ĐẶNG ĐỨC", "be\u{0301} Lan", "\t", "\r\n",
                      " ", "  ", "O@L_080005", "-CTLNHIDI000009835348328-1/1-CRE-002", "½", "日本", "🙂", "\u{00A0}", "\u{0007}",
                      "TKThe :2209200000000", "Mã HS 12", "e\u{0302}\u{0301}", ""]
        let references: [String?] = [nil, "", " ", "FT25100000001", " FT25 ", "\tFT9\n", "FT\u{00A0}", "Số 5"]
        var lines: [StatementLine] = []
        for _ in 0..<3_000 {
            let description = (0..<random.next(below: 6)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            let amounts: [Int64] = [1, 9, 10, 22_000, 1_410_100, 9_223_372_036_854_775_807]
            lines.append(Self.line(1 + random.next(below: 3), random.next(below: 2) == 0 ? .credit : .debit,
                                   amounts[random.next(below: amounts.count)], description,
                                   reference: references[random.next(below: references.count)]))
        }
        var builder = LineIdentity.Builder(account: Self.account)
        let fast = lines.map { builder.identity(of: $0) }
        let plain = Self.reference(lines, account: Self.account)
        for (index, (a, b)) in zip(fast, plain).enumerated() where a != b {
            Issue.record("line \(index) \(lines[index].description.debugDescription): \(a) ≠ \(b)")
        }
        // The generator does repeat lines, so occurrences above 1 were exercised.
        #expect(Set(plain.map(\.fingerprint)).count == lines.count)
        #expect(Set(lines.map { "\($0.bookingDate)\($0.direction)\($0.amount)\(LineIdentity.normalizedDescription($0.description))" }).count < lines.count / 2)
    }

    @Test("numbers are written as String(_:) writes them", arguments: [0, 7, 10, 99, 1_410_100, -5, Int64.max, Int64.min])
    func decimal(value: Int64) {
        var bytes: [UInt8] = []
        LineIdentity.appendDecimal(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }

    @Test("dates are written as LocalDate.description writes them")
    func dates() {
        for (year, month, day) in [(1900, 1, 1), (2025, 9, 30), (2999, 12, 31), (2024, 2, 29), (2000, 10, 5)] {
            let date = LocalDate(year: year, month: month, day: day)!
            var bytes: [UInt8] = []
            LineIdentity.appendDate(date, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == date.description)
        }
    }

    @Test("SeenDigests counts as a dictionary would: repeats, equal first halves, the zero key, through resizes")
    func seenDigests() {
        var random = SplitMix(seed: 7)
        var table = SeenDigests()
        var plain: [[UInt64]: UInt32] = [:]
        for _ in 0..<12_000 {
            // Few distinct `high` values (long probe runs), some keys repeated, the all-zero key now and then.
            let high = random.next(below: 10) == 0 ? 0 : random.next() % 3_000 * 0x1_0000_0001
            let low = random.next(below: 3) == 0 ? 0 : 2 + random.next() % 20  // never (0, 1): see SeenDigests
            let expected = (plain[[high, low]] ?? 0) + 1
            plain[[high, low]] = expected
            let got = table.count(high: high, low: low)
            if got != expected {
                Issue.record("(\(high), \(low)): \(got), expected \(expected)")
                return
            }
        }
        #expect(plain.values.contains { $0 > 1 })
    }
}

/// A small seeded generator, so a failure can be replayed.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
